// The buurt map (issue 13 part 2): the Wijk- en buurtkaart import from a GeoPackage of the tests'
// own (plan, matching by code then by name, --dry-run, refusals that change nothing), the strict
// geometry reader, the locator (point in polygon with holes and multipolygons, WGS84 through
// PROJ) and the map page of the steering-group report.
#include "Cli.h"
#include "MapFixture.h"
#include "StuurgroepReport.h"
#include "TestSupport.h"
#include "geo/BuurtLocator.h"
#include "geo/BuurtMap.h"
#include "geo/GeoPackageGeometry.h"
#include "io/KaartImport.h"
#include "services/Lookups.h"
#include "services/Signals.h"

#include <QFile>
#include <QTest>
#include <QtEndian>

#include <cstring>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

class TestMap : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void planMatchesByCodeThenByName_data();
    void planMatchesByCodeThenByName();
    void importStoresSimplifiedOutlinesAndYear();
    void cliDryRunChangesNothing();
    void badFilesAreRefusedWithNothingChanged_data();
    void badFilesAreRefusedWithNothingChanged();
    void geometryReaderIsStrict_data();
    void geometryReaderIsStrict();
    void geometryReaderFlattensZ();
    void locatorFindsTheBuurtOfAPoint();
    void wgs84ToRdThroughProj();
    void reportHasAMapPageOnlyWithAMap();

private:
    struct CliRun {
        int code = -1;
        QString out;
        QString err;
    };
    CliRun cli(const TempRegistry& registry, const QStringList& arguments);
    QString fixture(const QString& name, MapFixture::Names names = MapFixture::Names::New,
                    MapFixture::Flaw flaw = MapFixture::Flaw::None);
    QTemporaryDir m_dir;
};

void TestMap::initTestCase()
{
    if (const QString why = engineUnavailable(); !why.isEmpty())
        QSKIP(qPrintable(why));
}

TestMap::CliRun TestMap::cli(const TempRegistry& registry, const QStringList& arguments)
{
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    FixedClock clock(referenceToday());
    CliRun run;
    run.code = runCli(QStringList{u"buurtsignaal-cli"_s, u"--db"_s, registry.path()} + arguments, outStream, errStream, clock);
    outStream.flush();
    errStream.flush();
    run.out = out;
    run.err = err;
    return run;
}

QString TestMap::fixture(const QString& name, MapFixture::Names names, MapFixture::Flaw flaw)
{
    const QString path = m_dir.filePath(name);
    QFile::remove(path);
    MapFixture::write(path, names, flaw);
    return path;
}

void TestMap::planMatchesByCodeThenByName_data()
{
    QTest::addColumn<int>("names");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("year");
    QTest::newRow("new field names, year in the file name") << int(MapFixture::Names::New) << u"wijkenbuurten_2023_v2.gpkg"_s << 2023;
    QTest::newRow("old field names, year from the metadata") << int(MapFixture::Names::Old) << u"buurtkaart.gpkg"_s << 2024;
}

void TestMap::planMatchesByCodeThenByName()
{
    QFETCH(int, names);
    QFETCH(QString, file);
    QFETCH(int, year);
    TempRegistry registry;
    auto plan = KaartImport::plan(registry.registry(), fixture(file, MapFixture::Names(names)));
    QVERIFY2(plan.ok(), qPrintable(plan.error().message));
    QCOMPARE(plan->mapYear, year);
    QCOMPARE(plan->municipality, u"GM0482"_s);
    QCOMPARE(plan->buurten.size(), 2);
    QCOMPARE(plan->buurten.at(0).registryName, u"Oranjebuurt"_s);
    QVERIFY(plan->buurten.at(0).byName);
    QCOMPARE(plan->buurten.at(0).shape.size(), 2);  // the multipolygon
    QCOMPARE(plan->buurten.at(1).registryName, u"Redersbuurt"_s);
    QVERIFY(!plan->buurten.at(1).byName);
    QCOMPARE(plan->buurten.at(1).shape.first().rings.size(), 2);  // the hole
    QCOMPARE(plan->notMatched, QStringList{u"BU04820150 Nieuwbouw Oost"_s});
    QVERIFY(plan->buurtenWithoutOutline.contains(u"Staatsliedenbuurt"_s));
    QVERIFY(!plan->buurtenWithoutOutline.contains(u"Oranjebuurt"_s));
    const QString text = plan->describe().join(u'\n');
    QVERIFY2(!text.contains(u"Dordtse"_s), qPrintable(text));  // another municipality: left out
    QVERIFY(text.contains(u"Oranjebuurt ← BU04820199 Oranjebuurt (op naam)"_s));
    QCOMPARE(plan->wijken.size(), 1);
}

void TestMap::importStoresSimplifiedOutlinesAndYear()
{
    TempRegistry registry;
    auto plan = KaartImport::plan(registry.registry(), fixture(u"wijkenbuurten_2024.gpkg"_s), 2022);
    QVERIFY2(plan.ok(), qPrintable(plan.error().message));
    QVERIFY(KaartImport::apply(registry.registry(), plan.value()).ok());
    auto map = BuurtMap::load(registry.registry());
    QVERIFY(map.ok());
    QCOMPARE(map->mapYear, 2022);  // --jaar wins over the file name
    QCOMPARE(map->areas.size(), 2);
    QCOMPARE(map->sourceLine(), u"Kaart: CBS/Kadaster, Wijk- en buurtkaart 2022"_s);
    QCOMPARE(map->areas.at(1).bounds, QRectF(MapFixture::at(0, 0), QSizeF(100, 100)));
    QCOMPARE(registry->db().scalar(u"SELECT count(*) FROM wijk_outlines"_s).value().toInt(), 1);
    // Again: the map is replaced, not added to.
    QVERIFY(KaartImport::apply(registry.registry(), plan.value()).ok());
    QCOMPARE(registry->db().scalar(u"SELECT count(*) FROM buurt_outlines"_s).value().toInt(), 2);
    // A damaged outline is named, not drawn as half a map.
    QVERIFY(registry->db().execute(u"UPDATE buurt_outlines SET outline = '1 2,3' WHERE buurt_id = ?"_s, {plan->buurten.at(1).id}).ok());
    auto damaged = BuurtMap::load(registry.registry());
    QVERIFY(!damaged.ok());
    QVERIFY2(damaged.error().message.contains(u"Redersbuurt"_s), qPrintable(damaged.error().message));
}

void TestMap::cliDryRunChangesNothing()
{
    TempRegistry registry;
    const QString file = fixture(u"wijkenbuurten_2024.gpkg"_s);
    const QByteArray before = contentFingerprint(registry.path());
    const CliRun dry = cli(registry, {u"import"_s, u"kaart"_s, file, u"--dry-run"_s});
    QVERIFY2(dry.code == 0, qPrintable(dry.err));
    QVERIFY2(dry.out.contains(u"Redersbuurt ← BU04820102 Redersbuurt (CBS)"_s), qPrintable(dry.out));
    QVERIFY(dry.out.contains(u"Niets opgeslagen (--dry-run)."_s));
    QCOMPARE(contentFingerprint(registry.path()), before);
    const CliRun real = cli(registry, {u"import"_s, u"kaart"_s, file, u"--jaar"_s, u"2023"_s});
    QVERIFY2(real.code == 0, qPrintable(real.err));
    QVERIFY2(real.out.contains(u"Buurtkaart 2023 opgeslagen: 2 buurt(en), 1 wijk(en)."_s), qPrintable(real.out));
    QVERIFY(contentFingerprint(registry.path()) != before);
}

void TestMap::badFilesAreRefusedWithNothingChanged_data()
{
    QTest::addColumn<int>("flaw");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not a GeoPackage") << -1 << u"het is geen GeoPackage"_s;
    QTest::newRow("no layer") << int(MapFixture::Flaw::NoLayer) << u"het bevat geen laag met buurten"_s;
    QTest::newRow("wrong srs") << int(MapFixture::Flaw::WrongSrs) << u"alleen kaarten in RD New (EPSG:28992)"_s;
    QTest::newRow("truncated blob") << int(MapFixture::Flaw::TruncatedBlob) << u"BU04820102 Redersbuurt (CBS): Ongeldige geometrie"_s;
}

void TestMap::badFilesAreRefusedWithNothingChanged()
{
    QFETCH(int, flaw);
    QFETCH(QString, reason);
    TempRegistry registry;
    // A map is there already: a refused file leaves it as it was.
    QVERIFY(cli(registry, {u"import"_s, u"kaart"_s, fixture(u"good_2024.gpkg"_s)}).code == 0);
    QString file = m_dir.filePath(u"bad_2025.gpkg"_s);
    if (flaw < 0) {
        QFile text(file);
        QVERIFY(text.open(QIODevice::WriteOnly | QIODevice::Truncate));
        text.write("buurtcode;buurtnaam\nBU04820102;Redersbuurt\n");
    } else {
        file = fixture(u"bad_2025.gpkg"_s, MapFixture::Names::New, MapFixture::Flaw(flaw));
    }
    const QByteArray before = contentFingerprint(registry.path());
    const CliRun run = cli(registry, {u"import"_s, u"kaart"_s, file});
    QVERIFY(run.code != 0);
    QVERIFY2(run.err.contains(reason), qPrintable(run.err));
    QCOMPARE(contentFingerprint(registry.path()), before);
}

namespace {

QByteArray le32(quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    return QByteArray(b, 4);
}

QByteArray header()
{
    return QByteArray("GP\x00\x01", 4) + le32(28992);  // no envelope, little-endian
}

}  // namespace

void TestMap::geometryReaderIsStrict_data()
{
    QTest::addColumn<QByteArray>("blob");
    QTest::addColumn<QString>("reason");
    const QByteArray square = MapFixture::polygonBlob({{QRectF(1, 1, 10, 10)}});
    QTest::newRow("empty") << QByteArray() << u"GP"_s;
    QTest::newRow("no magic") << QByteArray("XX\x00\x01....") << u"GP"_s;
    QTest::newRow("version 1") << QByteArray("GP\x01\x01", 4) + le32(28992) << u"versie"_s;
    QTest::newRow("envelope past the end") << QByteArray("GP\x00\x09", 4) + le32(28992) + QByteArray(8, 0) << u"envelop"_s;
    QTest::newRow("envelope type 5") << QByteArray("GP\x00\x0b", 4) + le32(28992) << u"envelop-type"_s;
    QTest::newRow("byte order 7") << header() + QByteArray(1, 7) + le32(3) << u"bytevolgorde"_s;
    QTest::newRow("point") << header() + QByteArray(1, 1) + le32(1) << u"alleen Polygon en MultiPolygon"_s;
    QTest::newRow("billions of rings") << header() + QByteArray(1, 1) + le32(3) + le32(0xFFFFFFFFu) << u"ringen maar is korter"_s;
    QTest::newRow("billions of points") << header() + QByteArray(1, 1) + le32(3) + le32(1) + le32(0x7FFFFFFFu) << u"punten maar is korter"_s;
    QTest::newRow("billions of polygons") << header() + QByteArray(1, 1) + le32(6) + le32(0xFFFFFFFFu) << u"polygonen maar is korter"_s;
    QTest::newRow("multipolygon in multipolygon") << header() + QByteArray(1, 1) + le32(6) + le32(1) + QByteArray(1, 1) + le32(6) + le32(0)
                                                  << u"alleen polygonen"_s;
    QTest::newRow("trailing bytes") << square + "zz" << u"2 byte(s) na het einde"_s;
    QTest::newRow("truncated") << square.left(square.size() - 3) << u"punten maar is korter"_s;
    QByteArray open = square;
    std::memset(open.data() + open.size() - 16, 0, 16);  // the last point is not the first
    QTest::newRow("open ring") << open << u"niet gesloten"_s;
    QByteArray nan = square;
    const double notANumber = std::numeric_limits<double>::quiet_NaN();
    std::memcpy(nan.data() + nan.size() - 80, &notANumber, 8);
    QTest::newRow("not a number") << nan << u"geen getal"_s;
}

void TestMap::geometryReaderIsStrict()
{
    QFETCH(QByteArray, blob);
    QFETCH(QString, reason);
    auto geometry = GeoPackageGeometry::read(blob);
    QVERIFY(!geometry.ok());
    QVERIFY2(geometry.error().message.contains(reason), qPrintable(geometry.error().message));
}

void TestMap::geometryReaderFlattensZ()
{
    // A big-endian PolygonZ (ISO type 1003): x, y kept, z dropped.
    QByteArray blob = header() + QByteArray(1, 0);
    auto be32 = [](quint32 v) {
        char b[4];
        qToBigEndian(v, b);
        return QByteArray(b, 4);
    };
    auto beDouble = [](double d) {
        quint64 bits = 0;
        std::memcpy(&bits, &d, 8);
        char b[8];
        qToBigEndian(bits, b);
        return QByteArray(b, 8);
    };
    blob += be32(1003) + be32(1) + be32(4);
    for (const QPointF& p : {QPointF(0, 0), QPointF(10, 0), QPointF(0, 10), QPointF(0, 0)})
        blob += beDouble(p.x()) + beDouble(p.y()) + beDouble(-3.5);
    auto geometry = GeoPackageGeometry::read(blob);
    QVERIFY2(geometry.ok(), qPrintable(geometry.error().message));
    QCOMPARE(geometry->shape.first().rings.first(), (QList<QPointF>{{0, 0}, {10, 0}, {0, 10}, {0, 0}}));
}

void TestMap::locatorFindsTheBuurtOfAPoint()
{
    TempRegistry registry;
    auto empty = BuurtLocator::load(registry.registry());
    QVERIFY(empty.ok() && empty->isEmpty());
    QVERIFY(cli(registry, {u"import"_s, u"kaart"_s, fixture(u"wijkenbuurten_2024.gpkg"_s)}).code == 0);
    auto locator = BuurtLocator::load(registry.registry());
    QVERIFY(locator.ok());
    QVERIFY(!locator->isEmpty());
    QCOMPARE(locator->mapYear(), 2024);
    const qint64 reders = Lookups::findBuurt(registry.registry(), u"Redersbuurt"_s)->id;
    const qint64 oranje = Lookups::findBuurt(registry.registry(), u"Oranjebuurt"_s)->id;
    auto at = [&](double dx, double dy) { return locator->buurtAt(RdPoint{MapFixture::x0 + dx, MapFixture::y0 + dy}); };
    QCOMPARE(at(10, 10), std::optional<qint64>(reders));
    QCOMPARE(at(50, 50), std::nullopt);  // in the hole
    QCOMPARE(at(250, 50), std::optional<qint64>(oranje));
    QCOMPARE(at(450, 50), std::optional<qint64>(oranje));  // its second polygon
    QCOMPARE(at(350, 50), std::nullopt);                    // between them
    QCOMPARE(at(650, 50), std::nullopt);                    // not a buurt of the registry
    QCOMPARE(at(50, 150), std::nullopt);                    // outside
}

void TestMap::wgs84ToRdThroughProj()
{
    // The origin of RD, the Onze Lieve Vrouwetoren in Amersfoort: 155000, 463000.
    auto amersfoort = Geo::fromWgs84(52.15517440, 5.38720621);
    QVERIFY2(amersfoort.ok(), qPrintable(amersfoort.error().message));
    QVERIFY2(std::abs(amersfoort->x - 155000) < 1 && std::abs(amersfoort->y - 463000) < 1,
             qPrintable(u"%1 %2"_s.arg(amersfoort->x, 0, 'f', 2).arg(amersfoort->y, 0, 'f', 2)));
    // Alblasserdam's town hall lies around 107 km east, 427 km north.
    auto alblasserdam = Geo::fromWgs84(51.8656, 4.6608);
    QVERIFY(alblasserdam.ok());
    QVERIFY(std::abs(alblasserdam->x - 105000) < 5000 && std::abs(alblasserdam->y - 431000) < 5000);
    QCOMPARE(Geo::fromWgs84(0, 0).error().field, u"coordinates"_s);
    QVERIFY(!Geo::fromWgs84(std::numeric_limits<double>::quiet_NaN(), 5).ok());
    QVERIFY(Geo::fromRd(107000, 427000).ok());
    QVERIFY(!Geo::fromRd(5.38, 52.15).ok());  // degrees given as RD
    QVERIFY(!Geo::fromRd(155000, 7000000).ok());
}

void TestMap::reportHasAMapPageOnlyWithAMap()
{
    TempRegistry registry;
    for (int i = 0; i < 6; ++i)
        addSignal(registry.registry());
    const ReportOptions options{Period::month(referenceToday().year(), referenceToday().month()), {}};
    const QString without = m_dir.filePath(u"zonder-kaart.pdf"_s);
    QVERIFY(StuurgroepReport::write(registry.registry(), options, without).ok());
    const QString noMap = pdfPages(without).join(u'\n');
    QVERIFY(!noMap.isEmpty());
    QVERIFY(!noMap.contains(u"Buurtkaart"_s));
    QVERIFY(!noMap.contains(u"Wijk- en buurtkaart"_s));

    QVERIFY(cli(registry, {u"import"_s, u"kaart"_s, fixture(u"wijkenbuurten_2024.gpkg"_s)}).code == 0);
    const QString with = m_dir.filePath(u"met-kaart.pdf"_s);
    QVERIFY(StuurgroepReport::write(registry.registry(), options, with).ok());
    const QStringList pages = pdfPages(with);
    const QString all = pages.join(u'\n');
    if (const QString shots = qEnvironmentVariable("BUURTSIGNAAL_MAP_SHOTS"); !shots.isEmpty())  // to look at
        QFile::copy(with, shots + u"/report-with-map.pdf"_s);
    QVERIFY2(all.contains(u"Kaart: CBS/Kadaster, Wijk- en buurtkaart 2024"_s), qPrintable(all));
    // Its own page, with its title (the report places page breaks by measuring, so the count of
    // pages need not grow when another page had room to spare).
    QVERIFY(all.contains(u"Map of the buurten: signals in the period"_s) || all.contains(u"Buurtkaart: signalen in de periode"_s));
    QVERIFY(pages.size() >= pdfPages(without).size());
}

QTEST_MAIN(TestMap)
#include "tst_map.moc"
