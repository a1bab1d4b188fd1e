// What the count triggers run per row, the same SQL on both engines: the day counts, and from
// schema version 11 the monthly roll-ups beside them. The roll-ups let a year of figures read a
// few thousand rows instead of a hundred thousand day buckets; they count exactly what the day
// counts count, by the month of the same date.
#include "Dialect.h"

using namespace Qt::StringLiterals;

namespace bs {

namespace {

const QString referralDayColumns = u"sent_on, to_partner_id, status, accept_days, complete_days, rejection_reason, loop_closed"_s;

QString month(const QString& dateColumn)
{
    return u"substr(%1, 1, 7)"_s.arg(dateColumn);
}

// The two measures of time a referral has, as rows of referral_month_days: (measure, bucket
// column index in referralBucket).
const QList<QPair<QString, int>>& referralMeasures()
{
    static const QList<QPair<QString, int>> measures = {{u"accepteren"_s, 3}, {u"afronden"_s, 4}};
    return measures;
}

// Open signals and open referrals, as OpenAndLate and Workflow define them (written out here: the
// storage layer knows no services; tst_rollups holds the two to the same answers).
const QString signalOpen = u"status IN ('nieuw','in_behandeling','heropend')"_s;
const QString referralOpen = u"status IN ('verstuurd','geaccepteerd')"_s;
// The key of a signal without such a term: later than any day, so never "passed".
const QString noTerm = u"'9999-12-31'"_s;

// The earliest term of the open referrals of signal `signalId`: the respond-by date of one sent,
// the complete-by date of one accepted (NULL: none).
QString referralTerm(const QString& signalId)
{
    return u"(SELECT min(CASE t.status WHEN 'verstuurd' THEN t.respond_by ELSE t.complete_by END) FROM referrals t"
           " WHERE t.signal_id = %1 AND t.%2)"_s.arg(signalId, referralOpen);
}

// The columns of signal_open_terms for the signal row `s` (NEW, OLD or an alias): its buurt,
// level, the earliest of its terms (escalation, follow-up, referrals; a signal is late when that
// day has passed) and its escalation term (stalled when passed).
QStringList openTermKey(const QString& s)
{
    return {s + u".buurt_id"_s, s + u".escalation_level"_s,
            u"coalesce((SELECT min(e.term) FROM (SELECT %1.level_due_on AS term UNION ALL SELECT %1.follow_up_on"
            " UNION ALL SELECT %1.referral_term) e), %2)"_s.arg(s, noTerm),
            u"coalesce(%1.level_due_on, %2)"_s.arg(s, noTerm)};
}

const QString openTermColumns = u"buurt_id, escalation_level, late_after, level_due_on"_s;

}  // namespace

// SQLite takes no alias on the target of an upsert inside a trigger; PostgreSQL needs one to name
// the existing row's column inside PL/pgSQL without ambiguity.
QString Dialect::upsertInto(const QString& table) const
{
    return upsertAlias().isEmpty() ? table : table + u" AS "_s + upsertAlias();
}

QString Dialect::existing(const QString& column) const
{
    return upsertAlias().isEmpty() ? column : upsertAlias() + u'.' + column;
}

QString Dialect::signalCountAdd(Counts counts) const
{
    QString sql = u"INSERT INTO %1 (observed_on, buurt_id, category_code, signals)"
                  " VALUES (NEW.observed_on, NEW.buurt_id, NEW.category_code, 1)"
                  " ON CONFLICT (observed_on, buurt_id, category_code) DO UPDATE SET signals = %2 + 1;"_s
                      .arg(upsertInto(u"signal_day_counts"_s), existing(u"signals"_s));
    if (counts == Counts::DaysAndMonths) {
        sql += u" INSERT INTO %2 (month, buurt_id, category_code, signals)"
               " VALUES (%1, NEW.buurt_id, NEW.category_code, 1)"
               " ON CONFLICT (month, buurt_id, category_code) DO UPDATE SET signals = %3 + 1;"_s
                   .arg(month(u"NEW.observed_on"_s), upsertInto(u"signal_month_counts"_s), existing(u"signals"_s));
    }
    return sql;
}

QString Dialect::signalCountRemove(Counts counts) const
{
    QString sql = u"UPDATE signal_day_counts SET signals = signals - 1 WHERE observed_on = OLD.observed_on"
                  " AND buurt_id = OLD.buurt_id AND category_code = OLD.category_code;"_s;
    if (counts == Counts::DaysAndMonths) {
        sql += u" UPDATE signal_month_counts SET signals = signals - 1 WHERE month = %1"
               " AND buurt_id = OLD.buurt_id AND category_code = OLD.category_code;"_s.arg(month(u"OLD.observed_on"_s));
    }
    return sql;
}

QString Dialect::referralCountAdd(Counts counts) const
{
    const QStringList bucket = referralBucket(u"NEW"_s);
    const QString counted = existing(u"referrals"_s);
    QString sql = u"INSERT INTO %3 (%1, referrals) VALUES (%2, 1)"
                  " ON CONFLICT (%1) DO UPDATE SET referrals = %4 + 1;"_s
                      .arg(referralDayColumns, bucket.join(u", "_s), upsertInto(u"referral_day_counts"_s), counted);
    if (counts == Counts::Days)
        return sql;
    const QString monthColumns = u"month, to_partner_id, status, accepted, rejection_reason, loop_closed"_s;
    sql += u" INSERT INTO %6 (%1, referrals) VALUES (%2, NEW.to_partner_id, NEW.status,"
           " CASE WHEN %3 >= 0 THEN 1 ELSE 0 END, %4, %5, 1) ON CONFLICT (%1) DO UPDATE SET referrals = %7 + 1;"_s
               .arg(monthColumns, month(u"NEW.sent_on"_s), bucket.at(3), bucket.at(5), bucket.at(6), upsertInto(u"referral_month_counts"_s),
                    counted);
    for (const auto& [measure, column] : referralMeasures()) {
        sql += u" INSERT INTO %4 (month, to_partner_id, measure, days, referrals)"
               " SELECT %1, NEW.to_partner_id, '%2', %3, 1 WHERE %3 >= 0"
               " ON CONFLICT (month, to_partner_id, measure, days) DO UPDATE SET referrals = %5 + 1;"_s
                   .arg(month(u"NEW.sent_on"_s), measure, bucket.at(column), upsertInto(u"referral_month_days"_s), counted);
    }
    return sql;
}

QString Dialect::referralCountRemove(Counts counts) const
{
    const QStringList bucket = referralBucket(u"OLD"_s);
    const QStringList names = referralDayColumns.split(u", "_s);
    QStringList match;
    for (int i = 0; i < names.size(); ++i)
        match << u"%1 = %2"_s.arg(names.at(i), bucket.at(i));
    QString sql = u"UPDATE referral_day_counts SET referrals = referrals - 1 WHERE %1;"_s.arg(match.join(u" AND "_s));
    if (counts == Counts::Days)
        return sql;
    sql += u" UPDATE referral_month_counts SET referrals = referrals - 1 WHERE month = %1 AND to_partner_id = OLD.to_partner_id"
           " AND status = OLD.status AND accepted = CASE WHEN %2 >= 0 THEN 1 ELSE 0 END AND rejection_reason = %3 AND loop_closed = %4;"_s
               .arg(month(u"OLD.sent_on"_s), bucket.at(3), bucket.at(5), bucket.at(6));
    // A referral without that measure (-1) has no row to uncount.
    for (const auto& [measure, column] : referralMeasures()) {
        sql += u" UPDATE referral_month_days SET referrals = referrals - 1 WHERE month = %1 AND to_partner_id = OLD.to_partner_id"
               " AND measure = '%2' AND days = %3;"_s.arg(month(u"OLD.sent_on"_s), measure, bucket.at(column));
    }
    return sql;
}

QString Dialect::escalationCountAdd() const
{
    return u"INSERT INTO %1 (day, to_level, up, steps) VALUES (substr(NEW.at, 1, 10), NEW.to_level,"
           " CASE WHEN NEW.to_level > NEW.from_level THEN 1 ELSE 0 END, 1)"
           " ON CONFLICT (day, to_level, up) DO UPDATE SET steps = %2 + 1;"_s.arg(upsertInto(u"escalation_day_counts"_s), existing(u"steps"_s));
}

QString Dialect::escalationCountRemove() const
{
    return u"UPDATE escalation_day_counts SET steps = steps - 1 WHERE day = substr(OLD.at, 1, 10) AND to_level = OLD.to_level"
           " AND up = CASE WHEN OLD.to_level > OLD.from_level THEN 1 ELSE 0 END;"_s;
}

QString Dialect::openTermAdd() const
{
    return u"INSERT INTO %1 (%2, signals) SELECT %3, 1 WHERE NEW.%4 ON CONFLICT (%2) DO UPDATE SET signals = %5 + 1;"_s.arg(
        upsertInto(u"signal_open_terms"_s), openTermColumns, openTermKey(u"NEW"_s).join(u", "_s), signalOpen, existing(u"signals"_s));
}

QString Dialect::openTermRemove() const
{
    const QStringList columns = openTermColumns.split(u", "_s);
    const QStringList key = openTermKey(u"OLD"_s);
    QStringList match;
    for (int i = 0; i < columns.size(); ++i)
        match << u"%1 = %2"_s.arg(columns.at(i), key.at(i));
    // A row counted down to nothing goes: the terms of open signals move on, day after day.
    return u"UPDATE signal_open_terms SET signals = signals - 1 WHERE %1 AND OLD.%2;"
           " DELETE FROM signal_open_terms WHERE %1 AND signals = 0 AND OLD.%2;"_s.arg(match.join(u" AND "_s), signalOpen);
}

QString Dialect::referralTermRefresh(const QString& signalIds) const
{
    // Recomputed from the referrals as they are now, never adjusted by the one row: right also when
    // one statement changes several referrals of a signal (PostgreSQL runs the row triggers after it).
    return u"UPDATE signals SET referral_term = %1 WHERE id IN (%2) AND coalesce(referral_term, '') <> coalesce(%1, '');"_s.arg(
        referralTerm(u"signals.id"_s), signalIds);
}

QStringList Dialect::openTermFills() const
{
    const QStringList key = openTermKey(u"s"_s);
    return {
        u"UPDATE signals SET referral_term = NULL WHERE referral_term IS NOT NULL"
        " AND id NOT IN (SELECT signal_id FROM referrals WHERE %1)"_s.arg(referralOpen),
        u"UPDATE signals SET referral_term = %1 WHERE id IN (SELECT signal_id FROM referrals WHERE %2)"_s.arg(referralTerm(u"signals.id"_s),
                                                                                                                 referralOpen),
        u"INSERT INTO signal_open_terms (%1, signals) SELECT %1, count(*) FROM (SELECT %2, %3 AS late_after, %4 AS level_due_on"
        " FROM signals s WHERE s.%5) o GROUP BY %1"_s.arg(openTermColumns, key.mid(0, 2).join(u", "_s), key.at(2), key.at(3), signalOpen),
    };
}

}  // namespace bs
