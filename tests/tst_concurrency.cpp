// Two programs on one file: every rule a write depends on is checked inside that write's
// transaction. Each test opens a second connection (another desk) on the same registry and lets
// it change the state at the one moment that matters: after this desk decided to write, just
// before it takes the write lock. Checks made before the lock would pass on the old state; checks
// made under the lock see the other desk's change and refuse with a Dutch message.
#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "io/MeldingImport.h"
#include "privacy/Retention.h"
#include "services/Escalations.h"
#include "services/ReferenceAdmin.h"
#include "services/Referrals.h"
#include "services/SignalDetail.h"
#include "services/Signals.h"
#include "services/Subjects.h"

#include <QSqlQuery>
#include <QTest>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

namespace {

// Runs `otherDesk` once, just before `db` begins its next write transaction, and nothing after.
// (The tracer sees each statement before it runs; BEGIN is the first statement of every write.)
void beforeNextWrite(Database& db, std::function<void()> otherDesk)
{
    auto pending = std::make_shared<std::function<void()>>(std::move(otherDesk));
    const QString begin = db.dialect().beginWrite();
    db.setTracer([pending, begin](const QString& sql, const QVariantList&) {
        if (*pending && sql == begin) {
            const auto run = std::move(*pending);
            *pending = nullptr;
            run();
        }
    });
}

int count(Registry& registry, const QString& sql, const QVariantList& values = {})
{
    return registry.db().scalar(sql, values).value().toInt();
}

}  // namespace

class TestConcurrency : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void editOfASignalClosedMeanwhileIsRefused();
    void closingWhileAReferralIsSentMeanwhileIsRefused();
    void referralOfASignalClosedMeanwhileIsRefused();
    void twoDesksSendingTheSameReferralGetOne();
    void uniqueIndexGivesTheSameDutchRefusal();
    void referralAnsweredMeanwhileIsRefused();
    void reopeningTwiceIsRefusedOnce();
    void escalatingASignalClosedMeanwhileIsRefused();
    void subjectOnASignalMadeImpersonalMeanwhileIsRefused();
    void consentOnASignalMadeImpersonalMeanwhileIsRefused();
    void impactChangeWhileASubjectIsAddedMeanwhileIsRefused();
    void signalWithACategoryDeactivatedMeanwhileIsRefused();
    void retentionSkipsASignalReopenedMeanwhile();
    void demoBesideASignalSavedMeanwhileIsRefused();
    void meldingImportedMeanwhileIsRefusedWhole();

private:
    // The other desk: a second connection to the same registry (file or server database).
    std::unique_ptr<Registry> otherDesk(TempRegistry& temp);
    QString inBehandeling(TempRegistry& temp, const QString& impact = u"individu"_s);
};

void TestConcurrency::initTestCase()
{
    if (const QString why = engineUnavailable(); !why.isEmpty())
        QSKIP(qPrintable(why));
}

std::unique_ptr<Registry> TestConcurrency::otherDesk(TempRegistry& temp)
{
    auto opened = Registry::open(temp.path(), Registry::Create::No, temp.clock(), u"tester"_s);
    if (!opened.ok())
        qFatal("cannot open second connection: %s", qPrintable(opened.error().message));
    return std::move(opened).value();
}

QString TestConcurrency::inBehandeling(TempRegistry& temp, const QString& impact)
{
    const QString ref = addSignal(temp.registry(), u"eenzaamheid"_s, impact);
    const Status started = Signals::changeStatus(temp.registry(), ref, u"in_behandeling"_s, {});
    if (!started.ok())
        qFatal("cannot start signal: %s", qPrintable(started.error().message));
    return ref;
}

void TestConcurrency::editOfASignalClosedMeanwhileIsRefused()
{
    TempRegistry temp;
    const QString ref = inBehandeling(temp);
    auto other = otherDesk(temp);
    // This desk shows the signal as open and saves an edit; the other desk closes it first.
    beforeNextWrite(temp->db(), [&]() {
        QVERIFY(Signals::changeStatus(*other, ref, u"afgehandeld"_s, {u"opgelost"_s, u"Contact gelegd"_s, {}}).ok());
    });
    SignalEdit edit;
    edit.description = u"Nieuwe omschrijving"_s;
    const Status saved = Signals::edit(temp.registry(), ref, edit);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().kind, ErrorKind::Rule);
    QVERIFY2(saved.error().message.contains(u"heropen het eerst"_s), qPrintable(saved.error().message));
    QCOMPARE(Signals::detail(temp.registry(), ref)->description, u"Bewoner komt nauwelijks buiten."_s);
    QCOMPARE(count(temp.registry(), u"SELECT count(*) FROM history WHERE action = 'gewijzigd'"_s), 0);
}

void TestConcurrency::closingWhileAReferralIsSentMeanwhileIsRefused()
{
    TempRegistry temp;
    const QString ref = inBehandeling(temp, u"straat"_s);
    auto other = otherDesk(temp);
    qint64 sent = 0;
    beforeNextWrite(temp->db(), [&]() {
        auto id = Referrals::add(*other, {ref, u"Gemeente Alblasserdam"_s, {}, u"Container ophalen"_s, {}, {}});
        QVERIFY(id.ok());
        sent = id.value();
    });
    const Status closed = Signals::changeStatus(temp.registry(), ref, u"afgehandeld"_s, {u"opgelost"_s, u"Opgeruimd"_s, {}});
    QVERIFY(!closed.ok());
    QVERIFY2(closed.error().message.contains(u"doorverwijzing #%1 naar Gemeente Alblasserdam staat nog open"_s.arg(sent)),
             qPrintable(closed.error().message));
    QCOMPARE(Signals::state(temp.registry(), ref)->status, u"in_behandeling"_s);
}

void TestConcurrency::referralOfASignalClosedMeanwhileIsRefused()
{
    TempRegistry temp;
    const QString ref = inBehandeling(temp, u"straat"_s);
    auto other = otherDesk(temp);
    beforeNextWrite(temp->db(), [&]() {
        QVERIFY(Signals::changeStatus(*other, ref, u"afgehandeld"_s, {u"opgelost"_s, u"Opgeruimd"_s, {}}).ok());
    });
    auto id = Referrals::add(temp.registry(), {ref, u"Gemeente Alblasserdam"_s, {}, u"Container ophalen"_s, {}, {}});
    QVERIFY(!id.ok());
    QVERIFY2(id.error().message.contains(u"alleen een open signaal kan worden doorverwezen"_s), qPrintable(id.error().message));
    QCOMPARE(count(temp.registry(), u"SELECT count(*) FROM referrals"_s), 0);
}

void TestConcurrency::twoDesksSendingTheSameReferralGetOne()
{
    TempRegistry temp;
    const QString ref = inBehandeling(temp, u"straat"_s);
    auto other = otherDesk(temp);
    qint64 first = 0;
    beforeNextWrite(temp->db(), [&]() {
        auto id = Referrals::add(*other, {ref, u"Gemeente Alblasserdam"_s, {}, u"Container ophalen"_s, {}, {}});
        QVERIFY(id.ok());
        first = id.value();
    });
    auto second = Referrals::add(temp.registry(), {ref, u"Gemeente Alblasserdam"_s, {}, u"Container ophalen"_s, {}, {}});
    QVERIFY(!second.ok());
    QCOMPARE(second.error().kind, ErrorKind::Rule);
    QCOMPARE(second.error().message, u"Er loopt al een doorverwijzing van %1 naar Gemeente Alblasserdam (#%2)."_s.arg(ref).arg(first));
    QCOMPARE(count(temp.registry(), u"SELECT count(*) FROM referrals WHERE status IN ('verstuurd','geaccepteerd')"_s), 1);
}

void TestConcurrency::uniqueIndexGivesTheSameDutchRefusal()
{
    TempRegistry temp;
    const QString ref = inBehandeling(temp, u"straat"_s);
    // A writer that skipped the check (simulated: a raw insert slipped in right before this
    // desk's insert, inside its own transaction) meets the unique index, and this desk gets the
    // same refusal as from the check, not the driver's text, with the number of the referral
    // already there (on PostgreSQL too, where a failed statement would abort the transaction).
    Database& db = temp->db();
    bool slipped = false;
    db.setTracer([&](const QString& sql, const QVariantList& values) {
        if (slipped || !sql.startsWith(u"INSERT INTO referrals"_s))
            return;
        slipped = true;
        QSqlQuery raw(db.connection());
        raw.prepare(sql);
        for (const QVariant& value : values)
            raw.addBindValue(value);
        QVERIFY(raw.exec());
    });
    auto id = Referrals::add(temp.registry(), {ref, u"Gemeente Alblasserdam"_s, {}, u"Container ophalen"_s, {}, {}});
    db.setTracer({});
    QVERIFY(slipped);
    QVERIFY(!id.ok());
    QCOMPARE(id.error().kind, ErrorKind::Rule);
    QVERIFY2(id.error().message.startsWith(u"Er loopt al een doorverwijzing van %1 naar Gemeente Alblasserdam (#"_s.arg(ref)),
             qPrintable(id.error().message));
    QVERIFY(!id.error().message.contains(u"UNIQUE"_s, Qt::CaseInsensitive));
    QCOMPARE(count(temp.registry(), u"SELECT count(*) FROM referrals"_s), 0);  // rolled back whole
}

void TestConcurrency::referralAnsweredMeanwhileIsRefused()
{
    TempRegistry temp;
    const QString ref = inBehandeling(temp, u"straat"_s);
    auto id = Referrals::add(temp.registry(), {ref, u"Gemeente Alblasserdam"_s, {}, u"Container ophalen"_s, {}, {}});
    QVERIFY(id.ok());
    auto other = otherDesk(temp);
    beforeNextWrite(temp->db(), [&]() {
        QVERIFY(Referrals::transition(*other, id.value(), u"ingetrokken"_s, {{}, u"Zelf opgelost"_s, {}}).ok());
    });
    const Status accepted = Referrals::transition(temp.registry(), id.value(), u"geaccepteerd"_s, {});
    QVERIFY(!accepted.ok());
    QCOMPARE(accepted.error().kind, ErrorKind::Rule);
    QCOMPARE(Referrals::get(temp.registry(), id.value())->status, u"ingetrokken"_s);
}

void TestConcurrency::reopeningTwiceIsRefusedOnce()
{
    TempRegistry temp;
    const QString ref = inBehandeling(temp, u"straat"_s);
    QVERIFY(Signals::changeStatus(temp.registry(), ref, u"afgehandeld"_s, {u"opgelost"_s, u"Opgeruimd"_s, {}}).ok());
    auto other = otherDesk(temp);
    beforeNextWrite(temp->db(), [&]() {
        QVERIFY(Signals::changeStatus(*other, ref, u"heropend"_s, {{}, u"Weer vuil"_s, {}}).ok());
    });
    const Status reopened = Signals::changeStatus(temp.registry(), ref, u"heropend"_s, {{}, u"Weer vuil"_s, {}});
    QVERIFY(!reopened.ok());
    QCOMPARE(reopened.error().kind, ErrorKind::Rule);
    QCOMPARE(count(temp.registry(), u"SELECT count(*) FROM history WHERE detail LIKE 'Afgehandeld → heropend%'"_s), 1);
}

void TestConcurrency::escalatingASignalClosedMeanwhileIsRefused()
{
    TempRegistry temp;
    const QString ref = inBehandeling(temp, u"straat"_s);
    auto other = otherDesk(temp);
    beforeNextWrite(temp->db(), [&]() {
        QVERIFY(Signals::changeStatus(*other, ref, u"afgehandeld"_s, {u"opgelost"_s, u"Opgeruimd"_s, {}}).ok());
    });
    const Status stepped = Escalations::step(temp.registry(), ref, 1, u"meerdere_leefgebieden"_s, u"Ook schulden"_s);
    QVERIFY(!stepped.ok());
    QVERIFY2(stepped.error().message.contains(u"alleen een open signaal kan op de escalatieladder bewegen"_s),
             qPrintable(stepped.error().message));
    QCOMPARE(Signals::state(temp.registry(), ref)->level, 0);
    QCOMPARE(count(temp.registry(), u"SELECT count(*) FROM escalations"_s), 0);
}

void TestConcurrency::subjectOnASignalMadeImpersonalMeanwhileIsRefused()
{
    TempRegistry temp;
    const QString ref = inBehandeling(temp);
    auto other = otherDesk(temp);
    beforeNextWrite(temp->db(), [&]() {
        SignalEdit edit;
        edit.impact = u"buurt"_s;
        QVERIFY(Signals::edit(*other, ref, edit).ok());
    });
    const Status set = Subjects::set(temp.registry(), ref, {u"Mevr. Jansen"_s, u"Dam 12"_s, {}, {}});
    QVERIFY(!set.ok());
    QVERIFY2(set.error().message.contains(u"impactniveau buurt"_s), qPrintable(set.error().message));
    QCOMPARE(count(temp.registry(), u"SELECT count(*) FROM subjects"_s), 0);
}

void TestConcurrency::consentOnASignalMadeImpersonalMeanwhileIsRefused()
{
    TempRegistry temp;
    const QString ref = inBehandeling(temp);
    auto other = otherDesk(temp);
    beforeNextWrite(temp->db(), [&]() {
        SignalEdit edit;
        edit.impact = u"buurt"_s;
        QVERIFY(Signals::edit(*other, ref, edit).ok());
    });
    const Status given = Subjects::setConsent(temp.registry(), ref, {u"gegeven"_s, {}, {}, {u"welzijn"_s}});
    QVERIFY(!given.ok());
    QVERIFY2(given.error().message.contains(u"impactniveau buurt"_s), qPrintable(given.error().message));
    QCOMPARE(count(temp.registry(), u"SELECT count(*) FROM consent_scopes"_s), 0);
}

void TestConcurrency::impactChangeWhileASubjectIsAddedMeanwhileIsRefused()
{
    TempRegistry temp;
    const QString ref = inBehandeling(temp);
    auto other = otherDesk(temp);
    beforeNextWrite(temp->db(), [&]() { QVERIFY(Subjects::set(*other, ref, {u"Mevr. Jansen"_s, u"Dam 12"_s, {}, {}}).ok()); });
    SignalEdit edit;
    edit.impact = u"buurt"_s;
    const Status saved = Signals::edit(temp.registry(), ref, edit);
    QVERIFY(!saved.ok());
    QVERIFY2(saved.error().message.contains(u"dit signaal heeft er een"_s), qPrintable(saved.error().message));
    QCOMPARE(Signals::state(temp.registry(), ref)->impact, u"individu"_s);
}

void TestConcurrency::signalWithACategoryDeactivatedMeanwhileIsRefused()
{
    TempRegistry temp;
    auto other = otherDesk(temp);
    beforeNextWrite(temp->db(), [&]() { QVERIFY(ReferenceAdmin::setCategoryActive(*other, u"eenzaamheid"_s, false).ok()); });
    NewSignal input{u"Oranjebuurt"_s, u"eenzaamheid"_s, u"huisbezoek"_s, u"individu"_s, u"normaal"_s, {}, {}, u"Komt niet meer buiten."_s, {}, {}};
    auto added = Signals::add(temp.registry(), input);
    QVERIFY(!added.ok());
    QCOMPARE(added.error().field, u"category"_s);
    QCOMPARE(count(temp.registry(), u"SELECT count(*) FROM signals"_s), 0);
}

void TestConcurrency::retentionSkipsASignalReopenedMeanwhile()
{
    TempRegistry temp;
    // Closed three years ago, with a subject: due for the retention run...
    temp.clock().set(QDateTime(QDate(2023, 9, 12), QTime(10, 0), Qt::UTC));
    const QString ref = inBehandeling(temp);
    QVERIFY(Subjects::set(temp.registry(), ref, {u"Mevr. Jansen"_s, u"Dam 12"_s, {}, {}}).ok());
    QVERIFY(Signals::changeStatus(temp.registry(), ref, u"afgehandeld"_s, {u"opgelost"_s, u"Contact gelegd"_s, {}}).ok());
    temp.clock().set(QDateTime(referenceToday(), QTime(10, 0), Qt::UTC));
    QCOMPARE(Retention::run(temp.registry(), true)->signalCount, 1);
    // ...until the other desk reopens it: an open signal keeps its subject.
    auto other = otherDesk(temp);
    beforeNextWrite(temp->db(), [&]() {
        QVERIFY(Signals::changeStatus(*other, ref, u"heropend"_s, {{}, u"Mevrouw belt opnieuw"_s, {}}).ok());
    });
    auto run = Retention::run(temp.registry(), false);
    QVERIFY(run.ok());
    QCOMPARE(run->signalCount, 0);
    QVERIFY(!run->written);
    QCOMPARE(count(temp.registry(), u"SELECT count(*) FROM subjects"_s), 1);
}

void TestConcurrency::demoBesideASignalSavedMeanwhileIsRefused()
{
    TempRegistry temp;
    auto other = otherDesk(temp);
    QString real;
    beforeNextWrite(temp->db(), [&]() { real = addSignal(*other); });
    auto demo = DemoGenerator::generate(temp.registry(), {50, 1});
    QVERIFY(!demo.ok());
    QCOMPARE(demo.error().kind, ErrorKind::Rule);
    QVERIFY2(demo.error().message.contains(u"bevat al signalen (1)"_s), qPrintable(demo.error().message));
    QCOMPARE(count(temp.registry(), u"SELECT count(*) FROM signals"_s), 1);
    QCOMPARE(DemoGenerator::isDemo(temp.registry()).value(), false);
    QCOMPARE(Signals::state(temp.registry(), real)->status, u"nieuw"_s);
}

void TestConcurrency::meldingImportedMeanwhileIsRefusedWhole()
{
    TempRegistry temp;
    const auto mapping = MeldingMapping::fromJson(R"({"source": "fixie",
        "columns": {"external_id": "Meldingnummer", "date": "Datum melding", "buurt": "Buurt", "category": "Soort",
                    "description": "Omschrijving", "status": "Status"},
        "categories": {"Zwerfafval": "vervuiling"}, "statuses": {"Open": "nieuw"}})");
    QVERIFY(mapping.ok());
    const QString header = u"Meldingnummer;Datum melding;Buurt;Soort;Omschrijving;Status\r\n"_s;
    const QString fx2 = u"FX-2;02-10-2026;Kortland;Zwerfafval;b;Open\r\n"_s;
    const QByteArray mine = (header + u"FX-1;01-10-2026;Kortland;Zwerfafval;a;Open\r\n"_s + fx2).toUtf8();
    auto other = otherDesk(temp);
    beforeNextWrite(temp->db(), [&]() {
        auto theirs = MeldingImport::run(*other, (header + fx2).toUtf8(), mapping.value(), u"b.csv"_s, ImportOptions{});
        QVERIFY(theirs.ok());
        QCOMPARE(theirs->imported, 1);
    });
    auto imported = MeldingImport::run(temp.registry(), mine, mapping.value(), u"a.csv"_s, ImportOptions{});
    QVERIFY(!imported.ok());
    QCOMPARE(imported.error().kind, ErrorKind::Rule);
    QVERIFY2(imported.error().message.startsWith(u"Melding FX-2 van "_s), qPrintable(imported.error().message));
    QCOMPARE(count(temp.registry(), u"SELECT count(*) FROM signals WHERE source_code = 'fixie'"_s), 1);
    // Imported again, the melding already there is skipped.
    auto again = MeldingImport::run(temp.registry(), mine, mapping.value(), u"a.csv"_s, ImportOptions{});
    QVERIFY(again.ok());
    QCOMPARE(again->imported, 1);
    QCOMPARE(again->alreadyPresent, 1);
}

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
