#pragma once
// Signals: registering, editing, status changes and reading them back. Every write runs in one
// transaction together with its history record, so a refused or failed action leaves no trace,
// and reads the state its rules check inside that transaction, after the write lock is taken, so
// a change another program made a moment ago is seen (the same holds for the other services).

#include "Result.h"
#include "domain/Workflow.h"
#include "services/History.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bs {

class Registry;

struct NewSignal {
    QString buurt;        // name (or CBS code)
    QString category;     // code
    QString source;       // code
    QString impact = QStringLiteral("buurt");  // least personal unless the worker says otherwise
    QString urgency = QStringLiteral("normaal");
    QString observedOn;   // YYYY-MM-DD; empty means today
    QString street;
    QString description;
    QString externalId;   // FIXIE / politie number
    QString followUpOn;   // YYYY-MM-DD, optional
    // The handler (login): not set means the person registering (when they handle signals),
    // empty means none.
    std::optional<QString> handler = std::nullopt;
};

// Fields to change; unset ones stay as they are.
struct SignalEdit {
    std::optional<QString> buurt;
    std::optional<QString> category;
    std::optional<QString> impact;
    std::optional<QString> urgency;
    std::optional<QString> street;
    std::optional<QString> description;
    std::optional<QString> followUpOn;
    QString reason;
};

// The work queues (werkvoorraden) of the desktop app; each is a condition on top of the filter.
enum class SignalQueue {
    All,               // alle signalen
    MyWork,            // mijn werkvoorraad: open signals I handle, plus those I registered without a handler
    FollowUpToday,     // open, with a follow-up date before the next working day
    Unassigned,        // open, without a handler
    New,               // status nieuw
    Late,              // open, with a passed escalation term, follow-up date or referral term
    AwaitingFeedback,  // with an open referral (verstuurd or geaccepteerd)
    Stalled,           // open, longer on their escalation level than its term
};

// ByFollowUp: the follow-up date first (none last), then urgency: the handler's own order.
enum class SignalSort { ByObserved, ByReference, ByBuurt, ByCategory, ByUrgency, ByStatus, ByLevel, ByFollowUp };

struct SignalFilter {
    SignalQueue queue = SignalQueue::All;
    QString status;
    QString buurt;
    QString theme;     // theme code T1..T4
    QString category;
    QString source;
    QString from;  // observed on or after, YYYY-MM-DD
    QString to;    // observed on or before
    QString text;  // free text in reference, description or street
    QString handler;  // login: only the open signals of that handler
    bool onlyOpen = false;
    bool onlyLate = false;
    SignalSort sort = SignalSort::ByObserved;
    bool descending = true;
    int limit = 200;
    int offset = 0;
};

struct SignalRow {
    qint64 id = 0;
    QString reference;
    QString observedOn;
    QString buurt;
    QString category;
    QString categoryName;
    QString themeCode;
    QString urgency;
    QString status;
    int level = 0;
    int openReferrals = 0;
    bool late = false;
    QString handler;       // login, empty when none
    QString handedOverBy;  // login of who handed it to the handler, empty when not handed over
    QString followUpOn;    // ISO date, empty when none
};

// The minimum the rules need to know about a signal.
struct SignalState {
    qint64 id = 0;
    QString reference;
    QString status;
    QString impact;
    int level = 0;
    QString consent;
    bool hasSubject = false;
};

namespace Signals {

constexpr int maxDescriptionLength = 4000;

Result<QString> add(Registry& registry, const NewSignal& input);
Status edit(Registry& registry, const QString& reference, const SignalEdit& edit);
Status changeStatus(Registry& registry, const QString& reference, const QString& toStatus,
                    const Workflow::TransitionInput& input);

Result<SignalState> state(Registry& registry, const QString& reference);
Result<QList<SignalRow>> list(Registry& registry, const SignalFilter& filter);
Result<qint64> count(Registry& registry, const SignalFilter& filter);
// Writes a search with free text to the access log (a name typed in the search box is a lookup of a person).
Status recordSearch(Registry& registry, const SignalFilter& filter);

}  // namespace Signals
}  // namespace bs
