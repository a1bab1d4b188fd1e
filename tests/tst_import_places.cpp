// Real exports in: where a melding lies (coordinates on the map, the street list), sources,
// mapping refusals, references, logging and the command line.
#include "tst_import_real.h"

void TestImportReal::coordinatesWithoutMapAndUnknownStreets()
{
    TempRegistry temp;
    QVERIFY(StreetImport::replaceAll(temp.registry(), streetList.toUtf8()).ok());
    QList<SignalenRow> rows = firstExport().mid(0, 1);
    rows << rows.first() << rows.first() << rows.first();
    rows[1].id = u"201"_s;
    rows[1].street.clear();            // coordinates only, and no buurt map in this registry
    rows[2].id = u"202"_s;
    rows[2].street = u"Nergensweg"_s;  // coordinates (no map) and a street that is not in the list
    rows[3].id = u"203"_s;
    rows[3].lat = u"vier"_s;           // not a number
    const QByteArray before = contentFingerprint(temp.path());
    auto report = MeldingImport::run(temp.registry(), signalenZip(rows), signalenMapping(), u"x.zip"_s, ImportOptions{});
    QVERIFY(report.ok());
    QVERIFY(!report->written);
    QCOMPARE(report->problemCount, 3);
    QCOMPARE(report->problems.at(0).row, 3);
    // lat/lng are swapped in Signalen: the latitude is read from "lng".
    QCOMPARE(report->problems.at(0).column, u"location.lng"_s);
    QVERIFY2(report->problems.at(0).reason.startsWith(u"geen buurtkaart geïmporteerd; importeer die met 'import kaart'"_s),
             qPrintable(report->problems.at(0).reason));
    QVERIFY(report->problems.at(1).reason.startsWith(u"geen buurtkaart geïmporteerd"_s));
    QCOMPARE(report->problems.at(2).column, u"location.lat"_s);
    QCOMPARE(report->problems.at(2).reason, u"'vier' is geen getal"_s);
    QCOMPARE(contentFingerprint(temp.path()), before);

    // A file with only streets: one not in the list is named.
    const QByteArray csv = "nr;datum;straat;soort\r\nA1;01-10-2026;Damstraat;vervuiling\r\nA2;01-10-2026;Nergensweg;vervuiling\r\n";
    auto streets = MeldingImport::run(temp.registry(), csv,
                                      MeldingMapping::fromJson(R"({"source": "fixie", "columns": {"external_id": "nr", "date": "datum",
                                          "street": "straat", "category": "soort"}})").value(),
                                      u"s.csv"_s, ImportOptions{});
    QCOMPARE(streets->problemCount, 1);
    QCOMPARE(streets->problems.first().column, u"straat"_s);
    QVERIFY(streets->problems.first().reason.contains(u"Nergensweg"_s));
}

void TestImportReal::streetListReplacesAllOrNothing()
{
    TempRegistry temp;
    QCOMPARE(StreetImport::replaceAll(temp.registry(), streetList.toUtf8()).value(), 3);
    const QByteArray before = contentFingerprint(temp.path());
    auto refused = StreetImport::replaceAll(temp.registry(), "straat;buurt\r\nDamstraat;Atlantis\r\nA;Lemurië\r\nB;Atlantis\r\n");
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(u"onbekende buurten: Atlantis, Lemurië"_s), qPrintable(refused.error().message));
    QCOMPARE(contentFingerprint(temp.path()), before);
    auto twice = StreetImport::replaceAll(temp.registry(), "straat;buurt\r\nDamstraat;Kinderdijk\r\ndamstraat;Souburgh\r\n");
    QVERIFY(!twice.ok());
    QVERIFY(twice.error().message.contains(u"één buurt per straat"_s));
    auto header = StreetImport::replaceAll(temp.registry(), "weg;wijk\r\nx;y\r\n");
    QVERIFY(!header.ok());
    QVERIFY(header.error().message.contains(u"straat en buurt"_s));
    QCOMPARE(StreetImport::replaceAll(temp.registry(), "Straat,Buurt\r\nMolenweg,Souburgh\r\n").value(), 1);
    QCOMPARE(temp->db().scalar(u"SELECT count(*) FROM street_buurten"_s).value().toInt(), 1);
}

void TestImportReal::mappingRefusals()
{
    auto half = MeldingMapping::fromJson(R"({"source": "fixie", "columns": {"external_id": "a", "date": "b", "category": "c", "latitude": "d"}})");
    QVERIFY(!half.ok());
    QVERIFY(half.error().message.contains(u"maar één van de twee coördinaten"_s));
    auto noArea = MeldingMapping::fromJson(R"({"source": "fixie", "columns": {"external_id": "a", "date": "b", "category": "c"}})");
    QVERIFY(!noArea.ok());
    QVERIFY(noArea.error().message.contains(u"waaruit de buurt volgt"_s));
    auto status = MeldingMapping::fromJson(R"({"source": "fixie", "columns": {"external_id": "a", "date": "b", "category": "c", "buurt": "d"},
        "statuses": {"Weg": "geannuleerd", "Kwijt": "verdwenen"}})");
    QVERIFY(!status.ok());
    QVERIFY(status.error().message.contains(u"verdwenen"_s));
    auto skip = MeldingMapping::fromJson(R"({"source": "fixie", "columns": {"external_id": "a", "date": "b", "category": "c", "buurt": "d"},
        "skip": {"kleur": ["rood"]}})");
    QVERIFY(!skip.ok());
    auto preset = MeldingMapping::preset(u"onbekend"_s);
    QVERIFY(!preset.ok());
    QVERIFY(preset.error().message.contains(u"fixmystreet, signalen"_s));
    QCOMPARE(MeldingMapping::presets(), (QStringList{u"fixmystreet"_s, u"signalen"_s}));
    // Ours extends the preset: a category added, a column replaced, the rest kept.
    const MeldingMapping base = MeldingMapping::preset(u"signalen"_s).value();
    auto ours = MeldingMapping::fromJson(R"({"columns": {"description": ["text_extra", "text"]}, "statuses": {"h": "nieuw"}})", &base);
    QVERIFY(ours.ok());
    QCOMPARE(ours->columns.value(u"description"_s), (QStringList{u"text_extra"_s, u"text"_s}));
    QCOMPARE(ours->columns.value(u"category"_s), (QStringList{u"category.sub"_s, u"category.main"_s}));
    QCOMPARE(ours->statuses.value(u"h"_s), u"nieuw"_s);
    QCOMPARE(ours->statuses.value(u"o"_s), u"afgehandeld"_s);
    QVERIFY(ours->swapLatLng);
}

void TestImportReal::sourcesCanBeAdded()
{
    TempRegistry temp;
    const Status bad = ReferenceAdmin::addSource(temp.registry(), u"Meldpunt X"_s, u"Meldpunt"_s);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().field, u"code"_s);
    QVERIFY(bad.error().message.contains(u"Ongeldige broncode"_s));
    const Status taken = ReferenceAdmin::addSource(temp.registry(), u"signalen"_s, u"Nog eens"_s);
    QVERIFY(!taken.ok());
    QCOMPARE(taken.error().message, u"Broncode 'signalen' bestaat al."_s);
    QVERIFY(!ReferenceAdmin::addSource(temp.registry(), u"meldpunt"_s, QString()).ok());
    QVERIFY(ReferenceAdmin::addSource(temp.registry(), u"meldpunt"_s, u"Meldpunt Zwijndrecht"_s).ok());
    const QByteArray csv = "nr;datum;buurt;soort\r\nM1;01-10-2026;Kortland;vervuiling\r\n";
    auto report = MeldingImport::run(temp.registry(), csv,
                                     MeldingMapping::fromJson(R"({"source": "meldpunt", "columns": {"external_id": "nr", "date": "datum",
                                         "buurt": "buurt", "category": "soort"}})").value(),
                                     u"m.csv"_s, ImportOptions{});
    QCOMPARE(report->imported, 1);
    QCOMPARE(detailOf(temp.registry(), u"meldpunt"_s, u"M1"_s).sourceName, u"Meldpunt Zwijndrecht"_s);
}

void TestImportReal::referenceCarriesTheObservedYear()
{
    TempRegistry temp;  // today is in 2026
    const QByteArray csv = "nr;datum;buurt;soort\r\nF1;14-12-2025;Kortland;vervuiling\r\nF2;2026-01-02;Kortland;vervuiling\r\nF3;2025/12/31;Kortland;vervuiling\r\n";
    const MeldingMapping mapping = MeldingMapping::fromJson(R"({"source": "fixie", "columns": {"external_id": "nr", "date": "datum",
        "buurt": "buurt", "category": "soort"}})").value();
    QVERIFY(MeldingImport::run(temp.registry(), csv, mapping, u"f.csv"_s, ImportOptions{})->written);
    QCOMPARE(detailOf(temp.registry(), u"fixie"_s, u"F1"_s).reference, u"S-2025-000001"_s);
    QCOMPARE(detailOf(temp.registry(), u"fixie"_s, u"F3"_s).reference, u"S-2025-000002"_s);
    QCOMPARE(detailOf(temp.registry(), u"fixie"_s, u"F2"_s).reference, u"S-2026-000001"_s);
    // The numbering of each year goes on from there.
    QCOMPARE(temp->db().scalar(u"SELECT last_number FROM signal_sequence WHERE year = 2025"_s).value().toInt(), 2);
}

void TestImportReal::realRunWithNothingNewIsLogged()
{
    TempRegistry temp;
    const QByteArray csv = "nr;datum;buurt;soort\r\nF1;01-10-2026;Kortland;vervuiling\r\n";
    const MeldingMapping mapping = MeldingMapping::fromJson(R"({"source": "fixie", "columns": {"external_id": "nr", "date": "datum",
        "buurt": "buurt", "category": "soort"}})").value();
    QVERIFY(MeldingImport::run(temp.registry(), csv, mapping, u"f.csv"_s, ImportOptions{})->written);
    QCOMPARE(logCount(temp.registry()), 1);
    auto again = MeldingImport::run(temp.registry(), csv, mapping, u"f.csv"_s, ImportOptions{});
    QVERIFY(again->written);
    QCOMPARE(again->imported, 0);
    QCOMPARE(logCount(temp.registry()), 2);
    QCOMPARE(temp->db().scalar(u"SELECT already_present FROM import_log ORDER BY id DESC LIMIT 1"_s).value().toInt(), 1);
    // A dry run is not logged.
    QVERIFY(!MeldingImport::run(temp.registry(), csv, mapping, u"f.csv"_s, ImportOptions{.dryRun = true})->written);
    QCOMPARE(logCount(temp.registry()), 2);
}

void TestImportReal::problemsCutAtThousandSaySo()
{
    TempRegistry temp;
    QByteArray csv = "nr;datum;buurt;soort\r\n";
    for (int i = 0; i < 1200; ++i)
        csv += "F" + QByteArray::number(i) + ";gisteren;Atlantis;vervuiling\r\n";  // two problems a row
    csv += "G1;01-10-2026;Kortland;vervuiling\r\n";
    const MeldingMapping mapping = MeldingMapping::fromJson(R"({"source": "fixie", "columns": {"external_id": "nr", "date": "datum",
        "buurt": "buurt", "category": "soort"}})").value();
    auto report = MeldingImport::run(temp.registry(), csv, mapping, u"f.csv"_s, ImportOptions{});
    QCOMPARE(report->rowsRead, 1201);
    QCOMPARE(report->rowsWithProblems, 1200);
    QCOMPARE(report->problemCount, 2400);
    QCOMPARE(report->problems.size(), 1000);
    QCOMPARE(MeldingImport::cutNotice(report.value()), u"… en nog 1400 problemen"_s);
    auto fewer = MeldingImport::run(temp.registry(), "nr;datum;buurt;soort\r\nF1;gisteren;Kortland;vervuiling\r\n", mapping, u"f.csv"_s,
                                    ImportOptions{});
    QCOMPARE(MeldingImport::cutNotice(fewer.value()), QString());
}

void TestImportReal::commandLine()
{
    TempRegistry temp;
    const QString db = temp.path();
    temp.close();
    const QString cli = QStringLiteral(BUURTSIGNAAL_CLI_BINARY);
    auto write = [&temp](const QString& name, const QByteArray& content) {
        QFile file(temp.dir() + u'/' + name);
        file.open(QIODevice::WriteOnly);
        file.write(content);
        return file.fileName();
    };
    const QString streets = write(u"straten.csv"_s, streetList.toUtf8());
    const QString zipFile = write(u"signalen.zip"_s, signalenZip(firstExport()));
    const QString ours = write(u"ours.json"_s, ourSignalenMapping);

    ProgramRun run = runProgram(cli, {u"--db"_s, db, u"source"_s, u"add"_s, u"Fout!"_s, u"--name"_s, u"x"_s});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(u"Ongeldige broncode"_s), qPrintable(run.err));
    run = runProgram(cli, {u"--db"_s, db, u"source"_s, u"add"_s, u"fixie"_s, u"--name"_s, u"x"_s});
    QVERIFY2(run.err.contains(u"bestaat al"_s), qPrintable(run.err));
    run = runProgram(cli, {u"--db"_s, db, u"source"_s, u"add"_s, u"meldpunt"_s, u"--name"_s, u"Meldpunt"_s});
    QVERIFY2(run.code == 0, qPrintable(run.err));

    run = runProgram(cli, {u"--db"_s, db, u"import"_s, u"straten"_s, streets});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(u"3 straten"_s));

    run = runProgram(cli, {u"--db"_s, db, u"import"_s, u"meldingen"_s, zipFile, u"--preset"_s, u"signalen"_s, u"--mapping"_s, ours});
    QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
    QVERIFY2(run.out.contains(u"7 regels gelezen (zip-export van Signalen"_s), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"5 geïmporteerd, 0 stonden al in het register, 2 overgeslagen volgens de koppeling."_s), qPrintable(run.out));
    // A real run with nothing new says so in the right words (and is logged).
    run = runProgram(cli, {u"--db"_s, db, u"import"_s, u"meldingen"_s, zipFile, u"--preset"_s, u"signalen"_s, u"--mapping"_s, ours});
    QVERIFY2(run.out.contains(u": 0 geïmporteerd, 5 stonden al in het register"_s), qPrintable(run.out));
    QVERIFY(!run.out.contains(u"dry-run"_s));
    run = runProgram(cli, {u"--db"_s, db, u"import"_s, u"meldingen"_s, zipFile, u"--preset"_s, u"signalen"_s, u"--mapping"_s, ours,
                           u"--update"_s, u"--dry-run"_s});
    QVERIFY2(run.out.contains(u"0 zouden worden geïmporteerd, 0 zouden worden bijgewerkt"_s), qPrintable(run.out));
    // Without the municipality's part the parking melding is not skipped, and its category is unknown.
    run = runProgram(cli, {u"--db"_s, db, u"import"_s, u"meldingen"_s, zipFile, u"--preset"_s, u"signalen"_s, u"--update"_s});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.out.contains(u"kolom category.sub: categorie 'Parkeeroverlast' staat niet in de koppeling"_s), qPrintable(run.out));
    QVERIFY2(run.err.contains(u"1 van de 7 regels"_s), qPrintable(run.err));
    run = runProgram(cli, {u"--db"_s, db, u"import"_s, u"meldingen"_s, zipFile});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(u"--preset"_s), qPrintable(run.err));
    run = runProgram(cli, {u"--db"_s, db, u"import"_s, u"meldingen"_s, zipFile, u"--preset"_s, u"onbekend"_s});
    QVERIFY2(run.err.contains(u"Onbekende voorinstelling"_s), qPrintable(run.err));

    QByteArray many = "nr;datum;buurt;soort\r\n";
    for (int i = 0; i < 1100; ++i)
        many += "F" + QByteArray::number(i) + ";gisteren;Atlantis;vervuiling\r\n";
    const QString bad = write(u"fout.csv"_s, many);
    const QString simple = write(u"simple.json"_s, R"({"source": "fixie", "columns": {"external_id": "nr", "date": "datum", "buurt": "buurt",
                                                        "category": "soort"}})");
    run = runProgram(cli, {u"--db"_s, db, u"import"_s, u"meldingen"_s, bad, u"--mapping"_s, simple});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.out.endsWith(u"… en nog 1200 problemen\n"_s), qPrintable(run.out.right(200)));
    QVERIFY2(run.err.contains(u"1.100 van de 1.100 regels kunnen niet worden ingelezen (2.200 problemen"_s), qPrintable(run.err));
}

// The examples that ship in docs/voorbeelden (named by the README and docs/import-meldingen.md),
// imported exactly as the documentation tells: they must keep working as the import changes.
void TestImportReal::shippedExamplesImport()
{
    TempRegistry temp;
    const QString db = temp.path();
    temp.close();
    const QDir examples(QStringLiteral(BUURTSIGNAAL_EXAMPLES_DIR));
    const QString cli = QStringLiteral(BUURTSIGNAAL_CLI_BINARY);

    ProgramRun run = runProgram(cli, {u"--db"_s, db, u"import"_s, u"straten"_s, examples.filePath(u"straten.csv"_s)});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = runProgram(cli, {u"--db"_s, db, u"import"_s, u"meldingen"_s, examples.filePath(u"fixi-export.csv"_s), u"--mapping"_s,
                           examples.filePath(u"fixi-koppeling.json"_s)});
    QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
    QVERIFY2(run.out.contains(u"12 regels gelezen"_s), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"10 geïmporteerd, 0 stonden al in het register, 2 overgeslagen volgens de koppeling."_s), qPrintable(run.out));

    temp.reopen();
    // No buurt in the export: the street list gives it; the subcategory maps to a code of the registry.
    const SignalDetail streetOnly = detailOf(temp.registry(), u"fixie"_s, u"FX-2025-10257"_s);
    QCOMPARE(streetOnly.buurt, u"Rivierenbuurt"_s);
    QCOMPARE(streetOnly.category, u"onderhoud"_s);
    QCOMPARE(streetOnly.status, u"afgehandeld"_s);
    QCOMPARE(streetOnly.observedOn, u"2025-09-09"_s);
    // A buurt named by its CBS code.
    QCOMPARE(detailOf(temp.registry(), u"fixie"_s, u"FX-2025-10288"_s).buurt, u"Redersbuurt"_s);

    // The municipality's part for Signalen's zip export extends the shipped preset.
    QFile signalen(examples.filePath(u"signalen-koppeling.json"_s));
    QVERIFY(signalen.open(QIODevice::ReadOnly));
    const MeldingMapping preset = MeldingMapping::preset(u"signalen"_s).value();
    const auto ours = MeldingMapping::fromJson(signalen.readAll(), &preset);
    QVERIFY2(ours.ok(), qPrintable(ours.ok() ? QString() : ours.error().message));
}

namespace {
// The WGS84 position of an RD New point, found through the same PROJ conversion the import uses
// (Newton steps on fromWgs84): the test then knows exactly which square a melding lies in.
QPair<double, double> wgs84Of(const QPointF& rd)
{
    double lat = 51.84;
    double lon = 4.66;
    for (int step = 0; step < 6; ++step) {
        const RdPoint at = Geo::fromWgs84(lat, lon).value();
        const RdPoint northward = Geo::fromWgs84(lat + 1e-4, lon).value();
        const RdPoint eastward = Geo::fromWgs84(lat, lon + 1e-4).value();
        lat += (rd.y() - at.y) / ((northward.y - at.y) / 1e-4);
        lon += (rd.x() - at.x) / ((eastward.x - at.x) / 1e-4);
    }
    return {lat, lon};
}
}  // namespace

// Signalen with only its (swapped) coordinates: the buurt comes from the imported map; a melding
// that lies in no buurt (here: in the hole of one) stops the file and is reported with its place.
void TestImportReal::coordinatesFindTheBuurtOnTheMap()
{
    TempRegistry temp;
    const QString gpkg = QDir(temp.dir()).filePath(u"wijkenbuurten_2024.gpkg"_s);
    MapFixture::write(gpkg);
    auto plan = KaartImport::plan(temp.registry(), gpkg);
    QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
    QVERIFY(KaartImport::apply(temp.registry(), plan.value()).ok());

    auto row = [](const QString& id, const QPointF& rd) {
        const auto [lat, lon] = wgs84Of(rd);
        // Signalen's "lat" column holds the longitude and "lng" the latitude.
        return SignalenRow{id, u"Afval bij de container"_s, u"2026-03-01 10:00:00+00"_s, u"2026-03-01 10:00:00+00"_s, u"Afval"_s,
                           u"Zwerfafval"_s, u"m"_s, u"2026-03-01 10:00:00+00"_s, QString::number(lon, 'f', 7), QString::number(lat, 'f', 7),
                           QString()};
    };
    const QList<SignalenRow> inBuurten = {row(u"301"_s, MapFixture::at(15, 80)), row(u"302"_s, MapFixture::at(450, 30))};
    auto report = MeldingImport::run(temp.registry(), signalenZip(inBuurten), signalenMapping(), u"kaart.zip"_s, ImportOptions{});
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
    QVERIFY2(report->problemCount == 0, qPrintable(report->problems.value(0).column + u": "_s + report->problems.value(0).reason));
    QCOMPARE(report->imported, 2);
    QCOMPARE(detailOf(temp.registry(), u"signalen"_s, u"301"_s).buurt, u"Redersbuurt"_s);
    QCOMPARE(detailOf(temp.registry(), u"signalen"_s, u"302"_s).buurt, u"Oranjebuurt"_s);

    const QByteArray before = contentFingerprint(temp.path());
    auto inHole = MeldingImport::run(temp.registry(), signalenZip({row(u"303"_s, MapFixture::at(50, 50))}), signalenMapping(),
                                     u"gat.zip"_s, ImportOptions{});
    QVERIFY(inHole.ok());
    QCOMPARE(inHole->problemCount, 1);
    QVERIFY2(inHole->problems.first().reason.contains(u"geen buurt"_s), qPrintable(inHole->problems.first().reason));
    QVERIFY2(inHole->problems.first().reason.contains(u"(51.8"_s), qPrintable(inHole->problems.first().reason));  // where it lies
    QCOMPARE(contentFingerprint(temp.path()), before);
}

