// The monthly roll-ups (schema 11) and the day counts answer exactly what a fresh count of the
// signals and referrals gives, after every kind of write: the bulk demo, edits that move a signal,
// referrals that move along, an import, a retention run and an erasure. Checked two ways: the
// registry's own consistency check, and the dashboard's figures for whole, partial and running
// periods against counts computed here from the rows themselves.
#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "io/MeldingImport.h"
#include "privacy/Retention.h"
#include "privacy/SubjectRights.h"
#include "services/Referrals.h"
#include "services/Signals.h"
#include "stats/Statistics.h"
#include "storage/Consistency.h"

#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

class TestRollups : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void figuresEqualAFreshCount();

private:
    static void writeEveryWay(Registry& registry);
    static void compareWithFreshCount(Registry& registry, const Period& period);
};

void TestRollups::initTestCase()
{
    if (const QString why = engineUnavailable(); !why.isEmpty())
        QSKIP(qPrintable(why));
}

void TestRollups::writeEveryWay(Registry& registry)
{
    // Signals moved to another buurt and category (the counts of both cells change).
    SignalFilter openOnes;
    openOnes.onlyOpen = true;
    auto listed = Signals::list(registry, openOnes);
    QVERIFY(listed.ok() && listed->size() > 40);
    for (int i = 0; i < 40; i += 4) {
        SignalEdit edit;
        edit.buurt = i % 8 ? u"Souburgh"_s : u"Kinderdijk"_s;
        edit.category = u"schulden"_s;
        edit.reason = u"Verkeerd ingedeeld."_s;
        const Status edited = Signals::edit(registry, listed->at(i).reference, edit);
        QVERIFY2(edited.ok(), qPrintable(edited.ok() ? QString() : edited.error().message));
    }
    // Referrals accepted, rejected, completed and withdrawn (their buckets and days change).
    ReferralFilter open;
    open.onlyOpen = true;
    auto referrals = Referrals::list(registry, open);
    QVERIFY(referrals.ok() && referrals->size() >= 12);
    int n = 0;
    for (const ReferralInfo& r : referrals.value()) {
        if (n >= 12)
            break;
        Status moved;
        if (r.status == u"verstuurd"_s) {
            moved = n % 3 == 0 ? Referrals::transition(registry, r.id, u"afgewezen"_s, {u"geen_capaciteit"_s, {}, {}})
                  : n % 3 == 1 ? Referrals::transition(registry, r.id, u"geaccepteerd"_s, {})
                               : Referrals::transition(registry, r.id, u"ingetrokken"_s, {{}, u"Niet meer nodig."_s, {}});
        } else {
            moved = Referrals::transition(registry, r.id, u"afgerond"_s, {u"geholpen"_s, u"Schuldhulp loopt."_s, {}});
        }
        QVERIFY2(moved.ok(), qPrintable(moved.ok() ? QString() : moved.error().message));
        ++n;
    }
    // An import of meldingen across a month's edge.
    const QByteArray json = R"({"source": "fixie",
        "columns": {"external_id": "Nummer", "date": "Datum", "buurt": "Buurt", "category": "Soort", "description": "Omschrijving",
                    "status": "Status", "closed": "Afgehandeld op"},
        "categories": {"Zwerfafval": "vervuiling"}, "statuses": {"Open": "nieuw", "Afgehandeld": "afgehandeld"}})";
    auto mapping = MeldingMapping::fromJson(json);
    QVERIFY(mapping.ok());
    QString csv = u"Nummer;Datum;Buurt;Soort;Omschrijving;Status;Afgehandeld op\r\n"_s;
    for (int i = 0; i < 30; ++i)
        csv += u"RU-%1;%2-0%3-2026;Kortland;Zwerfafval;Afval.;Open;\r\n"_s.arg(i).arg(27 + i % 4).arg(i % 2 ? 8 : 9);
    auto imported = MeldingImport::run(registry, csv.toUtf8(), mapping.value(), u"meldingen.csv"_s, ImportOptions{});
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().message));
    QCOMPARE(imported->imported, 30);
    // Retention and erasure wipe subject data only: no figure may move.
    QVERIFY(Retention::run(registry, false).ok());
    const Status erased = SubjectRights::erase(registry, {listed->at(1).reference}, u"Verzoek van de bewoner."_s);
    QVERIFY2(erased.ok(), qPrintable(erased.ok() ? QString() : erased.error().message));
}

void TestRollups::compareWithFreshCount(Registry& registry, const Period& period)
{
    const QString label = period.fromText() + u" t/m "_s + period.toText();
    auto stats = Stats::compute(registry, {period, {}, {}});
    QVERIFY2(stats.ok(), qPrintable(label));
    Database& db = registry.db();
    const QVariantList range = {period.fromText(), period.toText()};

    // Signals: in total, per buurt, per month and theme.
    QCOMPARE(stats->signalCount, db.scalar(u"SELECT count(*) FROM signals WHERE observed_on >= ? AND observed_on <= ?"_s, range).value().toInt());
    for (const BuurtFigures& b : stats->buurten) {
        const int fresh = db.scalar(u"SELECT count(*) FROM signals WHERE buurt_id = ? AND observed_on >= ? AND observed_on <= ?"_s,
                                    QVariantList{b.buurtId} + range).value().toInt();
        QVERIFY2(b.total == fresh, qPrintable(u"%1 %2: %3 <> %4"_s.arg(label, b.buurt).arg(b.total).arg(fresh)));
    }
    for (const MonthFigures& m : stats->months) {
        for (auto it = m.byTheme.cbegin(); it != m.byTheme.cend(); ++it) {
            const int fresh = db.scalar(u"SELECT count(*) FROM signals s JOIN categories c ON c.code = s.category_code"
                                        " WHERE substr(s.observed_on, 1, 7) = ? AND c.theme_code = ? AND s.observed_on >= ? AND s.observed_on <= ?"_s,
                                        QVariantList{m.month, it.key()} + range).value().toInt();
            QVERIFY2(it.value() == fresh, qPrintable(u"%1 %2 %3"_s.arg(label, m.month, it.key())));
        }
    }
    // Escalation steps per level reached, up and down, between the period's Dutch midnights.
    for (const LevelFigures& level : stats->levels) {
        auto fresh = db.run(u"SELECT coalesce(sum(CASE WHEN to_level > from_level THEN 1 ELSE 0 END), 0),"
                            " coalesce(sum(CASE WHEN to_level > from_level THEN 0 ELSE 1 END), 0) FROM escalations"
                            " WHERE to_level = ? AND at >= ? AND at < ?"_s,
                            {level.level, period.startTimestamp(), period.endTimestamp()});
        QVERIFY(fresh.ok() && fresh->next());
        QVERIFY2(level.stepsUp == fresh->value(0).toInt() && level.stepsDown == fresh->value(1).toInt(),
                 qPrintable(u"%1 trede %2: %3/%4 <> %5/%6"_s.arg(label).arg(level.level).arg(level.stepsUp).arg(level.stepsDown)
                                .arg(fresh->value(0).toInt()).arg(fresh->value(1).toInt())));
    }
    // Referrals per partner, with the medians taken over the referrals one by one.
    const QString days = db.dialect().daysBetween(u"r.sent_on"_s, u"r.accepted_on"_s);
    const QString completeDays = db.dialect().daysBetween(u"r.sent_on"_s, u"r.closed_on"_s);
    for (const PartnerFigures& f : stats->partners) {
        auto rows = db.run(u"SELECT r.status, %1, %2 FROM referrals r JOIN partners p ON p.id = r.to_partner_id"
                           " WHERE p.name = ? AND r.sent_on >= ? AND r.sent_on <= ?"_s.arg(days, completeDays),
                           QVariantList{f.partner} + range);
        QVERIFY(rows.ok());
        int sent = 0, accepted = 0, completed = 0, rejected = 0;
        QList<qint64> toAccept, toComplete;
        while (rows->next()) {
            ++sent;
            const QString status = rows->value(0).toString();
            if (!rows->value(1).isNull()) {
                ++accepted;
                toAccept << rows->value(1).toLongLong();
            }
            if (status == u"afgerond"_s) {
                ++completed;
                toComplete << rows->value(2).toLongLong();
            }
            rejected += status == u"afgewezen"_s;
        }
        const QString who = label + u' ' + f.partner;
        QVERIFY2(f.sent == sent, qPrintable(who));
        QVERIFY2(f.accepted == accepted, qPrintable(who));
        QVERIFY2(f.completed == completed, qPrintable(who));
        QVERIFY2(f.rejected == rejected, qPrintable(who));
        QVERIFY2(f.medianDaysToAccept == Stats::median(toAccept), qPrintable(who));
        QVERIFY2(f.medianDaysToComplete == Stats::median(toComplete), qPrintable(who));
    }
}

void TestRollups::figuresEqualAFreshCount()
{
    TempRegistry temp(QDate(2026, 11, 18));
    QVERIFY(DemoGenerator::generate(temp.registry(), {1200, 7}).ok());
    writeEveryWay(temp.registry());
    if (QTest::currentTestFailed())
        return;

    auto findings = Consistency::findings(temp->db());
    QVERIFY(findings.ok());
    QVERIFY2(findings->isEmpty(), qPrintable(findings->join(u'\n')));
    // The roll-ups are not empty: the check above compares something.
    QVERIFY(temp->db().scalar(u"SELECT count(*) FROM signal_month_counts WHERE signals > 0"_s).value().toInt() > 12);
    QVERIFY(temp->db().scalar(u"SELECT count(*) FROM referral_month_days WHERE referrals > 0"_s).value().toInt() > 12);

    // Whole months, partial months at either end, inside one month, and the running year.
    const QList<Period> periods = {Period::year(2025), Period::year(2026), Period::quarter(2026, 3), Period::month(2026, 8),
                                   Period::parse(u"2026-01-15"_s, u"2026-11-17"_s).value(),
                                   Period::parse(u"2026-08-27"_s, u"2026-09-02"_s).value(),
                                   Period::parse(u"2026-03-01"_s, u"2026-08-30"_s).value(),
                                   Period::parse(u"2026-09-10"_s, u"2026-09-20"_s).value()};
    for (const Period& period : periods) {
        compareWithFreshCount(temp.registry(), period);
        if (QTest::currentTestFailed())
            return;
    }

    // One buurt and theme: the open signals per level and the referral figures of those signals only.
    auto scoped = Stats::compute(temp.registry(), {Period::year(2026), u"Souburgh"_s, u"T2"_s});
    QVERIFY(scoped.ok());
    Database& db = temp->db();
    const QString ofScope = u" FROM signals s JOIN categories c ON c.code = s.category_code JOIN buurten b ON b.id = s.buurt_id"
                            " WHERE b.name = 'Souburgh' AND c.theme_code = 'T2'"_s;
    for (const LevelFigures& level : scoped->levels) {
        const int fresh = db.scalar(u"SELECT count(*)%1 AND s.escalation_level = ? AND s.status IN ('nieuw','in_behandeling','heropend')"_s.arg(ofScope),
                                    {level.level}).value().toInt();
        QVERIFY2(level.current == fresh, qPrintable(u"niveau %1: %2 <> %3"_s.arg(level.level).arg(level.current).arg(fresh)));
    }
    int sent = 0;
    for (const PartnerFigures& f : scoped->partners)
        sent += f.sent;
    QCOMPARE(sent, db.scalar(u"SELECT count(*) FROM referrals r WHERE r.sent_on >= '2026-01-01' AND r.sent_on <= '2026-12-31'"
                             " AND r.signal_id IN (SELECT s.id%1)"_s.arg(ofScope)).value().toInt());
}

QTEST_GUILESS_MAIN(TestRollups)
#include "tst_rollups.moc"
