#include "DailyBackupStatus.h"

#include "Registry.h"
#include "storage/Backups.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace bs {

DailyBackupStatus::DailyBackupStatus(QWidget* parent) : QLabel(parent)
{
    setObjectName(u"dailyBackupStatus"_s);
    setContentsMargins(0, 0, 12, 0);
    m_progressTimer.setInterval(500);
    connect(&m_progressTimer, &QTimer::timeout, this, &DailyBackupStatus::showProgress);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &DailyBackupStatus::done);
}

DailyBackupStatus::~DailyBackupStatus()
{
    m_watcher.waitForFinished();
}

void DailyBackupStatus::start(Registry& registry)
{
    // A registry on a server is backed up by the server itself (pg_dump, base backups): nothing to copy here.
    if (m_watcher.isRunning() || registry.wasCreated() || registry.db().isServer())
        return;
    auto generations = registry.intSetting(u"backup.generations"_s, 7);
    if (!generations.ok()) {
        setText(tr("The daily backup was not made: %1").arg(generations.error().message));
        return;
    }
    m_path = registry.path();
    m_registryBytes = QFileInfo(m_path).size() + QFileInfo(m_path + u"-wal"_s).size();
    const QString path = m_path;
    const Clock* clock = &registry.clock();
    const int keep = generations.value();
    m_watcher.setFuture(QtConcurrent::run([path, clock, keep]() {
        auto made = Backups::dailyIfDue(path, *clock, keep);
        return made.ok() ? Outcome{made->has_value(), {}} : Outcome{false, made.error().message};
    }));
    m_progressTimer.start();
}

void DailyBackupStatus::waitForFinished()
{
    if (!m_watcher.isRunning())
        return;
    m_watcher.waitForFinished();
    done();
}

void DailyBackupStatus::showProgress()
{
    // The copy is compacted, so it may end below the size of the registry.
    const qint64 written = Backups::bytesWrittenSoFar(m_path);
    if (written == 0)
        return;
    const int percent = m_registryBytes > 0 ? int(qMin<qint64>(99, written * 100 / m_registryBytes)) : 0;
    setText(tr("Making today's backup… %1%").arg(percent));
}

void DailyBackupStatus::done()
{
    if (!m_progressTimer.isActive())
        return;  // already handled (waitForFinished, then the watcher's signal)
    m_progressTimer.stop();
    const Outcome outcome = m_watcher.result();
    if (!outcome.error.isEmpty()) {
        setText(tr("The daily backup was not made: %1").arg(outcome.error));
    } else if (outcome.made) {
        setText(tr("Today's backup was made."));
        QTimer::singleShot(10000, this, [this]() {
            if (!m_watcher.isRunning())
                clear();
        });
    } else {
        clear();
    }
    emit finished(outcome);
}

}  // namespace bs
