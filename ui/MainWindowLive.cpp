// The main window live across desks: what another desk (or another program on the same file)
// commits is shown within a second, and while the connection to a server is lost a band says so
// until the feed has reconnected. Nothing the user typed is touched: the list keeps its filters
// and selection, the detail panel keeps unsaved edits through a reload, and the new-signal form
// is left alone (the window catches up once it closes).
#include "MainWindow.h"

#include "DashboardView.h"
#include "Registry.h"
#include "storage/ChangeFeed.h"

#include <QLabel>
#include <QStatusBar>
#include <QTabWidget>

namespace bs {

void MainWindow::startLiveUpdates()
{
    m_feed = std::make_unique<ChangeFeed>(m_registry->db());
    connect(m_feed.get(), &ChangeFeed::changed, this, &MainWindow::takeOutsideChange);
    connect(m_feed.get(), &ChangeFeed::connectionLost, this, &MainWindow::connectionLost);
    connect(m_feed.get(), &ChangeFeed::reconnected, this, &MainWindow::connectionBack);
    const Status started = m_feed->start();
    if (!started.ok())
        statusBar()->showMessage(tr("Changes made elsewhere are not shown by themselves (%1); use Refresh.").arg(started.error().message),
                                 10000);
}

void MainWindow::takeOutsideChange()
{
    if (!m_registry)
        return;
    if (m_newDialog) {
        m_outsideChangePending = true;
        return;
    }
    refresh();
    if (m_tabs->currentIndex() == 2 && !m_dashboardStale)
        m_dashboard->refresh();
    else
        m_dashboardOutdated = true;
    statusBar()->showMessage(tr("The registry was changed in another window; the list is up to date."), 5000);
}

void MainWindow::connectionLost()
{
    m_connectionBand->show();
}

void MainWindow::connectionBack()
{
    m_connectionBand->hide();
    // What other desks did meanwhile was not announced to this window: everything is read again.
    takeOutsideChange();
    statusBar()->showMessage(tr("Connection to the server restored; everything shown is up to date."), 5000);
}

}  // namespace bs
