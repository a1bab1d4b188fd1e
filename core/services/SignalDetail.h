#pragma once
// Everything about one signal, for `signal show` and the detail pane: its fields, subject and
// consent, history, referrals and escalation steps.

#include "Result.h"
#include "services/Escalations.h"
#include "services/History.h"
#include "services/Journal.h"
#include "services/Referrals.h"
#include "services/Subjects.h"

#include <optional>

namespace bs {

class Registry;

struct SignalDetail {
    qint64 id = 0;
    QString reference;
    QString observedOn;
    QString registeredAt;
    QString registeredBy;
    QString buurt;
    QString street;
    QString impact;
    QString themeCode;
    QString themeName;
    QString category;
    QString categoryName;
    QString source;      // code
    QString sourceName;  // Dutch name, for people
    QString externalId;
    QString urgency;
    QString description;
    QString followUpOn;
    QString status;
    int level = 0;
    QString levelName;
    QString levelSince;
    QString levelDueOn;  // empty when the level has no term
    bool stalled = false;
    int workingDaysLeft = 0;  // negative when over the term
    QString outcome;
    QString outcomeText;
    QString closedOn;
    QString handler;           // login, empty when none
    QString handlerName;
    QString handedOverBy;      // who handed it to the handler (login), empty when not handed over
    QString handedOverByName;
    ConsentInfo consent;
    std::optional<Subject> subject;
    // Subject data was recorded but the server does not show it to this reader (shared mode).
    bool subjectHidden = false;
    QList<HistoryEntry> history;
    QList<ReferralInfo> referrals;
    QList<EscalationStepInfo> escalations;
    QList<JournalEntry> journal;  // newest first
};

namespace Signals {
// `purpose` says why the subject data is shown (a beheerder sees it only for inzage).
Result<SignalDetail> detail(Registry& registry, const QString& reference,
                            SubjectStore::Purpose purpose = SubjectStore::Purpose::Casework);
}

}  // namespace bs
