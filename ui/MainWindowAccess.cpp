// The main window's part in privacy: what the user's role shows (a login that is not a user gets
// a page saying whom to ask), the network-share warning and the daily backup on opening, the
// privacy screen and restoring a backup.
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
#include <QHBoxLayout>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

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
    updateSignalActions();
    if (!signalsAllowed)
        m_tabs->setCurrentIndex(2);
    m_roleLabel->setText(m_role == Role::None ? tr("No access: %1 is not a user of this registry").arg(m_registry->actor())
                                              : tr("%1 (%2)").arg(m_registry->actor(), Access::roleLabel(m_role)));
    applyCaseworkRole();
    const bool known = m_role != Role::None;
    m_tabs->setVisible(known);
    m_noAccessPage->setVisible(!known);
    if (!known) {
        m_noAccessText->setText(noAccessText());
        (void)Access::require(*m_registry, Permission::ViewFigures);  // the attempt is worth a line in the access log
    }
}

QWidget* MainWindow::makeNoAccessPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(u"noAccessPage"_s);
    auto* layout = new QVBoxLayout(page);
    m_noAccessText = new QLabel(page);
    m_noAccessText->setObjectName(u"noAccessText"_s);
    m_noAccessText->setWordWrap(true);
    m_noAccessText->setTextFormat(Qt::RichText);
    m_noAccessText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A column of readable width in the middle; no alignment flag, so the wrapped text gets the
    // height it needs at that width.
    m_noAccessText->setFixedWidth(640);
    auto* row = new QHBoxLayout();
    row->addStretch();
    row->addWidget(m_noAccessText);
    row->addStretch();
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
    page->hide();
    return page;
}

QString MainWindow::noAccessText() const
{
    const QString login = m_registry->actor().toHtmlEscaped();
    auto administrators = Access::administrators(*m_registry);
    const QString who = administrators.ok() && !administrators->isEmpty() ? administrators->join(u", "_s).toHtmlEscaped()
                                                                          : tr("the beheerder of this registry");
    return tr("<h2>No access to this registry</h2>"
              "<p>You are logged in as <b>%1</b>, and %1 is not an active user of this registry, so Buurtsignaal "
              "shows none of its signals or figures.</p>"
              "<p>Access is given by a beheerder: <b>%2</b>. The beheerder adds you with a role in the menu "
              "<b>%3</b>, tab Users and roles, button Add user… (or on the command line: <code>buurtsignaal-cli user set %1 ROLE</code>). "
              "Then open this registry again.</p>"
              "<p>Registry: %4</p>")
        .arg(login, who, m_privacyMenuPath.toHtmlEscaped(), m_registry->path().toHtmlEscaped());
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
    if (m_registry && m_registry->db().isServer()) {
        // Nothing is closed: the server's own backups apply, and the message says how.
        showError(Backups::serverRestoreAdvice(m_registry->path(), m_clock.today()));
        return;
    }
    if (!resolveUnsavedWork())
        return;
    const QString path = m_registry->path();
    closeRegistry();  // the file must be closed before it is replaced
    auto safety = Backups::restore(path, backup, m_clock);
    if (!safety.ok())
        showError(safety.error().message);
    openRegistry(path, false);
    if (safety.ok())
        statusBar()->showMessage(tr("Backup restored. The replaced registry is kept as %1.").arg(safety.value()));
}

}  // namespace bs
