// Import and export: encodings, separators, quoting, Dutch dates, all-or-nothing with a report,
// no duplicates, safe CSV for spreadsheets, an export that imports back, and nasty files.
#include "TestSupport.h"
#include "domain/DataSize.h"
#include "domain/DutchDates.h"
#include "io/FileErrors.h"
#include "io/Csv.h"
#include "io/CsvWriter.h"
#include "io/MeldingImport.h"
#include "io/TextDecoding.h"
#include "services/Export.h"
#include "services/Lookups.h"
#include "services/ReferenceAdmin.h"
#include "services/SignalDetail.h"
#include "services/Signals.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringEncoder>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

class TestIo : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void safeCells();
    void dutchDates();
    void datesTimesSizesAndFileReasonsForPeople();
    void encodings();
    void importsAndReportsEveryBadRow();
    void neverImportsTwice();
    void largeImportKeepsIndexesAndCounts();
    void nastyFiles_data();
    void nastyFiles();
    void mixedLineEndingsParse();
    void exportIsSafeAndLogged();
    void exportImportsBack();

private:
    static MeldingMapping fixieMapping();
    static QByteArray fixieFile(const QString& body, const QString& separator = u";"_s);
};

MeldingMapping TestIo::fixieMapping()
{
    const QByteArray json = R"({"source": "fixie",
        "columns": {"external_id": "Meldingnummer", "date": "Datum melding", "buurt": "Buurt", "category": "Soort",
                    "description": "Omschrijving", "status": "Status", "closed": "Afgehandeld op"},
        "categories": {"Zwerfafval": "vervuiling", "Overlast jongeren": "jongerenoverlast"},
        "statuses": {"Open": "nieuw", "Afgehandeld": "afgehandeld"}})";
    return MeldingMapping::fromJson(json).value();
}

QByteArray TestIo::fixieFile(const QString& body, const QString& separator)
{
    QString header = u"Meldingnummer;Datum melding;Buurt;Soort;Omschrijving;Status;Afgehandeld op\r\n"_s;
    header.replace(u';', separator);
    return (header + body).toUtf8();
}

void TestIo::initTestCase()
{
    if (const QString why = engineUnavailable(); !why.isEmpty())
        QSKIP(qPrintable(why));
}

void TestIo::safeCells()
{
    QCOMPARE(CsvWriter::safeCell(u"=HYPERLINK(\"x\")"_s), u"'=HYPERLINK(\"x\")"_s);
    QCOMPARE(CsvWriter::safeCell(u"+31 6"_s), u"'+31 6"_s);
    QCOMPARE(CsvWriter::safeCell(u"-5"_s), u"'-5"_s);
    QCOMPARE(CsvWriter::safeCell(u"@SUM(A1)"_s), u"'@SUM(A1)"_s);
    QCOMPARE(CsvWriter::safeCell(u"\tx"_s), u"'\tx"_s);
    QCOMPARE(CsvWriter::safeCell(u"\rx"_s), u"'\rx"_s);
    QCOMPARE(CsvWriter::safeCell(u"Dam 1"_s), u"Dam 1"_s);
    QCOMPARE(CsvWriter::line({u"a;b"_s, u"c\"d"_s, u"e"_s}, u';'), u"\"a;b\";\"c\"\"d\";e\r\n"_s);
    QCOMPARE(CsvWriter::line({u"a;b"_s, u"e"_s}, u','), u"a;b,e\r\n"_s);
}

void TestIo::dutchDates()
{
    using MeldingImport::parseDutchDate;
    QCOMPARE(parseDutchDate(u"03-10-2026"_s), QDate(2026, 10, 3));
    QCOMPARE(parseDutchDate(u"3-1-2026"_s), QDate(2026, 1, 3));
    QCOMPARE(parseDutchDate(u"03/10/2026 14:05"_s), QDate(2026, 10, 3));
    QCOMPARE(parseDutchDate(u"29-02-2024 9:00"_s), QDate(2024, 2, 29));
    QCOMPARE(parseDutchDate(u"2026-10-03"_s), QDate(2026, 10, 3));
    QVERIFY(!parseDutchDate(u"29-02-2025"_s).isValid());
    QVERIFY(!parseDutchDate(u"10/03/26"_s).isValid());
    QVERIFY(!parseDutchDate(u"gisteren"_s).isValid());
}

void TestIo::datesTimesSizesAndFileReasonsForPeople()
{
    // Typed dates: as shown, short, or ISO; never a day that does not exist.
    QCOMPARE(DutchDates::parse(u"27-11-2026"_s), QDate(2026, 11, 27));
    QCOMPARE(DutchDates::parse(u" 7-1-2026 "_s), QDate(2026, 1, 7));
    QCOMPARE(DutchDates::parse(u"2026-11-27"_s), QDate(2026, 11, 27));
    for (const QString& bad : {u"31-02-2026"_s, u"29-02-2025"_s, u"2026-1-7"_s, u"27/11/2026"_s, u"27-11-26"_s, u"morgen"_s, QString()})
        QVERIFY2(!DutchDates::parse(bad).isValid(), qPrintable(bad));
    QVERIFY(DutchDates::hasDateForm(u"31-02-2026"_s));
    QCOMPARE(DutchDates::format(QDate(2026, 1, 7)), u"07-01-2026"_s);
    // Stored UTC as Dutch local time: winter UTC+1, summer UTC+2, across the day boundary.
    QCOMPARE(DutchDates::localTime(u"2026-11-27T13:05:00Z"_s), u"27-11-2026 14:05"_s);
    QCOMPARE(DutchDates::localTime(u"2026-07-31T22:30:00Z"_s, true), u"01-08-2026 00:30:00"_s);
    QCOMPARE(DutchDates::isoWithOffset(u"2026-11-27T13:05:00Z"_s), u"2026-11-27T14:05:00+01:00"_s);
    QCOMPARE(DutchDates::isoWithOffset(u"2026-07-31T22:30:00Z"_s), u"2026-08-01T00:30:00+02:00"_s);
    QCOMPARE(DutchDates::localTime(u"geen tijd"_s), u"geen tijd"_s);
    // Sizes in decimal units with a Dutch comma.
    QCOMPARE(DataSize::text(25'400'000), u"25,4 MB"_s);
    QCOMPARE(DataSize::text(303'104), u"303,1 kB"_s);
    QCOMPARE(DataSize::text(999), u"999 bytes"_s);
    QCOMPARE(DataSize::text(2'500'000'000), u"2,5 GB"_s);
    // File problems in Dutch words.
    QTemporaryDir dir;
    using FileErrors::Purpose;
    QCOMPARE(FileErrors::reason(dir.filePath(u"weg.csv"_s), Purpose::Read), u"het bestand bestaat niet"_s);
    QCOMPARE(FileErrors::reason(dir.path(), Purpose::Read), u"dit is een map, geen bestand"_s);
    QVERIFY(FileErrors::reason(dir.filePath(u"nergens/x.csv"_s), Purpose::Write).startsWith(u"de map "_s));
    QCOMPARE(FileErrors::reason(dir.filePath(u"x.csv"_s), Purpose::Write, u"No space left on device"_s), u"de schijf is vol"_s);
}

void TestIo::encodings()
{
    const QString text = u"Omschrijving\nCafé “De Buurt” – €5\n"_s;
    TextDecoding::Encoding e;
    QCOMPARE(TextDecoding::decode(text.toUtf8(), &e), text);
    QCOMPARE(e, TextDecoding::Encoding::Utf8);
    QCOMPARE(TextDecoding::decode(CsvWriter::byteOrderMark() + text.toUtf8(), &e), text);
    QCOMPARE(e, TextDecoding::Encoding::Utf8Bom);
    QStringEncoder utf16(QStringConverter::Utf16LE);
    QCOMPARE(TextDecoding::decode(QByteArray("\xFF\xFE") + QByteArray(utf16(text)), &e), text);
    QCOMPARE(e, TextDecoding::Encoding::Utf16Le);
    // Windows-1252: é = E9, “ = 93, ” = 94, – = 96, € = 80.
    const QByteArray cp1252("Omschrijving\nCaf\xE9 \x93" "De Buurt\x94 \x96 \x80" "5\n");
    QCOMPARE(TextDecoding::decode(cp1252, &e), text);
    QCOMPARE(e, TextDecoding::Encoding::Windows1252);
    // The same file in every encoding imports the same.
    for (const QByteArray& file : {fixieFile(u"FX-1;03-10-2026;Kinderdijk;Zwerfafval;Café;Open;\r\n"_s),
                                   QByteArray("Meldingnummer;Datum melding;Buurt;Soort;Omschrijving;Status;Afgehandeld op\r\nFX-1;03-10-2026;Kinderdijk;Zwerfafval;Caf\xE9;Open;\r\n")}) {
        TempRegistry temp;
        auto report = MeldingImport::run(temp.registry(), file, fixieMapping(), u"t.csv"_s, ImportOptions{});
        QVERIFY(report.ok());
        QCOMPARE(report->imported, 1);
        auto rows = Signals::list(temp.registry(), SignalFilter());
        QCOMPARE(Signals::detail(temp.registry(), rows->first().reference)->description, u"Café"_s);
    }
}

void TestIo::importsAndReportsEveryBadRow()
{
    TempRegistry temp;
    addSignal(temp.registry());
    const QByteArray before = contentFingerprint(temp.path());
    // Quoted separators, doubled quotes, a newline inside a field, CR-only and CRLF endings.
    const QString good = u"FX-1;03-10-2026 14:05;Kinderdijk;Zwerfafval;\"Zakken; naast \"\"container\"\"\nbij de kerk\";Afgehandeld;5-10-2026\r"_s
                         u"FX-2;4-10-2026;Souburgh;Overlast jongeren;Muziek;Open;\r\n"_s;
    const QString bad = u"FX-3;31-02-2026;Atlantis;UFO;x;Gesloten;\r\nFX-4;01-10-2026;Souburgh;Zwerfafval;ok;Afgehandeld;30-09-2026\r\n;01-10-2026;Souburgh;Zwerfafval;ok;Open;\r\n"_s;
    auto refused = MeldingImport::run(temp.registry(), fixieFile(good + bad), fixieMapping(), u"t.csv"_s, ImportOptions{});
    QVERIFY(refused.ok());
    QVERIFY(!refused->written);
    QCOMPARE(refused->problemCount, 6);
    QCOMPARE(refused->problems.at(0).row, 5);  // FX-1's description spans lines 2-3, FX-2 is line 4
    QCOMPARE(refused->problems.at(0).column, u"Datum melding"_s);
    QCOMPARE(refused->problems.at(1).column, u"Buurt"_s);
    QCOMPARE(refused->problems.at(2).column, u"Soort"_s);
    QCOMPARE(refused->problems.at(3).column, u"Status"_s);
    QCOMPARE(refused->problems.at(4).column, u"Afgehandeld op"_s);  // closed before it was reported
    QCOMPARE(refused->problems.at(5).column, u"Meldingnummer"_s);
    QCOMPARE(contentFingerprint(temp.path()), before);  // all or nothing
    auto dry = MeldingImport::run(temp.registry(), fixieFile(good), fixieMapping(), u"t.csv"_s, ImportOptions{.dryRun = true});
    QVERIFY(!dry->written);
    QCOMPARE(contentFingerprint(temp.path()), before);
    auto imported = MeldingImport::run(temp.registry(), fixieFile(good), fixieMapping(), u"t.csv"_s, ImportOptions{});
    QVERIFY(imported->written);
    QCOMPARE(imported->imported, 2);
    SignalFilter fixie;
    fixie.source = u"fixie"_s;
    auto rows = Signals::list(temp.registry(), fixie);
    QCOMPARE(rows->size(), 2);
    auto closed = Signals::detail(temp.registry(), rows->last().reference);
    QCOMPARE(closed->externalId, u"FX-1"_s);
    QCOMPARE(closed->status, u"afgehandeld"_s);
    QCOMPARE(closed->closedOn, u"2026-10-05"_s);
    QCOMPARE(closed->observedOn, u"2026-10-03"_s);
    QCOMPARE(closed->description, u"Zakken; naast \"container\"\nbij de kerk"_s);
    QCOMPARE(closed->history.size(), 1);
    QVERIFY(closed->history.first().detail.contains(u"FX-1"_s));
    QCOMPARE(temp->db().scalar(u"SELECT imported FROM import_log"_s).value().toInt(), 2);
    // Comma-separated with the same content.
    TempRegistry other;
    QString commas = good;
    commas.replace(u";Kinderdijk;"_s, u",Kinderdijk,"_s).replace(u"2026 14:05;"_s, u"2026 14:05,"_s).replace(u"FX-1;"_s, u"FX-1,"_s)
        .replace(u"Zwerfafval;\""_s, u"Zwerfafval,\""_s).replace(u"kerk\";"_s, u"kerk\","_s).replace(u"Afgehandeld;"_s, u"Afgehandeld,"_s);
    commas.replace(u"FX-2;4-10-2026;Souburgh;Overlast jongeren;Muziek;Open;"_s, u"FX-2,4-10-2026,Souburgh,Overlast jongeren,Muziek,Open,"_s);
    auto viaCommas = MeldingImport::run(other.registry(), fixieFile(commas, u","_s), fixieMapping(), u"t.csv"_s, ImportOptions{});
    QVERIFY2(viaCommas.ok() && viaCommas->written, viaCommas.ok() ? "" : qPrintable(viaCommas.error().message));
    QCOMPARE(viaCommas->separator, u',');
    QCOMPARE(viaCommas->imported, 2);
}

void TestIo::neverImportsTwice()
{
    TempRegistry temp;
    const QString first = u"FX-1;01-10-2026;Kortland;Zwerfafval;a;Open;\r\nFX-2;02-10-2026;Kortland;Zwerfafval;b;Open;\r\n"_s;
    const QString overlap = u"FX-2;02-10-2026;Kortland;Zwerfafval;b;Open;\r\nFX-3;03-10-2026;Kortland;Zwerfafval;c;Open;\r\nFX-3;03-10-2026;Kortland;Zwerfafval;c;Open;\r\n"_s;
    QCOMPARE(MeldingImport::run(temp.registry(), fixieFile(first), fixieMapping(), u"a.csv"_s, ImportOptions{})->imported, 2);
    auto again = MeldingImport::run(temp.registry(), fixieFile(first), fixieMapping(), u"a.csv"_s, ImportOptions{});
    QCOMPARE(again->imported, 0);
    QCOMPARE(again->alreadyPresent, 2);
    auto next = MeldingImport::run(temp.registry(), fixieFile(overlap), fixieMapping(), u"b.csv"_s, ImportOptions{});
    QCOMPARE(next->imported, 1);
    QCOMPARE(next->alreadyPresent, 2);  // FX-2 from before, FX-3's second line
    QCOMPARE(temp->db().scalar(u"SELECT count(*) FROM signals WHERE source_code = 'fixie'"_s).value().toInt(), 3);
}

void TestIo::largeImportKeepsIndexesAndCounts()
{
    // Over 20,000 rows into an empty registry takes the bulk path: indexes dropped and rebuilt,
    // day counts rebuilt, history written in one statement. The result must equal the slow path's.
    TempRegistry temp;
    Database& db = temp->db();
    // The engine's own catalogue: SQLite's or PostgreSQL's.
    const bool server = db.isServer();
    const QString indexesSql = server ? u"SELECT string_agg(indexname || ':' || indexdef, '|' ORDER BY indexname) FROM pg_indexes"
                                        " WHERE schemaname = current_schema()"_s
                                      : u"SELECT group_concat(name || ':' || sql, '|') FROM"
                                        " (SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name)"_s;
    const QString triggersSql = server ? u"SELECT count(*) FROM pg_trigger WHERE tgname LIKE ?"_s
                                       : u"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?"_s;
    const QString indexesBefore = db.scalar(indexesSql).value().toString();
    QString body;
    const int rows = 25000;
    for (int i = 0; i < rows; ++i)
        body += u"FX-%1;%2-10-2026;Kortland;Zwerfafval;m %1;Open;\r\n"_s.arg(i).arg(1 + i % 28);
    auto report = MeldingImport::run(temp.registry(), fixieFile(body), fixieMapping(), u"groot.csv"_s, ImportOptions{});
    QVERIFY2(report.ok() && report->written, report.ok() ? "" : qPrintable(report.error().message));
    QCOMPARE(report->imported, rows);
    QCOMPARE(db.scalar(indexesSql).value().toString(), indexesBefore);
    if (!server)
        QCOMPARE(db.scalar(u"PRAGMA integrity_check"_s).value().toString(), u"ok"_s);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM history h JOIN signals s ON s.id = h.signal_id"
                       " WHERE h.action = 'aangemaakt' AND h.detail LIKE '%groot.csv%' || s.external_id"_s).value().toInt(), rows);
    QCOMPARE(db.scalar(u"SELECT sum(signals) FROM signal_day_counts"_s).value().toInt(),
             db.scalar(u"SELECT count(*) FROM signals"_s).value().toInt());
    QCOMPARE(db.scalar(triggersSql, {u"signals_count_%"_s}).value().toInt(), 3);
    QCOMPARE(db.scalar(triggersSql, {u"history_access"_s}).value().toInt(), 1);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM access_log WHERE detail LIKE 'import van 25000 meldingen uit groot.csv%'"_s).value().toInt(), 1);
}

void TestIo::nastyFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");  // part of the refusal, or "" when the file must import
    const QDir corpus(QStringLiteral(BUURTSIGNAAL_CORPUS_DIR));
    auto file = [&corpus](const char* name) {
        QFile f(corpus.filePath(QString::fromLatin1(name)));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("missing corpus file");
    };
    QTest::newRow("NUL bytes") << file("nul-byte.csv") << u"NUL"_s;
    QTest::newRow("unbalanced quotes") << file("unbalanced-quotes.csv") << u"aanhalingsteken"_s;
    QTest::newRow("empty file") << file("empty.csv") << u"leeg"_s;
    QTest::newRow("invalid UTF-8") << file("invalid-utf8.csv") << u"staat niet in het bestand"_s;  // read as Windows-1252
    QTest::newRow("header only") << file("header-only.csv") << QString();
    QTest::newRow("quotes and empties") << file("quotes-and-empties.csv") << u"staat niet in het bestand"_s;
    QTest::newRow("mixed line endings") << file("mixed-line-endings.csv") << u"staat niet in het bestand"_s;
    QTest::newRow("2 MB field") << (QByteArray("Meldingnummer;Omschrijving\nFX-1;") + QByteArray(2 * 1024 * 1024, 'x') + "\n") << u"langer dan"_s;
    QByteArray wide;
    for (int i = 0; i < 5000; ++i)
        wide += "k" + QByteArray::number(i) + ";";
    QTest::newRow("thousands of columns") << wide << u"kolommen"_s;
}

void TestIo::mixedLineEndingsParse()
{
    const Csv::Parsed parsed = Csv::parseChecked(u"a;b\r\nc;d\re;f\ng;\"h\r\ni\"\r\n"_s, u';');
    QVERIFY(parsed.error.isEmpty());
    QCOMPARE(parsed.rows.size(), 4);
    QCOMPARE(parsed.rows.at(3).at(1), u"h\r\ni"_s);
    QCOMPARE(parsed.lineOfRow, (QList<int>{1, 2, 3, 4}));
}

void TestIo::nastyFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    TempRegistry temp;
    const QByteArray before = contentFingerprint(temp.path());
    auto report = MeldingImport::run(temp.registry(), content, fixieMapping(), u"nasty.csv"_s, ImportOptions{});
    if (expected.isEmpty()) {
        // Read without a problem: nothing imported, and (like every real run) logged.
        QVERIFY(report.ok());
        QCOMPARE(report->imported, 0);
        QCOMPARE(temp->db().scalar(u"SELECT count(*) FROM import_log WHERE imported = 0"_s).value().toInt(), 1);
        QCOMPARE(temp->db().scalar(u"SELECT count(*) FROM signals"_s).value().toInt(), 0);
        return;
    }
    QVERIFY(!report.ok() || report->problemCount > 0);
    const QString message = report.ok() ? report->problems.first().column + u' ' + report->problems.first().reason : report.error().message;
    QVERIFY2(message.contains(expected), qPrintable(message));
    QCOMPARE(contentFingerprint(temp.path()), before);
}

void TestIo::exportIsSafeAndLogged()
{
    TempRegistry temp;
    auto evil = ReferenceAdmin::saveBuurt(temp.registry(), {0, u"=HYPERLINK(\"http://x\";\"klik\")"_s, {}, {}, {}, false, {}});
    QVERIFY(evil.ok());
    NewSignal input{u"=HYPERLINK(\"http://x\";\"klik\")"_s, u"schulden"_s, u"inloop"_s, u"buurt"_s, u"normaal"_s, {}, {}, u"Tekst"_s, {}, {}};
    QVERIFY(Signals::add(temp.registry(), input).ok());
    addSignal(temp.registry());
    const QString path = QDir(temp.dir()).filePath(u"lijst.csv"_s);
    auto rows = Export::signalList(temp.registry(), SignalFilter(), path);
    QCOMPARE(rows.value(), 2);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith(CsvWriter::byteOrderMark()));
    const QString text = QString::fromUtf8(bytes.mid(3));
    QVERIFY(text.startsWith(u"Kenmerk;Waargenomen;Buurt;Thema;Categorie;Urgentie;Status"_s));
    QVERIFY(text.contains(u"\"'=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")\""_s));  // neutralised and quoted
    QVERIFY(!text.contains(u";=HYPERLINK"_s));
    QCOMPARE(temp->db().scalar(u"SELECT count(*) FROM export_log"_s).value().toInt(), 1);
    QVERIFY(!temp->db().run(u"DELETE FROM export_log"_s).ok());  // the log is append-only
    auto commas = Export::signalList(temp.registry(), SignalFilter(), path, {u','});
    QVERIFY(commas.ok());
    QVERIFY(!Export::signalList(temp.registry(), SignalFilter(), path, {u'|'}).ok());
}

void TestIo::exportImportsBack()
{
    TempRegistry from;
    for (const auto& [buurt, category] : QList<QPair<QString, QString>>{{u"Kortland"_s, u"vervuiling"_s}, {u"Souburgh"_s, u"schulden"_s},
                                                                        {u"Souburgh"_s, u"eenzaamheid"_s}}) {
        NewSignal input{buurt, category, u"eigen_waarneming"_s, u"buurt"_s, u"normaal"_s, u"2026-10-1%1"_s.arg(buurt.size() % 10), {}, u"Tekst"_s, {}, {}};
        QVERIFY(Signals::add(from.registry(), input).ok());
    }
    const QString path = QDir(from.dir()).filePath(u"export.csv"_s);
    QVERIFY(Export::signalList(from.registry(), SignalFilter(), path).ok());
    // The export's own columns, mapped back: category names to codes, status labels to codes.
    QJsonObject categories;
    const auto known = Lookups::categories(from.registry());
    for (const Category& c : known.value())
        categories.insert(c.name, c.code);
    const QJsonObject mapping{{u"source"_s, u"netwerkpartner"_s},
                              {u"columns"_s, QJsonObject{{u"external_id"_s, u"Kenmerk"_s}, {u"date"_s, u"Waargenomen"_s},
                                                         {u"buurt"_s, u"Buurt"_s}, {u"category"_s, u"Categorie"_s}, {u"status"_s, u"Status"_s}}},
                              {u"categories"_s, categories},
                              {u"statuses"_s, QJsonObject{{u"Nieuw"_s, u"nieuw"_s}}}};
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    TempRegistry to;
    auto report = MeldingImport::run(to.registry(), file.readAll(), MeldingMapping::fromJson(QJsonDocument(mapping).toJson()).value(),
                                     u"export.csv"_s, ImportOptions{});
    QVERIFY2(report.ok() && report->written, report.ok() ? qPrintable(report->problems.value(0).reason) : qPrintable(report.error().message));
    QCOMPARE(report->imported, 3);
    for (const QString& buurt : {u"Kortland"_s, u"Souburgh"_s}) {
        SignalFilter f;
        f.buurt = buurt;
        QCOMPARE(Signals::count(to.registry(), f).value(), Signals::count(from.registry(), f).value());
    }
    SignalFilter schulden;
    schulden.category = u"schulden"_s;
    QCOMPARE(Signals::count(to.registry(), schulden).value(), 1);
}

QTEST_GUILESS_MAIN(TestIo)
#include "tst_io.moc"
