#pragma once
// The fixture of the desktop suite (tst_gui.cpp: the main window's flows, access, live changes,
// the dashboard; tst_gui_dialogs.cpp: the melding import dialog, typed dates, backups on a server,
// partner users).
#include "ActionDialogs.h"
#include "DailyBackupStatus.h"
#include "DashboardView.h"
#include "FilterBar.h"
#include "ImportDialog.h"
#include "MainWindow.h"
#include "access/Access.h"
#include "NewSignalDialog.h"
#include "QueuePanel.h"
#include "RecordForm.h"
#include "SignalDetailPanel.h"
#include "SignalListModel.h"
#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "services/Referrals.h"
#include "services/SignalDetail.h"
#include "PrivacyDialog.h"
#include "storage/Backups.h"

#include <QAbstractBarSeries>
#include <QAction>
#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCalendarWidget>
#include <QChart>
#include <QChartView>
#include <QTabWidget>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QScopeGuard>
#include <QTest>
#include <QTimer>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

class TestGui : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void backupOnAServerExplainsTheServersOwnBackups();  // tst_gui_dialogs.cpp
    void listModelPassesTheModelTester();
    void mainFlowByKeyboardAndClicks();
    void refusedSaveKeepsWhatWasTyped();
    void unknownLoginSeesWhomToAskForAccess();
    void steeringGroupSeesOnlyTheDashboard();
    void changesFromAnotherProgramAppear();
    void demoRegistryIsMarkedPlainly();
    void countsAreRightWhileAnotherProgramWrites();
    void dashboardShowsFiguresAndOpensTheSignalsBehindABar();
    // tst_gui_dialogs.cpp
    void importDialogChecksThenImports();
    void importDialogStartsFromPreset();
    // tst_gui_dialogs.cpp
    void datesAreTypedAsShown();
    void partnerUserIsRefusedInAFile();

private:
    QString makeRegistry(QTemporaryDir& dir, int demoSignals);
    FixedClock m_clock{referenceToday()};
};
