#pragma once
// The day's backup, made in the background when a registry is opened, with its progress and
// outcome in the status bar. It reads on a connection of its own, so neither the window nor the
// first page waits for it, and only one program makes it (see Backups::dailyIfDue).

#include <QFutureWatcher>
#include <QLabel>
#include <QTimer>

namespace bs {

class Registry;

class DailyBackupStatus : public QLabel {
    Q_OBJECT

public:
    struct Outcome {
        bool made = false;
        QString error;  // Dutch, from the core; empty when nothing went wrong
    };

    explicit DailyBackupStatus(QWidget* parent = nullptr);
    ~DailyBackupStatus() override;  // lets a running backup finish (the file is then complete)

    // Starts the backup of `registry` when one of today is due (never for a new, empty one).
    void start(Registry& registry);
    bool isRunning() const { return m_watcher.isRunning(); }
    void waitForFinished();

signals:
    void finished(const bs::DailyBackupStatus::Outcome& outcome);

private:
    void showProgress();
    void done();

    QFutureWatcher<Outcome> m_watcher;
    QTimer m_progressTimer;
    QString m_path;
    qint64 m_registryBytes = 0;
};

}  // namespace bs
