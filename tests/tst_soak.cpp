// Soak on the server (issue 11): client processes (this program with --client) register signals,
// change their status, refer, accept, escalate, list the queues, read details and compute the
// dashboard figures through the core services against one PostgreSQL database, each printing
// every operation it saw acknowledged. At the end what was acknowledged is what is stored, no
// client saw an error, and one more client, killed inside a write transaction, lost nothing it had
// acknowledged and left nothing half-written. Counts are asserted, never times; the figures
// (operations per kind, p50/p95) are printed for the note. Clients and duration:
//   BUURTSIGNAAL_SOAK_CLIENTS (8), BUURTSIGNAAL_SOAK_SECONDS (60)
#include "TestSupport.h"
#include "services/Escalations.h"
#include "services/Referrals.h"
#include "services/SignalDetail.h"
#include "services/Signals.h"
#include "stats/Statistics.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

namespace {

// ---- The client -------------------------------------------------------------------------------

// The description of the signal added in the transaction that is killed. (Its reference may be
// stored all the same: numbers of a rolled-back transaction are handed out again.)
const QString neverCommitted = u"Soak: toegevoegd in een transactie die nooit wordt bevestigd"_s;

// One line per operation, flushed at once, so what was acknowledged before a kill is on record:
//   OK <kind> <microseconds> [what was written]      FOUT <kind> <message>
//   HOUDT <reference>   (a signal added inside a transaction that is never committed)
void say(const QString& line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

struct OwnSignal {
    QString reference;
    QString status = u"nieuw"_s;
    int level = 0;
    qint64 referral = 0;  // the referral sent for it (at most one), 0: none
    bool accepted = false;
};

class Client {
public:
    Client(Registry& registry, quint32 seed, int number) : m_registry(registry), m_rng(seed), m_number(number) {}

    void runFor(qint64 milliseconds)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < milliseconds)
            step();
    }

    // Adds a signal inside a write transaction and stays in it: the harness kills the process there.
    void holdATransaction()
    {
        const Status never = m_registry.db().write([&]() -> Status {
            NewSignal input = newSignal();
            input.description = neverCommitted;
            auto reference = Signals::add(m_registry, input);
            if (!reference.ok())
                return reference.error();
            say(u"HOUDT "_s + reference.value());
            QThread::sleep(600);
            return Error::rule(u"niet bedoeld om te eindigen"_s);
        });
        say(u"FOUT houden "_s + never.error().message);
    }

private:
    void step()
    {
        const int roll = int(m_rng.bounded(100));
        if (roll < 25 || m_mine.empty())
            registerSignal();
        else if (roll < 35)
            changeStatus();
        else if (roll < 45)
            refer();
        else if (roll < 53)
            accept();
        else if (roll < 60)
            escalate();
        else if (roll < 75)
            listQueue();
        else if (roll < 90)
            readDetail();
        else
            dashboard();
    }

    NewSignal newSignal()
    {
        static const QStringList buurten = {u"Oranjebuurt"_s, u"Kortland"_s, u"Kinderdijk"_s, u"Souburgh"_s};
        static const QStringList categories = {u"eenzaamheid"_s, u"vervuiling"_s, u"schulden"_s, u"jongerenoverlast"_s};
        NewSignal input;
        input.buurt = buurten.at(int(m_rng.bounded(buurten.size())));
        input.category = categories.at(int(m_rng.bounded(categories.size())));
        input.source = u"eigen_waarneming"_s;
        input.impact = u"straat"_s;
        input.observedOn = QDate(2026, 11, 26).addDays(-qint64(m_rng.bounded(60))).toString(Qt::ISODate);
        input.description = u"Soak client %1, signaal %2"_s.arg(m_number).arg(m_mine.size() + 1);
        return input;
    }

    // Times `operation`; prints OK with `written` (what the harness checks afterwards) or FOUT.
    template <typename Operation>
    bool timed(const QString& kind, Operation operation)
    {
        QElapsedTimer timer;
        timer.start();
        QString written;
        const Status done = operation(written);
        const qint64 micros = timer.nsecsElapsed() / 1000;
        if (!done.ok()) {
            say(u"FOUT %1 %2"_s.arg(kind, done.error().message));
            return false;
        }
        say(u"OK %1 %2%3"_s.arg(kind).arg(micros).arg(written.isEmpty() ? QString() : u" "_s + written));
        return true;
    }

    OwnSignal* pick(const std::function<bool(const OwnSignal&)>& fits)
    {
        std::vector<OwnSignal*> candidates;
        for (OwnSignal& signal : m_mine) {
            if (fits(signal))
                candidates.push_back(&signal);
        }
        return candidates.empty() ? nullptr : candidates.at(m_rng.bounded(quint32(candidates.size())));
    }

    static bool isOpen(const OwnSignal& s) { return s.status != u"afgehandeld"_s; }

    void registerSignal()
    {
        const NewSignal input = newSignal();
        QString reference;
        if (timed(u"signaal"_s, [&](QString& written) -> Status {
                auto added = Signals::add(m_registry, input);
                if (!added.ok())
                    return added.error();
                reference = written = added.value();
                return {};
            }))
            m_mine.push_back({reference});
    }

    void changeStatus()
    {
        // nieuw → in_behandeling; in_behandeling → afgehandeld while no referral is open.
        OwnSignal* signal = pick([](const OwnSignal& s) { return s.status == u"nieuw"_s || (s.status == u"in_behandeling"_s && s.referral == 0); });
        if (!signal)
            return;
        const bool start = signal->status == u"nieuw"_s;
        const QString to = start ? u"in_behandeling"_s : u"afgehandeld"_s;
        const Workflow::TransitionInput input = start ? Workflow::TransitionInput{} : Workflow::TransitionInput{u"opgelost"_s, u"Soak"_s, {}};
        if (timed(u"status"_s, [&](QString& written) -> Status {
                BS_TRY(Signals::changeStatus(m_registry, signal->reference, to, input));
                written = signal->reference + u' ' + to;
                return {};
            }))
            signal->status = to;
    }

    void refer()
    {
        OwnSignal* signal = pick([](const OwnSignal& s) { return isOpen(s) && s.referral == 0; });
        if (!signal)
            return;
        qint64 id = 0;
        if (timed(u"verwijzing"_s, [&](QString& written) -> Status {
                auto sent = Referrals::add(m_registry, {signal->reference, u"Stichting Welzijn Alblasserdam"_s, {}, u"Graag contact"_s, {}, {}});
                if (!sent.ok())
                    return sent.error();
                id = sent.value();
                written = u"%1 %2"_s.arg(id).arg(signal->reference);
                return {};
            })) {
            signal->referral = id;
            if (signal->status == u"nieuw"_s)
                signal->status = u"in_behandeling"_s;
        }
    }

    void accept()
    {
        OwnSignal* signal = pick([](const OwnSignal& s) { return s.referral != 0 && !s.accepted; });
        if (!signal)
            return;
        if (timed(u"acceptatie"_s, [&](QString& written) -> Status {
                BS_TRY(Referrals::transition(m_registry, signal->referral, u"geaccepteerd"_s, {}));
                written = QString::number(signal->referral);
                return {};
            }))
            signal->accepted = true;
    }

    void escalate()
    {
        OwnSignal* signal = pick([](const OwnSignal& s) { return isOpen(s) && s.level < 4; });
        if (!signal)
            return;
        if (timed(u"escalatie"_s, [&](QString& written) -> Status {
                BS_TRY(Escalations::step(m_registry, signal->reference, signal->level + 1, u"termijn_verstreken"_s, u"Soak"_s));
                written = u"%1 %2"_s.arg(signal->reference).arg(signal->level + 1);
                return {};
            }))
            ++signal->level;
    }

    void listQueue()
    {
        static const QList<SignalQueue> queues = {SignalQueue::All, SignalQueue::MyWork, SignalQueue::New,
                                                  SignalQueue::Late, SignalQueue::AwaitingFeedback, SignalQueue::Stalled};
        SignalFilter filter;
        filter.queue = queues.at(int(m_rng.bounded(queues.size())));
        timed(u"werkvoorraad"_s, [&](QString&) -> Status {
            auto rows = Signals::list(m_registry, filter);
            if (!rows.ok())
                return rows.error();
            auto counted = Signals::count(m_registry, filter);
            return counted.ok() ? Status{} : Status{counted.error()};
        });
    }

    void readDetail()
    {
        const OwnSignal& signal = m_mine.at(m_rng.bounded(quint32(m_mine.size())));
        timed(u"detail"_s, [&](QString&) -> Status {
            auto detail = Signals::detail(m_registry, signal.reference);
            return detail.ok() ? Status{} : Status{detail.error()};
        });
    }

    void dashboard()
    {
        StatsFilter filter;
        filter.period = Period::quarter(2026, 4);
        timed(u"dashboard"_s, [&](QString&) -> Status {
            auto figures = Stats::compute(m_registry, filter);
            return figures.ok() ? Status{} : Status{figures.error()};
        });
    }

    Registry& m_registry;
    QRandomGenerator m_rng;
    int m_number = 0;
    std::vector<OwnSignal> m_mine;
};

//   tst_soak --client REGISTRY SECONDS NUMBER [houd]
int runClient(const QStringList& args)
{
    if (args.size() < 5)
        return 2;
    auto opened = Registry::open(args.at(2), Registry::Create::No, programClock(), currentLogin());
    if (!opened.ok()) {
        say(u"FOUT openen "_s + opened.error().message);
        return 1;
    }
    Client client(*opened.value(), 20261130 + args.at(4).toUInt(), args.at(4).toInt());
    client.runFor(args.at(3).toLongLong() * 1000);
    if (args.size() > 5 && args.at(5) == u"houd"_s)
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

// What the clients saw acknowledged, and how long each kind of operation took.
struct Ledger {
    QMap<QString, QList<qint64>> micros;  // kind -> durations
    QStringList errors;
    QHash<QString, QString> status;       // reference -> the status it must have now
    QHash<QString, int> level;            // reference -> the escalation level it must have now
    QHash<qint64, QString> referrals;     // id -> reference
    QSet<qint64> accepted;
    qint64 escalations = 0;
    QStringList held;                      // added in a transaction that was never committed

    void read(const QByteArray& output)
    {
        for (const QByteArray& raw : output.split('\n')) {
            const QStringList f = QString::fromUtf8(raw).split(u' ');
            if (f.first() == u"FOUT"_s) {
                errors << QString::fromUtf8(raw);
            } else if (f.first() == u"HOUDT"_s && f.size() == 2) {
                held << f.at(1);
            } else if (f.first() == u"OK"_s && f.size() >= 3) {
                const QString& kind = f.at(1);
                micros[kind] << f.at(2).toLongLong();
                if (kind == u"signaal"_s) {
                    status.insert(f.at(3), u"nieuw"_s);
                } else if (kind == u"status"_s) {
                    status.insert(f.at(3), f.at(4));
                } else if (kind == u"verwijzing"_s) {
                    referrals.insert(f.at(3).toLongLong(), f.at(4));
                    if (status.value(f.at(4)) == u"nieuw"_s)
                        status.insert(f.at(4), u"in_behandeling"_s);  // referring starts the work
                } else if (kind == u"acceptatie"_s) {
                    accepted.insert(f.at(3).toLongLong());
                } else if (kind == u"escalatie"_s) {
                    level.insert(f.at(3), f.at(4).toInt());
                    ++escalations;
                }
            }
        }
    }

    qint64 acknowledgedWrites() const
    {
        qint64 n = 0;
        for (const QString& kind : {u"signaal"_s, u"status"_s, u"verwijzing"_s, u"acceptatie"_s, u"escalatie"_s})
            n += micros.value(kind).size();
        return n;
    }
};

QString percentile(QList<qint64> values, double p)
{
    if (values.isEmpty())
        return u"-"_s;
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min(values.size() - 1, qsizetype(p * double(values.size())));
    return QString::number(double(values.at(index)) / 1000.0, 'f', 1);
}

// Differences between what the ledger says was acknowledged and what the database holds, and
// anything half-written; empty when they agree.
QStringList compare(Database& db, const Ledger& ledger, qint64* stored)
{
    QStringList problems;
    auto count = [&](const QString& sql) { return db.scalar(sql).value().toLongLong(); };
    QHash<QString, QString> statusStored;
    QHash<QString, int> levelStored;
    auto signalRows = db.run(u"SELECT reference, status, escalation_level FROM signals"_s);
    while (signalRows.ok() && signalRows->next()) {
        statusStored.insert(signalRows->value(0).toString(), signalRows->value(1).toString());
        levelStored.insert(signalRows->value(0).toString(), signalRows->value(2).toInt());
    }
    *stored = statusStored.size();
    if (statusStored.size() != ledger.status.size())
        problems << u"%1 signalen bevestigd, %2 opgeslagen"_s.arg(ledger.status.size()).arg(statusStored.size());
    for (auto it = ledger.status.cbegin(); it != ledger.status.cend(); ++it) {
        if (!statusStored.contains(it.key()))
            problems << u"bevestigd signaal %1 ontbreekt"_s.arg(it.key());
        else if (statusStored.value(it.key()) != it.value())
            problems << u"%1 heeft status %2, bevestigd was %3"_s.arg(it.key(), statusStored.value(it.key()), it.value());
        if (levelStored.value(it.key()) != ledger.level.value(it.key(), 0))
            problems << u"%1 staat op trede %2, bevestigd was %3"_s.arg(it.key()).arg(levelStored.value(it.key())).arg(ledger.level.value(it.key(), 0));
    }
    if (const qint64 n = db.scalar(u"SELECT count(*) FROM signals WHERE description = ?"_s, {neverCommitted}).value().toLongLong())
        problems << u"%1 signalen uit een nooit bevestigde transactie staan in het register"_s.arg(n);
    QHash<qint64, std::pair<QString, QString>> referralStored;
    auto referralRows = db.run(u"SELECT r.id, s.reference, r.status FROM referrals r JOIN signals s ON s.id = r.signal_id"_s);
    while (referralRows.ok() && referralRows->next())
        referralStored.insert(referralRows->value(0).toLongLong(), {referralRows->value(1).toString(), referralRows->value(2).toString()});
    if (count(u"SELECT count(*) FROM referrals"_s) != ledger.referrals.size())
        problems << u"%1 doorverwijzingen bevestigd, %2 opgeslagen"_s.arg(ledger.referrals.size()).arg(count(u"SELECT count(*) FROM referrals"_s));
    for (auto it = ledger.referrals.cbegin(); it != ledger.referrals.cend(); ++it) {
        const auto [reference, referralStatus] = referralStored.value(it.key());
        if (reference != it.value())
            problems << u"doorverwijzing #%1 van %2 ontbreekt"_s.arg(it.key()).arg(it.value());
        else if ((referralStatus == u"geaccepteerd"_s) != ledger.accepted.contains(it.key()))
            problems << u"doorverwijzing #%1 is %2"_s.arg(it.key()).arg(referralStatus);
    }
    if (count(u"SELECT count(*) FROM escalations"_s) != ledger.escalations)
        problems << u"%1 escalaties bevestigd, %2 opgeslagen"_s.arg(ledger.escalations).arg(count(u"SELECT count(*) FROM escalations"_s));
    // Nothing half-written: every signal has its history, every referral its signal and history,
    // and the day counts equal a fresh count of the signals.
    if (const qint64 n = count(u"SELECT count(*) FROM signals s WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.signal_id = s.id"
                               " AND h.action = 'aangemaakt')"_s))
        problems << u"%1 signalen zonder geschiedenisregel"_s.arg(n);
    if (const qint64 n = count(u"SELECT count(*) FROM referrals r WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.referral_id = r.id)"_s))
        problems << u"%1 doorverwijzingen zonder geschiedenis"_s.arg(n);
    const QString dayCounts = u"SELECT observed_on, buurt_id, category_code, signals FROM signal_day_counts WHERE signals <> 0"_s;
    const QString fresh = u"SELECT observed_on, buurt_id, category_code, count(*) FROM signals GROUP BY observed_on, buurt_id, category_code"_s;
    if (const qint64 n = count(u"SELECT count(*) FROM (%1 EXCEPT %2) AS d"_s.arg(dayCounts, fresh))
                         + count(u"SELECT count(*) FROM (%2 EXCEPT %1) AS d"_s.arg(dayCounts, fresh)))
        problems << u"%1 dagtellingen wijken af van een nieuwe telling"_s.arg(n);
    return problems;
}

}  // namespace

class TestSoak : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void clientsOnTheServerLoseNothing();

private:
    QProcess* startClient(const QString& registry, int seconds, int number, bool hold);
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

QProcess* TestSoak::startClient(const QString& registry, int seconds, int number, bool hold)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"BUURTSIGNAAL_USER"_s, u"tester"_s);
    env.insert(u"BUURTSIGNAAL_TODAY"_s, referenceToday().toString(Qt::ISODate));
    process->setProcessEnvironment(env);
    // To a file, not a pipe: nothing a client printed is lost when it is killed, and a client never
    // waits for the harness to read.
    process->setStandardOutputFile(m_dir.filePath(u"client-%1.txt"_s.arg(number)));
    process->setStandardErrorFile(m_dir.filePath(u"client-%1.err"_s.arg(number)));
    QStringList args = {u"--client"_s, registry, QString::number(seconds), QString::number(number)};
    if (hold)
        args << u"houd"_s;
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
        QVERIFY(startClient(temp.path(), seconds, i, false)->waitForStarted(10000));
    // One more, killed inside a write transaction half-way.
    QProcess* killed = startClient(temp.path(), std::max(1, seconds / 2), clients + 1, true);
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

    Ledger ledger;
    int number = 0;
    for (const auto& client : m_clients) {
        ++number;
        QVERIFY(client->state() == QProcess::NotRunning || client->waitForFinished((seconds + 120) * 1000));
        if (client.get() != killed) {
            QCOMPARE(client->exitStatus(), QProcess::NormalExit);
            QCOMPARE(client->exitCode(), 0);
        }
        QFile output(m_dir.filePath(u"client-%1.txt"_s.arg(number)));
        QVERIFY(output.open(QIODevice::ReadOnly));
        ledger.read(output.readAll());
    }
    QCOMPARE(ledger.held.size(), 1);

    qint64 stored = 0;
    const QStringList problems = compare(temp->db(), ledger, &stored);
    qint64 operations = 0;
    QStringList perKind;
    for (auto it = ledger.micros.cbegin(); it != ledger.micros.cend(); ++it) {
        operations += it.value().size();
        perKind << u"  %1: %2 keer, p50 %3 ms, p95 %4 ms"_s.arg(it.key(), -12).arg(it.value().size(), 6)
                       .arg(percentile(it.value(), 0.50), 6).arg(percentile(it.value(), 0.95), 6);
    }
    qInfo().noquote() << u"Soak op de server: %1 clients x %2 s (plus 1 gedood midden in een transactie), %3 bewerkingen,"
                         " %4 bevestigde schrijfacties, %5 signalen bevestigd, %6 opgeslagen, %7 fouten bij de gebruiker,"
                         " %8 verschillen\n%9"_s
                             .arg(clients).arg(seconds).arg(operations).arg(ledger.acknowledgedWrites()).arg(ledger.status.size())
                             .arg(stored).arg(ledger.errors.size()).arg(problems.size()).arg(perKind.join(u'\n'));
    QVERIFY2(ledger.errors.isEmpty(), qPrintable(ledger.errors.mid(0, 5).join(u'\n')));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 10).join(u'\n')));
    QCOMPARE(stored, qint64(ledger.status.size()));
    // Every kind of operation really ran, with writes from several clients at once.
    for (const QString& kind : {u"signaal"_s, u"status"_s, u"verwijzing"_s, u"acceptatie"_s, u"escalatie"_s, u"werkvoorraad"_s,
                                u"detail"_s, u"dashboard"_s})
        QVERIFY2(!ledger.micros.value(kind).isEmpty(), qPrintable(kind));
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
