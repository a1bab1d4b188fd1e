#include "MainWindow.h"

#include "CbsImportDialog.h"
#include "KaartImportDialog.h"
#include "CoordinatorView.h"
#include "DailyBackupStatus.h"
#include "DashboardView.h"
#include "FilterBar.h"
#include "HelpMenu.h"
#include "HelpTopics.h"
#include "TermHelp.h"
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
#include "BackgroundReader.h"
#include "Registry.h"
#include "SignalDetailPanel.h"
#include "SignalListModel.h"
#include "StartPage.h"
#include "demo/DemoGenerator.h"
#include "services/Export.h"
#include "storage/ChangeFeed.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QProgressDialog>
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

MainWindow::MainWindow(const Clock& clock, QWidget* parent) : QMainWindow(parent), m_clock(clock)
{
    setObjectName(u"mainWindow"_s);
    m_model = new SignalListModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(u"signalList"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicator(SignalListModel::Observed, Qt::DescendingOrder);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    // Fixed column widths: measuring contents would read every row of a million-signal list.
    const QList<int> widths = {108, 92, 100, 126, 62, 100, 82, 92, 44, 58, 56};
    for (int c = 0; c < widths.size(); ++c)
        m_view->setColumnWidth(c, widths.at(c));

    m_filterBar = new FilterBar(this);
    m_queues = new QueuePanel(this);
    m_detail = new SignalDetailPanel(this);
    m_coordinator = new CoordinatorView(this);
    m_dashboard = new DashboardView(this);

    auto* middle = new QWidget(this);
    auto* middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addWidget(m_filterBar);
    middleLayout->addWidget(m_view);
    m_splitter = new QSplitter(this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(m_queues);
    m_splitter->addWidget(middle);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({176, 760, 430});
    HelpTopics::setChapter(m_splitter, HelpTopics::workQueues);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"mainTabs"_s);
    m_tabs->addTab(m_splitter, tr("Signals"));
    m_tabs->addTab(m_coordinator, tr("Coordination"));
    m_tabs->addTab(m_dashboard, tr("Dashboard"));
    // A red band above everything when the file sits where SQLite cannot lock it safely.
    m_storageWarning = new QLabel(this);
    m_storageWarning->setObjectName(u"storageWarning"_s);
    m_storageWarning->setWordWrap(true);
    m_storageWarning->setStyleSheet(u"background: #b00020; color: white; padding: 6px; font-weight: bold;"_s);
    m_storageWarning->hide();
    // An amber band on a registry filled by `demo`, so fictional signals are never taken for real ones.
    m_demoBand = new QLabel(tr("DEMO — fictional data. This registry was filled with generated signals; "
                               "do not record real cases in it."),
                            this);
    m_demoBand->setObjectName(u"demoBand"_s);
    m_demoBand->setWordWrap(true);
    m_demoBand->setStyleSheet(u"background: #ffb000; color: black; padding: 6px; font-weight: bold;"_s);
    m_demoBand->hide();
    m_connectionBand = new QLabel(tr("Connection to the server lost — reconnecting…"), this);
    m_connectionBand->setObjectName(u"connectionBand"_s);
    m_connectionBand->setWordWrap(true);
    m_connectionBand->setStyleSheet(u"background: #b00020; color: white; padding: 6px; font-weight: bold;"_s);
    m_connectionBand->hide();
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->addWidget(m_connectionBand);
    centralLayout->addWidget(m_storageWarning);
    centralLayout->addWidget(m_demoBand);
    centralLayout->addWidget(m_tabs);
    m_noAccessPage = makeNoAccessPage();
    centralLayout->addWidget(m_noAccessPage);
    m_startPage = new StartPage(this);
    centralLayout->addWidget(m_startPage);
    setCentralWidget(central);

    m_roleLabel = new QLabel(this);
    m_roleLabel->setObjectName(u"roleLabel"_s);
    m_fileLabel = new QLabel(this);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(u"countLabel"_s);
    m_countLabel->setToolTip(TermHelp::lateSignal());
    m_dailyBackup = new DailyBackupStatus(this);
    m_followUpCount = new QPushButton(this);
    m_followUpCount->setObjectName(u"followUpCount"_s);
    m_followUpCount->setFlat(true);
    m_followUpCount->setToolTip(tr("Open signals with a follow-up date up to today; click to show them."));
    m_followUpCount->hide();
    connect(m_followUpCount, &QPushButton::clicked, this, [this]() { m_queues->selectQueue(SignalQueue::FollowUpToday); });
    statusBar()->addWidget(m_fileLabel, 1);
    statusBar()->addPermanentWidget(m_followUpCount);
    statusBar()->addPermanentWidget(m_dailyBackup);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_roleLabel);
    buildMenus();

    connect(m_filterBar, &FilterBar::changed, this, &MainWindow::applyFilter);
    connect(m_queues, &QueuePanel::queueChosen, this, &MainWindow::chooseQueue);
    m_queues->setLeaveCheck([this]() { return m_detail->mayLeave(); });
    connect(m_queues, &QueuePanel::savedFilterChosen, this, [this](const SignalFilter& filter) {
        m_currentQueue = int(filter.queue);
        m_onlyOpen = false;
        m_filterBar->setFrom(filter);
        m_model->setFilter(filter);
    });
    connect(m_model, &SignalListModel::failed, this, &MainWindow::showError);
    connect(m_view, &QWidget::customContextMenuRequested, this, &MainWindow::listMenu);
    connect(m_model, &SignalListModel::countChanged, this, [this]() { m_countsTimer->start(); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this]() {
        if (m_detail->hasUnsavedEdits())
            // Asked once the view has finished with the click or key: saving reloads the list.
            QTimer::singleShot(0, this, &MainWindow::showCurrentSignal);
        else
            showCurrentSignal();
    });
    connect(m_detail, &SignalDetailPanel::changed, this, [this](const QString& reference) {
        m_model->reload();  // the coordinator tab reads again when it is shown
        selectReference(reference);
    });
    connect(m_coordinator, &CoordinatorView::openSignal, this, [this](const QString& reference) {
        if (reference != m_detail->reference() && !m_detail->mayLeave())
            return;
        m_tabs->setCurrentIndex(0);
        showInDetail(reference);
        selectReference(reference);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            m_coordinator->reload();
        if (index == 2 && m_dashboardStale) {
            // The figures are computed when the dashboard is shown, not at start-up.
            m_dashboardStale = false;
            m_dashboardOutdated = false;
            m_dashboard->setRegistry(m_registry.get());
        } else if (index == 2 && std::exchange(m_dashboardOutdated, false)) {
            m_dashboard->refresh();  // another desk changed the registry; the chosen period stays
        }
    });
    connect(m_dashboard, &DashboardView::openSignals, this, &MainWindow::showSignals);
    connect(m_startPage, &StartPage::chosen, this, [this](StartPage::Choice choice) {
        switch (choice) {
        case StartPage::Choice::NewRegistry: createOwnRegistry(); break;
        case StartPage::Choice::OpenFile: chooseRegistryFile(); break;
        case StartPage::Choice::Server: openServerLogin(); break;
        case StartPage::Choice::Demo: openDemoRegistry(); break;
        }
    });
    connect(m_startPage, &StartPage::recentChosen, this, &MainWindow::openRecent);
    connect(m_startPage, &StartPage::forgetRequested, this, &MainWindow::forgetRecent);

    // Totals of the whole registry are counted after the list shows, so opening stays instant.
    m_countsTimer = new QTimer(this);
    m_countsTimer->setSingleShot(true);
    m_countsTimer->setInterval(300);
    connect(m_countsTimer, &QTimer::timeout, this, &MainWindow::updateCounts);

    QSettings settings;
    resize(1366, 768);
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    restoreState(settings.value(u"window/state"_s).toByteArray());
    m_splitter->restoreState(settings.value(u"window/splitter"_s).toByteArray());
    showStartPage();  // until a registry is open
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newSignalAction = file->addAction(tr("&New signal…"), QKeySequence::New, this, &MainWindow::newSignal);
    newSignalAction->setObjectName(u"actionNewSignal"_s);
    file->addAction(tr("&Open registry…"), QKeySequence::Open, this, &MainWindow::chooseRegistryToOpen);
    file->addAction(tr("New &registry…"), this, [this]() {
        const QString path = QFileDialog::getSaveFileName(this, tr("New registry"), QFileInfo(Registry::defaultPath()).path(),
                                                          tr("Buurtsignaal registry (*.buurtsignaal)"), nullptr,
                                                          QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            createRegistry(path);
    });
    file->addAction(tr("Practise with &demo data"), this, &MainWindow::openDemoRegistry);
    m_exportAction = file->addAction(tr("&Export list as CSV…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainWindow::exportList);
    file->addSeparator();
    m_printSignalAction = file->addAction(tr("&Print signal…"), QKeySequence::Print, this, &MainWindow::printSignal);
    m_printSignalAction->setObjectName(u"actionPrintSignal"_s);
    m_saveSignalPdfAction = file->addAction(tr("Save signal as P&DF…"), this, &MainWindow::saveSignalAsPdf);
    m_saveSignalPdfAction->setObjectName(u"actionSaveSignalPdf"_s);
    m_needsRegistry.append(file->addAction(tr("Steering-group &report (PDF)…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), this,
                                           &MainWindow::writeReport));
    m_recentMenu = file->addMenu(tr("Recent registries"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_needsRegistry.append(view->menuAction());
    view->addAction(tr("&Refresh"), QKeySequence::Refresh, this, &MainWindow::refresh);
    view->addAction(tr("&Signals"), QKeySequence(Qt::CTRL | Qt::Key_1), this, [this]() { m_tabs->setCurrentIndex(0); });
    view->addAction(tr("&Coordination"), QKeySequence(Qt::CTRL | Qt::Key_2), this, &MainWindow::showCoordinatorTab);
    view->addAction(tr("&Dashboard"), QKeySequence(Qt::CTRL | Qt::Key_3), this, &MainWindow::showDashboardTab);
    view->addSeparator();
    QAction* saveFilter = view->addAction(tr("Save &filter as…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this,
                                          &MainWindow::saveCurrentFilter);
    m_needsRegistry.append(saveFilter);
    view->addAction(tr("Find"), QKeySequence::Find, this, [this]() { m_filterBar->findChild<QWidget*>(u"filterText"_s)->setFocus(); });

    QMenu* manage = menuBar()->addMenu(tr("&Manage"));
    manage->addAction(tr("&Reference data and activities…"), this, [this]() {
        if (!m_registry)
            return;
        auto* dialog = new ManagementDialog(*m_registry, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::finished, this, [this]() {
            m_filterBar->setRegistry(m_registry.get());
            m_detail->setRegistry(m_registry.get());
            refresh();
        });
        dialog->open();
    });

    manage->addAction(tr("Import &CBS neighbourhood figures…"), this, &MainWindow::importCbs);
    manage->addAction(tr("Import &buurt map…"), this, [this]() {
        if (!m_registry)
            return;
        auto* dialog = new KaartImportDialog(*m_registry, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this]() {
            m_dashboardStale = true;
            refresh();
        });
        dialog->open();
    });
    manage->addAction(tr("Import &meldingen (FIXIE, police)…"), this, [this]() {
        if (!m_registry)
            return;
        auto* dialog = new ImportDialog(*m_registry, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, &MainWindow::refresh);
        dialog->open();
    });

    manage->addSeparator();
    QAction* privacy = manage->addAction(tr("&Privacy, users and backups…"), this, &MainWindow::openPrivacy);
    auto menuText = [](QString text) { return text.remove(u'&').remove(u'…').trimmed(); };
    m_privacyMenuPath = menuText(manage->title()) + u" ▸ "_s + menuText(privacy->text());
    m_guarded.insert(privacy, Permission::ManageUsers);
    m_guarded.insert(manage->menuAction(), Permission::ManageReference);
    m_guarded.insert(newSignalAction, Permission::EditSignals);
    m_guarded.insert(m_exportAction, Permission::ExportSignals);
    m_guarded.insert(m_printSignalAction, Permission::ViewSignals);
    m_guarded.insert(m_saveSignalPdfAction, Permission::ViewSignals);
    updateSignalActions();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    m_help = new HelpMenu(this, help);  // User guide (F1, also in dialogs), Keyboard shortcuts
    connect(m_startPage, &StartPage::guideRequested, this,
            [this]() { m_help->showChapter(HelpTopics::index, u"eerste-start"_s); });
    help->addSeparator();
    help->addAction(tr("&About Buurtsignaal"), this, [this]() {
        QMessageBox::about(this, tr("About Buurtsignaal"),
                           tr("<h3>Buurtsignaal %1</h3><p>Registry of signals, referrals and escalations for the "
                              "Buurtaanpak of Alblasserdam.</p><p>Personal data stays in this registry file; reports "
                              "show figures only, never a person.</p><p>Built with Qt %2 and SQLite.</p>")
                               .arg(QStringLiteral(BUURTSIGNAAL_VERSION), QString::fromLatin1(qVersion())));
    });

    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(u"mainToolbar"_s);
    m_toolbar = toolbar;
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(newSignalAction);
    m_needsRegistry.append(toolbar->addAction(tr("Refresh"), this, &MainWindow::refresh));
    toolbar->addAction(saveFilter);
}

bool MainWindow::openRegistry(const QString& path, bool create)
{
    auto opened = Registry::open(path, create ? Registry::Create::IfMissing : Registry::Create::No, m_clock, currentLogin());
    if (!opened.ok()) {
        couldNotOpen(path, opened.error());
        return false;
    }
    return useRegistry(std::move(opened).value());
}

bool MainWindow::useRegistry(std::unique_ptr<Registry> opened)
{
    if (!resolveUnsavedWork())
        return false;
    m_detail->setRegistry(nullptr);
    m_model->setSource(nullptr, m_model->filter());
    m_feed.reset();
    m_connectionBand->hide();
    m_registry = std::move(opened);
    m_startPage->hide();
    m_startPage->setReason({});
    m_toolbar->show();
    for (QAction* action : std::as_const(m_needsRegistry))
        action->setEnabled(true);
    applyRole();
    warnAboutStorage();
    m_filterBar->setRegistry(m_registry.get());
    m_detail->setRegistry(m_registry.get());
    m_coordinator->setRegistry(m_registry.get());
    m_dashboardStale = true;
    if (m_tabs->currentIndex() == 2) {
        m_dashboardStale = false;
        m_dashboard->setRegistry(m_registry.get());
    }
    startLiveUpdates();
    // A server is remembered by its address, which never holds the password.
    const QString shown = m_registry->isOnServer() ? m_registry->path() : QFileInfo(m_registry->path()).absoluteFilePath();
    QSettings().setValue(u"registry/last"_s, shown);
    rememberRecent(shown);
    updateTitle();
    m_fileLabel->setText(tr("Registry: %1").arg(shown));
    // A new file starts on "Alle signalen" without filters; the list is read once.
    m_currentQueue = int(SignalQueue::All);
    m_onlyOpen = false;
    {
        const QSignalBlocker quiet(m_queues);
        m_queues->selectQueue(SignalQueue::All);
    }
    m_filterBar->clear();
    SignalFilter filter;
    filter.sort = m_model->filter().sort;
    filter.descending = m_model->filter().descending;
    // A login that may not see signals does not read them (every refusal would be logged).
    m_model->setSource(Access::allows(m_role, Permission::ViewSignals) ? m_registry.get() : nullptr, filter);
    if (m_model->rowCount() > 0)
        m_view->selectRow(0);
    return true;
}

void MainWindow::applyFilter()
{
    applyFilterOn(m_model->filter());
}

void MainWindow::applyFilterOn(SignalFilter filter)
{
    m_filterBar->applyTo(filter);
    filter.queue = SignalQueue(m_currentQueue);
    filter.onlyOpen = m_onlyOpen;
    m_model->setFilter(filter);
    if (m_model->rowCount() > 0 && m_tabs->currentIndex() == 0)
        m_view->selectRow(0);
    else if (m_detail->mayLeave())
        showInDetail(QString());
}

void MainWindow::refresh()
{
    const QString current = m_detail->reference();
    updateTitle();  // another window may have filled this empty registry with demo data
    m_model->reload();
    m_detail->reload();
    if (m_tabs->currentIndex() == 1)
        m_coordinator->reload();
    if (!current.isEmpty())
        selectReference(current);
}

void MainWindow::selectReference(const QString& reference)
{
    // Look in the first pages (where a just-changed or just-made signal usually is).
    for (int row = 0; row < qMin(m_model->rowCount(), SignalListModel::pageSize * 2); ++row) {
        if (m_model->referenceAt(row) == reference) {
            const QSignalBlocker blocker(m_view->selectionModel());
            m_view->selectRow(row);
            m_view->viewport()->update();  // the view did not hear of the change either
            return;
        }
    }
}

void MainWindow::showCoordinatorTab()
{
    m_tabs->setCurrentIndex(1);
}

void MainWindow::showDashboardTab()
{
    m_tabs->setCurrentIndex(2);
}

void MainWindow::showSignals(const SignalFilter& filter)
{
    if (!Access::allows(m_role, Permission::ViewSignals))
        return;  // the steering group sees figures, never the signals behind them
    if (!m_detail->mayLeave())
        return;
    m_tabs->setCurrentIndex(0);
    m_currentQueue = int(filter.queue);
    m_onlyOpen = filter.onlyOpen;
    {
        const QSignalBlocker quiet(m_queues);
        m_queues->selectQueue(filter.queue);
    }
    m_filterBar->setFrom(filter);
    SignalFilter shown = filter;
    shown.sort = m_model->filter().sort;
    shown.descending = m_model->filter().descending;
    m_model->setFilter(shown);
    if (m_model->rowCount() > 0)
        m_view->selectRow(0);
}

void MainWindow::showCurrentSignal()
{
    const QModelIndex current = m_view->currentIndex();
    const QString chosen = current.isValid() ? m_model->referenceAt(current.row()) : QString();
    if (chosen != m_detail->reference() && m_detail->hasUnsavedEdits()) {
        if (!m_detail->mayLeave()) {
            selectReference(m_detail->reference());  // back to the signal being edited
            return;
        }
        selectReference(chosen);  // saving reloaded the list and selected the saved signal
    }
    showInDetail(chosen);
}

bool MainWindow::resolveUnsavedWork()
{
    // Closing the form asks its own question (NewSignalDialog::reject) and fails when kept.
    if (m_newDialog && !m_newDialog->close())
        return false;
    return m_detail->mayLeave();
}

void MainWindow::newSignal()
{
    if (!m_registry)
        return;
    if (m_newDialog) {
        m_newDialog->raise();
        return;
    }
    m_newDialog = new NewSignalDialog(*m_registry, this);
    m_newDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_newDialog, &NewSignalDialog::signalSaved, this, [this](const QString& reference) {
        m_model->reload();
        selectReference(reference);
        showInDetail(reference);
        statusBar()->showMessage(tr("Signal %1 saved.").arg(reference), 5000);
    });
    connect(m_newDialog, &QObject::destroyed, this, [this]() {
        m_newDialog = nullptr;
        if (std::exchange(m_outsideChangePending, false))
            takeOutsideChange();
    });
    m_newDialog->open();
}

void MainWindow::updateTitle()
{
    auto demo = m_registry ? DemoGenerator::isDemo(*m_registry) : Result<bool>(false);
    const bool isDemo = demo.ok() && demo.value();
    m_demoBand->setVisible(isDemo);
    const QString name = !m_registry ? QString() : m_registry->isOnServer() ? m_registry->path() : QFileInfo(m_registry->path()).fileName();
    QString title = m_registry ? tr("%1 — Buurtsignaal").arg(name) : tr("Buurtsignaal");
    if (isDemo)
        title = tr("DEMO — fictional data — %1").arg(title);
    setWindowTitle(title);
    if (m_registry)
        setWindowFilePath(m_registry->path());
}

void MainWindow::updateCounts()
{
    if (!m_registry)
        return;
    // Counting open and late signals of a large registry takes a moment: done on the registry's
    // background connection, so the window never waits for it.
    struct Counts {
        qint64 open = 0;
        qint64 late = 0;
        qint64 followUp = 0;
    };
    auto* watcher = new QFutureWatcher<Counts>(this);
    connect(watcher, &QFutureWatcher<Counts>::finished, this, [this, watcher]() {
        watcher->deleteLater();
        if (watcher->future().resultCount() == 0)
            return;  // replaced by a newer count, or dropped with its registry
        const Counts counts = watcher->result();
        const QLocale dutch(QLocale::Dutch, QLocale::Netherlands);
        m_countLabel->setText(tr("%1 in this list · %2 open · %3 late")
                                  .arg(dutch.toString(m_model->totalCount()), dutch.toString(counts.open), dutch.toString(counts.late)));
        m_followUpCount->setText(tr("Follow up today: %1").arg(dutch.toString(counts.followUp)));
        m_followUpCount->setVisible(Access::allows(m_role, Permission::ViewSignals));
    });
    watcher->setFuture(m_registry->background().run<Counts>(
        this,
        [](Registry& registry) -> Counts {
            auto countOf = [&registry](const SignalFilter& filter) {
                auto n = Signals::count(registry, filter);
                return n.ok() ? n.value() : 0;
            };
            SignalFilter open;
            open.onlyOpen = true;
            SignalFilter late;
            late.queue = SignalQueue::Late;
            SignalFilter followUp;
            followUp.queue = SignalQueue::FollowUpToday;
            return {countOf(open), countOf(late), countOf(followUp)};
        },
        [](const Error&) { return Counts{}; }));
}

void MainWindow::saveCurrentFilter()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save filter"), tr("Name of this filter:"), QLineEdit::Normal, QString(), &ok);
    if (ok && !name.trimmed().isEmpty())
        m_queues->saveFilter(name.trimmed(), m_model->filter());
}

void MainWindow::showError(const QString& message)
{
    // While the server is away the band says so; a box per failed read would only pile up.
    const bool away = !m_connectionBand->isHidden();
    if (m_interactive && isVisible() && !away)
        QMessageBox::warning(this, tr("Buurtsignaal"), message);
    else
        statusBar()->showMessage(message, 10000);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!resolveUnsavedWork()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/splitter"_s, m_splitter->saveState());
    QMainWindow::closeEvent(event);
}

}  // namespace bs
