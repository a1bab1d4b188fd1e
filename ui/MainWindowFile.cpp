// The main window's file work: exporting the list, the steering-group report, printing a signal
// for the case meeting, the CBS import, opening a registry (a file or a server) and the recent
// registries.
#include "MainWindow.h"

#include "CasusSheet.h"
#include "CbsImportDialog.h"
#include "CoordinatorView.h"
#include "DailyBackupStatus.h"
#include "DashboardView.h"
#include "FilterBar.h"
#include "HelpTopics.h"
#include "ImportDialog.h"
#include "RecordForm.h"
#include "StuurgroepReport.h"
#include "ManagementDialog.h"
#include "PrivacyDialog.h"
#include "access/Access.h"
#include "storage/Backups.h"
#include "storage/FileSystem.h"
#include "NewSignalDialog.h"
#include "QueuePanel.h"
#include "Registry.h"
#include "SignalDetailPanel.h"
#include "ServerLoginDialog.h"
#include "SignalListModel.h"
#include "services/Export.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QProgressDialog>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bs {

void MainWindow::exportList()
{
    if (!m_registry)
        return;
    const QString semicolon = tr("CSV for Dutch Excel, semicolons (*.csv)");
    const QString comma = tr("CSV with commas (*.csv)");
    QString chosen;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export list"), QString(), semicolon + u";;"_s + comma, &chosen);
    if (path.isEmpty())
        return;
    ExportOptions options;
    options.separator = chosen == comma ? u',' : u';';
    auto rows = Export::signalList(*m_registry, m_model->filter(), path, options);
    if (!rows.ok()) {
        showError(rows.error().message);
        return;
    }
    statusBar()->showMessage(tr("%1 signals exported to %2.").arg(QLocale(QLocale::Dutch).toString(rows.value())).arg(path), 8000);
}

void MainWindow::writeReport()
{
    if (!m_registry)
        return;
    const QDate today = m_clock.today();
    const int quarter = (today.month() - 1) / 3 + 1;
    const Period last = quarter == 1 ? Period::quarter(today.year() - 1, 4) : Period::quarter(today.year(), quarter - 1);
    auto* form = new RecordForm(tr("Steering-group report"),
                                {{u"from"_s, tr("From"), FormField::Date, last.fromText(), {}},
                                 {u"to"_s, tr("To"), FormField::Date, last.toText(), {}}},
                                [this](const QVariantMap& v) -> Status {
                                    auto period = Period::parse(v.value(u"from"_s).toString(), v.value(u"to"_s).toString());
                                    if (!period.ok())
                                        return period.error();
                                    const QString path = QFileDialog::getSaveFileName(
                                        this, tr("Save report"), u"stuurgroeprapportage-%1.pdf"_s.arg(period->toText()), tr("PDF (*.pdf)"));
                                    if (path.isEmpty())
                                        return {};
                                    QProgressDialog progress(tr("Writing the report…"), QString(), 0, 100, this);
                                    progress.setWindowModality(Qt::WindowModal);
                                    progress.setMinimumDuration(0);
                                    const Status written = StuurgroepReport::write(*m_registry, {period.value(), {}}, path,
                                                                                   [&progress](int percent, const QString& step) {
                                                                                       progress.setLabelText(step);
                                                                                       progress.setValue(percent);
                                                                                   });
                                    if (written.ok())
                                        statusBar()->showMessage(tr("Report saved: %1").arg(path), 8000);
                                    return written;
                                },
                                this);
    HelpTopics::setChapter(form, HelpTopics::report);
    form->open();
}

void MainWindow::showInDetail(const QString& reference)
{
    m_detail->showSignal(reference);
    updateSignalActions();
}

void MainWindow::updateSignalActions()
{
    if (!m_printSignalAction)
        return;  // before the menus are built
    const bool shown = m_registry && !m_detail->reference().isEmpty();
    m_printSignalAction->setEnabled(shown);
    m_saveSignalPdfAction->setEnabled(shown);
}

// The sheet shows the signal as saved; what is typed in the detail panel and not saved is not on it.
void MainWindow::printSignal()
{
    const QString reference = m_detail->reference();
    if (!m_registry || reference.isEmpty())
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageMargins(QMarginsF(16, 12, 16, 12), QPageLayout::Millimeter);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print signal %1").arg(reference));
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Status printed = CasusSheet::print(*m_registry, reference, printer);
    if (!printed.ok()) {
        showError(printed.error().message);
        return;
    }
    statusBar()->showMessage(tr("Signal %1 printed for the case meeting.").arg(reference), 8000);
}

void MainWindow::saveSignalAsPdf()
{
    const QString reference = m_detail->reference();
    if (!m_registry || reference.isEmpty())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save signal as PDF"), u"casusoverleg-%1.pdf"_s.arg(reference), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    const Status written = CasusSheet::write(*m_registry, reference, path);
    if (!written.ok()) {
        showError(written.error().message);
        return;
    }
    statusBar()->showMessage(tr("Signal %1 saved as PDF: %2").arg(reference, path), 8000);
}

void MainWindow::importCbs()
{
    if (!m_registry)
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("CBS file 'Kerncijfers wijken en buurten'"), QString(),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("The file %1 cannot be read.").arg(path));
        return;
    }
    auto changes = CbsImport::plan(*m_registry, file.readAll());
    if (!changes.ok()) {
        showError(changes.error().message);
        return;
    }
    auto* dialog = new CbsImportDialog(*m_registry, changes.value(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this]() {
        m_filterBar->setRegistry(m_registry.get());
        m_detail->setRegistry(m_registry.get());
        m_dashboardStale = true;
        refresh();
    });
    dialog->open();
}

void MainWindow::chooseRegistryToOpen()
{
    QMessageBox choice(QMessageBox::Question, tr("Open registry"),
                       tr("Open a registry file on this computer, or the team's registry on a server?"), QMessageBox::Cancel, this);
    QPushButton* file = choice.addButton(tr("&File…"), QMessageBox::AcceptRole);
    QPushButton* server = choice.addButton(tr("&Server…"), QMessageBox::AcceptRole);
    choice.setDefaultButton(file);
    choice.exec();
    if (choice.clickedButton() == server) {
        openServerLogin();
    } else if (choice.clickedButton() == file) {
        chooseRegistryFile();
    }
}

void MainWindow::chooseRegistryFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open registry"), QFileInfo(Registry::defaultPath()).path(),
                                                      tr("Buurtsignaal registry (*.buurtsignaal);;All files (*)"));
    if (!path.isEmpty())
        openRegistry(path, false);
}

void MainWindow::openServerLogin(const ServerAddress& server)
{
    if (m_serverLogin) {
        m_serverLogin->raise();
        return;
    }
    m_serverLogin = new ServerLoginDialog(m_clock, currentLogin(), this);
    m_serverLogin->setAttribute(Qt::WA_DeleteOnClose);
    if (!server.database.isEmpty())
        m_serverLogin->setAddress(server);
    connect(m_serverLogin, &QDialog::accepted, this, [this]() {
        if (m_serverLogin)
            useRegistry(m_serverLogin->takeRegistry());
    });
    // Cancelled with no registry open: the start page says why when there is a why — the server's
    // refusal, or the remembered server that was not logged in to. A blank login given up changes nothing.
    connect(m_serverLogin, &QDialog::rejected, this, [this, server]() {
        if (m_registry || !m_serverLogin)
            return;
        const QString address = server.database.isEmpty() ? QString() : server.display();
        QString reason = m_serverLogin->refusal();
        if (reason.isEmpty() && !address.isEmpty())
            reason = tr("You did not log in to the server %1.").arg(address);
        if (!reason.isEmpty())
            showStartPage(reason, recentEntries().contains(address) ? address : QString());
    });
    m_serverLogin->open();
}

ServerLoginDialog* MainWindow::serverLogin() const
{
    return m_serverLogin;
}

void MainWindow::rememberRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(u"registry/recent"_s).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(u"registry/recent"_s, recent.mid(0, 8));
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(u"registry/recent"_s).toStringList();
    for (const QString& entry : recent) {
        const bool server = Location::looksLikeServer(entry);
        QAction* action = m_recentMenu->addAction(server ? tr("%1 (server)").arg(entry) : QDir::toNativeSeparators(entry), this,
                                                  [this, entry]() { openRecent(entry); });
        action->setData(entry);
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

}  // namespace bs
