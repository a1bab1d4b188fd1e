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
#include "services/Escalations.h"
#include "services/OpenAndLate.h"
#include "services/Referrals.h"
#include "services/Signals.h"
#include "stats/Indicators.h"
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
    static void moveTerms(Registry& registry);
    static void compareWithFreshCount(Registry& registry, const Period& period);
    static void compareOpenWithFreshCount(Registry& registry);
    static int compareHandlingTimeWithFreshMedian(Registry& registry, const Period& period, const QString& buurt);
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

// Every write that moves a term of an open signal (schema 15: signal_open_terms and
// signals.referral_term): follow-up dates set and cleared, escalation steps, a signal closed and
// one reopened, new referrals, and one statement that changes several referrals of a signal at
// once (as another program may; PostgreSQL runs the row triggers after the whole statement).
void TestRollups::moveTerms(Registry& registry)
{
    SignalFilter openOnes;
    openOnes.onlyOpen = true;
    auto listed = Signals::list(registry, openOnes);
    QVERIFY(listed.ok() && listed->size() > 80);
    for (int i = 41; i < 61; ++i) {
        const QString reference = listed->at(i).reference;
        Status done;
        switch (i % 5) {
        case 0: {
            SignalEdit edit;
            edit.followUpOn = registry.clock().today().addDays(i % 2 ? -12 : 9).toString(Qt::ISODate);
            edit.reason = u"Nabellen."_s;
            done = Signals::edit(registry, reference, edit);
            break;
        }
        case 1:
            done = Escalations::step(registry, reference, 1, u"meerdere_leefgebieden"_s, u"Ook schulden"_s);
            break;
        case 2:
            if (listed->at(i).status == u"nieuw"_s)
                done = Signals::changeStatus(registry, reference, u"in_behandeling"_s, {});
            if (done.ok())
                done = Signals::changeStatus(registry, reference, u"afgehandeld"_s, {u"opgelost"_s, u"Opgeruimd."_s, {}});
            break;
        case 3: {
            // Without a ground where the signal names nobody; with one where it does and consent is missing.
            auto added = Referrals::add(registry, {reference, u"Gemeente Alblasserdam"_s, {}, u"Container ophalen"_s, {}, {}});
            if (!added.ok())
                added = Referrals::add(registry, {reference, u"Gemeente Alblasserdam"_s, {}, u"Container ophalen"_s,
                                                  u"veiligheidsrisico"_s, u"Gevaar voor de bewoners."_s});
            done = added.ok() ? Status() : Status(added.error());
            break;
        }
        default: {
            SignalEdit edit;
            edit.followUpOn = QString();
            edit.buurt = u"Kortland"_s;
            edit.reason = u"Geen nabellen meer."_s;
            done = Signals::edit(registry, reference, edit);
            break;
        }
        }
        QVERIFY2(done.ok(), qPrintable(u"%1 (%2): %3"_s.arg(reference).arg(i % 5).arg(done.ok() ? QString() : done.error().message)));
    }
    // A closed signal reopened.
    SignalFilter closedOnes;
    closedOnes.status = u"afgehandeld"_s;
    auto closed = Signals::list(registry, closedOnes);
    QVERIFY(closed.ok() && !closed->isEmpty());
    const Status reopened = Signals::changeStatus(registry, closed->first().reference, u"heropend"_s, {{}, u"Weer overlast."_s, {}});
    QVERIFY2(reopened.ok(), qPrintable(reopened.ok() ? QString() : reopened.error().message));
    // One statement over every open referral of the signal with the most of them: the terms move
    // apart, the earliest of them to another referral.
    Database& db = registry.db();
    const QVariant signalId = db.scalar(u"SELECT signal_id FROM referrals WHERE status IN ('verstuurd','geaccepteerd')"
                                        " GROUP BY signal_id ORDER BY count(*) DESC, signal_id LIMIT 1"_s).value();
    QVERIFY(!signalId.isNull());
    const Status moved = db.write([&]() {
        return db.execute(u"UPDATE referrals SET respond_by = CASE WHEN id % 2 = 0 THEN '2026-01-03' ELSE '2027-02-01' END,"
                          " complete_by = CASE WHEN id % 2 = 0 THEN '2027-03-01' ELSE '2026-02-05' END"
                          " WHERE signal_id = ? AND status IN ('verstuurd','geaccepteerd')"_s, {signalId});
    });
    QVERIFY2(moved.ok(), qPrintable(moved.ok() ? QString() : moved.error().message));
    // Rows deleted, as only another program would (the registry keeps its signals and referrals):
    // two copies of an open signal, a referral of the first deleted, the second signal deleted.
    const QVariant original = db.scalar(u"SELECT min(id) FROM signals WHERE status = 'in_behandeling' AND level_due_on IS NOT NULL"_s).value();
    const Status deleted = db.write([&]() -> Status {
        for (const QString& prefix : {u"W1-"_s, u"W2-"_s}) {
            BS_TRY(db.execute(u"INSERT INTO signals (reference, observed_on, registered_at, registered_by, buurt_id, impact, category_code,"
                              " source_code, urgency, description, status, escalation_level, level_since, level_due_on, follow_up_on, updated_at)"
                              " SELECT ? || reference, observed_on, registered_at, registered_by, buurt_id, impact, category_code, source_code,"
                              " urgency, description, status, escalation_level, level_since, level_due_on, follow_up_on, updated_at"
                              " FROM signals WHERE id = ?"_s, {prefix, original}));
        }
        const QString copy = u"(SELECT id FROM signals WHERE reference LIKE ?)"_s;
        BS_TRY(db.execute(u"INSERT INTO referrals (signal_id, to_partner_id, reason, status, sent_on, sent_by, respond_by, updated_at)"
                          " SELECT %1, id, 'Kopie.', 'verstuurd', '2024-12-20', 'test', '2025-01-01', '2024-12-20T10:00:00Z'"
                          " FROM partners WHERE id = (SELECT min(id) FROM partners)"_s.arg(copy), {u"W1-%"_s}));
        BS_TRY(db.execute(u"DELETE FROM referrals WHERE signal_id = %1"_s.arg(copy), {u"W1-%"_s}));
        return db.execute(u"DELETE FROM signals WHERE reference LIKE ?"_s, {u"W2-%"_s});
    });
    QVERIFY2(deleted.ok(), qPrintable(deleted.ok() ? QString() : deleted.error().message));
}

// Open, late and stalled per buurt and per level against a fresh count with OpenAndLate's own
// conditions over the signals, on the registry's today.
void TestRollups::compareOpenWithFreshCount(Registry& registry)
{
    const QDate today = registry.clock().today();
    const QString label = today.toString(Qt::ISODate);
    auto stats = Stats::compute(registry, {Period::year(today.year()), {}, {}});
    QVERIFY2(stats.ok(), qPrintable(label));
    Database& db = registry.db();
    const SqlCondition late = OpenAndLate::signalLate(u"s"_s, today);
    const SqlCondition stalled = OpenAndLate::signalStalled(u"s"_s, today);
    const QString counts = u"SELECT sum(CASE WHEN %1 THEN 1 ELSE 0 END), sum(CASE WHEN %2 THEN 1 ELSE 0 END),"
                           " sum(CASE WHEN %3 THEN 1 ELSE 0 END) FROM signals s WHERE s.%4 = ?"_s;
    const QString sql = counts.arg(OpenAndLate::signalOpen(u"s"_s), late.sql, stalled.sql);
    int lateSeen = 0;
    for (const BuurtFigures& b : stats->buurten) {
        auto fresh = db.run(sql.arg(u"buurt_id"_s), late.values + stalled.values + QVariantList{b.buurtId});
        QVERIFY(fresh.ok() && fresh->next());
        QVERIFY2(b.open == fresh->value(0).toInt() && b.late == fresh->value(1).toInt(),
                 qPrintable(u"%1 %2: open %3/%4, te laat %5/%6"_s.arg(label, b.buurt).arg(b.open).arg(fresh->value(0).toInt())
                                .arg(b.late).arg(fresh->value(1).toInt())));
        lateSeen += b.late;
    }
    for (const LevelFigures& level : stats->levels) {
        auto fresh = db.run(sql.arg(u"escalation_level"_s), late.values + stalled.values + QVariantList{level.level});
        QVERIFY(fresh.ok() && fresh->next());
        QVERIFY2(level.current == fresh->value(0).toInt() && level.stalled == fresh->value(2).toInt(),
                 qPrintable(u"%1 niveau %2: %3/%4, vastgelopen %5/%6"_s.arg(label).arg(level.level).arg(level.current)
                                .arg(fresh->value(0).toInt()).arg(level.stalled).arg(fresh->value(2).toInt())));
    }
    QCOMPARE(stats->lateNow, lateSeen);
    // One buurt: its levels from the roll-up's rows of that buurt only.
    auto scoped = Stats::compute(registry, {Period::year(today.year()), u"Souburgh"_s, {}});
    QVERIFY2(scoped.ok(), qPrintable(label));
    const QString ofBuurt = sql.arg(u"escalation_level"_s) + u" AND s.buurt_id = (SELECT id FROM buurten WHERE name = 'Souburgh')"_s;
    for (const LevelFigures& level : scoped->levels) {
        auto fresh = db.run(ofBuurt, late.values + stalled.values + QVariantList{level.level});
        QVERIFY(fresh.ok() && fresh->next());
        QVERIFY2(level.current == fresh->value(0).toInt() && level.stalled == fresh->value(2).toInt(),
                 qPrintable(u"%1 Souburgh niveau %2: %3/%4, vastgelopen %5/%6"_s.arg(label).arg(level.level).arg(level.current)
                                .arg(fresh->value(0).toInt()).arg(level.stalled).arg(fresh->value(2).toInt())));
    }
}

// The handling time of imported meldingen (a success factor), counted per number of days by the
// engine, against the median over the meldingen one by one. Returns how many it was taken over.
int TestRollups::compareHandlingTimeWithFreshMedian(Registry& registry, const Period& period, const QString& buurt)
{
    const QString label = period.fromText() + u" t/m "_s + period.toText() + u' ' + buurt;
    auto figures = Indicators::compute(registry, period, buurt);
    if (!figures.ok()) {
        QTest::qFail(qPrintable(label), __FILE__, __LINE__);
        return 0;
    }
    auto rows = registry.db().run(u"SELECT s.observed_on, s.closed_on FROM signals s JOIN buurten b ON b.id = s.buurt_id"
                                  " WHERE s.source_code IN ('fixie', 'politie') AND s.closed_on >= ? AND s.closed_on <= ?"
                                  " AND (coalesce(CAST(? AS TEXT), '') = '' OR b.name = ?)"_s,
                                  {period.fromText(), period.toText(), buurt, buurt});
    QList<qint64> days;
    while (rows.ok() && rows->next())
        days << QDate::fromString(rows->value(0).toString(), Qt::ISODate).daysTo(QDate::fromString(rows->value(1).toString(), Qt::ISODate));
    for (const IndicatorFigure& f : figures.value()) {
        if (f.code != u"afhandeltijd_meldingen"_s)
            continue;
        if (f.value != Stats::median(days) || f.basis.value_or(-1) != days.size()) {
            QTest::qFail(qPrintable(u"%1: %2 over %3 <> %4 over %5"_s.arg(label).arg(f.value.value_or(-1)).arg(f.basis.value_or(-1))
                                        .arg(Stats::median(days).value_or(-1)).arg(days.size())),
                         __FILE__, __LINE__);
        }
        return int(days.size());
    }
    QTest::qFail(qPrintable(label + u": geen afhandeltijd"_s), __FILE__, __LINE__);
    return 0;
}

void TestRollups::figuresEqualAFreshCount()
{
    TempRegistry temp(QDate(2026, 11, 18));
    QVERIFY(DemoGenerator::generate(temp.registry(), {1200, 7}).ok());
    writeEveryWay(temp.registry());
    if (QTest::currentTestFailed())
        return;
    moveTerms(temp.registry());
    if (QTest::currentTestFailed())
        return;

    auto findings = Consistency::findings(temp->db());
    QVERIFY(findings.ok());
    QVERIFY2(findings->isEmpty(), qPrintable(findings->join(u'\n')));
    // The roll-ups are not empty: the check above compares something.
    QVERIFY(temp->db().scalar(u"SELECT count(*) FROM signal_month_counts WHERE signals > 0"_s).value().toInt() > 12);
    QVERIFY(temp->db().scalar(u"SELECT count(*) FROM referral_month_days WHERE referrals > 0"_s).value().toInt() > 12);
    QVERIFY(temp->db().scalar(u"SELECT count(*) FROM signal_open_terms WHERE signals > 0"_s).value().toInt() > 12);
    QVERIFY(temp->db().scalar(u"SELECT count(*) FROM signals WHERE referral_term IS NOT NULL"_s).value().toInt() > 3);

    // Open, late and stalled on days before, at and after the terms the writes above moved: the
    // roll-up's days decide any day alike.
    const QDateTime now = temp.clock().now();
    for (const int days : {0, -400, -30, 3, 10, 45, 400}) {
        temp.clock().set(now.addDays(days));
        compareOpenWithFreshCount(temp.registry());
        if (QTest::currentTestFailed())
            return;
    }
    temp.clock().set(now);

    // Whole months, partial months at either end, inside one month, and the running year.
    const QList<Period> periods = {Period::year(2025), Period::year(2026), Period::quarter(2026, 3), Period::month(2026, 8),
                                   Period::parse(u"2026-01-15"_s, u"2026-11-17"_s).value(),
                                   Period::parse(u"2026-08-27"_s, u"2026-09-02"_s).value(),
                                   Period::parse(u"2026-03-01"_s, u"2026-08-30"_s).value(),
                                   Period::parse(u"2026-09-10"_s, u"2026-09-20"_s).value()};
    int handled = 0;
    for (const Period& period : periods) {
        compareWithFreshCount(temp.registry(), period);
        handled += compareHandlingTimeWithFreshMedian(temp.registry(), period, {});
        handled += compareHandlingTimeWithFreshMedian(temp.registry(), period, u"Souburgh"_s);
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY2(handled > 20, "the handling times compared are no empty sets");

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
