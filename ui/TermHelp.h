#pragma once
// The rules behind the words users stumble on, written once: every tooltip on "Te laat",
// "Gestagneerd" and "Gesloten lus" (work queues, list, detail panel, coordinator view, dashboard)
// reads them from here, so the screens and the guide (docs/handleiding/te-laat-en-gestagneerd.html)
// say the same. They follow core: services/OpenAndLate (late, stalled) and the referral counts
// (closed loop).

#include <QCoreApplication>
#include <QString>

namespace bs {

class TermHelp {
    Q_DECLARE_TR_FUNCTIONS(bs::TermHelp)

public:
    // A signal: the "Te laat" queue, the list's column, the late counts.
    static QString lateSignal();
    // A referral: the detail panel's referrals, the coordinator's referrals, "Nu te laat" per partner.
    static QString lateReferral();
    static QString stalled();
    static QString closedLoop();
};

}  // namespace bs
