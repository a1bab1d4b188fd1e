#pragma once
// Doorverwijzingen: hand-overs of a signal to a partner, with response and completion terms in
// working days and a closed loop of feedback.

#include "Result.h"
#include "domain/Workflow.h"

#include <QList>
#include <QString>

namespace bs {

class Registry;

struct NewReferral {
    QString reference;      // signal
    QString toPartner;      // name or id
    QString fromPartner;    // optional: name or id
    QString reason;
    QString overrideGround; // veiligheidsrisico / wettelijke_plicht, when sharing without consent
    QString overrideReason;
};

struct ReferralInfo {
    qint64 id = 0;
    qint64 signalId = 0;
    QString signalReference;
    QString fromPartner;
    QString toPartner;
    QString reason;
    QString status;
    QString sentOn;
    QString sentBy;
    QString respondBy;
    QString acceptedOn;
    QString completeBy;
    QString closedOn;
    QString rejectionReason;
    QString outcome;
    QString outcomeReason;
    QString feedback;
    bool carriesSubject = false;
    QString overrideGround;
    QString overrideReason;
    bool late = false;
    int daysWaiting = 0;  // working days since sent (open referrals)
};

struct ReferralFilter {
    bool onlyOpen = false;
    bool onlyLate = false;
    qint64 signalId = 0;
    int limit = 500;
};

namespace Referrals {

Result<qint64> add(Registry& registry, const NewReferral& input);
// Moves a referral along its status table (geaccepteerd, afgewezen, afgerond, ingetrokken).
Status transition(Registry& registry, qint64 id, const QString& toStatus, const Workflow::TransitionInput& input);
Result<QList<ReferralInfo>> list(Registry& registry, const ReferralFilter& filter);
Result<ReferralInfo> get(Registry& registry, qint64 id);

}  // namespace Referrals
}  // namespace bs
