// The figures, against hand-computed expectations on small fixed datasets.
#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "domain/Workflow.h"
#include "io/CbsImport.h"
#include "services/Escalations.h"
#include "services/Lookups.h"
#include "services/ReferenceAdmin.h"
#include "services/Referrals.h"
#include "services/Signals.h"
#include "stats/Disclosure.h"
#include "stats/Indicators.h"
#include "stats/Statistics.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

class TestStats : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void periods();
    void boundariesAndLeapDay();
    void emptyBuurtenAndPopulation();
    void movedAndReopenedSignals();
    void referralsSpanningPeriods();
    void escalationStepsAcrossSummerTime();
    void risingTrends();
    void indicatorStatusRule();
    void indicatorsComputedAndEntered();
    void cbsImport();
    void smallCellsCannotBeRecovered();
    void runningPeriodsCompareLikeWithLike();
    void oneLateDefinitionEverywhere();

private:
    static QString add(Registry& registry, const QString& buurt, const QString& category, const QString& observed);
    static const BuurtFigures& buurt(const Statistics& s, const QString& name);
};

QString TestStats::add(Registry& registry, const QString& buurt, const QString& category, const QString& observed)
{
    NewSignal input;
    input.buurt = buurt;
    input.category = category;
    input.source = u"eigen_waarneming"_s;
    input.observedOn = observed;
    input.description = u"Testsignaal."_s;
    auto reference = Signals::add(registry, input);
    if (!reference.ok())
        qFatal("%s", qPrintable(reference.error().message));
    return reference.value();
}

const BuurtFigures& TestStats::buurt(const Statistics& s, const QString& name)
{
    for (const BuurtFigures& b : s.buurten) {
        if (b.buurt == name)
            return b;
    }
    qFatal("no buurt %s", qPrintable(name));
}

void TestStats::initTestCase()
{
    if (const QString why = engineUnavailable(); !why.isEmpty())
        QSKIP(qPrintable(why));
}

void TestStats::periods()
{
    QCOMPARE(Period::month(2026, 3).previous().from, QDate(2026, 2, 1));
    QCOMPARE(Period::month(2026, 3).previous().to, QDate(2026, 2, 28));
    QCOMPARE(Period::month(2024, 3).previous().to, QDate(2024, 2, 29));  // leap year
    QCOMPARE(Period::quarter(2026, 1).previous().from, QDate(2025, 10, 1));
    QCOMPARE(Period::year(2026).previous().to, QDate(2025, 12, 31));
    const Period custom = Period::parse(u"2026-03-10"_s, u"2026-03-19"_s).value();
    QCOMPARE(custom.days(), 10);
    QCOMPARE(custom.previous().from, QDate(2026, 2, 28));
    QCOMPARE(custom.previous().to, QDate(2026, 3, 9));
    QVERIFY(!Period::parse(u"2026-03-10"_s, u"2026-03-09"_s).ok());
    QVERIFY(!Period::parse(u"2025-02-29"_s, u"2025-03-01"_s).ok());
    // Dutch midnight in UTC: winter +1, summer +2.
    QCOMPARE(Period::month(2026, 3).startTimestamp(), u"2026-02-28T23:00:00Z"_s);
    QCOMPARE(Period::month(2026, 3).endTimestamp(), u"2026-03-31T22:00:00Z"_s);
}

void TestStats::boundariesAndLeapDay()
{
    TempRegistry temp;
    for (const QString& day : {u"2024-02-28"_s, u"2024-02-29"_s, u"2024-03-01"_s, u"2024-01-31"_s, u"2024-01-01"_s, u"2023-12-31"_s})
        add(temp.registry(), u"Oranjebuurt"_s, u"eenzaamheid"_s, day);
    auto february = Stats::compute(temp.registry(), {Period::month(2024, 2), {}, {}});
    QVERIFY(february.ok());
    QCOMPARE(february->signalCount, 2);          // 28 and 29 February
    QCOMPARE(february->previousSignalCount, 2);  // 1 and 31 January
    QCOMPARE(february->months.size(), 1);
    QCOMPARE(february->months.first().byTheme.value(u"T2"_s), 2);
    auto leapDay = Stats::compute(temp.registry(), {Period::parse(u"2024-02-29"_s, u"2024-02-29"_s).value(), {}, {}});
    QCOMPARE(leapDay->signalCount, 1);
    QCOMPARE(leapDay->previousSignalCount, 1);  // the day before: 28 February
    auto year = Stats::compute(temp.registry(), {Period::year(2024), {}, {}});
    QCOMPARE(year->signalCount, 5);
    QCOMPARE(year->previousSignalCount, 1);
    QCOMPARE(year->months.size(), 12);
}

void TestStats::emptyBuurtenAndPopulation()
{
    TempRegistry temp;
    for (int i = 0; i < 3; ++i)
        add(temp.registry(), u"Kinderdijk"_s, u"vervuiling"_s, u"2026-10-05"_s);
    add(temp.registry(), u"Kinderdijk"_s, u"schulden"_s, u"2026-10-06"_s);
    add(temp.registry(), u"Oranjebuurt"_s, u"schulden"_s, u"2026-10-07"_s);
    auto kinderdijk = Lookups::findBuurt(temp.registry(), u"Kinderdijk"_s);
    QVERIFY(ReferenceAdmin::saveBuurt(temp.registry(), {kinderdijk->id, u"Kinderdijk"_s, {}, {}, u"1600"_s, false, {}}).ok());
    auto s = Stats::compute(temp.registry(), {Period::month(2026, 10), {}, {}});
    QCOMPARE(s->buurten.size(), 8);  // every buurt, also the empty ones
    const BuurtFigures& k = buurt(s.value(), u"Kinderdijk"_s);
    QCOMPARE(k.total, 4);
    QCOMPARE(k.byTheme.value(u"T3"_s), 3);
    QCOMPARE(k.byTheme.value(u"T2"_s), 1);
    QVERIFY(k.per1000.has_value());
    QCOMPARE(*k.per1000, 2.5);  // 4 per 1,600 inhabitants
    QVERIFY(!buurt(s.value(), u"Oranjebuurt"_s).per1000.has_value());  // population unknown: no rate
    QCOMPARE(buurt(s.value(), u"Souburgh"_s).total, 0);
    QCOMPARE(buurt(s.value(), u"Oranjebuurt"_s).open, 1);
    // A buurt and a theme filter.
    auto t2 = Stats::compute(temp.registry(), {Period::month(2026, 10), u"Kinderdijk"_s, u"T2"_s});
    QCOMPARE(t2->signalCount, 1);
    QCOMPARE(t2->buurten.size(), 1);
    QVERIFY(!Stats::compute(temp.registry(), {Period::month(2026, 10), u"Atlantis"_s, {}}).ok());
    QVERIFY(!Stats::compute(temp.registry(), {Period::month(2026, 10), {}, u"T9"_s}).ok());
}

void TestStats::movedAndReopenedSignals()
{
    TempRegistry temp;
    const QString moved = add(temp.registry(), u"Oranjebuurt"_s, u"portiek"_s, u"2026-10-10"_s);
    SignalEdit edit;
    edit.buurt = u"Souburgh"_s;
    QVERIFY(Signals::edit(temp.registry(), moved, edit).ok());
    const QString reopened = add(temp.registry(), u"Oranjebuurt"_s, u"portiek"_s, u"2026-10-11"_s);
    QVERIFY(Signals::changeStatus(temp.registry(), reopened, u"in_behandeling"_s, {}).ok());
    QVERIFY(Signals::changeStatus(temp.registry(), reopened, u"afgehandeld"_s, {u"opgelost"_s, u"Opgeruimd"_s, {}}).ok());
    QVERIFY(Signals::changeStatus(temp.registry(), reopened, u"heropend"_s, {{}, u"Weer vol"_s, {}}).ok());
    auto s = Stats::compute(temp.registry(), {Period::month(2026, 10), {}, {}});
    QCOMPARE(s->signalCount, 2);
    QCOMPARE(buurt(s.value(), u"Souburgh"_s).total, 1);     // counted where it is now
    QCOMPARE(buurt(s.value(), u"Oranjebuurt"_s).total, 1);  // reopened counts once
    QCOMPARE(buurt(s.value(), u"Oranjebuurt"_s).open, 1);   // and is open again
}

void TestStats::referralsSpanningPeriods()
{
    TempRegistry temp(QDate(2026, 9, 28));
    const QString a = add(temp.registry(), u"Oranjebuurt"_s, u"vervuiling"_s, u"2026-09-20"_s);
    const QString b = add(temp.registry(), u"Oranjebuurt"_s, u"portiek"_s, u"2026-09-21"_s);
    const QString c = add(temp.registry(), u"Oranjebuurt"_s, u"onderhoud"_s, u"2026-09-22"_s);
    auto r1 = Referrals::add(temp.registry(), {a, u"Woonkracht10"_s, {}, u"Opruimen"_s, {}, {}});  // sent 28 September
    auto r2 = Referrals::add(temp.registry(), {b, u"Woonkracht10"_s, {}, u"Portiek"_s, {}, {}});
    auto r3 = Referrals::add(temp.registry(), {c, u"Woonkracht10"_s, {}, u"Speeltuin"_s, {}, {}});
    temp.clock().set(QDateTime(QDate(2026, 10, 2), QTime(10, 0), Qt::UTC));  // 4 days later, in October
    QVERIFY(Referrals::transition(temp.registry(), r1.value(), u"geaccepteerd"_s, {}).ok());
    QVERIFY(Referrals::transition(temp.registry(), r2.value(), u"afgewezen"_s, {u"past_niet"_s, {}, {}}).ok());
    temp.clock().set(QDateTime(QDate(2026, 10, 8), QTime(10, 0), Qt::UTC));  // 10 days after sending
    QVERIFY(Referrals::transition(temp.registry(), r1.value(), u"afgerond"_s, {u"geholpen"_s, u"Opgeruimd"_s, {}}).ok());
    QVERIFY(Referrals::transition(temp.registry(), r3.value(), u"ingetrokken"_s, {{}, u"Niet nodig"_s, {}}).ok());
    auto september = Stats::compute(temp.registry(), {Period::month(2026, 9), {}, {}});
    PartnerFigures woonkracht;
    for (const PartnerFigures& p : september->partners) {
        if (p.partner == u"Woonkracht10"_s)
            woonkracht = p;
    }
    QCOMPARE(woonkracht.sent, 3);  // counted in the month they were sent
    QCOMPARE(woonkracht.accepted, 1);
    QCOMPARE(woonkracht.completed, 1);
    QCOMPARE(woonkracht.rejected, 1);
    QCOMPARE(woonkracht.withdrawn, 1);
    QCOMPARE(woonkracht.closed, 3);
    QCOMPARE(woonkracht.loopClosed, 3);  // feedback, coded rejection, withdrawal note
    QCOMPARE(*woonkracht.closedLoopRate, 1.0);
    QCOMPARE(*woonkracht.medianDaysToAccept, 4.0);
    QCOMPARE(*woonkracht.medianDaysToComplete, 10.0);
    QCOMPARE(woonkracht.rejectionReasons.value(u"past_niet"_s), 1);
    // Scoped to the buurt, the same referrals are grouped on the spot: the same figures.
    auto scoped = Stats::compute(temp.registry(), {Period::month(2026, 9), u"Oranjebuurt"_s, {}});
    for (const PartnerFigures& p : scoped->partners) {
        if (p.partner == u"Woonkracht10"_s) {
            QCOMPARE(p.sent, 3);
            QCOMPARE(p.completed, 1);
            QCOMPARE(*p.medianDaysToAccept, 4.0);
            QCOMPARE(p.rejectionReasons.value(u"past_niet"_s), 1);
        }
    }
    auto october = Stats::compute(temp.registry(), {Period::month(2026, 10), {}, {}});
    for (const PartnerFigures& p : october->partners)
        QCOMPARE(p.sent, 0);
}

void TestStats::escalationStepsAcrossSummerTime()
{
    TempRegistry temp(QDate(2026, 3, 20));
    const QString ref = add(temp.registry(), u"Oranjebuurt"_s, u"jongerenoverlast"_s, u"2026-03-20"_s);
    // 01:30 Dutch time on 29 March (before the clocks go forward): March.
    temp.clock().set(QDateTime(QDate(2026, 3, 29), QTime(0, 30), Qt::UTC));
    QVERIFY(Escalations::step(temp.registry(), ref, 1, u"termijn_verstreken"_s, u"Aanhoudend"_s).ok());
    // 00:30 Dutch summer time on 1 April is still 31 March in UTC: April.
    temp.clock().set(QDateTime(QDate(2026, 3, 31), QTime(22, 30), Qt::UTC));
    QVERIFY(Escalations::step(temp.registry(), ref, 2, u"samenwerking_stagneert"_s, u"Geen voortgang"_s).ok());
    temp.clock().set(QDateTime(QDate(2026, 4, 2), QTime(12, 0), Qt::UTC));
    QVERIFY(Escalations::step(temp.registry(), ref, 1, {}, u"Afspraken"_s).ok());
    auto march = Stats::compute(temp.registry(), {Period::month(2026, 3), {}, {}});
    auto april = Stats::compute(temp.registry(), {Period::month(2026, 4), {}, {}});
    QCOMPARE(march->levels.at(1).stepsUp, 1);
    QCOMPARE(march->levels.at(2).stepsUp, 0);
    QCOMPARE(april->levels.at(2).stepsUp, 1);
    QCOMPARE(april->levels.at(1).stepsDown, 1);
    QCOMPARE(april->levels.at(1).current, 1);  // open now, on level 1
    QCOMPARE(march->signalCount, 1);  // observed 20 March
}

void TestStats::risingTrends()
{
    TempRegistry temp;
    // Oranjebuurt: schulden 2 -> 6 (+200 %); municipality schulden 4 -> 8 (+100 %): a trend.
    // Souburgh: schulden 2 -> 2; vervuiling 1 -> 4 (below the minimum count of 5): no trend.
    for (int i = 0; i < 2; ++i) add(temp.registry(), u"Oranjebuurt"_s, u"schulden"_s, u"2026-09-10"_s);
    for (int i = 0; i < 6; ++i) add(temp.registry(), u"Oranjebuurt"_s, u"schulden"_s, u"2026-10-10"_s);
    for (int i = 0; i < 2; ++i) add(temp.registry(), u"Souburgh"_s, u"schulden"_s, u"2026-09-11"_s);
    for (int i = 0; i < 2; ++i) add(temp.registry(), u"Souburgh"_s, u"schulden"_s, u"2026-10-11"_s);
    add(temp.registry(), u"Souburgh"_s, u"vervuiling"_s, u"2026-09-12"_s);
    for (int i = 0; i < 4; ++i) add(temp.registry(), u"Souburgh"_s, u"vervuiling"_s, u"2026-10-12"_s);
    auto s = Stats::compute(temp.registry(), {Period::month(2026, 10), {}, {}});
    QCOMPARE(s->trends.size(), 1);
    QCOMPARE(s->trends.first().buurt, u"Oranjebuurt"_s);
    QCOMPARE(s->trends.first().category, u"schulden"_s);
    QCOMPARE(s->trends.first().count, 6);
    QCOMPARE(s->trends.first().previous, 2);
    QCOMPARE(s->trends.first().growthPct, 200.0);
    QCOMPARE(s->trends.first().municipalityGrowthPct, 100.0);
}

void TestStats::indicatorStatusRule()
{
    using Indicators::status;
    QCOMPARE(status(u"relative_change_pct"_s, 10.0, 110.0, 100.0, 30), u"op_koers"_s);
    QCOMPARE(status(u"relative_change_pct"_s, 10.0, 109.0, 100.0, 30), u"niet_op_koers"_s);
    QCOMPARE(status(u"relative_change_pct"_s, -10.0, 90.0, 100.0, 30), u"op_koers"_s);   // mutatiegraad must fall
    QCOMPARE(status(u"relative_change_pct"_s, -10.0, 95.0, 100.0, 30), u"niet_op_koers"_s);
    QCOMPARE(status(u"relative_change_pct"_s, 10.0, 5.0, 0.0, 30), u"geen_gegevens"_s);
    QCOMPARE(status(u"relative_change_pct"_s, std::nullopt, 5.0, 4.0, 30), u"geen_doel"_s);
    QCOMPARE(status(u"absolute_per_year"_s, 10.0, 3.0, std::nullopt, 92), u"op_koers"_s);  // 10 * 92/365 = 2.5
    QCOMPARE(status(u"absolute_per_year"_s, 10.0, 2.0, std::nullopt, 92), u"niet_op_koers"_s);
    QCOMPARE(status(u"count"_s, std::nullopt, 7.0, 3.0, 30), u"geen_doel"_s);
    QCOMPARE(status(u"absolute_per_year"_s, 10.0, std::nullopt, std::nullopt, 365), u"geen_gegevens"_s);
}

void TestStats::indicatorsComputedAndEntered()
{
    TempRegistry temp;
    NewSignal fixie{u"Oranjebuurt"_s, u"vervuiling"_s, u"fixie"_s, u"straat"_s, u"normaal"_s, u"2026-10-03"_s, {}, u"Afval."_s, u"FX-1"_s, {}};
    QVERIFY(Signals::add(temp.registry(), fixie).ok());
    fixie.externalId = u"FX-2"_s;
    QVERIFY(Signals::add(temp.registry(), fixie).ok());
    fixie.externalId = u"FX-3"_s;
    fixie.observedOn = u"2026-09-03"_s;
    QVERIFY(Signals::add(temp.registry(), fixie).ok());
    QVERIFY(ReferenceAdmin::addActivity(temp.registry(), {u"2026-10-04"_s, u"Oranjebuurt"_s, u"opruimactie"_s, {}, u"12"_s, u"2"_s, true, {}, {}}).ok());
    QVERIFY(ReferenceAdmin::addActivity(temp.registry(), {u"2026-10-18"_s, {}, u"bewonersinitiatief"_s, {}, u"30"_s, u"1"_s, true, u"250"_s, {}}).ok());
    QVERIFY(ReferenceAdmin::savePartner(temp.registry(), {0, u"Buurtmoestuin"_s, false, u"bewonersinitiatief"_s, {}, {}, {}, 10, u"2026-10-15"_s, {}, true}).ok());
    QVERIFY(Indicators::enter(temp.registry(), {u"mutatiegraad"_s, u"2026-10-01"_s, u"2026-10-31"_s, {}, u"8,5"_s, u"Opgave Woonkracht10"_s}).ok());
    QVERIFY(Indicators::enter(temp.registry(), {u"mutatiegraad"_s, u"2026-09-01"_s, u"2026-09-30"_s, {}, u"10"_s, {}}).ok());
    QVERIFY(Indicators::enter(temp.registry(), {u"trots"_s, u"2026-10-01"_s, u"2026-10-31"_s, {}, {}, u"Bewoners noemen het buurtfeest."_s}).ok());
    QVERIFY(!Indicators::enter(temp.registry(), {u"bestaat_niet"_s, u"2026-10-01"_s, u"2026-10-31"_s, {}, u"1"_s, {}}).ok());
    QVERIFY(!Indicators::enter(temp.registry(), {u"mutatiegraad"_s, u"2026-10-01"_s, u"2026-10-31"_s, {}, u"veel"_s, {}}).ok());
    auto figures = Indicators::compute(temp.registry(), Period::month(2026, 10));
    QVERIFY(figures.ok());
    QHash<QString, IndicatorFigure> byCode;
    for (const IndicatorFigure& f : figures.value())
        byCode.insert(f.code, f);
    QCOMPARE(byCode.size(), 25);
    QCOMPARE(*byCode[u"fixie_meldingen"_s].value, 2.0);
    QCOMPARE(*byCode[u"fixie_meldingen"_s].previous, 1.0);
    QCOMPARE(byCode[u"fixie_meldingen"_s].status, u"op_koers"_s);  // +100 % against +10 %
    QCOMPARE(*byCode[u"deelnemers_opruimacties"_s].value, 42.0);
    QCOMPARE(*byCode[u"zelf_georganiseerd"_s].value, 2.0);
    QCOMPARE(*byCode[u"informele_partners"_s].value, 1.0);
    QCOMPARE(byCode[u"informele_partners"_s].status, u"op_koers"_s);  // 1 >= 10 * 31/365
    QCOMPARE(*byCode[u"mutatiegraad"_s].value, 8.5);
    QCOMPARE(byCode[u"mutatiegraad"_s].status, u"op_koers"_s);  // -15 % against -10 %
    QCOMPARE(byCode[u"mutatiegraad"_s].note, u"Opgave Woonkracht10"_s);
    QCOMPARE(byCode[u"trots"_s].note, u"Bewoners noemen het buurtfeest."_s);
    QCOMPARE(byCode[u"trots"_s].status, u"geen_doel"_s);
    // An entered FIXIE count for the period wins over the registry's own.
    QVERIFY(Indicators::enter(temp.registry(), {u"fixie_meldingen"_s, u"2026-10-01"_s, u"2026-10-31"_s, {}, u"40"_s, {}}).ok());
    figures = Indicators::compute(temp.registry(), Period::month(2026, 10));
    for (const IndicatorFigure& f : figures.value()) {
        if (f.code == u"fixie_meldingen"_s)
            QCOMPARE(*f.value, 40.0);
    }
}

void TestStats::cbsImport()
{
    TempRegistry temp;
    // As CBS publishes it: semicolons, space-padded values, "." for unknown.
    const QByteArray csv = "ID;WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;AantalInwoners_5\n"
                           "1;Alblasserdam                            ;Alblasserdam  ;Gemeente  ;GM0482    ;   20335\n"
                           "2;Wijk 01 Centrum                         ;Alblasserdam  ;Wijk      ;WK048201  ;    4930\n"
                           "3;Redersbuurt                             ;Alblasserdam  ;Buurt     ;BU04820102;    1250\n"
                           "4;Kinderdijk                              ;Alblasserdam  ;Buurt     ;BU04820301;       .\n"
                           "5;Nieuwbouwbuurt                          ;Alblasserdam  ;Buurt     ;BU04820401;     640\n"
                           "6;Elders                                  ;Papendrecht   ;Buurt     ;BU05900101;     999\n";
    const QByteArray before = contentFingerprint(temp.path());
    auto plan = CbsImport::plan(temp.registry(), csv);
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
    QCOMPARE(contentFingerprint(temp.path()), before);  // planning writes nothing
    QHash<QString, CbsChange> byName;
    for (const CbsChange& c : plan.value())
        byName.insert(c.name, c);
    QCOMPARE(plan->size(), 4);  // Papendrecht is not ours
    QCOMPARE(byName[u"Wijk 01 Centrum"_s].action, u"bijwerken"_s);  // name differs; population equal
    QCOMPARE(byName[u"Redersbuurt"_s].action, u"bijwerken"_s);      // population becomes known
    QCOMPARE(byName[u"Kinderdijk"_s].action, u"bijwerken"_s);       // gets its code
    QVERIFY(!byName[u"Kinderdijk"_s].population.has_value());
    QCOMPARE(byName[u"Nieuwbouwbuurt"_s].action, u"nieuw"_s);
    QVERIFY(CbsImport::apply(temp.registry(), plan.value()).ok());
    auto reders = Lookups::findBuurt(temp.registry(), u"Redersbuurt"_s);
    QCOMPARE(*reders->population, 1250);
    QCOMPARE(Lookups::findBuurt(temp.registry(), u"Kinderdijk"_s)->cbsCode, u"BU04820301"_s);
    QCOMPARE(Lookups::findBuurt(temp.registry(), u"Nieuwbouwbuurt"_s)->wijkCode, u"WK048204"_s);
    // Bad files are refused before anything is written.
    QVERIFY(!CbsImport::plan(temp.registry(), "naam;inwoners\nA;1\n").ok());
    QVERIFY(!CbsImport::plan(temp.registry(), "WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;AantalInwoners_5\nX;Alblasserdam;Buurt;BU0482;1\n").ok());
}

void TestStats::smallCellsCannotBeRecovered()
{
    using namespace Disclosure;
    // One small cell in a row with a shown total: the next smallest is hidden too.
    Grid a = protect({{3, 10, 0}}, true, false);
    QCOMPARE(a.cells[0][0].text(), u"<5"_s);
    QCOMPARE(a.cells[0][1].text(), u"x"_s);
    QCOMPARE(a.cells[0][2].text(), u"0"_s);
    QCOMPARE(a.rowTotals[0].text(), u"13"_s);
    // A row whose only count is small: its total is small too.
    Grid b = protect({{3, 0}}, true, false);
    QCOMPARE(b.rowTotals[0].text(), u"<5"_s);
    // A table with both totals: keep going until no line gives anything away.
    Grid c = protect({{7, 2}, {8, 9}, {20, 30}}, true, true);
    auto check = [](const QList<const Cell*>& line, const Cell& total) {
        int hidden = 0;
        for (const Cell* cell : line)
            hidden += !cell->shown() && cell->value > 0;
        return !total.shown() || hidden != 1;
    };
    for (int r = 0; r < c.cells.size(); ++r)
        QVERIFY(check({&c.cells[r][0], &c.cells[r][1]}, c.rowTotals[r]));
    for (int col = 0; col < 2; ++col)
        QVERIFY(check({&c.cells[0][col], &c.cells[1][col], &c.cells[2][col]}, c.columnTotals[col]));
    QVERIFY(check({&c.rowTotals[0], &c.rowTotals[1], &c.rowTotals[2]}, c.total));
    QCOMPARE(c.cells[0][1].text(), u"<5"_s);
    QCOMPARE(c.cells[2][0].text(), u"20"_s);  // large cells far from the small one stay visible
    QCOMPARE(c.total.text(), u"76"_s);
    // Zero is not a small count.
    QCOMPARE(single(0).text(), u"0"_s);
    QCOMPARE(single(4).text(), u"<5"_s);
    QCOMPARE(single(5).text(), u"5"_s);
}

void TestStats::runningPeriodsCompareLikeWithLike()
{
    // On 27 November "this month" is 1-27 November, compared with 1-27 October; the year to date
    // with the same days of last year; a period that is over with the whole period before.
    const QDate today(2026, 11, 27);
    QCOMPARE(Period::month(2026, 11).comparedWith(today).from, QDate(2026, 10, 1));
    QCOMPARE(Period::month(2026, 11).comparedWith(today).to, QDate(2026, 10, 27));
    QCOMPARE(Period::month(2026, 11).elapsed(today).to, today);
    QCOMPARE(Period::year(2026).comparedWith(today).from, QDate(2025, 1, 1));
    QCOMPARE(Period::year(2026).comparedWith(today).to, QDate(2025, 11, 27));
    QCOMPARE(Period::quarter(2026, 4).comparedWith(today).from, QDate(2026, 7, 1));
    QCOMPARE(Period::quarter(2026, 4).comparedWith(today).to, QDate(2026, 8, 27));
    QCOMPARE(Period::month(2026, 3).comparedWith(QDate(2026, 3, 31)).to, QDate(2026, 2, 28));  // the month's last day
    QCOMPARE(Period::month(2026, 10).comparedWith(today).to, QDate(2026, 9, 30));  // over: the whole month before
    const Period custom = Period::parse(u"2026-11-20"_s, u"2026-12-09"_s).value();  // 20 days, 8 of them passed
    QCOMPARE(custom.comparedWith(today).from, QDate(2026, 10, 31));
    QCOMPARE(custom.comparedWith(today).to, QDate(2026, 11, 7));

    TempRegistry temp(today);
    add(temp.registry(), u"Oranjebuurt"_s, u"eenzaamheid"_s, u"2026-10-05"_s);
    add(temp.registry(), u"Oranjebuurt"_s, u"eenzaamheid"_s, u"2026-10-28"_s);  // after the 27th: not the same days
    add(temp.registry(), u"Oranjebuurt"_s, u"eenzaamheid"_s, u"2026-11-03"_s);
    auto november = Stats::compute(temp.registry(), {Period::month(2026, 11), {}, {}});
    QVERIFY(november.ok());
    QCOMPARE(november->signalCount, 1);
    QCOMPARE(november->previousSignalCount, 1);
    QCOMPARE(november->previous.to, QDate(2026, 10, 27));
    QCOMPARE(november->elapsed.to, today);
    // Averages say what they average over.
    auto indicators = Indicators::compute(temp.registry(), Period::month(2026, 11));
    QVERIFY(indicators.ok());
    bool found = false;
    for (const IndicatorFigure& f : indicators.value()) {
        if (f.code == u"deelnemers_per_event"_s) {
            QCOMPARE(f.basisWords, u"gemiddelde per themabijeenkomst of voorlichting"_s);
            found = true;
        }
    }
    QVERIFY(found);
}

// "Open", "late" and "stalled" have one home (services/OpenAndLate): the work queues, the list's
// late flags, the coordinator view and the dashboard figures must agree on demo data, and agree
// with the rule worked out here from the rows themselves.
void TestStats::oneLateDefinitionEverywhere()
{
    TempRegistry t;
    QVERIFY(DemoGenerator::generate(t.registry(), {2000, 7}).ok());
    // Late by its follow-up date alone (its escalation term runs for weeks yet).
    NewSignal input;
    input.buurt = u"Oranjebuurt"_s;
    input.category = u"eenzaamheid"_s;
    input.source = u"eigen_waarneming"_s;
    input.description = u"Opvolgen is vergeten."_s;
    input.followUpOn = referenceToday().addDays(-3).toString(Qt::ISODate);
    QVERIFY(Signals::add(t.registry(), input).ok());
    // Late by its referral's term alone: the partner did not answer in time.
    input.followUpOn.clear();
    input.description = u"Partner reageert niet."_s;
    NewReferral referral;
    referral.reference = Signals::add(t.registry(), input).value();
    referral.toPartner = Lookups::partners(t.registry())->first().name;
    referral.reason = u"Graag contact opnemen."_s;
    const qint64 referralId = Referrals::add(t.registry(), referral).value();
    QVERIFY(t->db().execute(u"UPDATE referrals SET respond_by = ? WHERE id = ?"_s,
                            {referenceToday().addDays(-1).toString(Qt::ISODate), referralId}).ok());
    const QString today = referenceToday().toString(Qt::ISODate);

    // The coordinator view: every open referral with its late flag.
    ReferralFilter openReferrals;
    openReferrals.onlyOpen = true;
    openReferrals.limit = 100000;
    auto referrals = Referrals::list(t.registry(), openReferrals);
    QVERIFY(referrals.ok());
    int referralsLate = 0;
    QSet<qint64> signalsWithLateReferral;
    for (const ReferralInfo& r : referrals.value()) {
        QVERIFY(Workflow::isReferralOpen(r.status));
        const QString due = r.status == u"verstuurd"_s ? r.respondBy : r.completeBy;
        QCOMPARE(r.late, due < today);
        if (r.late) {
            ++referralsLate;
            signalsWithLateReferral.insert(r.signalId);
        }
    }
    ReferralFilter lateReferrals;
    lateReferrals.onlyLate = true;
    lateReferrals.limit = 100000;
    QCOMPARE(Referrals::list(t.registry(), lateReferrals)->size(), referralsLate);

    // The rule from the rows: open, and its term, its follow-up date or a referral's term passed.
    auto rows = t->db().run(u"SELECT id, status, level_due_on, follow_up_on FROM signals"_s);
    QVERIFY(rows.ok());
    int open = 0, late = 0, stalled = 0, lateByReferralOnly = 0;
    while (rows->next()) {
        if (!Workflow::isSignalOpen(rows->value(1).toString()))
            continue;
        ++open;
        const QString due = rows->value(2).toString();
        const QString followUp = rows->value(3).toString();
        const bool termPassed = !due.isEmpty() && due < today;
        const bool followUpPassed = !followUp.isEmpty() && followUp < today;
        const bool referralLate = signalsWithLateReferral.contains(rows->value(0).toLongLong());
        stalled += termPassed;
        late += termPassed || followUpPassed || referralLate;
        lateByReferralOnly += referralLate && !termPassed && !followUpPassed;
    }
    QVERIFY(referralsLate > 0 && lateByReferralOnly > 0 && stalled > 0 && late > stalled);

    // The work queues and the list's own flags.
    SignalFilter queue;
    queue.queue = SignalQueue::Late;
    QCOMPARE(Signals::count(t.registry(), queue).value(), qint64(late));
    queue.queue = SignalQueue::Stalled;
    QCOMPARE(Signals::count(t.registry(), queue).value(), qint64(stalled));
    queue.queue = SignalQueue::All;
    queue.onlyOpen = true;
    QCOMPARE(Signals::count(t.registry(), queue).value(), qint64(open));
    queue.limit = 10000;
    int flagged = 0;
    for (const SignalRow& row : Signals::list(t.registry(), queue).value())
        flagged += row.late;
    QCOMPARE(flagged, late);
    QCOMPARE(Escalations::stalled(t.registry(), 100000)->size(), stalled);

    // The dashboard's figures (referrals of every period: all were sent before today).
    StatsFilter filter;
    auto everything = Period::parse(u"2024-01-01"_s, today);  // demo data goes back two years
    QVERIFY(everything.ok());
    filter.period = everything.value();
    auto stats = Stats::compute(t.registry(), filter);
    QVERIFY(stats.ok());
    QCOMPARE(stats->openNow, open);
    QCOMPARE(stats->lateNow, late);
    int partnerLate = 0;
    for (const PartnerFigures& p : stats->partners)
        partnerLate += p.late;
    QCOMPARE(partnerLate, referralsLate);
    int levelStalled = 0;
    for (const LevelFigures& l : stats->levels)
        levelStalled += l.stalled;
    QCOMPARE(levelStalled, stalled);
}

QTEST_GUILESS_MAIN(TestStats)
#include "tst_stats.moc"
