#include "Consistency.h"

#include "storage/Database.h"

using namespace Qt::StringLiterals;

namespace bs::Consistency {

namespace {

constexpr int examplesShown = 3;

// Runs `sql` (rows: one text per finding) and, when it finds any, adds `what` with the number
// found and the first few examples.
Status collect(Database& db, const QString& sql, const QString& what, QStringList& findings)
{
    auto rows = db.run(sql);
    if (!rows.ok())
        return rows.error();
    qint64 found = 0;
    QStringList examples;
    while (rows->next()) {
        ++found;
        if (examples.size() < examplesShown)
            examples << rows->value(0).toString();
    }
    if (found > 0)
        findings << u"%1: %2 (bijvoorbeeld %3)."_s.arg(what).arg(found).arg(examples.join(u"; "_s));
    return {};
}

// The rows of `counted` and `fresh` (same columns, last one the count) that differ, both ways.
QString difference(const QString& counted, const QString& fresh, const QString& label)
{
    // Compound parts in FROM (SQLite takes no parenthesised compounds), each with an alias (PostgreSQL 15 wants one).
    return u"SELECT %3 FROM (SELECT * FROM (%1 EXCEPT %2) x UNION SELECT * FROM (%2 EXCEPT %1) y) d"_s.arg(counted, fresh, label);
}

}  // namespace

Result<QStringList> findings(Database& db)
{
    QStringList found;
    const QString signalCounts = u"SELECT observed_on, buurt_id, category_code, signals AS n FROM signal_day_counts WHERE signals > 0"_s;
    const QString signalFresh = u"SELECT observed_on, buurt_id, category_code, count(*) AS n FROM signals"
                                " GROUP BY observed_on, buurt_id, category_code"_s;
    BS_TRY(collect(db,
                   difference(signalCounts, signalFresh,
                              u"DISTINCT d.observed_on || ' buurt ' || CAST(d.buurt_id AS TEXT) || ' ' || d.category_code"_s),
                   u"Tellingen per dag van de signalen wijken af van een verse telling (dag, buurt, categorie)"_s, found));

    const QStringList bucket = db.dialect().referralBucket(u"r"_s);
    const QString columns = u"sent_on, to_partner_id, status, accept_days, complete_days, rejection_reason, loop_closed"_s;
    const QString referralCounts = u"SELECT %1, referrals AS n FROM referral_day_counts WHERE referrals > 0"_s.arg(columns);
    const QString referralFresh = u"SELECT %1, count(*) AS n FROM referrals r GROUP BY %1"_s.arg(bucket.join(u", "_s));
    BS_TRY(collect(db,
                   difference(referralCounts, referralFresh,
                              u"DISTINCT d.sent_on || ' partner ' || CAST(d.to_partner_id AS TEXT) || ' ' || d.status"_s),
                   u"Tellingen per dag van de doorverwijzingen wijken af van een verse telling (dag, partner, status)"_s, found));

    // The monthly roll-ups against the signals and referrals themselves (not against the day
    // counts: those could be wrong the same way).
    const QString signalMonths = u"SELECT month, buurt_id, category_code, signals AS n FROM signal_month_counts WHERE signals > 0"_s;
    const QString signalMonthsFresh = u"SELECT substr(observed_on, 1, 7) AS month, buurt_id, category_code, count(*) AS n FROM signals"
                                      " GROUP BY substr(observed_on, 1, 7), buurt_id, category_code"_s;
    BS_TRY(collect(db, difference(signalMonths, signalMonthsFresh, u"DISTINCT d.month || ' buurt ' || CAST(d.buurt_id AS TEXT)"_s),
                   u"Tellingen per maand van de signalen wijken af van een verse telling (maand, buurt, categorie)"_s, found));
    const QString accepted = u"CASE WHEN %1 >= 0 THEN 1 ELSE 0 END"_s.arg(bucket.at(3));
    const QString referralMonths = u"SELECT month, to_partner_id, status, accepted, rejection_reason, loop_closed, referrals AS n"
                                   " FROM referral_month_counts WHERE referrals > 0"_s;
    const QString referralMonthsFresh = u"SELECT substr(r.sent_on, 1, 7) AS month, r.to_partner_id, r.status, %1, %2, %3, count(*) AS n"
                                        " FROM referrals r GROUP BY substr(r.sent_on, 1, 7), r.to_partner_id, r.status, %1, %2, %3"_s
                                            .arg(accepted, bucket.at(5), bucket.at(6));
    BS_TRY(collect(db,
                   difference(referralMonths, referralMonthsFresh, u"DISTINCT d.month || ' partner ' || CAST(d.to_partner_id AS TEXT)"_s),
                   u"Tellingen per maand van de doorverwijzingen wijken af van een verse telling (maand, partner, status)"_s, found));
    const QString daysCounted = u"SELECT month, to_partner_id, measure, days, referrals AS n FROM referral_month_days WHERE referrals > 0"_s;
    QStringList daysFresh;
    for (const auto& [measure, column] : {qMakePair(u"accepteren"_s, 3), qMakePair(u"afronden"_s, 4)}) {
        daysFresh << u"SELECT substr(r.sent_on, 1, 7) AS month, r.to_partner_id, '%1' AS measure, %2 AS days, count(*) AS n"
                     " FROM referrals r WHERE %2 >= 0 GROUP BY substr(r.sent_on, 1, 7), r.to_partner_id, %2"_s.arg(measure, bucket.at(column));
    }
    BS_TRY(collect(db,
                   difference(daysCounted, u"SELECT * FROM (%1) f"_s.arg(daysFresh.join(u" UNION ALL "_s)),
                              u"DISTINCT d.month || ' partner ' || CAST(d.to_partner_id AS TEXT) || ' ' || d.measure"_s),
                   u"Dagen tot accepteren en afronden per maand wijken af van een verse telling (maand, partner)"_s, found));

    const QString stepsCounted = u"SELECT day, to_level, up, steps AS n FROM escalation_day_counts WHERE steps > 0"_s;
    const QString stepsFresh = u"SELECT substr(at, 1, 10) AS day, to_level, CASE WHEN to_level > from_level THEN 1 ELSE 0 END AS up,"
                               " count(*) AS n FROM escalations GROUP BY substr(at, 1, 10), to_level, CASE WHEN to_level > from_level THEN 1 ELSE 0 END"_s;
    BS_TRY(collect(db, difference(stepsCounted, stepsFresh, u"DISTINCT d.day || ' trede ' || CAST(d.to_level AS TEXT)"_s),
                   u"Tellingen per dag van de escalatiestappen wijken af van een verse telling (dag, trede)"_s, found));

    // The open signals by their terms against the signals and their open referrals (from schema
    // 15 on: a server not yet upgraded is checked for what it has).
    auto hasOpenTerms = db.scalar(db.dialect().countTablesSql(true), {u"signal_open_terms"_s});
    if (!hasOpenTerms.ok())
        return hasOpenTerms.error();
    if (hasOpenTerms.value().toInt() > 0) {
        const QString referralTerm = u"(SELECT min(CASE r.status WHEN 'verstuurd' THEN r.respond_by ELSE r.complete_by END) FROM referrals r"
                                     " WHERE r.signal_id = s.id AND r.status IN ('verstuurd','geaccepteerd'))"_s;
        BS_TRY(collect(db,
                       u"SELECT s.reference FROM signals s WHERE (s.referral_term IS NOT NULL OR s.id IN (SELECT signal_id FROM referrals"
                       " WHERE status IN ('verstuurd','geaccepteerd'))) AND coalesce(s.referral_term, '') <> coalesce(%1, '') ORDER BY s.id"_s
                           .arg(referralTerm),
                       u"Signalen waarvan de vroegste termijn van hun open doorverwijzingen niet klopt"_s, found));
        const QString openCounted = u"SELECT buurt_id, escalation_level, late_after, level_due_on, signals AS n FROM signal_open_terms"
                                    " WHERE signals > 0"_s;
        const QString openFresh = u"SELECT buurt_id, escalation_level, late_after, level_due_on, count(*) AS n FROM (SELECT s.buurt_id,"
                                  " s.escalation_level, coalesce((SELECT min(e.term) FROM (SELECT s.level_due_on AS term UNION ALL"
                                  " SELECT s.follow_up_on UNION ALL SELECT %1) e), '9999-12-31') AS late_after,"
                                  " coalesce(s.level_due_on, '9999-12-31') AS level_due_on FROM signals s"
                                  " WHERE s.status IN ('nieuw','in_behandeling','heropend')) o"
                                  " GROUP BY buurt_id, escalation_level, late_after, level_due_on"_s.arg(referralTerm);
        BS_TRY(collect(db,
                       difference(openCounted, openFresh,
                                  u"DISTINCT 'buurt ' || CAST(d.buurt_id AS TEXT) || ' niveau ' || CAST(d.escalation_level AS TEXT)"
                                  " || ' ' || d.late_after"_s),
                       u"Tellingen van de open signalen naar termijn wijken af van een verse telling (buurt, niveau, termijnen)"_s, found));
    }

    BS_TRY(collect(db,
                   u"SELECT s.reference || ' op niveau ' || CAST(s.escalation_level AS TEXT) FROM signals s"
                   " WHERE s.escalation_level <> coalesce((SELECT e.to_level FROM escalations e WHERE e.signal_id = s.id"
                   " ORDER BY e.id DESC LIMIT 1), 0) ORDER BY s.id"_s,
                   u"Signalen waarvan het escalatieniveau niet het niveau van de laatste escalatiestap is"_s, found));

    BS_TRY(collect(db,
                   u"SELECT 'regel ' || CAST(h.id AS TEXT) || ' → doorverwijzing ' || CAST(h.referral_id AS TEXT) FROM history h"
                   " WHERE h.referral_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.id = h.referral_id) ORDER BY h.id"_s,
                   u"Geschiedenisregels die naar een ontbrekende doorverwijzing verwijzen"_s, found));
    BS_TRY(collect(db,
                   u"SELECT 'regel ' || CAST(a.id AS TEXT) || ' → signaal ' || CAST(a.signal_id AS TEXT) FROM access_log a"
                   " WHERE a.signal_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM signals s WHERE s.id = a.signal_id) ORDER BY a.id"_s,
                   u"Regels in het toegangslogboek die naar een ontbrekend signaal verwijzen"_s, found));
    BS_TRY(collect(db,
                   u"SELECT 'doorverwijzing ' || CAST(h.referral_id AS TEXT) FROM history h JOIN referrals r ON r.id = h.referral_id"
                   " WHERE r.signal_id <> h.signal_id ORDER BY h.id"_s,
                   u"Geschiedenisregels bij een ander signaal dan dat van hun doorverwijzing"_s, found));
    return found;
}

}  // namespace bs::Consistency
