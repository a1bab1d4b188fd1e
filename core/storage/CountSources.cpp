#include "CountSources.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace bs::CountSources {

namespace {

// Builds the SQL and the values of bound ends in the order they appear.
class Builder {
public:
    QString range(const QString& column, const Bound& from, const Bound& to)
    {
        // One after the other: the values must follow the order of the marks.
        const QString low = use(from);
        const QString high = use(to);
        return u"%1 >= %2 AND %1 <= %3"_s.arg(column, low, high);
    }
    QVariantList values;

    QString use(const Bound& bound)
    {
        if (bound.sql == u"?"_s)
            values << bound.value;
        return bound.sql;
    }
};

// A SELECT of `columns` from the month table and from the day table's head and tail days.
Source threeParts(const Bounds& b, const QString& monthSelect, const QString& daySelect, const QString& dayColumn)
{
    Builder build;
    QStringList parts;
    parts << monthSelect.arg(build.range(u"month"_s, b.firstMonth, b.lastMonth));
    parts << daySelect.arg(build.range(dayColumn, b.headFrom, b.headTo));
    parts << daySelect.arg(build.range(dayColumn, b.tailFrom, b.tailTo));
    return {u"("_s + parts.join(u" UNION ALL "_s) + u")"_s, build.values};
}

}  // namespace

Source signalCounts(const Bounds& bounds)
{
    return threeParts(bounds, u"SELECT month AS maand, buurt_id, category_code, signals FROM signal_month_counts WHERE %1"_s,
                      u"SELECT substr(observed_on, 1, 7), buurt_id, category_code, signals FROM signal_day_counts WHERE %1"_s,
                      u"observed_on"_s);
}

Source referralCounts(const Bounds& bounds)
{
    return threeParts(bounds,
                      u"SELECT to_partner_id AS partner, status, accepted AS geaccepteerd, rejection_reason AS reden, loop_closed AS lus,"
                      " referrals AS n FROM referral_month_counts WHERE %1"_s,
                      u"SELECT to_partner_id, status, CASE WHEN accept_days >= 0 THEN 1 ELSE 0 END, rejection_reason, loop_closed,"
                      " referrals FROM referral_day_counts WHERE %1"_s,
                      u"sent_on"_s);
}

Source referralDays(const Bounds& bounds)
{
    // Each day-count row holds both measures; it is read once per measure.
    return threeParts(bounds,
                      u"SELECT to_partner_id AS partner, measure AS wat, days AS dagen, referrals AS n FROM referral_month_days WHERE %1"_s,
                      u"SELECT d.to_partner_id, m.wat, CASE m.wat WHEN 'accepteren' THEN d.accept_days ELSE d.complete_days END, d.referrals"
                      " FROM referral_day_counts d CROSS JOIN (SELECT 'accepteren' AS wat UNION ALL SELECT 'afronden') m"
                      " WHERE %1 AND CASE m.wat WHEN 'accepteren' THEN d.accept_days ELSE d.complete_days END >= 0"_s,
                      u"d.sent_on"_s);
}

Source escalationSteps(const Bounds& bounds)
{
    Builder build;
    QStringList parts;
    parts << u"SELECT to_level AS niveau, up AS omhoog, steps AS n FROM escalation_day_counts WHERE %1"_s.arg(
        build.range(u"day"_s, bounds.firstMonth, bounds.lastMonth));
    for (const auto& [from, to] : {std::pair{bounds.headFrom, bounds.headTo}, std::pair{bounds.tailFrom, bounds.tailTo}}) {
        // Half-open: a step at the end's very moment belongs to the next period.
        const QString low = build.use(from);
        const QString high = build.use(to);
        parts << u"SELECT to_level, CASE WHEN to_level > from_level THEN 1 ELSE 0 END, 1 FROM escalations WHERE at >= %1 AND at < %2"_s.arg(
            low, high);
    }
    return {u"("_s + parts.join(u" UNION ALL "_s) + u")"_s, build.values};
}

QString referralsOfSignals(const QStringList& bucket, const QString& condition)
{
    return u"(SELECT r.to_partner_id AS partner, r.status, CASE WHEN %1 >= 0 THEN 1 ELSE 0 END AS geaccepteerd, %2 AS reden, %3 AS lus,"
           " 1 AS n FROM referrals r WHERE %4)"_s.arg(bucket.at(3), bucket.at(5), bucket.at(6), condition);
}

QString referralDaysOfSignals(const QStringList& bucket, const QString& condition)
{
    return u"(SELECT r.to_partner_id AS partner, 'accepteren' AS wat, %1 AS dagen, 1 AS n FROM referrals r WHERE %3 AND %1 >= 0"
           " UNION ALL SELECT r.to_partner_id, 'afronden', %2, 1 FROM referrals r WHERE %3 AND %2 >= 0)"_s.arg(bucket.at(3), bucket.at(4), condition);
}

}  // namespace bs::CountSources
