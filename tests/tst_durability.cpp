// No data lost. Writers (the durability writer and the CLI's bulk import) are killed with SIGKILL
// at random moments; after every kill the registry must be intact and hold every write that was
// acknowledged. Then several processes write the same registry at once: no lost write, no "busy"
// reaching the user. On a SQLite file, and as tst_durability_pg on a PostgreSQL server (the
// clients die, the server rolls back their open transactions). Bounded in CI; longer with
//   BUURTSIGNAAL_CRASH_SECONDS=1800 BUURTSIGNAAL_SOAK_SECONDS=600 tests/tst_durability
#include "PowerCutVfs.h"
#include "TestSupport.h"
#include "storage/Backups.h"
#include "storage/Location.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

namespace {

// The server run is shorter: it is the same harness, and tst_soak_pg adds the long run there.
int secondsFromEnvironment(const char* name, int fileFallback, int serverFallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : (testEngine() == Engine::Postgresql ? serverFallback : fileFallback);
}

QProcessEnvironment writerEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"BUURTSIGNAAL_USER"_s, u"tester"_s);
    env.insert(u"BUURTSIGNAAL_TODAY"_s, u"2026-11-27"_s);
    return env;
}

// What the harness knows was committed: lines printed by a writer before it died.
struct Acknowledged {
    QSet<QString> signalRefs;
    QSet<QString> referredRefs;     // of the current registry
    QHash<QString, int> levels;     // of the current registry: the highest level acknowledged
    qint64 writes = 0;
    qint64 signalCount = 0;  // across registries (signalRefs holds the current one's)
    QStringList failures;  // "FOUT" lines: a write refused with a message
    QStringList backups;   // of the current registry: backup files reported made
    qint64 backupCount = 0;  // across registries
    QSet<QString> imports; // of the current registry: import files reported done

    void startRegistry()
    {
        signalRefs.clear();
        referredRefs.clear();
        levels.clear();
        backups.clear();
        imports.clear();
    }

    void read(const QByteArray& output)
    {
        for (const QByteArray& raw : output.split('\n')) {
            const QString line = QString::fromUtf8(raw);
            if (line.startsWith(u"S "_s)) {
                signalRefs.insert(line.mid(2).trimmed());
                ++writes;
                ++signalCount;
            } else if (line.startsWith(u"R "_s)) {
                referredRefs.insert(line.mid(2).trimmed());
                ++writes;
            } else if (line.startsWith(u"E "_s)) {
                const QStringList fields = line.split(u' ');
                levels.insert(fields.value(1), std::max(levels.value(fields.value(1)), fields.value(2).toInt()));
                ++writes;
            } else if (line.startsWith(u"B "_s)) {
                backups << line.mid(2).trimmed();
                ++backupCount;
                ++writes;
            } else if (line.startsWith(u"I "_s)) {
                imports.insert(line.mid(2).trimmed());
                ++writes;
            } else if (line == u"T"_s) {
                ++writes;
            } else if (line.startsWith(u"FOUT"_s)) {
                failures << line;
            }
        }
    }
};

// The first acknowledged writes found missing, to name in the failure.
QStringList lostSamples;

// Every check a kill must survive; returns the problems found (empty: intact).
Result<std::unique_ptr<Database>> openRegistry(const QString& path)
{
    auto location = Location::parse(path);
    if (!location.ok())
        return location.error();
    return Database::open(location.value());
}

// The indexes of the signals table that a bulk import drops and rebuilds.
int signalIndexes(Database& db)
{
    int n = 0;
    auto indexes = db.run(db.dialect().droppableIndexesSql(), {u"signals"_s});
    while (indexes.ok() && indexes->next())
        ++n;
    return n;
}

QStringList checkRegistry(const QString& path, const Acknowledged& acknowledged, QHash<QString, int>* importSizes, qint64* lost,
                          int expectedIndexes)
{
    QStringList problems;
    auto opened = openRegistry(path);
    if (!opened.ok())
        return {u"openen: "_s + opened.error().message};
    Database& db = *opened.value();
    if (!db.isServer()) {  // the server checks its own pages and foreign keys
        const QString integrity = db.scalar(u"PRAGMA integrity_check"_s).value().toString();
        if (integrity != u"ok"_s)
            problems << u"integrity_check: "_s + integrity;
        auto fk = db.run(u"PRAGMA foreign_key_check"_s);
        if (fk.ok() && fk->next())
            problems << u"foreign_key_check meldt ontbrekende rijen"_s;
    }
    // Every acknowledged write is there: the signal, its referral, its escalation level.
    QHash<QString, int> present;
    auto all = db.run(u"SELECT reference, escalation_level FROM signals"_s);
    while (all.ok() && all->next())
        present.insert(all->value(0).toString(), all->value(1).toInt());
    for (const QString& ref : acknowledged.signalRefs) {
        if (!present.contains(ref)) {
            ++*lost;
            lostSamples << u"signaal "_s + ref;
        }
    }
    QSet<QString> referred;
    auto referrals = db.run(u"SELECT s.reference FROM referrals r JOIN signals s ON s.id = r.signal_id"_s);
    while (referrals.ok() && referrals->next())
        referred.insert(referrals->value(0).toString());
    for (const QString& ref : acknowledged.referredRefs) {
        if (!referred.contains(ref)) {
            ++*lost;
            lostSamples << u"doorverwijzing van "_s + ref;
        }
    }
    for (auto it = acknowledged.levels.cbegin(); it != acknowledged.levels.cend(); ++it) {
        if (present.value(it.key(), -1) < it.value()) {
            ++*lost;
            lostSamples << u"trede %1 van %2 (nu %3)"_s.arg(it.value()).arg(it.key()).arg(present.value(it.key(), -1));
        }
    }
    // Nothing half-written: no signal without the history line of its creation, no referral
    // without its signal.
    const int silentSignals = db.scalar(u"SELECT count(*) FROM signals s WHERE NOT EXISTS (SELECT 1 FROM history h"
                                        " WHERE h.signal_id = s.id AND h.action = 'aangemaakt')"_s).value().toInt();
    if (silentSignals > 0)
        problems << u"%1 signalen zonder geschiedenisregel"_s.arg(silentSignals);
    const int strayReferrals = db.scalar(u"SELECT count(*) FROM referrals r WHERE NOT EXISTS (SELECT 1 FROM signals s WHERE s.id = r.signal_id)"_s)
                                   .value().toInt();
    if (strayReferrals > 0)
        problems << u"%1 doorverwijzingen zonder signaal"_s.arg(strayReferrals);
    // No half-written referral or escalation: each has its history entry; each signal's level is
    // the level of its last escalation step.
    const int orphanReferrals = db.scalar(u"SELECT count(*) FROM referrals r WHERE NOT EXISTS"
                                          " (SELECT 1 FROM history h WHERE h.referral_id = r.id)"_s).value().toInt();
    if (orphanReferrals > 0)
        problems << u"%1 doorverwijzingen zonder geschiedenis"_s.arg(orphanReferrals);
    const int levelMismatch = db.scalar(u"SELECT count(*) FROM signals s JOIN escalations e ON e.id ="
                                        " (SELECT max(id) FROM escalations WHERE signal_id = s.id) WHERE e.to_level <> s.escalation_level"_s)
                                  .value().toInt();
    if (levelMismatch > 0)
        problems << u"%1 signalen met een trede die niet bij hun laatste escalatie past"_s.arg(levelMismatch);
    // The day counts move in the same transaction as the signals: equal to a fresh count.
    const QString dayCounts = u"SELECT observed_on, buurt_id, category_code, signals FROM signal_day_counts WHERE signals <> 0"_s;
    const QString fresh = u"SELECT observed_on, buurt_id, category_code, count(*) FROM signals GROUP BY observed_on, buurt_id, category_code"_s;
    const qint64 differing = db.scalar(u"SELECT count(*) FROM (%1 EXCEPT %2) AS d"_s.arg(dayCounts, fresh)).value().toLongLong()
                             + db.scalar(u"SELECT count(*) FROM (%2 EXCEPT %1) AS d"_s.arg(dayCounts, fresh)).value().toLongLong();
    if (differing > 0)
        problems << u"%1 dagtellingen wijken af van een nieuwe telling van de signalen"_s.arg(differing);
    const qint64 referralsCounted = db.scalar(u"SELECT coalesce(sum(referrals), 0) FROM referral_day_counts"_s).value().toLongLong();
    const qint64 referralCount = db.scalar(u"SELECT count(*) FROM referrals"_s).value().toLongLong();
    if (referralsCounted != referralCount)
        problems << u"doorverwijzingstellingen %1 ≠ doorverwijzingen %2"_s.arg(referralsCounted).arg(referralCount);
    // An import is all or nothing, and its log entry comes with it.
    for (auto it = importSizes->cbegin(); it != importSizes->cend(); ++it) {
        const int n = db.scalar(u"SELECT count(*) FROM signals WHERE source_code = 'fixie' AND external_id LIKE ?"_s,
                                {it.key() + u"-%"_s}).value().toInt();
        const int logged = db.scalar(u"SELECT count(*) FROM import_log WHERE file = ?"_s, {it.key() + u".csv"_s}).value().toInt();
        if (!(n == 0 && logged == 0) && !(n == it.value() && logged == 1))
            problems << u"import %1: %2 van %3 rijen, %4 logregels"_s.arg(it.key()).arg(n).arg(it.value()).arg(logged);
        if (acknowledged.imports.contains(it.key()) && n != it.value()) {
            ++*lost;
            lostSamples << u"import "_s + it.key();
        }
    }
    // A backup reported made is there and sound; any backup under its final name is sound (a
    // ".part" left by a cut is not a backup).
    if (!db.isServer()) {
        // Older ones are rotated away by later backups; the newest is kept.
        if (!acknowledged.backups.isEmpty() && !QFileInfo::exists(acknowledged.backups.constLast())) {
            ++*lost;
            lostSamples << u"back-up "_s + acknowledged.backups.constLast();
        }
        const QString folder = path + u".backups"_s;
        for (const QString& name : QDir(folder).entryList({u"*.buurtsignaal"_s}, QDir::Files)) {
            auto checked = Backups::check(QDir(folder).filePath(name));
            if (!checked.ok() || !checked->ok)
                problems << u"back-up %1 is niet in orde"_s.arg(name);
        }
    }
    const int indexes = signalIndexes(db);
    if (indexes != expectedIndexes)
        problems << u"signals heeft %1 indexen (verwacht %2)"_s.arg(indexes).arg(expectedIndexes);
    return problems;
}

QByteArray meldingenFile(const QString& prefix, int rows)
{
    QByteArray text = "Meldingnummer;Datum melding;Buurt;Soort melding;Omschrijving\r\n";
    text.reserve(rows * 64);
    for (int i = 0; i < rows; ++i)
        text += u"%1-%2;%3-10-2026;Kortland;Zwerfafval;Melding %2\r\n"_s.arg(prefix).arg(i).arg(1 + i % 28).toUtf8();
    return text;
}

}  // namespace

class TestDurability : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void killedWritersLoseNothing();
    void powerCutsLoseNothing();
    void concurrentWritersLoseNothing();

private:
    QTemporaryDir m_dir;
    QString createRegistry(const QString& name);
    // A meldingen export of `rows` rows named after `prefix`, for the bulk import; empty on failure.
    QString writeImportFile(const QString& prefix, int rows);
    std::vector<std::unique_ptr<TempServerDatabase>> m_servers;
    int m_signalIndexes = -1;  // of a new registry
};

QString TestDurability::writeImportFile(const QString& prefix, int rows)
{
    QFile file(m_dir.filePath(prefix + u".csv"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(meldingenFile(prefix, rows)) < 0 || !file.flush())
        return {};
    return file.fileName();
}

void TestDurability::initTestCase()
{
    if (const QString why = engineUnavailable(); !why.isEmpty())
        QSKIP(qPrintable(why));
    QVERIFY(m_dir.isValid());
    QVERIFY(QFileInfo::exists(QStringLiteral(BUURTSIGNAAL_WRITER)));
    QVERIFY(QFileInfo::exists(QStringLiteral(BUURTSIGNAAL_CLI_BINARY)));
    QFile map(m_dir.filePath(u"map.json"_s));
    QVERIFY(map.open(QIODevice::WriteOnly));
    map.write(R"({"source": "fixie", "columns": {"external_id": "Meldingnummer", "date": "Datum melding", "buurt": "Buurt",
                 "category": "Soort melding", "description": "Omschrijving"}, "categories": {"Zwerfafval": "vervuiling"}})");
}

void TestDurability::cleanupTestCase()
{
    m_servers.clear();
}

// A new registry: a file, or an empty database on the test server; initialised by the CLI.
QString TestDurability::createRegistry(const QString& name)
{
    QString path = m_dir.filePath(name);
    if (testEngine() == Engine::Postgresql) {
        m_servers.clear();  // one database at a time: the previous round's is done with
        m_servers.push_back(std::make_unique<TempServerDatabase>());
        path = m_servers.back()->uri();
    }
    QProcess init;
    init.setProcessEnvironment(writerEnvironment());
    init.start(QStringLiteral(BUURTSIGNAAL_CLI_BINARY), {u"--db"_s, path, u"init"_s});
    init.waitForFinished(30000);
    if (init.exitCode() != 0)
        return {};
    if (m_signalIndexes < 0) {
        auto db = openRegistry(path);
        if (db.ok())
            m_signalIndexes = signalIndexes(*db.value());
    }
    return path;
}

void TestDurability::killedWritersLoseNothing()
{
    QString path;
    const int seconds = secondsFromEnvironment("BUURTSIGNAAL_CRASH_SECONDS", 100, 45);
    QRandomGenerator rng(20261129);
    Acknowledged acknowledged;
    QHash<QString, int> imports;
    int iterations = 0, kills = 0, integrityFailures = 0, importKills = 0;
    qint64 lost = 0;
    QStringList problemsSeen;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < seconds * 1000LL) {
        // A fresh registry now and then keeps each round's full check short.
        if (iterations % 10 == 0) {
            path = createRegistry(u"crash-%1.buurtsignaal"_s.arg(iterations));
            QVERIFY(!path.isEmpty());
            QVERIFY(m_signalIndexes > 0);
            acknowledged.startRegistry();
            imports.clear();
        }
        ++iterations;
        QProcess writer;
        writer.setProcessEnvironment(writerEnvironment());
        const bool bulk = iterations % 10 == 0;  // the last round before a fresh registry
        int killAfter = 0;
        if (bulk) {
            // A file large enough for the bulk path: indexes dropped and rebuilt, triggers off.
            const QString prefix = u"IMP%1"_s.arg(iterations);
            const QString file = writeImportFile(prefix, 25000);
            QVERIFY(!file.isEmpty());
            imports.insert(prefix, 25000);
            writer.start(QStringLiteral(BUURTSIGNAAL_CLI_BINARY), {u"--db"_s, path, u"import"_s, u"meldingen"_s, file,
                                                                     u"--mapping"_s, m_dir.filePath(u"map.json"_s)});
            killAfter = 50 + int(rng.bounded(750));
        } else {
            writer.start(QStringLiteral(BUURTSIGNAAL_WRITER), {path, u"30"_s, QString::number(iterations)});
            killAfter = 10 + int(rng.bounded(300));
        }
        QVERIFY(writer.waitForStarted(10000));
        if (!writer.waitForFinished(killAfter)) {
            ::kill(pid_t(writer.processId()), SIGKILL);
            ++kills;
            if (bulk)
                ++importKills;
            writer.waitForFinished(10000);
        }
        acknowledged.read(writer.readAllStandardOutput());
        const QStringList problems = checkRegistry(path, acknowledged, &imports, &lost, m_signalIndexes);
        if (!problems.isEmpty()) {
            ++integrityFailures;
            if (problemsSeen.size() < 10)
                problemsSeen << problems;
        }
    }
    qInfo().noquote() << u"Kill-harnas: %1 s, %2 rondes, %3 keer SIGKILL (waarvan %4 tijdens een import van 25 000 rijen), "
                         "%5 bevestigde schrijfacties (%6 signalen), %7 verloren, %8 rondes met een integriteitsfout, %9 geweigerd"_s
                             .arg(seconds).arg(iterations).arg(kills).arg(importKills).arg(acknowledged.writes)
                             .arg(acknowledged.signalCount).arg(lost).arg(integrityFailures).arg(acknowledged.failures.size());
    QVERIFY2(problemsSeen.isEmpty(), qPrintable(problemsSeen.join(u"\n"_s)));
    QCOMPARE(lost, 0);
    QCOMPARE(integrityFailures, 0);
    QVERIFY(kills > iterations / 2);  // the harness really killed writers mid-way
    QVERIFY(acknowledged.writes > 0);
    QVERIFY2(acknowledged.failures.isEmpty(), qPrintable(acknowledged.failures.mid(0, 5).join(u"\n"_s)));
}

// A power cut: as the kill harness, but after each SIGKILL every write a file had not synced is
// undone (tests/support/PowerCutVfs), half the time with the last write torn at a 512-byte
// boundary; then the registry is opened the normal way and checked as after a kill. The writers
// also make backups and run the retention, and every tenth round is a bulk import.
//   BUURTSIGNAAL_POWERCUT_ROUNDS=1000 QTEST_FUNCTION_TIMEOUT=1800000 tests/tst_durability powerCutsLoseNothing
void TestDurability::powerCutsLoseNothing()
{
    if (testEngine() == Engine::Postgresql)
        QSKIP("Een stroomstoring van de server is het herstel van PostgreSQL zelf; hier gaat het om het registerbestand.");
    bool ok = false;
    int rounds = qEnvironmentVariableIntValue("BUURTSIGNAAL_POWERCUT_ROUNDS", &ok);
    if (!ok || rounds <= 0)
        rounds = 60;
    QRandomGenerator rng(20261130);
    QString path;
    Acknowledged acknowledged;
    QHash<QString, int> imports;
    int cuts = 0, torn = 0, integrityFailures = 0, importCuts = 0;
    qint64 undone = 0, lost = 0;
    QStringList problemsSeen;
    const QString journal = m_dir.filePath(u"stroom.undo"_s);
    for (int round = 0; round < rounds; ++round) {
        if (round % 10 == 0) {
            path = createRegistry(u"stroom-%1.buurtsignaal"_s.arg(round));
            QVERIFY(!path.isEmpty());
            acknowledged.startRegistry();
            imports.clear();
        }
        QProcess writer;
        QProcessEnvironment env = writerEnvironment();
        env.insert(u"BUURTSIGNAAL_POWERCUT_JOURNAL"_s, journal);
        writer.setProcessEnvironment(env);
        const bool bulk = round % 10 == 9;
        int cutAfter = 0;
        if (bulk) {
            const QString prefix = u"STROOM%1"_s.arg(round);
            const QString file = writeImportFile(prefix, 25000);
            QVERIFY(!file.isEmpty());
            imports.insert(prefix, 25000);
            writer.start(QStringLiteral(BUURTSIGNAAL_WRITER), {path, u"import"_s, file, m_dir.filePath(u"map.json"_s)});
            cutAfter = 50 + int(rng.bounded(1500));
        } else {
            writer.start(QStringLiteral(BUURTSIGNAAL_WRITER), {path, u"30"_s, QString::number(round), u"--backups"_s});
            cutAfter = 10 + int(rng.bounded(400));
        }
        QVERIFY(writer.waitForStarted(10000));
        if (!writer.waitForFinished(cutAfter))
            ::kill(pid_t(writer.processId()), SIGKILL);
        writer.waitForFinished(10000);
        ++cuts;
        importCuts += bulk;
        acknowledged.read(writer.readAllStandardOutput());
        const PowerCutVfs::CutReport cut = PowerCutVfs::cutPower(journal, round % 2 ? rng.generate() | 1u : 0u);
        QVERIFY2(cut.error.isEmpty(), qPrintable(cut.error));
        undone += cut.writesUndone;
        torn += cut.torn;
        const QStringList problems = checkRegistry(path, acknowledged, &imports, &lost, m_signalIndexes);
        if (!problems.isEmpty()) {
            ++integrityFailures;
            if (problemsSeen.size() < 10)
                problemsSeen << u"ronde %1: "_s.arg(round) + problems.join(u"; "_s);
        }
    }
    qInfo().noquote() << u"Stroomstoring-harnas: %1 keer de stroom eraf (waarvan %2 tijdens een import van 25 000 rijen), "
                         "%3 niet-gesynchroniseerde schrijfacties ongedaan gemaakt, %4 keer de laatste half geschreven, "
                         "%5 bevestigde schrijfacties (%6 signalen, %7 back-ups), %8 verloren, %9 rondes met een fout"_s
                             .arg(cuts).arg(importCuts).arg(undone).arg(torn).arg(acknowledged.writes)
                             .arg(acknowledged.signalCount).arg(acknowledged.backupCount).arg(lost).arg(integrityFailures);
    QVERIFY2(problemsSeen.isEmpty(), qPrintable(problemsSeen.join(u"\n"_s)));
    QVERIFY2(lost == 0, qPrintable(lostSamples.mid(0, 20).join(u"\n"_s)));
    QVERIFY(undone > 0);  // the cuts really threw unsynced writes away
    QVERIFY(acknowledged.writes > 0);
    QVERIFY2(acknowledged.failures.isEmpty(), qPrintable(acknowledged.failures.mid(0, 5).join(u"\n"_s)));
}

void TestDurability::concurrentWritersLoseNothing()
{
    const QString path = createRegistry(u"samen.buurtsignaal"_s);
    QVERIFY(!path.isEmpty());
    const int seconds = secondsFromEnvironment("BUURTSIGNAAL_SOAK_SECONDS", 60, 20);
    const int writers = 3;
    QList<QProcess*> processes;
    for (int i = 0; i < writers; ++i) {
        auto* process = new QProcess(this);
        process->setProcessEnvironment(writerEnvironment());
        process->start(QStringLiteral(BUURTSIGNAAL_WRITER), {path, QString::number(seconds), QString::number(1000 + i)});
        QVERIFY(process->waitForStarted(10000));
        processes << process;
    }
    Acknowledged acknowledged;
    qint64 printedSignals = 0;
    for (QProcess* process : processes) {
        QVERIFY(process->waitForFinished((seconds + 120) * 1000));
        QCOMPARE(process->exitCode(), 0);
        const QByteArray output = process->readAllStandardOutput();
        printedSignals += output.count("\nS ") + (output.startsWith("S ") ? 1 : 0);
        acknowledged.read(output);
        delete process;
    }
    QHash<QString, int> noImports;
    qint64 lost = 0;
    const QStringList problems = checkRegistry(path, acknowledged, &noImports, &lost, m_signalIndexes);
    auto db = openRegistry(path);
    const qint64 stored = db.value()->scalar(u"SELECT count(*) FROM signals"_s).value().toLongLong();
    qInfo().noquote() << u"Gelijktijdig: %1 processen, %2 s, %3 bevestigde schrijfacties (%4/s), %5 signalen bevestigd, %6 opgeslagen,"
                         " %7 verloren, %8 keer 'bezet' of een andere fout bij de gebruiker"_s
                             .arg(writers).arg(seconds).arg(acknowledged.writes).arg(acknowledged.writes / seconds)
                             .arg(acknowledged.signalRefs.size()).arg(stored).arg(lost).arg(acknowledged.failures.size());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
    QCOMPARE(lost, 0);
    QCOMPARE(qint64(acknowledged.signalRefs.size()), printedSignals);  // no reference handed out twice
    QCOMPARE(stored, printedSignals);
    QVERIFY2(acknowledged.failures.isEmpty(), qPrintable(acknowledged.failures.mid(0, 5).join(u"\n"_s)));
    QVERIFY(acknowledged.writes > writers * 10);
}

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
