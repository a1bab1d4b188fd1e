// The main window's part in privacy: what the user's role shows, the network-share warning and
// the daily backup on opening, the privacy screen and restoring a backup.
#include "MainWindow.h"

#include "CoordinatorView.h"
#include "DailyBackupStatus.h"
#include "DashboardView.h"
#include "FilterBar.h"
#include "PrivacyDialog.h"
#include "Registry.h"
#include "SignalDetailPanel.h"
#include "SignalListModel.h"
#include "storage/Backups.h"
#include "storage/FileSystem.h"

#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace bs {

void MainWindow::applyRole()
{
    auto role = Access::role(*m_registry);
    m_role = role.ok() ? role.value() : Role::None;
    for (auto it = m_guarded.cbegin(); it != m_guarded.cend(); ++it)
        it.key()->setVisible(Access::allows(m_role, it.value()));
    // The steering group sees the dashboard only: aggregates, never a signal.
    const bool signalsAllowed = Access::allows(m_role, Permission::ViewSignals);
    m_tabs->setTabVisible(0, signalsAllowed);
    m_tabs->setTabVisible(1, Access::allows(m_role, Permission::Coordinate));
    m_tabs->setTabVisible(2, Access::allows(m_role, Permission::ViewFigures));
    if (!signalsAllowed)
        m_tabs->setCurrentIndex(2);
    m_roleLabel->setText(m_role == Role::None ? tr("No access: %1 is not a user of this registry").arg(m_registry->actor())
                                              : tr("%1 (%2)").arg(m_registry->actor(), Access::roleLabel(m_role)));
    if (m_role == Role::None)
        showError(Access::require(*m_registry, Permission::ViewFigures).error().message);
}

void MainWindow::warnAboutStorage()
{
    const QString warning = FileSystem::networkShareWarning(m_registry->path());
    m_storageWarning->setText(warning);
    m_storageWarning->setVisible(!warning.isEmpty());
    // The day's backup on first use, in the background; a failure is shown but does not stop the work.
    m_dailyBackup->start(*m_registry);
}

void MainWindow::openPrivacy()
{
    if (!m_registry)
        return;
    auto* dialog = new PrivacyDialog(*m_registry, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setInteractive(m_interactive);
    connect(dialog, &PrivacyDialog::restoreRequested, this, [this, dialog](const QString& backup) {
        dialog->close();
        restoreBackup(backup);
    });
    m_privacy = dialog;
    dialog->open();
}

PrivacyDialog* MainWindow::privacyDialog() const
{
    return m_privacy.data();
}

void MainWindow::restoreBackup(const QString& backup)
{
    const QString path = m_registry->path();
    m_detail->setRegistry(nullptr);
    m_model->setSource(nullptr, m_model->filter());
    m_coordinator->setRegistry(nullptr);
    m_dashboard->setRegistry(nullptr);
    m_filterBar->setRegistry(nullptr);
    m_dailyBackup->waitForFinished();
    m_registry.reset();  // the file must be closed before it is replaced
    auto safety = Backups::restore(path, backup, m_clock);
    if (!safety.ok())
        showError(safety.error().message);
    openRegistry(path, false);
    if (safety.ok())
        statusBar()->showMessage(tr("Backup restored. The replaced registry is kept as %1.").arg(safety.value()));
}

}  // namespace bs
