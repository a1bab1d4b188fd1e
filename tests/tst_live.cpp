// Live across desks (issue 11): a change committed by one connection reaches another connection's
// ChangeFeed — on a server by NOTIFY, never by a polling timer; a rolled-back write announces
// nothing; after the server went away and came back the feed reconnects, subscribes again and
// later changes arrive again. On a file the feed sees another connection's commit too.
// Runs on a PostgreSQL server of its own (it stops and starts it), not the shared test server.
#include "PrivateServer.h"
#include "Registry.h"
#include "TestSupport.h"
#include "storage/ChangeFeed.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QScopeGuard>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

class TestLive : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<PrivateServer> m_server;
    FixedClock m_clock{referenceToday()};

    std::unique_ptr<Registry> desk()
    {
        auto opened = Registry::open(m_server->uri(), Registry::Create::IfMissing, m_clock, u"tester"_s);
        if (!opened.ok())
            qFatal("desk: %s", qPrintable(opened.error().message));
        return std::move(opened).value();
    }
    static ChangeFeed::Timing quick()
    {
        ChangeFeed::Timing timing;
        timing.heartbeatMs = 200;
        timing.firstRetryMs = 200;
        timing.longestRetryMs = 800;
        return timing;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<PrivateServer>();
        if (!m_server->unavailable().isEmpty())
            QSKIP(qPrintable(m_server->unavailable()));
    }
    void cleanupTestCase() { m_server.reset(); }

    void anotherDesksChangeArrivesByNotification()
    {
        auto mine = desk();
        auto theirs = desk();
        ChangeFeed feed(mine->db());
        QVERIFY(feed.start().ok());
        QVERIFY(!feed.pollsForChanges());  // told by the server, not found by asking
        QSignalSpy changed(&feed, &ChangeFeed::changed);
        addSignal(*theirs);
        QVERIFY(changed.wait(1000));
        QCOMPARE(changed.count(), 1);
    }

    void ownChangesAreNoNews()
    {
        auto mine = desk();
        auto theirs = desk();
        ChangeFeed feed(mine->db());
        QVERIFY(feed.start().ok());
        QSignalSpy changed(&feed, &ChangeFeed::changed);
        addSignal(*mine);     // announced, but as this desk's own commit
        addSignal(*theirs);   // the next announcement on the channel, in commit order
        QVERIFY(changed.wait(1000));
        QTest::qWait(300);    // anything still coalescing has been emitted
        QCOMPARE(changed.count(), 1);
    }

    void feedNeedsNoConnectionOfItsOwn()
    {
        // Fifty desks share the server: the feed listens on the registry's own connection.
        auto mine = desk();
        const QStringList before = QSqlDatabase::connectionNames();
        ChangeFeed feed(mine->db());
        QVERIFY(feed.start().ok());
        QCOMPARE(QSqlDatabase::connectionNames(), before);
    }

    void changeArrivesWhileTheRegistryConnectionIsBusy()
    {
        auto mine = desk();
        auto theirs = desk();
        ChangeFeed feed(mine->db());
        QVERIFY(feed.start().ok());
        QSignalSpy changed(&feed, &ChangeFeed::changed);
        // Their commit lands while this desk's connection is running queries, so the notification
        // is read by libpq together with a query's result, not by the idle socket's notifier.
        addSignal(*theirs);
        for (int i = 0; i < 20; ++i)
            QVERIFY(mine->db().scalar(u"SELECT pg_sleep(0.01)"_s).ok());
        QVERIFY(changed.wait(1000));
        // And again after: the subscription outlives the queries; this desk's own commits stay no news.
        addSignal(*mine);
        for (int i = 0; i < 5; ++i)
            QVERIFY(mine->db().scalar(u"SELECT count(*) FROM signals"_s).ok());
        QTest::qWait(400);
        QCOMPARE(changed.count(), 1);
        addSignal(*theirs);
        QVERIFY(changed.wait(1000));
        QCOMPARE(changed.count(), 2);
    }

    void rolledBackWriteAnnouncesNothing()
    {
        auto writer = desk();
        // Listening directly on the channel: what the server delivers, one notification each.
        const ServerAddress server = m_server->address();
        {
            QSqlDatabase listener = addServerConnection(u"raw-listener"_s, server);
            QVERIFY2(listener.open(), qPrintable(listener.lastError().text()));
            QVERIFY(listener.driver()->subscribeToNotification(u"buurtsignaal"_s));
            QSignalSpy delivered(listener.driver(), qOverload<const QString&, QSqlDriver::NotificationSource, const QVariant&>(
                                                        &QSqlDriver::notification));
            const Status refused = writer->db().write([&]() -> Status {
                BS_TRY(writer->db().execute(u"UPDATE settings SET value = value WHERE key = ?"_s, {u"schema_version"_s}));
                return Error::rule(u"teruggedraaid"_s);
            });
            QVERIFY(!refused.ok());
            addSignal(*writer);  // committed after the rolled-back one: its notification comes after any earlier one
            QVERIFY(delivered.wait(1000));
            QTest::qWait(100);
            QCOMPARE(delivered.count(), 1);
            QCOMPARE(delivered.first().at(0).toString(), u"buurtsignaal"_s);
        }
        QSqlDatabase::removeDatabase(u"raw-listener"_s);
    }

    void feedReconnectsAndResubscribesAfterServerRestart()
    {
        auto mine = desk();
        auto theirs = desk();
        ChangeFeed feed(mine->db(), quick());
        QVERIFY(feed.start().ok());
        QSignalSpy lost(&feed, &ChangeFeed::connectionLost);
        QSignalSpy back(&feed, &ChangeFeed::reconnected);
        QSignalSpy changed(&feed, &ChangeFeed::changed);

        QVERIFY(m_server->halt());
        auto restart = qScopeGuard([this]() { m_server->resume(); });  // also when a check below fails
        QVERIFY(lost.wait(10000));
        QVERIFY(!feed.isConnected());
        restart.dismiss();
        QVERIFY(m_server->resume());
        QVERIFY(back.wait(20000));
        QVERIFY(feed.isConnected());
        // The registry's own connection was made again too: it reads as before.
        QVERIFY(mine->db().scalar(u"SELECT count(*) FROM signals"_s).ok());

        QVERIFY(theirs->db().reconnect().ok());
        changed.clear();
        addSignal(*theirs);
        QVERIFY(changed.wait(1000));
    }

    void failedSaveMakesTheFeedReconnectAtOnce()
    {
        auto mine = desk();
        ChangeFeed::Timing timing = quick();
        timing.heartbeatMs = 3600 * 1000;  // the feed's own check plays no part here
        ChangeFeed feed(mine->db(), timing);
        QVERIFY(feed.start().ok());
        QSignalSpy lost(&feed, &ChangeFeed::connectionLost);
        QSignalSpy back(&feed, &ChangeFeed::reconnected);
        QVERIFY(m_server->halt());
        QVERIFY(m_server->resume());
        // The program meets the loss before the feed's next check: a write fails as "lost".
        const Status written = mine->db().write([&]() {
            return mine->db().execute(u"UPDATE settings SET value = value WHERE key = ?"_s, {u"schema_version"_s});
        });
        QVERIFY(!written.ok());
        QCOMPARE(written.error().kind, ErrorKind::ConnectionLost);
        QVERIFY(lost.wait(1000));
        QVERIFY(back.wait(5000));
        QVERIFY(mine->db().scalar(u"SELECT 1"_s).ok());
    }

    void fileFeedSeesAnotherConnectionsCommit()
    {
        TempRegistry mine(referenceToday(), Engine::Sqlite);
        auto theirs = Registry::open(mine.path(), Registry::Create::No, m_clock, u"tester"_s);
        QVERIFY(theirs.ok());
        ChangeFeed feed(mine->db());
        QVERIFY(feed.start().ok());
        QSignalSpy changed(&feed, &ChangeFeed::changed);
        addSignal(mine.registry());  // this program's own commit is no news
        addSignal(*theirs.value());
        QVERIFY(changed.wait(1000));
        QTest::qWait(700);
        QCOMPARE(changed.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestLive)
#include "tst_live.moc"
