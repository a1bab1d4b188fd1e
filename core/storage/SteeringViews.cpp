#include "SteeringViews.h"

#include "services/OpenAndLate.h"
#include "storage/CountSources.h"
#include "storage/PostgresqlDialect.h"
#include "storage/ServerSetup.h"
#include "storage/SteeringProtection.h"

#include <QDate>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace bs::SteeringViews {

namespace {

const QString figuresFunction = u"stuurgroep_cijfers"_s;
const QString indicatorsFunction = u"stuurgroep_indicatoren"_s;
const QString activitiesView = u"stuurgroep_activiteiten"_s;
const QString figuresSignature = u"text, text, text, text, text, text, bigint, text, text, bigint[]"_s;
const QString figureColumns = u"cijfer text, sleutel1 text, sleutel2 text, aantal bigint, verborgen boolean, waarde double precision"_s;
// The figures also say which hidden counts are "x" (any count, hidden to protect another) rather
// than "<5".
const QString protectedFigureColumns = figureColumns + u", beschermd boolean"_s;

// "Open", "late" and "stalled" have one home (OpenAndLate), written with bound values for today;
// inside the function today is its parameter.
QString withToday(const SqlCondition& condition)
{
    QString sql = condition.sql;
    return sql.replace(u'?', u"p_vandaag"_s);
}

QDate anyDay()
{
    return QDate(2000, 1, 1);
}

// The one place where counts leave the server: every row of `cel` with the mark `bescherming`
// gave it, a hidden count ("<5" from 1 to 4, or "x" to protect one) as NULL, and a median only
// when taken over at least 5.
QString leavingRows()
{
    return uR"sql(SELECT c.cijfer, c.sleutel1, c.sleutel2, CAST(CASE WHEN b.teken[c.id] = 0 THEN c.aantal END AS bigint), b.teken[c.id] > 0,
       CAST(CASE WHEN c.aantal >= 5 THEN c.waarde END AS double precision), b.teken[c.id] = 2
FROM cel c CROSS JOIN bescherming b)sql"_s;
}

QString scope(const QString& buurt, const QString& theme)
{
    return u"(p_buurt IS NULL OR %1 = p_buurt) AND (nullif(p_thema, '') IS NULL OR %2 = p_thema)"_s.arg(buurt, theme);
}

// The scope for rows of another table that name their signal (referrals, escalations). Without a
// buurt or theme nothing is looked up: the function is planned once for any parameters, so a join
// to the signals would be made for every row of the period, also when no scope asks for it (here
// the test of the parameters comes first, and the lookup runs only when it fails).
QString scopeOfSignal(const QString& signalId)
{
    return u"((p_buurt IS NULL AND nullif(p_thema, '') IS NULL) OR EXISTS (SELECT 1 FROM signals s JOIN categories c"
           " ON c.code = s.category_code WHERE s.id = %1 AND %2))"_s.arg(signalId, scope(u"s.buurt_id"_s, u"c.theme_code"_s));
}

// The cut of the period `van`..`tot` for the count tables, as one row (see Period::countBounds,
// which makes the same cut for the app): whole months, and the days before and after them.
QString periodCut(const QString& from, const QString& to)
{
    return uR"sql(SELECT CASE WHEN a < b THEN to_char(a, 'YYYY-MM') ELSE '9999-12-31' END AS m_van,
       CASE WHEN a < b THEN to_char(b - 1, 'YYYY-MM') ELSE '0000-01-01' END AS m_tot,
       %1 AS kop_van, CASE WHEN a < b THEN to_char(a - 1, 'YYYY-MM-DD') ELSE %2 END AS kop_tot,
       CASE WHEN a < b THEN to_char(b, 'YYYY-MM-DD') ELSE '9999-12-31' END AS staart_van,
       CASE WHEN a < b THEN %2 ELSE '0000-01-01' END AS staart_tot
FROM (SELECT CAST(date_trunc('month', CAST(%1 AS date) - 1) + interval '1 month' AS date) AS a,
             CAST(date_trunc('month', CAST(%2 AS date) + 1) AS date) AS b) g)sql"_s.arg(from, to);
}

CountSources::Bounds cutColumns(const QString& cut)
{
    auto column = [&cut](const QString& name) { return CountSources::Bound{u"(SELECT %1 FROM %2)"_s.arg(name, cut), {}}; };
    return {column(u"m_van"_s), column(u"m_tot"_s), column(u"kop_van"_s), column(u"kop_tot"_s), column(u"staart_van"_s),
            column(u"staart_tot"_s)};
}

// Signals per buurt and theme with the totals per buurt, per theme and overall; the previous
// period per buurt; per month and theme; open, late and open-not-late per buurt; rising trends.
// The open signals of today (open_signalen, `n` signals per row): without a theme summed from the
// roll-up signal_open_terms, with the same conditions as the app's (Stats, openNowFigures); with
// a theme counted from the open signals themselves, with OpenAndLate's.
QString signalParts()
{
    const QString late = withToday(OpenAndLate::termsPassed(u"s"_s, anyDay()));
    const QString stalled = withToday(OpenAndLate::levelTermPassed(u"s"_s, anyDay()));
    return uR"sql(
deel_nu AS MATERIALIZED (%6),
deel_vorige AS MATERIALIZED (%7),
telling AS MATERIALIZED (
    SELECT 'nu' AS periode, t.maand, t.buurt_id, t.category_code, t.signals FROM %8 t
    UNION ALL
    SELECT 'vorige', t.maand, t.buurt_id, t.category_code, t.signals FROM %9 t),
dagen AS (
    SELECT t.periode, t.maand, t.buurt_id, c.theme_code, t.signals FROM telling t JOIN categories c ON c.code = t.category_code WHERE %1),
open_signalen AS MATERIALIZED (
    SELECT t.buurt_id, t.escalation_level, t.late_after < p_vandaag AS laat, t.level_due_on < p_vandaag AS stil, CAST(t.signals AS bigint) AS n
    FROM signal_open_terms t WHERE nullif(p_thema, '') IS NULL AND (p_buurt IS NULL OR t.buurt_id = p_buurt)
    UNION ALL
    SELECT s.buurt_id, s.escalation_level, %3, %4, 1
    FROM signals s JOIN categories c ON c.code = s.category_code WHERE nullif(p_thema, '') IS NOT NULL AND %5 AND %2),
trend_cel AS (
    SELECT b.name AS buurt, t.category_code AS categorie,
           coalesce(sum(t.signals) FILTER (WHERE t.periode = 'nu'), 0) AS nu,
           coalesce(sum(t.signals) FILTER (WHERE t.periode = 'vorige'), 0) AS voor
    FROM telling t JOIN buurten b ON b.id = t.buurt_id JOIN categories c ON c.code = t.category_code
    WHERE nullif(p_thema, '') IS NULL OR c.theme_code = p_thema
    GROUP BY b.name, t.category_code),
trend_stad AS (SELECT categorie, CAST(sum(nu) AS bigint) AS nu, CAST(sum(voor) AS bigint) AS voor FROM trend_cel GROUP BY categorie),
trend_groei AS (
    SELECT t.buurt, t.categorie, t.nu, t.voor, g.nu AS stad_nu, g.voor AS stad_voor,
           CASE WHEN t.voor = 0 THEN CASE WHEN t.nu > 0 THEN 100.0::float8 ELSE 0.0::float8 END
                ELSE 100.0::float8 * (t.nu - t.voor) / t.voor END AS groei,
           CASE WHEN g.voor = 0 THEN CASE WHEN g.nu > 0 THEN 100.0::float8 ELSE 0.0::float8 END
                ELSE 100.0::float8 * (g.nu - g.voor) / g.voor END AS stad_groei
    FROM trend_cel t JOIN trend_stad g ON g.categorie = t.categorie),
trends AS (
    SELECT *, row_number() OVER (ORDER BY groei - stad_groei DESC, (buurt || categorie) COLLATE "C") AS volgorde
    FROM trend_groei WHERE nu >= 5 AND nu > voor AND groei > stad_groei),
)sql"_s.arg(scope(u"t.buurt_id"_s, u"c.theme_code"_s), scope(u"s.buurt_id"_s, u"c.theme_code"_s), late, stalled,
            OpenAndLate::signalOpen(u"s"_s), periodCut(u"p_van"_s, u"p_tot"_s), periodCut(u"p_vorige_van"_s, u"p_vorige_tot"_s),
            CountSources::signalCounts(cutColumns(u"deel_nu"_s)).sql, CountSources::signalCounts(cutColumns(u"deel_vorige"_s)).sql);
}

// Referrals sent in the period: without a buurt or theme from the monthly roll-ups (and the day
// counts of partial months), with one from the referrals of those signals on the spot. Late (it
// depends on today) and overridden referrals are counted among the referrals themselves, from
// their own indexes.
QString referralParts()
{
    const QStringList bucket = PostgresqlDialect().referralBucket(u"r"_s);
    const QString late = withToday(OpenAndLate::referralLate(u"r"_s, anyDay()));
    const QString unscoped = u"(p_buurt IS NULL AND nullif(p_thema, '') IS NULL)"_s;
    const QString ofSignals = u"NOT %1 AND r.sent_on >= p_van AND r.sent_on <= p_tot AND %2"_s.arg(unscoped, scopeOfSignal(u"r.signal_id"_s));
    const CountSources::Bounds period = cutColumns(u"deel_nu"_s);
    return uR"sql(
verwijzingen AS (
    SELECT x.partner, x.status, x.geaccepteerd, x.reden, x.lus, x.n FROM %1 x WHERE %3
    UNION ALL
    SELECT x.partner, x.status, x.geaccepteerd, x.reden, x.lus, x.n FROM %2 x),
verwijzing_dagen AS (
    SELECT x.partner, x.wat, x.dagen, x.n FROM %4 x WHERE %3
    UNION ALL
    SELECT x.partner, x.wat, x.dagen, x.n FROM %5 x),
laat_verwezen AS (
    SELECT r.to_partner_id AS partner FROM referrals r WHERE %6 AND %7 AND r.sent_on >= p_van AND r.sent_on <= p_tot AND %8),
-- The medians over buckets: the middle one or two of the referrals in the order of their days,
-- found from the running count (what percentile_cont(0.5) gives over the referrals one by one).
mediaan_reeks AS (
    SELECT partner, wat, dagen, sum(n) AS n FROM verwijzing_dagen GROUP BY GROUPING SETS ((partner, wat, dagen), (wat, dagen))),
mediaan_stand AS (
    SELECT partner, wat, dagen, sum(n) OVER w - n AS voor, sum(n) OVER w AS tot, sum(n) OVER (PARTITION BY partner, wat) AS totaal
    FROM mediaan_reeks WINDOW w AS (PARTITION BY partner, wat ORDER BY dagen)),
mediaan AS (
    SELECT partner, wat,
           CAST(min(dagen) FILTER (WHERE voor <= floor((totaal - 1) / 2.0) AND floor((totaal - 1) / 2.0) < tot)
                + min(dagen) FILTER (WHERE voor <= ceil((totaal - 1) / 2.0) AND ceil((totaal - 1) / 2.0) < tot) AS float8) / 2 AS waarde
    FROM mediaan_stand GROUP BY partner, wat),
per_partner AS (
    SELECT v.partner, v.verwezen, v.geaccepteerd, v.afgerond, v.afgewezen, coalesce(l.laat, 0) AS laat, v.gesloten, v.lus_gesloten,
           ma.waarde AS mediaan_accepteren, mf.waarde AS mediaan_afronden
    FROM (SELECT partner, coalesce(sum(n), 0) AS verwezen,
                 coalesce(sum(n) FILTER (WHERE geaccepteerd = 1), 0) AS geaccepteerd,
                 coalesce(sum(n) FILTER (WHERE status = 'afgerond'), 0) AS afgerond,
                 coalesce(sum(n) FILTER (WHERE status = 'afgewezen'), 0) AS afgewezen,
                 coalesce(sum(n) FILTER (WHERE NOT %9), 0) AS gesloten,
                 coalesce(sum(n) FILTER (WHERE NOT %9 AND lus = 1), 0) AS lus_gesloten
          FROM verwijzingen GROUP BY GROUPING SETS ((partner), ())) v
    LEFT JOIN (SELECT partner, count(*) AS laat FROM laat_verwezen GROUP BY GROUPING SETS ((partner), ())) l
        ON l.partner IS NOT DISTINCT FROM v.partner
    LEFT JOIN mediaan ma ON ma.wat = 'accepteren' AND ma.partner IS NOT DISTINCT FROM v.partner
    LEFT JOIN mediaan mf ON mf.wat = 'afronden' AND mf.partner IS NOT DISTINCT FROM v.partner),
)sql"_s.arg(CountSources::referralCounts(period).sql, CountSources::referralsOfSignals(bucket, ofSignals), unscoped,
            CountSources::referralDays(period).sql, CountSources::referralDaysOfSignals(bucket, ofSignals),
            OpenAndLate::referralOpen(u"r"_s), late, scopeOfSignal(u"r.signal_id"_s), OpenAndLate::referralOpen(u"verwijzingen"_s));
}

// The cut of [p_begin, p_einde) for the escalation steps (see Period::stepBounds, the same for
// the app): whole UTC days from escalation_day_counts, the hours at the edges from the steps.
QString stepCut()
{
    return uR"sql(SELECT CASE WHEN a <= b THEN a ELSE '9999-12-31' END AS m_van, CASE WHEN a <= b THEN b ELSE '0000-01-01' END AS m_tot,
       p_begin AS kop_van, CASE WHEN a <= b THEN a || 'T00:00:00Z' ELSE p_einde END AS kop_tot,
       CASE WHEN a <= b THEN to_char(CAST(b AS date) + 1, 'YYYY-MM-DD') || 'T00:00:00Z' ELSE '9999' END AS staart_van,
       CASE WHEN a <= b THEN p_einde ELSE '0000' END AS staart_tot
FROM (SELECT CASE WHEN substr(p_begin, 12) = '00:00:00Z' THEN substr(p_begin, 1, 10)
                  ELSE to_char(CAST(substr(p_begin, 1, 10) AS date) + 1, 'YYYY-MM-DD') END AS a,
             to_char(CAST(substr(p_einde, 1, 10) AS date) - 1, 'YYYY-MM-DD') AS b) g)sql"_s;
}

QString escalationParts()
{
    const QString unscoped = u"(p_buurt IS NULL AND nullif(p_thema, '') IS NULL)"_s;
    return uR"sql(
stap_deel AS MATERIALIZED (%3),
stappen AS (
    SELECT x.niveau, x.omhoog = 1 AS omhoog, x.n FROM %4 x WHERE %2
    UNION ALL
    SELECT e.to_level, e.to_level > e.from_level, 1
    FROM escalations e WHERE NOT %2 AND e.at >= p_begin AND e.at < p_einde AND %1),
per_niveau AS (
    SELECT escalation_level AS niveau, CAST(coalesce(sum(n), 0) AS bigint) AS open, CAST(coalesce(sum(n) FILTER (WHERE stil), 0) AS bigint) AS stil
    FROM open_signalen GROUP BY GROUPING SETS ((escalation_level), ())),
per_stap AS (
    SELECT niveau, coalesce(sum(n) FILTER (WHERE omhoog), 0) AS omhoog, coalesce(sum(n) FILTER (WHERE NOT omhoog), 0) AS omlaag
    FROM stappen GROUP BY GROUPING SETS ((niveau), ()))
)sql"_s.arg(scopeOfSignal(u"e.signal_id"_s), unscoped, stepCut(), CountSources::escalationSteps(cutColumns(u"stap_deel"_s)).sql);
}

// Every figure as rows (cijfer, sleutel1, sleutel2, aantal, waarde) before suppression.
QString figureRows()
{
    return uR"sql(
SELECT CASE grouping(buurt_id, theme_code) WHEN 0 THEN 'buurt_thema' WHEN 1 THEN 'buurt' WHEN 2 THEN 'thema' ELSE 'totaal' END AS cijfer,
       buurt_id::text AS sleutel1, theme_code AS sleutel2, coalesce(sum(signals), 0)::bigint AS aantal, NULL::float8 AS waarde
FROM dagen WHERE periode = 'nu' GROUP BY GROUPING SETS ((buurt_id, theme_code), (buurt_id), (theme_code), ())
UNION ALL
SELECT CASE grouping(buurt_id) WHEN 0 THEN 'vorige_buurt' ELSE 'vorige_totaal' END, buurt_id::text, NULL, coalesce(sum(signals), 0), NULL
FROM dagen WHERE periode = 'vorige' GROUP BY GROUPING SETS ((buurt_id), ())
UNION ALL
SELECT CASE grouping(theme_code) WHEN 0 THEN 'maand_thema' ELSE 'maand' END, maand, theme_code, sum(signals), NULL
FROM dagen WHERE periode = 'nu' GROUP BY GROUPING SETS ((maand, theme_code), (maand))
UNION ALL
SELECT x.cijfer, o.buurt_id::text, NULL, x.aantal, NULL
FROM (SELECT buurt_id, CAST(coalesce(sum(n), 0) AS bigint) AS open, CAST(coalesce(sum(n) FILTER (WHERE laat), 0) AS bigint) AS laat
      FROM open_signalen GROUP BY GROUPING SETS ((buurt_id), ())) o
CROSS JOIN LATERAL (VALUES ('open', o.open), ('laat', o.laat), ('open_niet_laat', o.open - o.laat)) x(cijfer, aantal)
UNION ALL
SELECT x.cijfer, NULL, s.theme_code, x.aantal, NULL
FROM (SELECT theme_code, grouping(theme_code) AS alle,
             coalesce(sum(signals) FILTER (WHERE buurt_id = ANY(p_selectie)), 0) AS binnen,
             coalesce(sum(signals) FILTER (WHERE NOT buurt_id = ANY(p_selectie)), 0) AS buiten
      FROM dagen WHERE p_selectie IS NOT NULL AND periode = 'nu'
      GROUP BY GROUPING SETS ((theme_code), ())) s
CROSS JOIN LATERAL (VALUES (CASE s.alle WHEN 0 THEN 'selectie_thema' ELSE 'selectie_totaal' END, s.binnen),
                           (CASE s.alle WHEN 0 THEN 'selectie_rest_thema' ELSE 'selectie_rest_totaal' END, s.buiten)) x(cijfer, aantal)
WHERE p_selectie IS NOT NULL
UNION ALL
SELECT x.cijfer, NULL, NULL, x.aantal, NULL
FROM (SELECT coalesce(sum(signals) FILTER (WHERE buurt_id = ANY(p_selectie)), 0) AS binnen,
             coalesce(sum(signals) FILTER (WHERE NOT buurt_id = ANY(p_selectie)), 0) AS buiten
      FROM dagen WHERE periode = 'vorige') s
CROSS JOIN LATERAL (VALUES ('selectie_vorige', s.binnen), ('selectie_rest_vorige', s.buiten)) x(cijfer, aantal)
WHERE p_selectie IS NOT NULL
UNION ALL
SELECT x.cijfer, NULL, NULL, x.aantal, NULL
FROM (SELECT CAST(coalesce(sum(n) FILTER (WHERE buurt_id = ANY(p_selectie)), 0) AS bigint) AS open,
             CAST(coalesce(sum(n) FILTER (WHERE NOT buurt_id = ANY(p_selectie)), 0) AS bigint) AS rest_open,
             CAST(coalesce(sum(n) FILTER (WHERE laat AND buurt_id = ANY(p_selectie)), 0) AS bigint) AS laat,
             CAST(coalesce(sum(n) FILTER (WHERE laat AND NOT buurt_id = ANY(p_selectie)), 0) AS bigint) AS rest_laat
      FROM open_signalen) o
CROSS JOIN LATERAL (VALUES ('selectie_open', o.open), ('selectie_rest_open', o.rest_open), ('selectie_laat', o.laat),
                           ('selectie_rest_laat', o.rest_laat)) x(cijfer, aantal)
WHERE p_selectie IS NOT NULL
UNION ALL
SELECT x.cijfer, t.buurt, t.categorie, x.aantal, x.waarde FROM trends t
CROSS JOIN LATERAL (VALUES ('trend', t.nu, t.volgorde::float8), ('trend_vorige', t.voor, NULL), ('trend_gemeente', t.stad_nu, NULL),
                           ('trend_gemeente_vorige', t.stad_voor, NULL)) x(cijfer, aantal, waarde)
UNION ALL
SELECT x.cijfer, p.partner::text, NULL, x.aantal, x.waarde FROM per_partner p
CROSS JOIN LATERAL (VALUES ('verwezen', p.verwezen, NULL::float8), ('geaccepteerd', p.geaccepteerd, NULL), ('afgerond', p.afgerond, NULL),
                           ('afgewezen', p.afgewezen, NULL), ('laat_verwezen', p.laat, NULL),
                           ('verwezen_overig', p.verwezen - p.geaccepteerd - p.afgewezen, NULL),
                           ('geaccepteerd_lopend', p.geaccepteerd - p.afgerond, NULL),
                           ('verwezen_rest', p.verwezen - p.afgerond - p.afgewezen - p.laat, NULL),
                           ('gesloten', p.gesloten, NULL), ('lus_gesloten', p.lus_gesloten, NULL),
                           ('gesloten_zonder_lus', p.gesloten - p.lus_gesloten, NULL),
                           ('mediaan_accepteren', p.geaccepteerd, p.mediaan_accepteren),
                           ('mediaan_afronden', p.afgerond, p.mediaan_afronden)) x(cijfer, aantal, waarde)
UNION ALL
SELECT 'afwijzing', reden, NULL, sum(n), NULL FROM verwijzingen WHERE status = 'afgewezen' GROUP BY reden
UNION ALL
SELECT 'doorbraak', NULL, NULL, count(*), NULL FROM referrals r
WHERE r.override_ground IS NOT NULL AND r.sent_on >= p_van AND r.sent_on <= p_tot AND %1
UNION ALL
SELECT x.cijfer, n.niveau::text, NULL, x.aantal, NULL FROM per_niveau n
CROSS JOIN LATERAL (VALUES ('niveau_open', n.open), ('niveau_stil', n.stil), ('niveau_open_niet_stil', n.open - n.stil)) x(cijfer, aantal)
UNION ALL
SELECT x.cijfer, n.niveau::text, NULL, x.aantal, NULL FROM per_stap n
CROSS JOIN LATERAL (VALUES ('niveau_omhoog', n.omhoog), ('niveau_omlaag', n.omlaag)) x(cijfer, aantal)
)sql"_s.arg(scopeOfSignal(u"r.signal_id"_s));
}

// Primary suppression alone is not enough here: a member of the steering group may call the
// function with psql and subtract, so the rows leave the server protected as the app would
// print them (SteeringProtection): a count the sums could give away is hidden too, as "x".
// A function that returns what `query` gives for its parameters (`parameters`: "name type",
// in order). The query runs as dynamic SQL with the parameters bound (EXECUTE ... USING): planned
// for each call with the values known, so a test such as "no buurt asked" is settled before any
// row is read. As a plain SQL function it was planned once for any values and took twice as long.
QString functionReturning(const QString& function, const QStringList& parameters, const QString& query)
{
    QStringList names;
    for (const QString& parameter : parameters)
        names << parameter.section(u' ', 0, 0);
    static const QRegularExpression name(u"\\bp_[a-z_]+\\b"_s);
    QString numbered;
    qsizetype done = 0;
    for (auto it = name.globalMatch(query); it.hasNext();) {
        const auto match = it.next();
        const qsizetype index = names.indexOf(match.captured());
        if (index < 0)
            continue;
        numbered += query.mid(done, match.capturedStart() - done) + u'$' + QString::number(index + 1);
        done = match.capturedEnd();
    }
    numbered += query.mid(done);
    return uR"sql(CREATE OR REPLACE FUNCTION %1(%2) RETURNS TABLE (%3)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
RETURN QUERY EXECUTE $q$%4$q$ USING %5;
END
$fn$)sql"_s.arg(function, parameters.join(u", "_s), protectedFigureColumns, numbered, names.join(u", "_s));
}

QString figuresFunctionSql()
{
    const QString query = uR"sql(WITH %1%2%3,
ruw AS (%4),
cel AS MATERIALIZED (SELECT CAST(row_number() OVER () AS integer) AS id, ruw.* FROM ruw),
%5
%6)sql"_s.arg(signalParts(), referralParts(), escalationParts(), figureRows(), SteeringProtection::markingParts(), leavingRows());
    return functionReturning(figuresFunction,
                             {u"p_van text"_s, u"p_tot text"_s, u"p_vorige_van text"_s, u"p_vorige_tot text"_s, u"p_begin text"_s,
                              u"p_einde text"_s, u"p_buurt bigint"_s, u"p_thema text"_s, u"p_vandaag text"_s, u"p_selectie bigint[]"_s},
                             query);
}

// The signals per source add up to the period's total, which stuurgroep_cijfers gives: that total
// is one more (unprinted) count in the sum, so no single hidden source follows from it.
QString indicatorsFunctionSql()
{
    const QString rows = uR"sql(
SELECT 'bron' AS cijfer, source_code AS sleutel1, NULL::text AS sleutel2, count(*) AS aantal, NULL::float8 AS waarde FROM signals
WHERE observed_on >= p_van AND observed_on <= p_tot AND (p_buurt IS NULL OR buurt_id = p_buurt) GROUP BY source_code
UNION ALL
SELECT 'afhandeltijd', NULL, NULL, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(closed_on AS date) - CAST(observed_on AS date))
FROM signals WHERE source_code IN ('fixie', 'politie') AND closed_on >= p_van AND closed_on <= p_tot AND (p_buurt IS NULL OR buurt_id = p_buurt)
)sql"_s;
    const QString query = uR"sql(WITH ruw AS (%1),
cel AS MATERIALIZED (SELECT CAST(row_number() OVER () AS integer) AS id, ruw.* FROM ruw),
bronnen AS (SELECT coalesce(array_agg(id ORDER BY id), '{}') AS leden, coalesce(sum(aantal), 0) AS geheel FROM cel WHERE cijfer = 'bron'),
bescherming AS MATERIALIZED (
    SELECT stuurgroep_bescherm((SELECT array_agg(aantal ORDER BY id) FROM cel) || CAST(b.geheel AS bigint),
                               ARRAY[(SELECT count(*) FROM cel) + 1]::integer[], ARRAY[1, 1 + cardinality(b.leden)], b.leden) AS teken
    FROM bronnen b)
%2)sql"_s.arg(rows, leavingRows());
    return functionReturning(indicatorsFunction, {u"p_van text"_s, u"p_tot text"_s, u"p_buurt bigint"_s}, query);
}

}  // namespace

QStringList statements()
{
    const QString steering = ServerSetup::groupRole(u"stuurgroep"_s);
    QStringList everyone;
    for (const QString& role : {u"medewerker"_s, u"coordinator"_s, u"stuurgroep"_s, u"beheerder"_s})
        everyone << ServerSetup::groupRole(role);
    return {
        // The counts are exact per day or month, buurt and category: a "2" in March is a person.
        u"REVOKE SELECT ON signal_day_counts, referral_day_counts FROM %1"_s.arg(steering),
        ServerSetup::ifTableExists(u"signal_month_counts"_s, u"REVOKE SELECT ON signal_month_counts, referral_month_counts,"
                                   " referral_month_days FROM %1"_s.arg(steering)),
        ServerSetup::ifTableExists(u"escalation_day_counts"_s, u"REVOKE SELECT ON escalation_day_counts FROM %1"_s.arg(steering)),
        ServerSetup::ifTableExists(u"signal_open_terms"_s, u"REVOKE SELECT ON signal_open_terms FROM %1"_s.arg(steering)),
        SteeringProtection::functionSql(),
        u"REVOKE EXECUTE ON FUNCTION %1 FROM PUBLIC"_s.arg(SteeringProtection::functionSignature()),
        // Its rows gained a column: a function's row type cannot be replaced in place.
        u"DROP FUNCTION IF EXISTS %1(%2)"_s.arg(figuresFunction, figuresSignature),
        figuresFunctionSql(),
        u"DROP FUNCTION IF EXISTS %1(text, text, bigint)"_s.arg(indicatorsFunction),
        indicatorsFunctionSql(),
        u"CREATE OR REPLACE VIEW %1 AS SELECT held_on, buurt_id, kind, participants, organisations, self_organised FROM activities"_s.arg(activitiesView),
        u"REVOKE EXECUTE ON FUNCTION %1(%2) FROM PUBLIC"_s.arg(figuresFunction, figuresSignature),
        u"REVOKE EXECUTE ON FUNCTION %1(text, text, bigint) FROM PUBLIC"_s.arg(indicatorsFunction),
        // Figures only: anyone who may read them anyway may read them this way too.
        u"GRANT EXECUTE ON FUNCTION %1(%2) TO %3"_s.arg(figuresFunction, figuresSignature, everyone.join(u", "_s)),
        u"GRANT EXECUTE ON FUNCTION %1(text, text, bigint) TO %2"_s.arg(indicatorsFunction, everyone.join(u", "_s)),
        u"GRANT SELECT ON %1 TO %2"_s.arg(activitiesView, everyone.join(u", "_s)),
        // Printing the report (and a refusal) is logged in the steering member's own name, about
        // no signal: the only row it writes anywhere.
        u"GRANT INSERT ON access_log TO %1"_s.arg(steering),
        u"CREATE POLICY access_log_stuurgroep ON access_log FOR INSERT TO %1"
        " WITH CHECK (actor = session_user AND signal_id IS NULL AND action IN ('afgedrukt', 'geweigerd'))"_s.arg(steering),
    };
}

QString installedQuery()
{
    return u"SELECT to_regprocedure('%1(%2)') IS NOT NULL"_s.arg(figuresFunction, figuresSignature);
}

QString figuresQuery()
{
    return u"SELECT cijfer, sleutel1, sleutel2, aantal, verborgen, waarde, beschermd"
           " FROM %1(?, ?, ?, ?, ?, ?, CAST(? AS bigint), ?, ?, CAST(? AS bigint[]))"_s.arg(figuresFunction);
}

QString indicatorsQuery()
{
    return u"SELECT cijfer, sleutel1, sleutel2, aantal, verborgen, waarde, beschermd FROM %1(?, ?, CAST(? AS bigint))"_s.arg(indicatorsFunction);
}

QString activitiesSource()
{
    return activitiesView;
}

}  // namespace bs::SteeringViews
