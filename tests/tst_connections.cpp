// Connection limits (issue 16): fifty desks share one PostgreSQL server, so a window holds at most
// two connections to it — the registry's own (which also LISTENs for other desks' changes) and
// one for the background reads (list count, status-bar counts, dashboard figures), opened once
// and used for every job, opened again after a loss, closed with the window's registry.
// The same reader serves a file (one read-only connection in its thread).
#include "BackgroundReader.h"
#include "DashboardView.h"
#include "MainWindow.h"
#include "SignalListModel.h"
#include "TestSupport.h"
#include "demo/DemoGenerator.h"

#include <QApplication>
#include <QLabel>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

namespace {

// A connection of the test's own to the registry's database (not named "buurtsignaal", so it is
// not counted among the program's): counts the program's connections, holds locks, ends sessions.
class Observer {
public:
    explicit Observer(const QString& registryPath, const QString& name = u"observer"_s) : m_name(name)
    {
        const ServerAddress server = Location::parse(registryPath).value().server;
        QSqlDatabase db = addServerConnection(m_name, server, {}, u"application_name=buurtsignaal-test"_s);
        if (!db.open())
            qFatal("observer: %s", qPrintable(db.lastError().text()));
    }
    ~Observer() { QSqlDatabase::removeDatabase(m_name); }
    QVariant value(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }
    bool exec(const QString& sql) { return QSqlQuery(QSqlDatabase::database(m_name)).exec(sql); }
    // The program's connections to this database (Database sets application_name=buurtsignaal).
    int programConnections()
    {
        return value(u"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                     "AND application_name = 'buurtsignaal'"_s).toInt();
    }
    // Sessions ever opened to this database: a backend counts itself once it finished a statement
    // or ended, so a connection opened and closed between two looks is counted too.
    qint64 sessionsOpened()
    {
        return value(u"SELECT sessions FROM pg_stat_database WHERE datname = current_database()"_s).toLongLong();
    }
    int programConnectionsWaitingOnALock()
    {
        return value(u"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                     "AND application_name = 'buurtsignaal' AND wait_event_type = 'Lock'"_s).toInt();
    }

private:
    QString m_name;
};

// A registry with a few hundred signals: more than one page, so the list counts in the background.
void fill(TempRegistry& temp)
{
    QVERIFY(DemoGenerator::generate(temp.registry(), {300, 5}).ok());
    temp.close();  // only the window's connections from here on
}

}  // namespace

class TestConnections : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QApplication::setOrganizationName(u"Buurtsignaal-tests"_s);
        QApplication::setApplicationName(u"tst_connections"_s);
        if (const QString why = engineUnavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
    }

    void backgroundJobsShareOneConnectionOffTheUiThread()
    {
        TempRegistry temp(referenceToday());
        addSignal(temp.registry());
        BackgroundReader& reader = temp->background();
        QList<QFuture<QString>> jobs;
        for (int i = 0; i < 5; ++i) {
            jobs << reader.run<QString>(
                nullptr,
                [](Registry& registry) {
                    const bool counted = Signals::count(registry, {}).value() == 1;
                    const bool elsewhere = QThread::currentThread() != QCoreApplication::instance()->thread();
                    return counted && elsewhere ? registry.db().connection().connectionName() : u"!"_s;
                },
                [](const Error& error) { return u"!"_s + error.message; });
        }
        for (QFuture<QString>& job : jobs)
            job.waitForFinished();
        QVERIFY(!jobs.first().result().startsWith(u'!'));
        for (const QFuture<QString>& job : jobs)
            QCOMPARE(job.result(), jobs.first().result());
        QCOMPARE(reader.connectionsOpened(), 1);
    }

    void newerJobOfTheSameRequesterReplacesTheQueuedOne()
    {
        TempRegistry temp(referenceToday());
        BackgroundReader& reader = temp->background();
        QSemaphore started;
        QSemaphore release;
        const int requester = 0;
        auto busy = reader.run<int>(nullptr, [&](Registry&) { started.release(); release.acquire(); return 0; },
                                    [](const Error&) { return -1; });
        QVERIFY(started.tryAcquire(1, 10000));  // the worker is busy: what follows is queued
        auto older = reader.run<int>(&requester, [](Registry&) { return 1; }, [](const Error&) { return -1; });
        auto other = reader.run<int>(nullptr, [](Registry&) { return 3; }, [](const Error&) { return -1; });
        auto newer = reader.run<int>(&requester, [](Registry&) { return 2; }, [](const Error&) { return -1; });
        release.release();
        newer.waitForFinished();
        other.waitForFinished();
        older.waitForFinished();  // cancelled: released without a result
        QVERIFY(older.isCanceled());
        QCOMPARE(older.resultCount(), 0);
        QCOMPARE(newer.result(), 2);
        QCOMPARE(other.result(), 3);
        QCOMPARE(busy.result(), 0);
    }

    void droppedJobsAreReleasedWhenTheRegistryCloses()
    {
        TempRegistry temp(referenceToday());
        QSemaphore started;
        QSemaphore release;
        auto busy = temp->background().run<int>(nullptr, [&](Registry&) { started.release(); release.acquire(); return 0; },
                                                [](const Error&) { return -1; });
        QVERIFY(started.tryAcquire(1, 10000));
        auto queued = temp->background().run<int>(nullptr, [](Registry&) { return 1; }, [](const Error&) { return -1; });
        release.release();
        temp.close();  // waits for the running job, drops the queued one
        QVERIFY(busy.isFinished());
        QCOMPARE(busy.result(), 0);
        QVERIFY(queued.isFinished());
        QVERIFY(queued.isCanceled() || queued.result() == 1);
    }

    void lostBackgroundConnectionIsOpenedAgain()
    {
        if (testEngine() != Engine::Postgresql)
            QSKIP("a file has no connection to lose");
        TempRegistry temp(referenceToday());
        addSignal(temp.registry());
        BackgroundReader& reader = temp->background();
        auto pidOf = [&reader]() {
            auto job = reader.run<int>(
                nullptr, [](Registry& registry) { return registry.db().scalar(u"SELECT pg_backend_pid()"_s).value().toInt(); },
                [](const Error&) { return -1; });
            job.waitForFinished();
            return job.result();
        };
        const int first = pidOf();
        QVERIFY(first > 0);
        Observer observer(temp.path());
        QVERIFY(observer.value(u"SELECT pg_terminate_backend(%1)"_s.arg(first)).toBool());
        // The next job meets the ended session, and is answered on a new one.
        auto counted = reader.run<qint64>(
            nullptr,
            [](Registry& registry) {
                auto n = Signals::count(registry, {});
                return n.ok() ? n.value() : qint64(-1);
            },
            [](const Error&) { return qint64(-2); });
        counted.waitForFinished();
        QCOMPARE(counted.result(), qint64(1));
        QCOMPARE(reader.connectionsOpened(), 2);
        const int second = pidOf();
        QVERIFY(second > 0 && second != first);
    }

    void windowKeepsToTwoServerConnections()
    {
        if (testEngine() != Engine::Postgresql)
            QSKIP("counts connections to a PostgreSQL server");
        TempRegistry temp(referenceToday());
        fill(temp);
        Observer observer(temp.path());
        QVERIFY(observer.exec(u"SELECT 1"_s));  // the observer's own session is counted from here
        // Gone from the activity view, a backend has also counted itself.
        QTRY_COMPARE(observer.programConnections(), 0);
        const qint64 sessionsBefore = observer.sessionsOpened();

        MainWindow window(temp.clock());
        window.setInteractive(false);
        window.show();
        QVERIFY(window.openRegistry(temp.path(), false));
        auto* counts = window.findChild<QLabel*>(u"countLabel"_s);
        // The list's count, the status-bar counts and the dashboard, several queued at once.
        int most = 0;
        auto sample = [&]() { most = qMax(most, observer.programConnections()); };
        window.showDashboardTab();
        for (int round = 0; round < 3; ++round) {
            SignalFilter filter;
            filter.onlyOpen = round % 2 == 0;
            window.listModel()->setFilter(filter);
            sample();
            window.dashboard()->setPeriod(Period::month(2026, 10 + round % 2));
            QVERIFY(window.dashboard()->refresh());
            sample();
        }
        window.listModel()->waitForCount();
        window.dashboard()->waitForFigures();
        QTRY_VERIFY_WITH_TIMEOUT(counts->text().contains(u"open"_s), 20000);
        sample();
        // Every connection the window opened for all that, also those already closed again.
        QTRY_VERIFY(observer.programConnections() <= 2);
        const qint64 opened = observer.sessionsOpened() - sessionsBefore;
        QVERIFY(opened >= 1);
        QVERIFY2(opened <= 2, qPrintable(u"the window opened %1 connections to the server"_s.arg(opened)));
        const int idle = observer.programConnections();

        // Background work caught in the act: the figures wait behind the test's lock on the
        // tables they read, so every connection they use is there to be counted.
        QVERIFY(observer.exec(u"BEGIN"_s));
        QVERIFY(observer.exec(u"LOCK TABLE signals, signal_day_counts IN ACCESS EXCLUSIVE MODE"_s));
        for (int round = 0; round < 3; ++round) {
            window.dashboard()->setPeriod(Period::month(2026, 9 + round));
            QVERIFY(window.dashboard()->refresh());
        }
        QTRY_VERIFY_WITH_TIMEOUT(observer.programConnectionsWaitingOnALock() >= 1, 4000);
        const int busy = observer.programConnections();
        QVERIFY(observer.exec(u"ROLLBACK"_s));
        window.dashboard()->waitForFigures();
        qInfo("server connections of one window: opened %lld, idle %d, while figures are computed %d, most seen %d", opened, idle,
              busy, most);
        QVERIFY2(busy <= 2, qPrintable(u"%1 connections while computing figures"_s.arg(busy)));
        QVERIFY2(most <= 2, qPrintable(u"%1 connections at most"_s.arg(most)));
        QVERIFY(idle <= 2);
    }

    void leavingARegistryClosesItsConnections()
    {
        TempRegistry first(referenceToday());
        fill(first);
        TempRegistry second(referenceToday());
        second.close();
        const QStringList before = QSqlDatabase::connectionNames();
        {
            MainWindow window(first.clock());
            window.setInteractive(false);
            QVERIFY(window.openRegistry(first.path(), false));
            window.listModel()->waitForCount();
            QTRY_VERIFY_WITH_TIMEOUT(!window.findChild<QLabel*>(u"countLabel"_s)->text().isEmpty(), 20000);
            if (testEngine() == Engine::Postgresql) {
                Observer observer(first.path());
                QVERIFY(observer.programConnections() >= 1);
                QVERIFY(window.openRegistry(second.path(), false));  // the window switches registry
                QTRY_COMPARE_WITH_TIMEOUT(observer.programConnections(), 0, 5000);
            }
        }
        // Nothing left open in this process either (a file's connections, or the server's).
        QCOMPARE(QSqlDatabase::connectionNames(), before);
    }
};

QTEST_MAIN(TestConnections)
#include "tst_connections.moc"
