#pragma once
// Tells a program that another desk (another connection, another program) committed a change to
// the registry it shows, and keeps its connection to a server alive.
//
// On a PostgreSQL server every committed write notifies channel "buurtsignaal" (Database::write,
// PostgresqlDialect::announceChangeSql); the feed LISTENs on the registry's own connection, so it
// is woken by the server the moment a commit lands, not by a timer, and a window needs no extra
// connection for it (fifty desks share one server: a window holds at most the registry's and the
// background reader's, see BackgroundReader.h). That connection belongs to the UI thread, which
// runs one statement at a time and fetches every result whole, so between events it is idle:
// the driver's socket notifier hears a notification at once, and one that libpq read while a
// query ran is delivered by the driver right after that query. Not on the background reader's
// connection: that one is busy for seconds with a year's figures, and a thread without an event
// loop has no socket notifier. The liveness check asks the same idle connection a trivial
// question. When the server goes away the feed says so, tries again in the background (1 s, then
// doubling up to 15 s), reconnects the registry's connection, subscribes again and says it is back.
// The registry's own commits carry its session id and are no news.
//
// On a SQLite file there is no notification: the feed asks the registry's connection for
// PRAGMA data_version twice a second (cheap: it reads shared memory, not the file), which moves
// only when another connection committed.

#include "Result.h"

#include <QObject>
#include <QString>
#include <QTimer>


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
    // The connection is back and subscribed again; changes made meanwhile were missed, so
    // everything shown should be read again.
    void reconnected();

private:
    Status listen();
    void stopListening();
    void notified(const QString& channel, int source, const QVariant& payload);
    void checkFile();
    void checkServer();
    void lose();
    void tryReconnect();

    Database& m_watched;
    Timing m_timing;
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
