#pragma once
// The main window: work queues on the left, the signal list in the middle, the selected signal
// on the right, and the coordinator's overview as a second tab. It opens one registry file at a
// time; while none is open it shows the start page (StartPage: a first start, or a registry that
// could not be opened, with the reason). It notices when another program or desk changed the
// registry (ChangeFeed), and shows a band while the connection to a server is lost. Typed work is
// never dropped silently: before the detail panel shows something else, or the window closes or
// opens another file, unsaved edits are saved, discarded or kept, as the user answers.

#include "Clock.h"
#include "access/Access.h"
#include "services/Signals.h"
#include "storage/Location.h"

#include <QMainWindow>

#include <QHash>
#include <QPointer>

#include <memory>

class QAction;
class QLabel;
class QPushButton;
class QMenu;
class QSplitter;
class QTableView;
class QTabWidget;
class QTimer;
class QToolBar;

namespace bs {

class ActionDialog;
class ChangeFeed;
class CoordinatorView;
class DailyBackupStatus;
class DashboardView;
class FilterBar;
class HelpMenu;
class NewSignalDialog;
class PrivacyDialog;
class QueuePanel;
class Registry;
class ServerLoginDialog;
class SignalDetailPanel;
class SignalListModel;
class StartPage;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(const Clock& clock, QWidget* parent = nullptr);
    ~MainWindow() override;

    // At program start: the registry named on the command line, else the one used last (a server
    // asks for the password in the login dialog), else — a first start — the start page. A
    // registry that cannot be opened brings the start page with the reason; nothing is created.
    void start(const QString& named = {});
    // Opens a registry file (creating it when asked); on failure shows why and keeps the current
    // one, or, with none open, shows the start page with the reason.
    bool openRegistry(const QString& path, bool create);
    // A recent registry (File ▸ Recent registries, the start page): a server asks for the
    // password; a file that cannot be opened closes the current registry and shows the start page
    // with the reason, offering to remove it from the list.
    void openRecent(const QString& entry);
    // The start page's choices. A new registry goes to the default file when it is free, else to a
    // file the user names; the demo is a file of its own, filled once by the demo generator.
    void createOwnRegistry();
    void chooseRegistryFile();
    void openDemoRegistry();
    StartPage* startPage() const { return m_startPage; }
    // Shows `registry` (opened elsewhere, e.g. by a server login) instead of the current one,
    // unless the user keeps unsaved work.
    bool useRegistry(std::unique_ptr<Registry> registry);
    // File ▸ Open: a file, or a registry on a server through the login dialog (prefilled with `server`).
    void chooseRegistryToOpen();
    void openServerLogin(const ServerAddress& server = {});
    ServerLoginDialog* serverLogin() const;
    Registry* registry() const { return m_registry.get(); }
    SignalListModel* listModel() const { return m_model; }
    QTableView* listView() const { return m_view; }
    SignalDetailPanel* detail() const { return m_detail; }
    CoordinatorView* coordinator() const { return m_coordinator; }
    DashboardView* dashboard() const { return m_dashboard; }
    void showDashboardTab();
    QueuePanel* queues() const { return m_queues; }
    NewSignalDialog* newSignalDialog() const { return m_newDialog; }
    // A coordinator's bulk assignment of the rows selected in the list (the list's context menu).
    void assignSelected();
    ActionDialog* assignDialog() const;
    QStringList selectedReferences() const;
    QPushButton* followUpCount() const { return m_followUpCount; }
    void selectReference(const QString& reference);
    void showCoordinatorTab();
    void openPrivacy();
    PrivacyDialog* privacyDialog() const;
    void restoreBackup(const QString& backupPath);
    Role role() const { return m_role; }
    QTabWidget* tabs() const { return m_tabs; }
    DailyBackupStatus* dailyBackup() const { return m_dailyBackup; }
    ChangeFeed* changeFeed() const { return m_feed.get(); }
    QLabel* connectionBand() const { return m_connectionBand; }
    HelpMenu* help() const { return m_help; }

    // Tests and the benchmark: no question boxes (errors go to the status bar).
    void setInteractive(bool interactive) { m_interactive = interactive; }

public slots:
    void newSignal();
    void refresh();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void applyRole();
    void warnAboutStorage();
    void applyFilter();
    // The filter bar, queue and open-only choice on top of `filter` (its order kept), into the list.
    void applyFilterOn(SignalFilter filter);
    void updateTitle();
    void updateCounts();
    // Live across desks (MainWindowLive.cpp): other desks' changes and a lost server connection.
    void startLiveUpdates();
    void takeOutsideChange();
    void connectionLost();
    void connectionBack();
    void rememberRecent(const QString& path);
    void rebuildRecentMenu();
    // The start page (MainWindowStart.cpp).
    void showStartPage(const QString& reason = {}, const QString& forgettable = {});
    void forgetRecent(const QString& entry);
    QStringList recentEntries() const;
    // Why `entry` could not be opened, for people; `error` from core.
    QString whyNotOpened(const QString& entry, const Error& error) const;
    void couldNotOpen(const QString& entry, const Error& error);
    bool createRegistry(QString path);
    // Leaves the current registry (unsaved work resolved before): the window shows no registry.
    void closeRegistry();
    void saveCurrentFilter();
    void showError(const QString& message);
    void importCbs();
    void exportList();
    void writeReport();
    // File ▸ Print signal / Save signal as PDF: the casusoverleg sheet of the selected signal.
    void printSignal();
    void saveSignalAsPdf();
    // Shows `reference` (empty: none) in the detail panel; the signal's actions follow it.
    void showInDetail(const QString& reference);
    void updateSignalActions();
    void showSignals(const SignalFilter& filter);
    // Team casework (MainWindowCasework.cpp): the follow-up order of one's own queues, the
    // coordinator's selection of several rows, the follow-up count in the status bar.
    void chooseQueue(SignalQueue queue);
    void applyCaseworkRole();
    void listMenu(const QPoint& at);
    // The list's current row into the detail panel, asking first when the shown signal has edits.
    void showCurrentSignal();
    // The new-signal form and the detail panel: saved, discarded, or (false) kept as they are.
    bool resolveUnsavedWork();
    QWidget* makeNoAccessPage();
    QString noAccessText() const;

    const Clock& m_clock;
    std::unique_ptr<Registry> m_registry;
    std::unique_ptr<ChangeFeed> m_feed;  // after m_registry: destroyed before the registry it watches
    SignalListModel* m_model;
    QTableView* m_view;
    FilterBar* m_filterBar;
    QueuePanel* m_queues;
    SignalDetailPanel* m_detail;
    CoordinatorView* m_coordinator;
    DashboardView* m_dashboard;
    bool m_dashboardStale = true;
    bool m_dashboardOutdated = false;  // shown figures predate another desk's change
    QTabWidget* m_tabs;
    QSplitter* m_splitter;
    QLabel* m_fileLabel;
    QLabel* m_roleLabel;
    QLabel* m_storageWarning;
    QLabel* m_demoBand;
    QLabel* m_connectionBand;  // while the server is away and the window reconnects
    QWidget* m_noAccessPage;  // instead of the tabs, for a login that is not a user of the registry
    StartPage* m_startPage;  // instead of the tabs, while no registry is open
    QList<QAction*> m_needsRegistry;  // disabled while no registry is open
    QToolBar* m_toolbar = nullptr;  // hidden while no registry is open
    QLabel* m_noAccessText;
    QString m_privacyMenuPath;  // "Beheer ▸ Privacy, gebruikers en back-ups", as the menu reads
    QAction* m_exportAction = nullptr;
    QAction* m_printSignalAction = nullptr;  // enabled while a signal is shown
    QAction* m_saveSignalPdfAction = nullptr;
    QHash<QAction*, Permission> m_guarded;  // shown only to roles with the permission
    Role m_role = Role::None;
    QPointer<PrivacyDialog> m_privacy;
    QPointer<ServerLoginDialog> m_serverLogin;
    QLabel* m_countLabel;
    QPushButton* m_followUpCount;  // "Vandaag opvolgen: N"; a click shows that queue
    QPointer<ActionDialog> m_assignDialog;
    HelpMenu* m_help = nullptr;
    DailyBackupStatus* m_dailyBackup;
    QMenu* m_recentMenu;
    QTimer* m_countsTimer;
    NewSignalDialog* m_newDialog = nullptr;
    bool m_outsideChangePending = false;  // arrived while the new-signal form was open
    int m_currentQueue = 0;
    bool m_onlyOpen = false;  // set when the dashboard opens "open signals of a buurt"; a queue clears it
    bool m_interactive = true;
};

}  // namespace bs
