// Soak on the server (issue 11): client processes (this program with --client) register signals,
// change their status, refer, accept, escalate, list the queues, read details and compute the
// dashboard figures through the core services (tests/support/DeskClient) against one PostgreSQL database, each printing
// every operation it saw acknowledged. At the end what was acknowledged is what is stored, no
// client saw an error, and one more client, killed inside a write transaction, lost nothing it had
// acknowledged and left nothing half-written. Counts are asserted, never times; the figures
// (operations per kind, p50/p95) are printed for the note. Clients and duration:
//   BUURTSIGNAAL_SOAK_CLIENTS (8), BUURTSIGNAAL_SOAK_SECONDS (60)
#include "DeskClient.h"
#include "DeskLedger.h"
#include "PrivateServer.h"
#include "TestSupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

namespace {

// How a client works: the soak's mix; the same and then hold a transaction open until killed;
// or a desk's mix with short pauses (the crash run).
enum class ClientMode { Soak, Hold, Desk };

//   tst_soak --client REGISTRY SECONDS NUMBER [houd|bureau]
int runClient(const QStringList& args)
{
    if (args.size() < 5)
        return 2;
    const QString mode = args.size() > 5 ? args.at(5) : QString();
    auto opened = Registry::open(args.at(2), Registry::Create::No, programClock(), currentLogin());
    if (!opened.ok()) {
        deskSay(u"FOUT openen "_s + opened.error().message);
        return 1;
    }
    DeskMix mix = DeskMix::soak();
    if (mode == u"bureau"_s) {
        mix = DeskMix::desk();
        mix.thinkMs = 100;
    }
    DeskClient client(*opened.value(), 20261130 + args.at(4).toUInt(), args.at(4), mix);
    client.runFor(args.at(3).toLongLong() * 1000);
    if (mode == u"houd"_s)
        client.holdATransaction();
    return 0;
}

// ---- The harness ------------------------------------------------------------------------------

int fromEnvironment(const char* name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

}  // namespace

class TestSoak : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void clientsOnTheServerLoseNothing();
    void desksCarryOnAfterAServerCrash();

private:
    QProcess* startClient(const QString& registry, int seconds, int number, ClientMode mode = ClientMode::Soak);
    // Waits for every client and reads what each saw acknowledged.
    void collect(DeskLedger& ledger, int seconds, const QProcess* killed);
    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<QProcess>> m_clients;
};

void TestSoak::initTestCase()
{
    if (testEngine() != Engine::Postgresql)
        QSKIP("the soak runs on the server only (tst_soak_pg); on a file tst_durability does the same");
    if (const QString why = engineUnavailable(); !why.isEmpty())
        QSKIP(qPrintable(why));
}

QProcess* TestSoak::startClient(const QString& registry, int seconds, int number, ClientMode mode)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"BUURTSIGNAAL_USER"_s, u"tester"_s);
    env.insert(u"BUURTSIGNAAL_TODAY"_s, referenceToday().toString(Qt::ISODate));
    process->setProcessEnvironment(env);
    // To a file, not a pipe: nothing a client printed is lost when it is killed, and a client never
    // waits for the harness to read.
    process->setStandardOutputFile(m_dir.filePath(u"client-%1.txt"_s.arg(number)));
    process->setProperty("output", m_dir.filePath(u"client-%1.txt"_s.arg(number)));
    process->setStandardErrorFile(m_dir.filePath(u"client-%1.err"_s.arg(number)));
    QStringList args = {u"--client"_s, registry, QString::number(seconds), QString::number(number)};
    if (mode == ClientMode::Hold)
        args << u"houd"_s;
    else if (mode == ClientMode::Desk)
        args << u"bureau"_s;
    process->start(QCoreApplication::applicationFilePath(), args);
    m_clients.push_back(std::move(process));
    return m_clients.back().get();
}

void TestSoak::clientsOnTheServerLoseNothing()
{
    const int clients = fromEnvironment("BUURTSIGNAAL_SOAK_CLIENTS", 8);
    const int seconds = fromEnvironment("BUURTSIGNAAL_SOAK_SECONDS", 60);
    TempRegistry temp;
    for (int i = 1; i <= clients; ++i)
        QVERIFY(startClient(temp.path(), seconds, i)->waitForStarted(10000));
    // One more, killed inside a write transaction half-way.
    QProcess* killed = startClient(temp.path(), std::max(1, seconds / 2), clients + 1, ClientMode::Hold);
    QVERIFY(killed->waitForStarted(10000));
    const QString killedOutput = m_dir.filePath(u"client-%1.txt"_s.arg(clients + 1));
    auto holding = [&]() {
        QFile file(killedOutput);
        return file.open(QIODevice::ReadOnly) && file.readAll().contains("HOUDT ");
    };
    QVERIFY2(QTest::qWaitFor(holding, (seconds + 120) * 1000), "the client to be killed never got inside its transaction");
    ::kill(pid_t(killed->processId()), SIGKILL);
    QVERIFY(killed->waitForFinished(10000));
    QCOMPARE(killed->exitStatus(), QProcess::CrashExit);

    DeskLedger ledger;
    collect(ledger, seconds, killed);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(ledger.held.size(), 1);

    qint64 stored = 0;
    const QStringList problems = ledger.compare(temp->db(), &stored);
    qint64 operations = 0;
    for (const QList<qint64>& durations : ledger.micros)
        operations += durations.size();
    qInfo().noquote() << u"Soak op de server: %1 clients x %2 s (plus 1 gedood midden in een transactie), %3 bewerkingen,"
                         " %4 bevestigde schrijfacties, %5 signalen bevestigd, %6 opgeslagen, %7 fouten bij de gebruiker,"
                         " %8 verschillen\n%9"_s
                             .arg(clients).arg(seconds).arg(operations).arg(ledger.acknowledgedWrites()).arg(ledger.status.size())
                             .arg(stored).arg(ledger.errors.size()).arg(problems.size()).arg(ledger.timingTable().join(u'\n'));
    QVERIFY2(ledger.errors.isEmpty(), qPrintable(ledger.errors.mid(0, 5).join(u'\n')));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 10).join(u'\n')));
    QCOMPARE(stored, qint64(ledger.status.size()));
    // Every kind of operation really ran, with writes from several clients at once.
    for (const QString& kind : {u"signaal"_s, u"status"_s, u"verwijzing"_s, u"acceptatie"_s, u"escalatie"_s, u"werkvoorraad"_s,
                                u"detail"_s, u"dashboard"_s})
        QVERIFY2(!ledger.micros.value(kind).isEmpty(), qPrintable(kind));
    m_clients.clear();
}

void TestSoak::collect(DeskLedger& ledger, int seconds, const QProcess* killed)
{
    for (const auto& client : m_clients) {
        QVERIFY(client->state() == QProcess::NotRunning || client->waitForFinished((seconds + 120) * 1000));
        if (client.get() != killed) {
            QCOMPARE(client->exitStatus(), QProcess::NormalExit);
            QCOMPARE(client->exitCode(), 0);
        }
        QFile output(client->property("output").toString());
        QVERIFY(output.open(QIODevice::ReadOnly));
        ledger.read(output.readAll());
    }
}

// Desks on a server with its safe settings (fsync, synchronous commit) that crashes half-way
// (pg_ctl -m immediate) and comes back 3 s later: every desk reconnects by itself and goes on,
// nobody sees an error, and every write acknowledged before or after the crash is stored. A write
// whose answer the crash took is looked up again by the desk (DeskClient), so the comparison is
// exact. tools/load.sh --crash does the same with 25 desks for the figures.
void TestSoak::desksCarryOnAfterAServerCrash()
{
    PrivateServer server(PrivateServer::Durability::Durable);
    if (!server.unavailable().isEmpty())
        QSKIP(qPrintable(server.unavailable()));
    {
        auto created = Registry::open(server.uri(), Registry::Create::IfMissing, programClock(), u"tester"_s);
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
    }
    const int desks = 4;
    const int seconds = 16;
    for (int i = 1; i <= desks; ++i)
        QVERIFY(startClient(server.uri(), seconds, 100 + i, ClientMode::Desk)->waitForStarted(10000));
    QTest::qWait(6000);
    QVERIFY(server.crash());
    QTest::qWait(3000);
    QVERIFY(server.resume());

    DeskLedger ledger;
    collect(ledger, seconds, nullptr);
    if (QTest::currentTestFailed())
        return;
    auto checker = Registry::open(server.uri(), Registry::Create::No, programClock(), u"tester"_s);
    QVERIFY2(checker.ok(), checker.ok() ? "" : qPrintable(checker.error().message));
    qint64 stored = 0;
    const QStringList problems = ledger.compare(checker.value()->db(), &stored);
    qInfo().noquote() << u"Crash van de server: %1 bureaus x %2 s, %3 bevestigde schrijfacties, %4 antwoorden verloren,"
                         " %5 keer opnieuw verbonden, %6 signalen bevestigd, %7 opgeslagen, %8 fouten, %9 verschillen"_s
                             .arg(desks).arg(seconds).arg(ledger.acknowledgedWrites()).arg(ledger.lostAnswers())
                             .arg(ledger.reconnectMicros.size()).arg(ledger.status.size()).arg(stored)
                             .arg(ledger.errors.size()).arg(problems.size());
    QVERIFY2(ledger.errors.isEmpty(), qPrintable(ledger.errors.mid(0, 5).join(u'\n')));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 10).join(u'\n')));
    // The crash was met: every desk lost its connection and found the server again.
    QCOMPARE(ledger.reconnectMicros.size(), desks);
    QVERIFY(ledger.acknowledgedWrites() > 0);
    m_clients.clear();
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], "--client") == 0)
        return runClient(app.arguments());
    TestSoak test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_soak.moc"
