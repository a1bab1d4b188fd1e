// Readers never wait for writers: while another program holds the registry's write lock, the
// read commands of the real command-line program finish, and what they showed is still in the
// access log afterwards. The day's backup is made by one program only.
#include "TestSupport.h"
#include "access/AccessLog.h"
#include "access/PendingLog.h"
#include "demo/DemoGenerator.h"
#include "services/SignalDetail.h"
#include "storage/Backups.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <latch>
#include <thread>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

namespace {

ProgramRun cli(const QStringList& arguments)
{
    return runProgram(QStringLiteral(BUURTSIGNAAL_CLI_BINARY), arguments);
}

QStringList actionsLogged(Registry& registry)
{
    auto entries = AccessLog::list(registry, AccessFilter{});
    QStringList actions;
    if (entries.ok()) {
        for (const AccessEntry& entry : entries.value())
            actions << entry.action + u' ' + entry.reference;
    }
    return actions;
}

}  // namespace

class TestReaders : public QObject {
    Q_OBJECT

private slots:
    void readCommandsFinishWhileAnotherProgramWrites();
    void aViewThatCannotBeLoggedIsNotShown();
    void waitingEntriesMoveInExactlyOnce();
    void oneProgramMakesTheDailyBackup();
};

void TestReaders::readCommandsFinishWhileAnotherProgramWrites()
{
    TempRegistry temp;
    const QString reference = addSignal(temp.registry());
    temp.close();
    const QString db = temp.path();
    const QString csv = QDir(temp.dir()).filePath(u"lijst.csv"_s);
    const QString pdf = QDir(temp.dir()).filePath(u"rapport.pdf"_s);

    WriteLockHolder holder(db);
    QVERIFY(holder.holding());
    const QList<QStringList> readers = {
        {u"signal"_s, u"list"_s},
        {u"signal"_s, u"show"_s, reference},
        {u"stats"_s, u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2026-12-31"_s, u"--json"_s},
        {u"report"_s, u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2026-12-31"_s, u"--out"_s, pdf},
        {u"signal"_s, u"list"_s, u"--csv"_s, csv},
        {u"referral"_s, u"list"_s},
    };
    for (const QStringList& command : readers) {
        const ProgramRun run = cli(QStringList{u"--db"_s, db} + command);
        QVERIFY2(run.code == 0, qPrintable(command.join(u' ') + u": "_s + run.err));
        // Finished while the other program still held the lock: it never waited for it.
        QVERIFY2(holder.holding(), qPrintable(command.join(u' ')));
    }
    QVERIFY(QFile::exists(csv));
    QVERIFY(QFile::exists(pdf));
    holder.release();

    // Nothing the readers showed or handed out is missing from the access log.
    temp.reopen();
    const QStringList actions = actionsLogged(temp.registry());
    QVERIFY2(actions.contains(u"bekeken "_s + reference), qPrintable(actions.join(u", "_s)));
    QVERIFY2(actions.contains(u"afgedrukt "_s), qPrintable(actions.join(u", "_s)));
    QVERIFY2(actions.contains(u"geexporteerd "_s), qPrintable(actions.join(u", "_s)));
    QCOMPARE(temp->db().scalar(u"SELECT count(*) FROM export_log WHERE file = ?"_s, {csv}).value().toInt(), 1);
    // Moved in exactly once, however often the log is read.
    QCOMPARE(actionsLogged(temp.registry()).count(u"bekeken "_s + reference), 1);
    QCOMPARE(temp->db().scalar(u"SELECT count(*) FROM export_log"_s).value().toInt(), 1);
}

void TestReaders::aViewThatCannotBeLoggedIsNotShown()
{
    TempRegistry temp;
    const QString reference = addSignal(temp.registry());
    temp.close();
    // The waiting file for log entries cannot be made (a folder is in its place).
    QVERIFY(QDir().mkpath(temp.path() + u".logwachtrij"_s));
    WriteLockHolder holder(temp.path());
    QVERIFY(holder.holding());
    const ProgramRun run = cli({u"--db"_s, temp.path(), u"signal"_s, u"show"_s, reference});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(u"toegangslogboek"_s), qPrintable(run.err));
    QVERIFY(!run.out.contains(u"nauwelijks buiten"_s));
}

void TestReaders::waitingEntriesMoveInExactlyOnce()
{
    TempRegistry temp;
    const QString reference = addSignal(temp.registry());
    const auto views = [&]() {
        return temp->db().scalar(u"SELECT count(*) FROM access_log WHERE action = 'bekeken'"_s).value().toInt();
    };
    {
        auto reader = Registry::openForReading(temp.path(), Registry::Create::No, temp.clock(), u"tester"_s);
        QVERIFY(reader.ok());
        QVERIFY(reader.value()->db().isReadOnly());
        QVERIFY(Signals::detail(*reader.value(), reference).ok());
        QCOMPARE(PendingLog::waiting(*reader.value()).value(), 1);
    }
    QCOMPARE(views(), 0);
    // The next write moves it in, once.
    QVERIFY(AccessLog::record(temp.registry(), AccessAction::Searched, 0, u"zoekterm: x"_s).ok());
    QCOMPARE(views(), 1);
    QCOMPARE(PendingLog::waiting(temp.registry()).value(), 0);
    QVERIFY(PendingLog::flush(temp.registry()).ok());
    QCOMPARE(views(), 1);
    // A new waiting file (the old one removed) counts from the start again.
    QVERIFY(QFile::remove(PendingLog::pathFor(temp.path())));
    {
        auto reader = Registry::openForReading(temp.path(), Registry::Create::No, temp.clock(), u"tester"_s);
        QVERIFY(Signals::detail(*reader.value(), reference).ok());
    }
    QVERIFY(PendingLog::flush(temp.registry()).ok());
    QCOMPARE(views(), 2);
}

void TestReaders::oneProgramMakesTheDailyBackup()
{
    TempRegistry temp;
    // Large enough that making a backup takes a while, so the two overlap.
    QVERIFY(DemoGenerator::generate(temp.registry(), {2000, 3}).ok());
    temp.close();
    const QString folder = Backups::folderFor(temp.path());
    for (int round = 0; round < 3; ++round) {
        QDir(folder).removeRecursively();
        std::latch start(2);
        QStringList errors[2];
        bool made[2] = {false, false};
        auto program = [&](int i) {
            auto registry = Registry::open(temp.path(), Registry::Create::No, temp.clock(), u"tester"_s);
            start.arrive_and_wait();
            if (!registry.ok()) {
                errors[i] << registry.error().message;
                return;
            }
            auto daily = Backups::dailyIfDue(*registry.value());
            if (!daily.ok())
                errors[i] << daily.error().message;
            else
                made[i] = daily->has_value();
        };
        std::thread first(program, 0);
        std::thread second(program, 1);
        first.join();
        second.join();
        QVERIFY2(errors[0].isEmpty() && errors[1].isEmpty(), qPrintable((errors[0] + errors[1]).join(u"; "_s)));
        QCOMPARE(int(made[0]) + int(made[1]), 1);
        auto backups = Backups::list(temp.path());
        QVERIFY(backups.ok());
        QCOMPARE(backups->size(), 1);
        QCOMPARE(backups->first().reason, u"dagelijks"_s);
    }
}

QTEST_GUILESS_MAIN(TestReaders)
#include "tst_readers.moc"
