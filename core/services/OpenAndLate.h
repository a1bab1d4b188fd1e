#pragma once
// "Open" and "late" written once, as SQL over a table alias, for the work queues, the detail
// panel, the coordinator view and the figures alike: a signal the list calls late is the one the
// dashboard counts late. The statuses come from Workflow, the terms from the tables.

#include "storage/SqlValues.h"

#include <QDate>
#include <QString>

namespace bs::OpenAndLate {

// `alias.status IN ('nieuw','in_behandeling','heropend')`. The codes are written as literals, not
// bound: the partial index signals_open (and referrals_one_open) is only used for a query whose
// condition is the index's own.
QString signalOpen(const QString& alias);
// `alias.status IN ('verstuurd','geaccepteerd')`.
QString referralOpen(const QString& alias);

// A referral is late when it was not answered by its respond-by date or not completed by its
// complete-by date.
SqlCondition referralLate(const QString& alias, const QDate& today);
// A signal is late when it is open and its escalation term, its follow-up date or the term of
// one of its referrals has passed.
SqlCondition signalLate(const QString& alias, const QDate& today);
// An open signal whose escalation term has passed (a stalled escalation).
SqlCondition signalStalled(const QString& alias, const QDate& today);

// The same two without the test of the status, for rows already limited to open signals (the
// figures count over the partial index signals_open): a test of the status inside the count would
// make the engine read each signal's row instead of the index alone.
SqlCondition termsPassed(const QString& alias, const QDate& today);
SqlCondition levelTermPassed(const QString& alias, const QDate& today);

}  // namespace bs::OpenAndLate
