#pragma once
// A reporting period: both ends inclusive, by observation date. The previous period has the same
// shape: whole months shift by whole months (so February compares with January), any other range
// by its number of days.

#include "Result.h"
#include "storage/CountSources.h"

#include <QDate>
#include <QString>

namespace bs {

struct Period {
    QDate from;
    QDate to;

    static Result<Period> parse(const QString& from, const QString& to);
    static Period month(int year, int month);
    static Period quarter(int year, int quarter);
    static Period year(int year);

    bool wholeMonths() const;
    Period previous() const;
    // The period the figures are compared with, as of `today`. A period that is still running
    // (today falls inside it) is compared day for day: 1–27 November with 1–27 October, the year
    // to date with the same days of last year. Otherwise the whole previous period.
    Period comparedWith(const QDate& today) const;
    // The days of the period that have passed by `today` (the whole period once it is over).
    Period elapsed(const QDate& today) const;
    bool runsOn(const QDate& today) const { return from <= today && today < to; }
    qint64 days() const { return from.daysTo(to) + 1; }
    QString fromText() const { return from.toString(Qt::ISODate); }
    QString toText() const { return to.toString(Qt::ISODate); }
    // The period's first and first-after moments as stored UTC timestamps, for comparing the
    // times of events (start <= at < end), counted in Dutch days.
    QString startTimestamp() const;
    QString endTimestamp() const;
    // The period cut for the count tables (whole months from the monthly roll-ups, the days
    // before and after them from the day counts), as bound values.
    CountSources::Bounds countBounds() const;
    // The same for the escalation steps, counted by UTC day between the period's Dutch midnights.
    CountSources::Bounds stepBounds() const;
};

}  // namespace bs
