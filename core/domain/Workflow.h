#pragma once
// The workflow rules of DESIGN.md written as data: the tables below are the only transitions
// the registry allows, with what each one requires. Services consult these functions; tests walk
// every pair of states against them.

#include "Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace bs::Workflow {

enum class Requirement {
    None,               // a reason may be given
    Reason,             // a reason text is required
    OutcomeAndText,     // signal closing: outcome code and outcome text
    CancellationCode,   // signal cancelling: cancellation code
    RejectionCode,      // referral rejection: coded reason (with a note for "anders")
    OutcomeAndFeedback  // referral completion: outcome code and terugkoppeling (plus reason if niet_geholpen)
};

struct Transition {
    QString from;
    QString to;
    Requirement requirement;
};

const QList<Transition>& signalTransitions();
const QList<Transition>& referralTransitions();

// What the user supplied with a transition.
struct TransitionInput {
    QString code;    // outcome, cancellation or rejection code
    QString text;    // outcome text, reason or terugkoppeling
    QString reason;  // extra reason (referral completed as niet_geholpen)
};

// Refuses a transition that is not in the table or lacks what the table requires.
Status checkSignalTransition(const QString& from, const QString& to, const TransitionInput& input);
Status checkReferralTransition(const QString& from, const QString& to, const TransitionInput& input);

// The open statuses, the one list every rule, query and figure uses (services/OpenAndLate.h
// turns them into SQL).
const QStringList& openSignalStatuses();    // nieuw, in_behandeling, heropend
const QStringList& openReferralStatuses();  // verstuurd, geaccepteerd

bool isSignalOpen(const QString& status);      // work may still be done on it
bool isReferralOpen(const QString& status);    // verstuurd or geaccepteerd

// The escalation ladder rule: a step up needs a trigger and a reason and may skip levels only with
// trigger "veiligheid"; a step down needs a reason. Levels run from 0 to maxLevel.
Status checkEscalationStep(int currentLevel, int toLevel, int maxLevel, const QString& trigger, const QString& reason);

}  // namespace bs::Workflow
