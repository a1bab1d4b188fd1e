#include "TermHelp.h"

namespace bs {

QString TermHelp::lateSignal()
{
    return tr("Late: an open signal of which a term has passed: the term of its level on the escalation ladder, its "
              "follow-up date, or the term of one of its open referrals.");
}

QString TermHelp::lateReferral()
{
    return tr("Late: a referral the partner did not answer by its respond-by date (sent + the partner's response term, in "
              "working days), or that was accepted and not completed by its complete-by date (accepted + 20 working days).");
}

QString TermHelp::stalled()
{
    return tr("Stalled: an open signal that has been on its level of the escalation ladder longer than the term of that "
              "level (in working days). Level 4 has no term: the regional chain acts at once.");
}

QString TermHelp::closedLoop()
{
    return tr("Closed loop: a referral that was finished (completed, rejected or withdrawn) and whose answer came back: "
              "feedback was recorded, or the partner rejected it with a reason. The closed-loop rate is that number divided "
              "by all finished referrals.");
}

}  // namespace bs
