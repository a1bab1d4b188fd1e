// The main window without a registry: what opens at program start, the start page and its four
// choices, the recent registries, and what happens when a registry cannot be opened (the start
// page with the reason, never an empty window, and never a new empty file where one went missing).
#include "MainWindow.h"

#include "CoordinatorView.h"
#include "DailyBackupStatus.h"
#include "DashboardView.h"
#include "FilterBar.h"
#include "Registry.h"
#include "SignalDetailPanel.h"
#include "SignalListModel.h"
#include "StartPage.h"
#include "demo/DemoGenerator.h"
#include "storage/ChangeFeed.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace bs {

namespace {
constexpr int demoSignals = 2000;
constexpr quint32 demoSeed = 1;
}  // namespace

void MainWindow::start(const QString& named)
{
    if (!named.isEmpty()) {
        openRegistry(named, false);
        return;
    }
    const QString last = QSettings().value(u"registry/last"_s).toString();
    if (last.isEmpty()) {
        showStartPage();  // a first start: the user chooses
        return;
    }
    auto location = Location::parse(last);
    if (location.ok() && location->isServer()) {
        showStartPage();  // behind the login dialog, and what stays when it is cancelled
        openServerLogin(location->server);  // the password was never kept: asked again
        return;
    }
    openRegistry(last, false);
}

void MainWindow::showStartPage(const QString& reason, const QString& forgettable)
{
    m_role = Role::None;
    for (auto it = m_guarded.cbegin(); it != m_guarded.cend(); ++it)
        it.key()->setVisible(false);
    for (QAction* action : std::as_const(m_needsRegistry))
        action->setEnabled(false);
    updateSignalActions();
    m_toolbar->hide();
    m_tabs->hide();
    m_noAccessPage->hide();
    m_demoBand->hide();
    m_startPage->setRecent(recentEntries());
    m_startPage->setReason(reason, forgettable);
    m_startPage->show();
    updateTitle();
}

QStringList MainWindow::recentEntries() const
{
    QStringList entries = QSettings().value(u"registry/recent"_s).toStringList();
    // The user's own registry, also when the settings that listed it were lost.
    const QString own = Registry::defaultPath();
    if (!entries.contains(own) && QFileInfo::exists(own))
        entries.append(own);
    return entries;
}

void MainWindow::forgetRecent(const QString& entry)
{
    QSettings settings;
    QStringList recent = settings.value(u"registry/recent"_s).toStringList();
    recent.removeAll(entry);
    settings.setValue(u"registry/recent"_s, recent);
    if (settings.value(u"registry/last"_s).toString() == entry)
        settings.remove(u"registry/last"_s);  // the next start asks, rather than failing again
    rebuildRecentMenu();
    if (!m_registry)
        showStartPage();
    statusBar()->showMessage(tr("%1 was removed from the recent registries.").arg(QDir::toNativeSeparators(entry)), 8000);
}

QString MainWindow::whyNotOpened(const QString& entry, const Error& error) const
{
    // Core's message for a missing file suggests the command line; here the start page is the way on.
    if (error.kind == ErrorKind::NotFound && !Location::looksLikeServer(entry) && !QFileInfo::exists(entry)) {
        return tr("The registry file %1 is not there (any more). It may have been moved, renamed or deleted, or it is "
                  "on a drive or network folder that is not connected now.")
            .arg(QDir::toNativeSeparators(entry));
    }
    return error.message;
}

void MainWindow::couldNotOpen(const QString& entry, const Error& error)
{
    const QString reason = whyNotOpened(entry, error);
    if (m_registry) {
        showError(reason);  // the registry that is open stays
        return;
    }
    showStartPage(reason, recentEntries().contains(entry) ? entry : QString());
}

void MainWindow::openRecent(const QString& entry)
{
    auto location = Location::parse(entry);
    if (location.ok() && location->isServer()) {
        openServerLogin(location->server);  // a server asks for the password again (it was never stored)
        return;
    }
    if (!resolveUnsavedWork())
        return;
    auto opened = Registry::open(entry, Registry::Create::No, m_clock, currentLogin());
    if (!opened.ok()) {
        // The registry chosen is not there: say so where the user chooses again, with the list.
        closeRegistry();
        couldNotOpen(entry, opened.error());
        return;
    }
    useRegistry(std::move(opened).value());
}

void MainWindow::createOwnRegistry()
{
    QString path = Registry::defaultPath();
    if (QFileInfo::exists(path)) {
        path = QFileDialog::getSaveFileName(this, tr("New registry"), QFileInfo(path).path(),
                                            tr("Buurtsignaal registry (*.buurtsignaal)"), nullptr, QFileDialog::DontConfirmOverwrite);
        if (path.isEmpty())
            return;
    }
    createRegistry(path);
}

bool MainWindow::createRegistry(QString path)
{
    if (QFileInfo(path).suffix().isEmpty())
        path += u".buurtsignaal"_s;
    if (QFileInfo::exists(path)) {
        // Never opened in its place: the user meant a new, empty registry.
        const QString reason = tr("The file %1 already exists. Choose another name for the new registry, or open this "
                                  "one with 'Open an existing registry file'.")
                                   .arg(QDir::toNativeSeparators(path));
        if (m_registry)
            showError(reason);
        else
            showStartPage(reason);
        return false;
    }
    return openRegistry(path, true);
}

void MainWindow::openDemoRegistry()
{
    if (!resolveUnsavedWork())
        return;
    const QString path = Registry::demoPath();
    auto opened = Registry::open(path, Registry::Create::IfMissing, m_clock, currentLogin());
    if (!opened.ok()) {
        couldNotOpen(path, opened.error());
        return;
    }
    auto demo = DemoGenerator::isDemo(*opened.value());
    if (!demo.ok()) {
        couldNotOpen(path, demo.error());
        return;
    }
    if (!demo.value()) {
        // Filled once; the generator refuses a file with signals, so a real one is never mixed in.
        statusBar()->showMessage(tr("Making the demo registry: %1 fictional signals…").arg(QLocale().toString(demoSignals)));
        QApplication::setOverrideCursor(Qt::WaitCursor);
        auto filled = DemoGenerator::generate(*opened.value(), {demoSignals, demoSeed});
        QApplication::restoreOverrideCursor();
        statusBar()->clearMessage();
        if (!filled.ok()) {
            couldNotOpen(path, filled.error());
            return;
        }
    }
    useRegistry(std::move(opened).value());
}

void MainWindow::closeRegistry()
{
    if (!m_registry)
        return;
    m_detail->setRegistry(nullptr);
    m_model->setSource(nullptr, m_model->filter());
    m_coordinator->setRegistry(nullptr);
    m_dashboard->setRegistry(nullptr);
    m_dashboardStale = true;
    m_filterBar->setRegistry(nullptr);
    m_feed.reset();  // before the registry it watches
    m_dailyBackup->waitForFinished();
    m_dailyBackup->clear();
    m_registry.reset();
    m_connectionBand->hide();
    m_storageWarning->hide();
    m_fileLabel->clear();
    m_roleLabel->clear();
    m_countLabel->clear();
    m_followUpCount->hide();
    updateTitle();
}

}  // namespace bs
