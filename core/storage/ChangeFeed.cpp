#include "ChangeFeed.h"

#include "storage/Database.h"
#include "storage/PostgresqlDialect.h"

#include <QSqlDriver>

using namespace Qt::StringLiterals;

namespace bs {

ChangeFeed::ChangeFeed(Database& watched, QObject* parent) : ChangeFeed(watched, Timing{}, parent) {}

ChangeFeed::ChangeFeed(Database& watched, Timing timing, QObject* parent)
    : QObject(parent), m_watched(watched), m_timing(timing)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(m_timing.coalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &ChangeFeed::changed);
    m_fileCheck.setInterval(m_timing.fileCheckMs);
    connect(&m_fileCheck, &QTimer::timeout, this, &ChangeFeed::checkFile);
    m_heartbeat.setInterval(m_timing.heartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &ChangeFeed::checkServer);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ChangeFeed::tryReconnect);
}

ChangeFeed::~ChangeFeed()
{
    m_watched.setConnectionLostHandler({});
    stopListening();  // the registry's connection may live on (and is then told nothing more)
}

Status ChangeFeed::start()
{
    if (!m_watched.isServer()) {
        // Our own commits do not move data_version, so only other programs' changes are seen.
        auto counter = m_watched.changeCounter();
        if (!counter.ok())
            return counter.error();
        m_lastCounter = counter.value();
        m_fileCheck.start();
        return {};
    }
    // Once: the driver stays the same object through reconnects (only its subscription is lost).
    connect(m_watched.connection().driver(), &QSqlDriver::notification, this,
            [this](const QString& channel, QSqlDriver::NotificationSource source, const QVariant& payload) {
                notified(channel, int(source), payload);
            });
    BS_TRY(listen());
    // Whatever the program was doing when the server went away (a save, a list page) tells the
    // feed, which then reconnects without waiting for its next check. Queued: the failing
    // statement's caller finishes first, before anything is reconnected under it.
    m_watched.setConnectionLostHandler([this]() { QMetaObject::invokeMethod(this, &ChangeFeed::connectionFailed, Qt::QueuedConnection); });
    m_heartbeat.start();
    return {};
}

Status ChangeFeed::listen()
{
    auto session = m_watched.scalar(m_watched.dialect().sessionIdSql());
    if (!session.ok())
        return session.error();
    m_watchedSession = session.value().toString();
    QSqlDriver* driver = m_watched.connection().driver();
    if (!driver->subscribeToNotification(QString::fromUtf16(PostgresqlDialect::changeChannel)))
        return m_watched.dialect().translate(driver->lastError(), u"aanmelden voor wijzigingen"_s);
    return {};
}

void ChangeFeed::stopListening()
{
    QSqlDriver* driver = m_watched.isServer() ? m_watched.connection().driver() : nullptr;
    const QString channel = QString::fromUtf16(PostgresqlDialect::changeChannel);
    if (driver && driver->isOpen() && driver->subscribedToNotifications().contains(channel))
        driver->unsubscribeFromNotification(channel);
}

void ChangeFeed::notified(const QString& channel, int, const QVariant& payload)
{
    if (channel != QStringView(PostgresqlDialect::changeChannel))
        return;
    // The payload names the committing connection; the program already shows its own changes.
    if (payload.toString() == m_watchedSession)
        return;
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void ChangeFeed::checkFile()
{
    auto counter = m_watched.changeCounter();
    if (!counter.ok())
        return;  // a busy or unreadable moment: asked again shortly
    if (counter.value() != m_lastCounter && !m_coalesce.isActive())
        m_coalesce.start();
    m_lastCounter = counter.value();
}

void ChangeFeed::checkServer()
{
    // A notification cannot tell that the server went away; one trivial question can. Inside a
    // write (a nested event loop, e.g. a progress dialog) the write itself will notice.
    if (!m_watched.inTransaction() && !m_watched.scalar(u"SELECT 1"_s).ok())
        lose();
}

void ChangeFeed::connectionFailed()
{
    if (m_connected)
        lose();
}

void ChangeFeed::lose()
{
    if (!m_watched.isServer() || !m_connected)
        return;
    m_connected = false;
    m_heartbeat.stop();
    m_coalesce.stop();
    m_retryMs = m_timing.firstRetryMs;
    m_retry.start(m_retryMs);
    emit connectionLost();
}

void ChangeFeed::tryReconnect()
{
    if (!m_watched.reconnect().ok() || !listen().ok()) {
        m_retryMs = qMin(m_retryMs * 2, m_timing.longestRetryMs);
        m_retry.start(m_retryMs);
        return;
    }
    m_connected = true;
    m_heartbeat.start();
    emit reconnected();
}

}  // namespace bs
