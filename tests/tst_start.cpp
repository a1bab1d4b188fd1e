// The start page (issue 14): what a first start shows, the separate demo registry, a new real
// registry, the remembered choice, and a registry that cannot be opened — a moved or unreadable
// file, a missing file on the command line or in Bestand ▸ Recent, a cancelled server login —
// bringing the page back with the reason instead of an empty window, without creating a file.
// Every test runs in a home of its own: the settings and the data folder (where the user's own
// registry and the demo registry go) in a temporary folder.
#include "HelpMenu.h"
#include "HelpTopics.h"
#include "HelpViewer.h"
#include "MainWindow.h"
#include "Registry.h"
#include "ServerLoginDialog.h"
#include "SignalListModel.h"
#include "StartPage.h"
#include "TestSupport.h"
#include "demo/DemoGenerator.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTranslator>

#include <memory>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

namespace {

const QString teamServer = u"postgresql://anna@db.gemeente.nl/buurtsignaal"_s;

QAction* recentAction(const MainWindow& window, const QString& entry)
{
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->data().toString() == entry)
            return action;
    }
    return nullptr;
}

QPushButton* recentButton(const MainWindow& window, const QString& entry)
{
    for (QPushButton* button : window.startPage()->recentButtons()) {
        if (button->property("entry").toString() == entry)
            return button;
    }
    return nullptr;
}

bool startPageShown(const MainWindow& window)
{
    return window.startPage()->isVisible() && !window.tabs()->isVisible() && !window.registry();
}

}  // namespace

class TestStart : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QApplication::setOrganizationName(u"Buurtsignaal-tests"_s);
        QApplication::setApplicationName(u"tst_start"_s);
        QVERIFY(m_dutch.load(u":/i18n/buurtsignaal_nl.qm"_s));  // checked as people read it
        QApplication::installTranslator(&m_dutch);
    }

    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home->filePath(u"data"_s)));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home->filePath(u"config"_s));
        QVERIFY(Registry::defaultPath().startsWith(m_home->path()));
        QVERIFY(QSettings().allKeys().isEmpty());
    }

    void firstStartShowsTheFourChoices()
    {
        MainWindow window(m_clock);
        window.setInteractive(false);
        window.show();
        window.start();
        QVERIFY(startPageShown(window));
        const QList<std::pair<StartPage::Choice, QString>> choices = {
            {StartPage::Choice::NewRegistry, u"Nieuw register op deze computer"_s},
            {StartPage::Choice::OpenFile, u"Bestaand registerbestand openen"_s},
            {StartPage::Choice::Server, u"Verbinden met de server van de gemeente"_s},
            {StartPage::Choice::Demo, u"Oefenen met demogegevens"_s},
        };
        for (const auto& [choice, title] : choices) {
            QAbstractButton* button = window.startPage()->choiceButton(choice);
            QVERIFY(button && button->isVisible());
            QCOMPARE(button->accessibleName(), title);
            QVERIFY(!button->accessibleDescription().isEmpty());
        }
        QVERIFY(window.startPage()->reason().isEmpty());
        QCOMPARE(window.windowTitle(), u"Buurtsignaal"_s);
        // Nothing made behind the user's back: no registry of their own, no demo.
        QVERIFY(!QFileInfo::exists(Registry::defaultPath()));
        QVERIFY(!QFileInfo::exists(Registry::demoPath()));
        // Nothing that needs a registry is offered.
        QVERIFY(!window.findChild<QAction*>(u"actionNewSignal"_s)->isVisible());
        auto* guide = window.startPage()->findChild<QLabel*>(u"startGuide"_s);
        QVERIFY(guide && guide->text().contains(u"handleiding"_s));
        // Its link opens the guide at the first start's section.
        emit guide->linkActivated(u"guide"_s);
        QVERIFY(window.help()->viewer() && window.help()->viewer()->isVisible());
        QCOMPARE(window.help()->viewer()->currentChapter(), HelpTopics::index);
        QCOMPARE(window.help()->viewer()->browser()->source().fragment(), u"eerste-start"_s);
        window.help()->viewer()->close();
        // The server choice opens the login; given up blank, the page stays as it was, without an error.
        QTest::mouseClick(window.startPage()->choiceButton(StartPage::Choice::Server), Qt::LeftButton);
        QVERIFY(window.serverLogin() && window.serverLogin()->isVisible());
        window.serverLogin()->reject();
        QTRY_VERIFY(!window.serverLogin());
        QVERIFY(startPageShown(window));
        QVERIFY(window.startPage()->reason().isEmpty());
    }

    void demoIsASeparateRegistryMarkedDemo()
    {
        MainWindow window(m_clock);
        window.setInteractive(false);
        window.show();
        window.start();
        QTest::mouseClick(window.startPage()->choiceButton(StartPage::Choice::Demo), Qt::LeftButton);
        QVERIFY(window.registry());
        QCOMPARE(window.registry()->path(), Registry::demoPath());
        QVERIFY(DemoGenerator::isDemo(*window.registry()).value());
        QVERIFY(window.startPage()->isHidden());
        QVERIFY(window.tabs()->isVisible());
        QVERIFY2(window.windowTitle().startsWith(u"DEMO — fictieve gegevens"_s), qPrintable(window.windowTitle()));
        QVERIFY(window.findChild<QLabel*>(u"demoBand"_s)->isVisible());
        window.listModel()->waitForCount();
        QCOMPARE(window.listModel()->totalCount(), 2000);
        // The user's own registry is neither made nor touched.
        QVERIFY(!QFileInfo::exists(Registry::defaultPath()));
        QCOMPARE(QSettings().value(u"registry/last"_s).toString(), Registry::demoPath());

        // Chosen again (File ▸ Practise with demo data): the same demo, not filled twice.
        window.openDemoRegistry();
        window.listModel()->waitForCount();
        QCOMPARE(window.listModel()->totalCount(), 2000);
    }

    void newRegistryIsARealEmptyOne()
    {
        MainWindow window(m_clock);
        window.setInteractive(true);  // a question box would show, as it does for people
        window.show();
        window.start();
        QTest::mouseClick(window.startPage()->choiceButton(StartPage::Choice::NewRegistry), Qt::LeftButton);
        QVERIFY(window.registry());
        QCOMPARE(window.registry()->path(), Registry::defaultPath());
        QVERIFY(!DemoGenerator::isDemo(*window.registry()).value());
        QVERIFY(window.findChild<QLabel*>(u"demoBand"_s)->isHidden());
        QVERIFY(!window.windowTitle().contains(u"DEMO"_s));
        QVERIFY(window.findChild<QAction*>(u"actionNewSignal"_s)->isVisible());
        QCOMPARE(window.listModel()->totalCount(), 0);
        QVERIFY(!QFileInfo::exists(Registry::demoPath()));
        // A registry chosen as the real one is not nudged into demo data: no question comes up.
        QTest::qWait(100);
        for (QWidget* top : QApplication::topLevelWidgets()) {
            auto* box = qobject_cast<QMessageBox*>(top);
            QVERIFY2(!box || !box->isVisible(), box ? qPrintable(box->text()) : "");
        }
    }

    void rememberedChoiceOpensDirectly()
    {
        {
            MainWindow first(m_clock);
            first.setInteractive(false);
            first.show();
            first.start();
            QTest::mouseClick(first.startPage()->choiceButton(StartPage::Choice::NewRegistry), Qt::LeftButton);
            QVERIFY(first.registry());
        }
        MainWindow next(m_clock);
        next.setInteractive(false);
        next.show();
        next.start();
        QVERIFY(next.registry());
        QCOMPARE(next.registry()->path(), Registry::defaultPath());
        QVERIFY(next.startPage()->isHidden());
        QVERIFY(next.tabs()->isVisible());
    }

    void movedLastRegistryBringsThePageBackWithTheReason()
    {
        const QString folder = m_home->filePath(u"documenten"_s);
        const QString path = folder + u"/wijkteam.buurtsignaal"_s;
        {
            MainWindow first(m_clock);
            first.setInteractive(false);
            QVERIFY(first.openRegistry(path, true));
        }
        QCOMPARE(QSettings().value(u"registry/last"_s).toString(), path);
        QVERIFY(QFile::rename(path, m_home->filePath(u"elders.buurtsignaal"_s)));

        MainWindow window(m_clock);
        window.setInteractive(false);
        window.show();
        window.start();
        QVERIFY(startPageShown(window));
        const QString reason = window.startPage()->reason();
        QVERIFY2(reason.contains(path) && reason.contains(u"verplaatst"_s), qPrintable(reason));
        QVERIFY(window.startPage()->findChild<QLabel*>(u"startReason"_s)->isVisible());
        QVERIFY(!QFileInfo::exists(path));  // not made again, empty, where it was
        QVERIFY(!QFileInfo::exists(Registry::defaultPath()));
        // Listed, marked as not found, and offered for removal from the list.
        QVERIFY(recentButton(window, path));
        QVERIFY(window.startPage()->findChild<QPushButton*>(u"startForget"_s)->isVisible());
    }

    void unreadableFileIsNamedAndLeftAlone()
    {
        const QString path = m_home->filePath(u"kapot.buurtsignaal"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("dit is geen register\n");
        file.close();
        QSettings().setValue(u"registry/last"_s, path);

        MainWindow window(m_clock);
        window.setInteractive(false);
        window.show();
        window.start();
        QVERIFY(startPageShown(window));
        QVERIFY2(window.startPage()->reason().contains(path), qPrintable(window.startPage()->reason()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("dit is geen register\n"));
    }

    void missingFileOnTheCommandLineIsNotCreated()
    {
        const QString path = m_home->filePath(u"getypt.buurtsignaal"_s);
        MainWindow window(m_clock);
        window.setInteractive(false);
        window.show();
        window.start(path);
        QVERIFY(startPageShown(window));
        QVERIFY2(window.startPage()->reason().contains(path), qPrintable(window.startPage()->reason()));
        QVERIFY(!QFileInfo::exists(path));
    }

    void missingRecentFileShowsTheReasonAndCanBeForgotten()
    {
        const QString gone = m_home->filePath(u"usb/oud.buurtsignaal"_s);
        const QString kept = m_home->filePath(u"huidig.buurtsignaal"_s);
        {
            MainWindow earlier(m_clock);
            earlier.setInteractive(false);
            QVERIFY(earlier.openRegistry(gone, true));
        }
        QVERIFY(QFile::remove(gone));
        MainWindow window(m_clock);
        window.setInteractive(false);
        window.show();
        QVERIFY(window.openRegistry(kept, true));
        QAction* listed = recentAction(window, gone);
        QVERIFY(listed);
        listed->trigger();
        QVERIFY(startPageShown(window));
        QVERIFY2(window.startPage()->reason().contains(gone), qPrintable(window.startPage()->reason()));
        QVERIFY(!QFileInfo::exists(gone));
        // The registry that was open is one click away on the page.
        QVERIFY(recentButton(window, kept));

        QTest::mouseClick(window.startPage()->findChild<QPushButton*>(u"startForget"_s), Qt::LeftButton);
        QVERIFY(!QSettings().value(u"registry/recent"_s).toStringList().contains(gone));
        QVERIFY(!recentAction(window, gone));
        QVERIFY(!recentButton(window, gone));
        QVERIFY(window.startPage()->reason().isEmpty());

        QTest::mouseClick(recentButton(window, kept), Qt::LeftButton);
        QVERIFY(window.registry());
        QCOMPARE(window.registry()->path(), kept);
        QVERIFY(window.startPage()->isHidden());
    }

    void recentServerOpensTheLoginPrefilled()
    {
        QSettings().setValue(u"registry/recent"_s, QStringList{teamServer});
        MainWindow window(m_clock);
        window.setInteractive(false);
        window.show();
        window.start();
        QPushButton* listed = recentButton(window, teamServer);
        QVERIFY(listed);
        QCOMPARE(listed->text(), teamServer);
        QTest::mouseClick(listed, Qt::LeftButton);
        ServerLoginDialog* dialog = window.serverLogin();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->findChild<QLineEdit*>(u"serverHost"_s)->text(), u"db.gemeente.nl"_s);
        QCOMPARE(dialog->findChild<QLineEdit*>(u"serverUser"_s)->text(), u"anna"_s);
        QCOMPARE(dialog->findChild<QLineEdit*>(u"serverDatabase"_s)->text(), u"buurtsignaal"_s);
        QVERIFY(dialog->findChild<QLineEdit*>(u"serverPassword"_s)->text().isEmpty());
        dialog->reject();
        QTRY_VERIFY(!window.serverLogin());
        // The same from Bestand ▸ Recent, which lists the server by its address.
        QAction* action = recentAction(window, teamServer);
        QVERIFY(action && action->text().contains(teamServer));
        action->trigger();
        QVERIFY(window.serverLogin());
        QCOMPARE(window.serverLogin()->findChild<QLineEdit*>(u"serverUser"_s)->text(), u"anna"_s);
        window.serverLogin()->reject();
    }

    void cancelledServerLoginAtStartShowsThePage()
    {
        QSettings().setValue(u"registry/last"_s, teamServer);
        QSettings().setValue(u"registry/recent"_s, QStringList{teamServer});
        MainWindow window(m_clock);
        window.setInteractive(false);
        window.show();
        window.start();
        ServerLoginDialog* dialog = window.serverLogin();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->findChild<QLineEdit*>(u"serverUser"_s)->text(), u"anna"_s);
        dialog->reject();
        QTRY_VERIFY(!window.serverLogin());
        QVERIFY(startPageShown(window));
        QVERIFY2(window.startPage()->reason().contains(u"db.gemeente.nl"_s), qPrintable(window.startPage()->reason()));
    }

    // On a real server (BUURTSIGNAAL_TEST_PG): chosen on the start page, remembered without the
    // password, and asked for again at the next start.
    void serverChosenOnTheStartPageIsRememberedWithoutPassword()
    {
        if (!testServer())
            QSKIP("no PostgreSQL test server (BUURTSIGNAAL_TEST_PG)");
        TempServerDatabase database;
        QVERIFY(Registry::open(database.uri(), Registry::Create::IfMissing, m_clock, u"tester"_s).ok());
        const ServerAddress server = database.address();
        {
            MainWindow window(m_clock);
            window.setInteractive(false);
            window.show();
            window.start();
            QTest::mouseClick(window.startPage()->choiceButton(StartPage::Choice::Server), Qt::LeftButton);
            ServerLoginDialog* dialog = window.serverLogin();
            QVERIFY(dialog);
            dialog->findChild<QLineEdit*>(u"serverHost"_s)->setText(server.host);
            if (server.port != 0)
                dialog->findChild<QSpinBox*>(u"serverPort"_s)->setValue(server.port);
            dialog->findChild<QLineEdit*>(u"serverDatabase"_s)->setText(server.database);
            dialog->findChild<QLineEdit*>(u"serverUser"_s)->setText(server.user);
            dialog->findChild<QLineEdit*>(u"serverPassword"_s)->setText(server.password);
            dialog->logIn();
            QVERIFY2(dialog->refusal().isEmpty(), qPrintable(dialog->refusal()));
            QTRY_VERIFY(!window.serverLogin());
            QVERIFY(window.registry() && window.registry()->isOnServer());
            QVERIFY(window.startPage()->isHidden());
        }
        const QString last = QSettings().value(u"registry/last"_s).toString();
        QVERIFY2(last.contains(server.database), qPrintable(last));
        MainWindow next(m_clock);
        next.setInteractive(false);
        next.show();
        next.start();
        QVERIFY(next.serverLogin());
        QCOMPARE(next.serverLogin()->findChild<QLineEdit*>(u"serverDatabase"_s)->text(), server.database);
        QVERIFY(next.serverLogin()->findChild<QLineEdit*>(u"serverPassword"_s)->text().isEmpty());
        next.serverLogin()->reject();
    }

private:
    QTranslator m_dutch;
    std::unique_ptr<QTemporaryDir> m_home;
    FixedClock m_clock{referenceToday()};
};

QTEST_MAIN(TestStart)
#include "tst_start.moc"
