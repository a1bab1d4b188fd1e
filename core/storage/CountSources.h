#pragma once
// Where the figures read their counts for a period: the monthly roll-ups for the whole months
// inside it, the day counts for the days before and after those (a period need not start or end
// on a month's edge). Each function gives a derived table to put after FROM; the same SQL serves
// the app's figures (bounds bound as values) and the server's steering-group function (bounds
// as columns of a one-row table it computes itself).

#include <QString>
#include <QVariantList>

namespace bs::CountSources {

// One end of a range: SQL text ("?" or a column) and, for "?", the value bound to it.
struct Bound {
    QString sql;
    QVariant value;
};

// The cut of a period: whole months (YYYY-MM, an empty range when there are none) and the days
// before and after them (YYYY-MM-DD; an empty range has its start after its end).
struct Bounds {
    Bound firstMonth, lastMonth;
    Bound headFrom, headTo;
    Bound tailFrom, tailTo;
};

struct Source {
    QString sql;  // a parenthesised SELECT, without alias
    QVariantList values;
};

// Signals per month: columns maand, buurt_id, category_code, signals.
Source signalCounts(const Bounds& bounds);
// Referrals sent, per partner, status, whether accepted (1/0), rejection reason ('' for none)
// and closed loop (1/0): columns partner, status, geaccepteerd, reden, lus, n.
Source referralCounts(const Bounds& bounds);
// Days to accept and to complete per partner: columns partner, wat ('accepteren'/'afronden'),
// dagen, n. A median over these buckets is the median over the referrals one by one.
Source referralDays(const Bounds& bounds);

// Escalation steps in a span of time [start, end) given as stored UTC timestamps: the whole UTC
// days inside it from escalation_day_counts, the hours before and after them from the steps
// themselves. Bounds: firstMonth/lastMonth hold the first and last whole day (YYYY-MM-DD),
// head and tail the timestamps of the edges (an empty range has its start after its end).
// Columns niveau, omhoog (1/0), n.
Source escalationSteps(const Bounds& bounds);

// The same three shapes counted from the referrals themselves (alias r, already filtered by the
// caller's WHERE `condition`): for figures of one buurt or theme, which no roll-up keeps.
QString referralsOfSignals(const QStringList& bucket, const QString& condition);
QString referralDaysOfSignals(const QStringList& bucket, const QString& condition);

}  // namespace bs::CountSources
