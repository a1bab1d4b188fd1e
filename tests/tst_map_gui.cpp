// The buurt map in the desktop app: the dashboard's Map tab (a region per buurt, legend, hover
// label, a click that opens the buurt's signals, "<5" for a hidden count of the steering group,
// one line on how to get a map without one) and Manage ▸ Import buurt map.
#include "BuurtMapView.h"
#include "DashboardMapPage.h"
#include "DashboardView.h"
#include "KaartImportDialog.h"
#include "MainWindow.h"
#include "MapFixture.h"
#include "SignalListModel.h"
#include "TestSupport.h"
#include "access/Access.h"
#include "io/KaartImport.h"
#include "services/Signals.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QScopeGuard>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

class TestMapGui : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void withoutAMapTheDashboardSaysHowToGetOne();
    void dashboardMapColoursTheBuurtenAndOpensTheirSignals();
    void steeringGroupSeesHiddenCountsAsLessThanFive();
    void importDialogShowsThePlanBeforeSaving();

private:
    QString makeRegistry(QTemporaryDir& dir, bool withMap);
    DashboardMapPage* openDashboard(MainWindow& window);
    FixedClock m_clock{referenceToday()};
};

void TestMapGui::initTestCase()
{
    QApplication::setOrganizationName(u"Buurtsignaal-tests"_s);
    QApplication::setApplicationName(u"tst_map_gui"_s);
}

// Oranjebuurt 7 signals in October 2026, Redersbuurt 2: a count the steering group sees as <5.
QString TestMapGui::makeRegistry(QTemporaryDir& dir, bool withMap)
{
    const QString path = dir.filePath(u"kaart.buurtsignaal"_s);
    auto registry = Registry::open(path, Registry::Create::IfMissing, m_clock, u"tester"_s);
    if (!registry.ok())
        return {};
    for (int i = 0; i < 9; ++i) {
        NewSignal input;
        input.buurt = i < 7 ? u"Oranjebuurt"_s : u"Redersbuurt"_s;
        input.category = u"eenzaamheid"_s;
        input.source = u"inloop"_s;
        input.observedOn = u"2026-10-%1"_s.arg(10 + i);
        input.description = u"Test."_s;
        if (!Signals::add(*registry.value(), input).ok())
            return {};
    }
    if (withMap) {
        const QString file = dir.filePath(u"wijkenbuurten_2024.gpkg"_s);
        MapFixture::write(file);
        auto plan = KaartImport::plan(*registry.value(), file);
        if (!plan.ok() || !KaartImport::apply(*registry.value(), plan.value()).ok())
            return {};
    }
    return path;
}

DashboardMapPage* TestMapGui::openDashboard(MainWindow& window)
{
    window.showDashboardTab();
    window.dashboard()->setPeriod(Period::month(2026, 10));
    window.dashboard()->waitForFigures();
    window.dashboard()->tabs()->setCurrentWidget(window.dashboard()->mapPage());
    return window.dashboard()->mapPage();
}

void TestMapGui::withoutAMapTheDashboardSaysHowToGetOne()
{
    QTranslator dutch;
    QVERIFY(dutch.load(u":/i18n/buurtsignaal_nl.qm"_s));
    QCoreApplication::installTranslator(&dutch);
    const auto english = qScopeGuard([&dutch]() { QCoreApplication::removeTranslator(&dutch); });
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, false);
    QVERIFY(!path.isEmpty());
    MainWindow window(m_clock);
    window.setInteractive(false);
    QVERIFY(window.openRegistry(path, false));
    window.resize(1200, 800);
    window.show();
    DashboardMapPage* page = openDashboard(window);
    const int tab = window.dashboard()->tabs()->indexOf(page);
    QCOMPARE(window.dashboard()->tabs()->tabText(tab), u"Kaart"_s);
    auto* noMap = page->findChild<QLabel*>(u"noBuurtMap"_s);
    QVERIFY(noMap->isVisible());
    QCOMPARE(noMap->text(), u"Nog geen buurtkaart: importeer de Wijk- en buurtkaart van het CBS via Beheer ▸ Buurtkaart importeren."_s);
    QVERIFY(!page->mapView()->isVisible());
}

void TestMapGui::dashboardMapColoursTheBuurtenAndOpensTheirSignals()
{
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, true);
    QVERIFY(!path.isEmpty());
    MainWindow window(m_clock);
    window.setInteractive(false);
    QVERIFY(window.openRegistry(path, false));
    window.resize(1200, 800);
    window.show();
    DashboardMapPage* page = openDashboard(window);
    BuurtMapView* view = page->mapView();
    QVERIFY(view->isVisible());
    QVERIFY(!page->findChild<QLabel*>(u"noBuurtMap"_s)->isVisible());
    QCOMPARE(view->map().areas.size(), 2);  // a region per buurt with an outline
    QCOMPARE(page->findChild<QLabel*>(u"mapSource"_s)->text(), u"Kaart: CBS/Kadaster, Wijk- en buurtkaart 2024"_s);
    // A coordinator sees exact figures: 7 and 2, each in a class of the legend.
    const auto& picture = view->picture();
    QStringList labels;
    for (const auto& entry : picture.legend)
        labels << entry.label;
    QVERIFY2(labels.contains(u"7"_s) && labels.contains(u"2"_s), qPrintable(labels.join(u" | "_s)));
    const auto oranje = view->positionOf(u"Oranjebuurt"_s);
    QVERIFY(oranje);
    QCOMPARE(view->labelAt(*oranje), u"Oranjebuurt: 7"_s);
    QVERIFY(view->labelAt(QPointF(2, 2)).isEmpty());
    // Hovering names the buurt and its figure beside the map.
    QTest::mouseMove(view, oranje->toPoint());
    QTRY_COMPARE(page->findChild<QLabel*>(u"mapHover"_s)->text(), u"Oranjebuurt: 7"_s);
    if (const QString shots = qEnvironmentVariable("BUURTSIGNAAL_MAP_SHOTS"); !shots.isEmpty())  // to look at
        page->grab().save(shots + u"/dashboard-map.png"_s);
    // A click opens that buurt's signals of the period in the list.
    QTest::mouseClick(view, Qt::LeftButton, {}, oranje->toPoint());
    QCOMPARE(window.findChild<QTabWidget*>(u"mainTabs"_s)->currentIndex(), 0);
    window.listModel()->waitForCount();
    QCOMPARE(window.listModel()->filter().buurt, u"Oranjebuurt"_s);
    QCOMPARE(window.listModel()->filter().from, u"2026-10-01"_s);
    QCOMPARE(window.listModel()->totalCount(), 7);
}

void TestMapGui::steeringGroupSeesHiddenCountsAsLessThanFive()
{
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, true);
    QVERIFY(!path.isEmpty());
    {
        auto registry = Registry::open(path, Registry::Create::No, m_clock, u"tester"_s);
        QVERIFY(Access::setUser(*registry.value(), u"sg"_s, u"Stuurgroep"_s, u"stuurgroep"_s, true).ok());
    }
    qputenv("BUURTSIGNAAL_USER", "sg");
    MainWindow window(m_clock);
    window.setInteractive(false);
    const bool opened = window.openRegistry(path, false);
    qputenv("BUURTSIGNAAL_USER", "tester");
    QVERIFY(opened);
    window.resize(1200, 800);
    window.show();
    DashboardMapPage* page = openDashboard(window);
    BuurtMapView* view = page->mapView();
    const auto reders = view->positionOf(u"Redersbuurt"_s);
    QVERIFY(reders);
    QCOMPARE(view->labelAt(*reders), u"Redersbuurt: <5"_s);
    const auto& picture = view->picture();
    const auto& entry = picture.legend.at(picture.classOf.value(view->areaAt(*reders)->buurtId));
    QVERIFY(entry.label.startsWith(u"<5"_s));
    QCOMPARE(entry.pattern, Qt::BDiagPattern);  // hatched grey, no colour of the scale
    QCOMPARE(entry.color, QColor(0xc8, 0xc8, 0xc8));
    for (const auto& e : picture.legend)
        QVERIFY2(e.label != u"2"_s && !e.label.contains(u"–2"_s), qPrintable(e.label));  // the hidden value nowhere
    if (const QString shots = qEnvironmentVariable("BUURTSIGNAAL_MAP_SHOTS"); !shots.isEmpty())  // to look at
        page->grab().save(shots + u"/dashboard-map-stuurgroep.png"_s);
}

void TestMapGui::importDialogShowsThePlanBeforeSaving()
{
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, false);
    QVERIFY(!path.isEmpty());
    const QString file = dir.filePath(u"wijkenbuurten_2023.gpkg"_s);
    MapFixture::write(file, MapFixture::Names::Old);
    auto registry = Registry::open(path, Registry::Create::No, m_clock, u"tester"_s);
    QVERIFY(registry.ok());
    KaartImportDialog dialog(*registry.value());
    QVERIFY(dialog.setFile(file));
    const QString plan = dialog.planLines().join(u'\n');
    QVERIFY2(plan.contains(u"Redersbuurt ← BU04820102"_s), qPrintable(plan));
    QVERIFY(plan.contains(u"BU04820150 Nieuwbouw Oost"_s));
    QCOMPARE(registry.value()->db().scalar(u"SELECT count(*) FROM buurt_outlines"_s).value().toInt(), 0);  // not yet
    QVERIFY(dialog.apply());
    QCOMPARE(registry.value()->db().scalar(u"SELECT count(*) FROM buurt_outlines"_s).value().toInt(), 2);
    // A file that is no map is refused with the reason, and the plan is gone.
    const QString text = dir.filePath(u"notes.gpkg"_s);
    QFile notes(text);
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("geen kaart");
    notes.close();
    KaartImportDialog second(*registry.value());
    QVERIFY(!second.setFile(text));
    QVERIFY(second.planLines().isEmpty());
}

QTEST_MAIN(TestMapGui)
#include "tst_map_gui.moc"
