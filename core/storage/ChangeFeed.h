#pragma once
// Tells a program that another desk (another connection, another program) committed a change to
// the registry it shows, and keeps its connection to a server alive.
//
// On a PostgreSQL server every committed write notifies channel "buurtsignaal" (Database::write,
// PostgresqlDialect::announceChangeSql); the feed LISTENs on a connection of its own, so it is
// woken by the server the moment a commit lands, not by a timer. A connection of its own because
// the registry's connection is busy with the program's reads and writes (and with nested results
// that the driver fetches whole), and because it gives the liveness check something to ask that
// never waits behind a long query. When the server goes away the feed says so, tries again in the
// background (1 s, then doubling up to 15 s), reconnects both its own and the registry's
// connection, subscribes again and says it is back.
//
// On a SQLite file there is no notification: the feed asks the registry's connection for
// PRAGMA data_version twice a second (cheap: it reads shared memory, not the file), which moves
// only when another connection committed.

#include "Result.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

class QSqlDriver;

namespace bs {

class Database;

class ChangeFeed : public QObject {
    Q_OBJECT

public:
    struct Timing {
        int coalesceMs = 150;       // a burst of commits becomes one changed()
        int fileCheckMs = 500;      // SQLite: how often data_version is read
        int heartbeatMs = 2000;     // server: how often the listening connection is checked
        int firstRetryMs = 1000;    // server: first reconnect attempt after a loss
        int longestRetryMs = 15000; // server: the pause between attempts doubles up to this
    };

    // Watches the registry behind `watched` (its reads and writes go on as before). `watched` must
    // outlive the feed.
    explicit ChangeFeed(Database& watched, QObject* parent = nullptr);
    ChangeFeed(Database& watched, Timing timing, QObject* parent = nullptr);
    ~ChangeFeed() override;

    // Starts listening; fails (and stays silent) when the server cannot be listened to.
    Status start();
    bool isConnected() const { return m_connected; }
    // Whether changes are found by asking at intervals (SQLite) rather than told (server).
    bool pollsForChanges() const { return m_fileCheck.isActive(); }
    // The program met a lost connection itself (a failed save): check and reconnect now.
    void connectionFailed();

signals:
    // Another connection committed a change (possibly several, coalesced).
    void changed();
    // The server went away; the feed is trying to reconnect.
    void connectionLost();
    // Both connections are back and subscribed again; changes made meanwhile were missed, so
    // everything shown should be read again.
    void reconnected();

private:
    Status listen();
    void notified(const QString& channel, int source, const QVariant& payload);
    void checkFile();
    void checkServer();
    void lose();
    void tryReconnect();

    Database& m_watched;
    Timing m_timing;
    std::unique_ptr<Database> m_listener;
    QString m_watchedSession;  // the registry connection's id: its own commits are no news
    qint64 m_lastCounter = -1;
    bool m_connected = true;
    int m_retryMs = 0;
    QTimer m_coalesce;
    QTimer m_fileCheck;
    QTimer m_heartbeat;
    QTimer m_retry;
};

}  // namespace bs
