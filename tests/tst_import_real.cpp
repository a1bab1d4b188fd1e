// Importing what the systems really export: Signalen's zip of CSV files (joined by id, its dates
// with fractions and offsets, lat/lng swapped, "null"), FixMyStreet's dashboard CSV, presets the
// municipality extends, fallbacks and skipped values, the street list, --update, the reference
// year, the log of every run and a cut list of problems. On SQLite and PostgreSQL.
#include "TestSupport.h"
#include "domain/DutchDates.h"
#include "MapFixture.h"
#include "geo/BuurtLocator.h"
#include "io/KaartImport.h"
#include "io/MeldingImport.h"
#include "io/StreetImport.h"
#include "io/ZipReader.h"
#include "services/ReferenceAdmin.h"
#include "services/SignalDetail.h"
#include "services/Signals.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <zlib.h>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

namespace {

struct ZipEntry {
    QString name;
    QByteArray data;
    bool deflate = true;
    quint16 flags = 0x800;  // UTF-8 names
    quint16 method = 0;     // 0: stored or deflate as `deflate` says; otherwise written as is
};

void put16(QByteArray& out, quint32 v)
{
    out.append(char(v & 0xFF)).append(char((v >> 8) & 0xFF));
}

void put32(QByteArray& out, quint32 v)
{
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
}

QByteArray rawDeflate(const QByteArray& data)
{
    z_stream s {};
    deflateInit2(&s, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&s, uLong(data.size()))), Qt::Uninitialized);
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.constData()));
    s.avail_in = uInt(data.size());
    s.next_out = reinterpret_cast<Bytef*>(out.data());
    s.avail_out = uInt(out.size());
    deflate(&s, Z_FINISH);
    out.resize(qsizetype(s.total_out));
    deflateEnd(&s);
    return out;
}

// A zip archive as export systems write it (no data descriptors, no zip64). `sizeOverride`
// writes a different uncompressed size into the directory, for the refusals.
QByteArray zip(const QList<ZipEntry>& entries, qint64 sizeOverride = -1)
{
    QByteArray out;
    QByteArray directory;
    for (const ZipEntry& e : entries) {
        const QByteArray name = e.name.toUtf8();
        const QByteArray stored = e.deflate ? rawDeflate(e.data) : e.data;
        const quint16 method = e.method ? e.method : (e.deflate ? 8 : 0);
        const quint32 crc = quint32(crc32(0, reinterpret_cast<const Bytef*>(e.data.constData()), uInt(e.data.size())));
        const quint32 size = sizeOverride >= 0 ? quint32(sizeOverride) : quint32(e.data.size());
        const quint32 offset = quint32(out.size());
        put32(out, 0x04034b50); put16(out, 20); put16(out, e.flags); put16(out, method); put16(out, 0); put16(out, 0);
        put32(out, crc); put32(out, quint32(stored.size())); put32(out, size); put16(out, quint32(name.size())); put16(out, 0);
        out += name;
        out += stored;
        put32(directory, 0x02014b50); put16(directory, 20); put16(directory, 20); put16(directory, e.flags); put16(directory, method);
        put16(directory, 0); put16(directory, 0); put32(directory, crc); put32(directory, quint32(stored.size())); put32(directory, size);
        put16(directory, quint32(name.size())); put16(directory, 0); put16(directory, 0); put16(directory, 0); put16(directory, 0);
        put32(directory, 0); put32(directory, offset);
        directory += name;
    }
    const quint32 directoryOffset = quint32(out.size());
    out += directory;
    put32(out, 0x06054b50); put16(out, 0); put16(out, 0); put16(out, quint32(entries.size())); put16(out, quint32(entries.size()));
    put32(out, quint32(directory.size())); put32(out, directoryOffset); put16(out, 0);
    return out;
}

// Signalen's reporting export, in its own column order (app/signals/apps/reporting/csv/datawarehouse).
struct SignalenRow {
    QString id;
    QString text;
    QString incidentStart;
    QString createdAt;
    QString main;
    QString sub;
    QString state;      // m, b, o, a, s, …
    QString stateSince; // the status's created_at
    QString lat;        // Signalen writes st_x (the longitude) here …
    QString lng;        // … and st_y (the latitude) here
    QString street;     // openbare_ruimte of the address; empty: address null
};

QByteArray csvLine(const QStringList& cells)
{
    QStringList quoted;
    for (const QString& cell : cells)
        quoted << (cell.contains(u',') || cell.contains(u'"') ? u"\""_s + QString(cell).replace(u"\""_s, u"\"\""_s) + u"\""_s : cell);
    return (quoted.join(u',') + u"\r\n"_s).toUtf8();
}

QByteArray signalenZip(const QList<SignalenRow>& rows)
{
    QByteArray signalsCsv = csvLine({u"id"_s, u"signal_uuid"_s, u"source"_s, u"text"_s, u"text_extra"_s, u"incident_date_start"_s,
                                     u"incident_date_end"_s, u"created_at"_s, u"updated_at"_s, u"operational_date"_s, u"expire_date"_s,
                                     u"image"_s, u"upload"_s, u"extra_properties"_s, u"category_assignment_id"_s, u"location_id"_s,
                                     u"reporter_id"_s, u"status_id"_s, u"priority"_s, u"priority_created_at"_s, u"parent"_s, u"type"_s,
                                     u"type_created_at"_s, u"directing_departments_assignment_id"_s});
    QByteArray categoriesCsv = csvLine({u"id"_s, u"main"_s, u"sub"_s, u"main_slug"_s, u"sub_slug"_s, u"departments"_s, u"created_at"_s,
                                        u"updated_at"_s, u"extra_properties"_s, u"_signal_id"_s, u"deadline"_s, u"deadline_factor_3"_s});
    QByteArray statusesCsv = csvLine({u"id"_s, u"text"_s, u"user"_s, u"target_api"_s, u"state_display"_s, u"extern"_s, u"created_at"_s,
                                      u"updated_at"_s, u"extra_properties"_s, u"_signal_id"_s, u"state"_s});
    QByteArray locationsCsv = csvLine({u"id"_s, u"lat"_s, u"lng"_s, u"stadsdeel"_s, u"buurt_code"_s, u"address"_s, u"address_text"_s,
                                       u"created_at"_s, u"updated_at"_s, u"extra_properties"_s, u"_signal_id"_s});
    int n = 0;
    for (const SignalenRow& r : rows) {
        ++n;
        // Ids of the other tables differ from the signal's: the join must follow the references.
        const QString category = QString::number(500 + n), status = QString::number(900 + n), location = QString::number(300 + n);
        signalsCsv += csvLine({r.id, u"6f1c-%1"_s.arg(r.id), u"online"_s, r.text, u"null"_s, r.incidentStart, u"null"_s, r.createdAt,
                               r.createdAt, u"null"_s, u"null"_s, QString(), QString(), u"null"_s, category, location, u"77"_s, status,
                               u"normal"_s, r.createdAt, QString(), u"SIG"_s, r.createdAt, QString()});
        categoriesCsv += csvLine({category, r.main, r.sub, r.main.toLower(), r.sub.toLower(), u"ASC"_s, r.createdAt, r.createdAt,
                                  u"null"_s, r.id, QString(), QString()});
        statusesCsv += csvLine({status, u"null"_s, u"medewerker@gemeente.nl"_s, QString(), u"Gemeld"_s, u"False"_s, r.stateSince,
                                r.stateSince, u"null"_s, r.id, r.state});
        const QString address = r.street.isEmpty() ? u"null"_s
                                                   : u"{\"openbare_ruimte\": \"%1\", \"huisnummer\": 12, \"postcode\": \"2951AA\", \"woonplaats\": \"Alblasserdam\"}"_s.arg(r.street);
        locationsCsv += csvLine({location, r.lat, r.lng, u"null"_s, u"null"_s, address, r.street.isEmpty() ? QString() : r.street + u" 12"_s,
                                 r.createdAt, r.createdAt, u"null"_s, r.id});
    }
    // Signalen puts its files in a folder of the export; one is stored, the others deflated.
    return zip({{u"export/signals.csv"_s, signalsCsv}, {u"export/categories.csv"_s, categoriesCsv},
                {u"export/statuses.csv"_s, statusesCsv, false}, {u"export/locations.csv"_s, locationsCsv}});
}

// The municipality's own part: its categories and what it leaves out.
const QByteArray ourSignalenMapping = R"({
    "categories": {"Zwerfafval": "vervuiling", "Overlast van personen": "jongerenoverlast", "Jongerenoverlast": "jongerenoverlast"},
    "skip": {"category": ["Parkeeroverlast"]}})";

MeldingMapping signalenMapping()
{
    const MeldingMapping preset = MeldingMapping::preset(u"signalen"_s).value();
    return MeldingMapping::fromJson(ourSignalenMapping, &preset).value();
}

const QString streetList = u"straat;buurt\r\nDamstraat;Kinderdijk\r\nKerkstraat;Souburgh\r\nPolderweg;kortland\r\n"_s;

QList<SignalenRow> firstExport()
{
    return {
        {u"101"_s, u"Zakken afval naast de container"_s, u"2025-12-18 04:21:45.852418+00"_s, u"2025-12-18 04:21:45.852418+00"_s,
         u"Afval"_s, u"Zwerfafval"_s, u"m"_s, u"2025-12-18 04:21:45.852418+00"_s, u"4.6403"_s, u"51.8620"_s, u"Damstraat"_s},
        {u"102"_s, u"Groep jongeren bij het speelveld"_s, u"2026-01-02T08:00:00+01:00"_s, u"2026-01-02 07:05:00+00"_s,
         u"Overlast van personen"_s, u"Jongerenoverlast"_s, u"o"_s, u"2026-01-05 10:00:00.5+00"_s, u"4.65"_s, u"51.86"_s, u"Kerkstraat"_s},
        {u"103"_s, u"Gesplitst in twee meldingen"_s, u"2026-01-03 09:00:00+00"_s, u"2026-01-03 09:00:00+00"_s,
         u"Afval"_s, u"Zwerfafval"_s, u"s"_s, u"2026-01-03 09:10:00+00"_s, u"4.64"_s, u"51.86"_s, u"Damstraat"_s},
        // No subcategory ("null"): the main category counts. No incident date: created_at counts.
        {u"104"_s, u"Geluidsoverlast op straat"_s, u"null"_s, u"2026-02-10 12:00:00+00"_s,
         u"Overlast van personen"_s, u"null"_s, u"b"_s, u"2026-02-11 08:00:00+00"_s, u"4.64"_s, u"51.86"_s, u"Polderweg"_s},
        {u"105"_s, u"Auto op de stoep"_s, u"2026-02-12 12:00:00+00"_s, u"2026-02-12 12:00:00+00"_s,
         u"Parkeren"_s, u"Parkeeroverlast"_s, u"m"_s, u"2026-02-12 12:00:00+00"_s, u"4.64"_s, u"51.86"_s, u"Damstraat"_s},
        {u"106"_s, u"Dubbel gemeld"_s, u"2026-03-01 10:00:00+00"_s, u"2026-03-01 10:00:00+00"_s,
         u"Afval"_s, u"Zwerfafval"_s, u"a"_s, u"2026-03-02 10:00:00+00"_s, u"4.64"_s, u"51.86"_s, u"Damstraat"_s},
        // 23:30 UTC on a summer day is 01:30 the next day in the Netherlands.
        {u"107"_s, u"Zwerfvuil na het feest"_s, u"2025-07-31 23:30:00+00"_s, u"2025-08-01 06:00:00+00"_s,
         u"Afval"_s, u"Zwerfafval"_s, u"m"_s, u"2025-08-01 06:00:00+00"_s, u"4.64"_s, u"51.86"_s, u"Kerkstraat"_s},
    };
}

SignalDetail detailOf(Registry& registry, const QString& source, const QString& externalId)
{
    const QString reference = registry.db()
                                  .scalar(u"SELECT reference FROM signals WHERE source_code = ? AND external_id = ?"_s, {source, externalId})
                                  .value()
                                  .toString();
    return Signals::detail(registry, reference).value();
}

// Everything of the signals except what an update may change.
QString untouchedColumns(Registry& registry)
{
    auto q = registry.db().run(u"SELECT id, reference, observed_on, registered_at, registered_by, buurt_id, street, impact, category_code,"
                               " source_code, external_id, urgency, description, consent, consent_by, consent_on, follow_up_on,"
                               " escalation_level, level_since FROM signals ORDER BY id"_s);
    QStringList rows;
    while (q->next()) {
        QStringList cells;
        for (int i = 0; i < 19; ++i)
            cells << q->value(i).toString();
        rows << cells.join(u'|');
    }
    return rows.join(u'\n');
}

int logCount(Registry& registry)
{
    return registry.db().scalar(u"SELECT count(*) FROM import_log"_s).value().toInt();
}

}  // namespace

class TestImportReal : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void exportedDates();
    void signalenZipImportsWithPresetAndOurMapping();
    void updateChangesOnlyStatusAndClosing();
    void fixMyStreetDashboardCsv();
    void oddZipsAreRefused_data();
    void oddZipsAreRefused();
    void notSignalenZipIsRefused();
    void coordinatesWithoutMapAndUnknownStreets();
    void coordinatesFindTheBuurtOnTheMap();
    void streetListReplacesAllOrNothing();
    void mappingRefusals();
    void sourcesCanBeAdded();
    void referenceCarriesTheObservedYear();
    void realRunWithNothingNewIsLogged();
    void problemsCutAtThousandSaySo();
    void commandLine();
};

void TestImportReal::initTestCase()
{
    if (const QString why = engineUnavailable(); !why.isEmpty())
        QSKIP(qPrintable(why));
}

void TestImportReal::exportedDates()
{
    using MeldingImport::parseDutchDate;
    // Signalen: space, fractions, "+00".
    QCOMPARE(parseDutchDate(u"2025-12-18 04:21:45.852418+00"_s), QDate(2025, 12, 18));
    QCOMPARE(parseDutchDate(u"2026-11-20T10:15:00Z"_s), QDate(2026, 11, 20));
    QCOMPARE(parseDutchDate(u"2026-11-20T10:15:00.123+01:00"_s), QDate(2026, 11, 20));
    QCOMPARE(parseDutchDate(u"2026-11-20T10:15"_s), QDate(2026, 11, 20));
    // An instant is the Dutch day: 23:30 UTC in summer (UTC+2) and in winter (UTC+1) is the next day.
    QCOMPARE(parseDutchDate(u"2026-07-31T23:30:00Z"_s), QDate(2026, 8, 1));
    QCOMPARE(parseDutchDate(u"2026-07-31 22:30:00+00"_s), QDate(2026, 8, 1));
    QCOMPARE(parseDutchDate(u"2026-07-31 21:30:00+00"_s), QDate(2026, 7, 31));
    QCOMPARE(parseDutchDate(u"2026-01-31T23:30:00+0000"_s), QDate(2026, 2, 1));
    QCOMPARE(parseDutchDate(u"2026-01-31T20:00:00-05:00"_s), QDate(2026, 2, 1));
    QCOMPARE(parseDutchDate(u"2026-01-31T23:30:00+01:00"_s), QDate(2026, 1, 31));
    // Without an offset the time is Dutch already.
    QCOMPARE(parseDutchDate(u"2026-07-31 23:30:00"_s), QDate(2026, 7, 31));
    // Dutch forms, single digits.
    QCOMPARE(parseDutchDate(u"2026/03/01"_s), QDate(2026, 3, 1));
    QCOMPARE(parseDutchDate(u"01.03.2026"_s), QDate(2026, 3, 1));
    QCOMPARE(parseDutchDate(u"1.3.2026 14:05"_s), QDate(2026, 3, 1));
    QCOMPARE(parseDutchDate(u"2026-3-1"_s), QDate(2026, 3, 1));
    QCOMPARE(parseDutchDate(u"03-10-2026"_s), QDate(2026, 10, 3));
    QCOMPARE(DutchDates::parseExported(u"03/10/2026"_s), QDate(2026, 10, 3));
    for (const QString& bad : {u"2026-02-30"_s, u"2026-13-01"_s, u"2026-01-01T25:00"_s, u"2026-01-01+01"_s, u"2026-03/01"_s,
                               u"01.03-2026"_s, u"26-3-1"_s, u"2026-01-01T10:00:00+15:00"_s, u"gisteren"_s, u"null"_s, QString()})
        QVERIFY2(!parseDutchDate(bad).isValid(), qPrintable(bad));
}

void TestImportReal::signalenZipImportsWithPresetAndOurMapping()
{
    TempRegistry temp;
    QCOMPARE(StreetImport::replaceAll(temp.registry(), streetList.toUtf8()).value(), 3);
    const QByteArray file = signalenZip(firstExport());
    auto report = MeldingImport::run(temp.registry(), file, signalenMapping(), u"signalen-export.zip"_s, ImportOptions{});
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
    QVERIFY2(report->problemCount == 0, qPrintable(report->problems.value(0).column + u": "_s + report->problems.value(0).reason));
    QVERIFY(report->written);
    QCOMPARE(report->rowsRead, 7);
    QCOMPARE(report->imported, 5);
    QCOMPARE(report->skipped, 2);  // 103 split (preset), 105 parking (ours)
    QCOMPARE(report->alreadyPresent, 0);

    const SignalDetail first = detailOf(temp.registry(), u"signalen"_s, u"101"_s);
    QCOMPARE(first.observedOn, u"2025-12-18"_s);
    QVERIFY2(first.reference.startsWith(u"S-2025-"_s), qPrintable(first.reference));
    QCOMPARE(first.buurt, u"Kinderdijk"_s);
    QCOMPARE(first.street, u"Damstraat"_s);
    QCOMPARE(first.status, u"nieuw"_s);
    QCOMPARE(first.description, u"Zakken afval naast de container"_s);

    const SignalDetail closed = detailOf(temp.registry(), u"signalen"_s, u"102"_s);
    QCOMPARE(closed.observedOn, u"2026-01-02"_s);
    QCOMPARE(closed.category, u"jongerenoverlast"_s);
    QCOMPARE(closed.status, u"afgehandeld"_s);
    QCOMPARE(closed.closedOn, u"2026-01-05"_s);
    QCOMPARE(closed.outcomeText, u"Afgehandeld in Signalen (meldingen openbare ruimte)"_s);
    QCOMPARE(closed.buurt, u"Souburgh"_s);

    const SignalDetail mainOnly = detailOf(temp.registry(), u"signalen"_s, u"104"_s);
    QCOMPARE(mainOnly.category, u"jongerenoverlast"_s);  // sub "null": the main category
    QCOMPARE(mainOnly.observedOn, u"2026-02-10"_s);           // incident date "null": created_at
    QCOMPARE(mainOnly.status, u"in_behandeling"_s);
    QCOMPARE(mainOnly.buurt, u"Kortland"_s);                  // the street list names it in lower case

    const SignalDetail cancelled = detailOf(temp.registry(), u"signalen"_s, u"106"_s);
    QCOMPARE(cancelled.status, u"geannuleerd"_s);
    QCOMPARE(cancelled.closedOn, u"2026-03-02"_s);

    const SignalDetail summer = detailOf(temp.registry(), u"signalen"_s, u"107"_s);
    QCOMPARE(summer.observedOn, u"2025-08-01"_s);
    QVERIFY(summer.reference.startsWith(u"S-2025-"_s));
}

void TestImportReal::updateChangesOnlyStatusAndClosing()
{
    TempRegistry temp;
    QVERIFY(StreetImport::replaceAll(temp.registry(), streetList.toUtf8()).ok());
    QVERIFY(MeldingImport::run(temp.registry(), signalenZip(firstExport()), signalenMapping(), u"a.zip"_s, ImportOptions{})->written);
    QList<SignalenRow> later = firstExport();
    later[0].state = u"o"_s;                                   // 101: closed since
    later[0].stateSince = u"2026-02-01 09:00:00+00"_s;
    later[0].text = u"Tekst later aangepast in Signalen"_s;    // never overwritten
    later[0].street = u"Kerkstraat"_s;                         // neither is the place
    later[3].state = u"o"_s;                                   // 104: in behandeling -> afgehandeld
    later[3].stateSince = u"2026-02-20 23:30:00+00"_s;         // 00:30 on the 21st in the Netherlands
    const QString before = untouchedColumns(temp.registry());
    const QByteArray fingerprint = contentFingerprint(temp.path());

    // Without --update nothing changes: they are already there.
    auto plain = MeldingImport::run(temp.registry(), signalenZip(later), signalenMapping(), u"b.zip"_s, ImportOptions{});
    QVERIFY(plain->written);
    QCOMPARE(plain->imported, 0);
    QCOMPARE(plain->updated, 0);
    QCOMPARE(plain->alreadyPresent, 5);
    QCOMPARE(detailOf(temp.registry(), u"signalen"_s, u"101"_s).status, u"nieuw"_s);

    auto dry = MeldingImport::run(temp.registry(), signalenZip(later), signalenMapping(), u"b.zip"_s, ImportOptions{true, true});
    QCOMPARE(dry->updated, 2);
    QVERIFY(!dry->written);

    auto updated = MeldingImport::run(temp.registry(), signalenZip(later), signalenMapping(), u"b.zip"_s, ImportOptions{false, true});
    QVERIFY2(updated.ok() && updated->problemCount == 0,
             updated.ok() ? qPrintable(updated->problems.value(0).reason) : qPrintable(updated.error().message));
    QCOMPARE(updated->updated, 2);
    QCOMPARE(updated->imported, 0);
    QCOMPARE(updated->alreadyPresent, 3);
    QVERIFY(contentFingerprint(temp.path()) != fingerprint);
    QCOMPARE(untouchedColumns(temp.registry()), before);  // byte-equal apart from status and closing

    const SignalDetail first = detailOf(temp.registry(), u"signalen"_s, u"101"_s);
    QCOMPARE(first.status, u"afgehandeld"_s);
    QCOMPARE(first.closedOn, u"2026-02-01"_s);
    QCOMPARE(first.outcome, u"opgelost"_s);
    QCOMPARE(first.description, u"Zakken afval naast de container"_s);
    QCOMPARE(first.history.size(), 2);
    QCOMPARE(first.history.last().action, u"status"_s);
    QVERIFY2(first.history.last().reason.contains(u"b.zip"_s), qPrintable(first.history.last().reason));
    const SignalDetail second = detailOf(temp.registry(), u"signalen"_s, u"104"_s);
    QCOMPARE(second.status, u"afgehandeld"_s);
    QCOMPARE(second.closedOn, u"2026-02-21"_s);
    QCOMPARE(second.history.size(), 2);

    // Once more: nothing left to update.
    auto again = MeldingImport::run(temp.registry(), signalenZip(later), signalenMapping(), u"b.zip"_s, ImportOptions{false, true});
    QCOMPARE(again->updated, 0);
    QCOMPARE(again->alreadyPresent, 5);

    // A closed signal cannot go back to "in behandeling" by an import: the workflow reopens it.
    later[1].state = u"b"_s;
    const QByteArray now = contentFingerprint(temp.path());
    auto back = MeldingImport::run(temp.registry(), signalenZip(later), signalenMapping(), u"c.zip"_s, ImportOptions{false, true});
    QCOMPARE(back->problemCount, 1);
    QCOMPARE(back->problems.first().column, u"status.state"_s);
    QVERIFY(!back->written);
    QCOMPARE(contentFingerprint(temp.path()), now);
}

void TestImportReal::fixMyStreetDashboardCsv()
{
    TempRegistry temp;
    const QByteArray csv =
        "Report ID,Title,Detail,User Name,Category,Subcategory,Created,Confirmed,Acknowledged,Fixed,Closed,Status,Latitude,Longitude,"
        "Query,Ward,Easting,Northing,Report URL,Site Used,Reported As\r\n"
        "9001,Afval,Zakken bij de bank,Jan,Afval,,2026-03-01T09:15:00,2026-03-01T09:20:00,,,,confirmed,51.862,4.640,"
        ",Kinderdijk,,,https://fms.example/report/9001,fixmystreet,\r\n"
        "9002,Jongeren,\"Overlast, elke avond\",Piet,Overlast,Jongerenoverlast,2026-03-01 20:00:00,2026-03-01 20:05:00,"
        "2026-03-02 08:00:00,2026-03-02T10:00:00,,fixed - council,51.860,4.650,,Souburgh,,,https://fms.example/report/9002,fixmystreet,\r\n"
        "9003,Afval,Container vol,Kees,Afval,Zwerfafval,2026-03-03T09:00:00,2026-03-03T09:00:00,,,2026-03-05 09:00,closed,"
        "51.861,4.641,,Kinderdijk,,,https://fms.example/report/9003,fixmystreet,\r\n"
        "9004,Test,Niet bevestigd,Anon,Afval,,2026-03-04T09:00:00,,,,,unconfirmed,51.861,4.641,,Kinderdijk,,,,fixmystreet,\r\n"
        "9005,Afval,Al gemeld,Els,Afval,Zwerfafval,2026-03-04T10:00:00,2026-03-04T10:00:00,,,2026-03-04T11:00:00,duplicate,"
        "51.861,4.641,,Kinderdijk,,,,fixmystreet,\r\n";
    const MeldingMapping preset = MeldingMapping::preset(u"fixmystreet"_s).value();
    // Here the ward is the buurt; categories as this municipality named them.
    auto ours = MeldingMapping::fromJson(R"({"columns": {"buurt": "Ward"},
        "categories": {"Afval": "vervuiling", "Zwerfafval": "vervuiling", "Jongerenoverlast": "jongerenoverlast"}})", &preset);
    QVERIFY(ours.ok());
    QCOMPARE(ours->source, u"fixmystreet"_s);
    auto report = MeldingImport::run(temp.registry(), csv, ours.value(), u"fms.csv"_s, ImportOptions{});
    QVERIFY2(report.ok() && report->problemCount == 0,
             report.ok() ? qPrintable(report->problems.value(0).column + u": "_s + report->problems.value(0).reason) : qPrintable(report.error().message));
    QCOMPARE(report->imported, 4);
    QCOMPARE(report->skipped, 1);
    QCOMPARE(detailOf(temp.registry(), u"fixmystreet"_s, u"9001"_s).category, u"vervuiling"_s);  // Subcategory empty: Category
    const SignalDetail fixed = detailOf(temp.registry(), u"fixmystreet"_s, u"9002"_s);
    QCOMPARE(fixed.category, u"jongerenoverlast"_s);
    QCOMPARE(fixed.closedOn, u"2026-03-02"_s);       // Fixed
    QCOMPARE(fixed.description, u"Overlast, elke avond"_s);
    QCOMPARE(detailOf(temp.registry(), u"fixmystreet"_s, u"9003"_s).closedOn, u"2026-03-05"_s);  // no Fixed: Closed
    QCOMPARE(detailOf(temp.registry(), u"fixmystreet"_s, u"9005"_s).status, u"geannuleerd"_s);
}

void TestImportReal::oddZipsAreRefused_data()
{
    QTest::addColumn<QByteArray>("archive");
    QTest::addColumn<QString>("why");
    const QByteArray csv = "id,text\r\n1,a\r\n";
    QTest::newRow("encrypted") << zip({{u"signals.csv"_s, csv, false, 0x801}}) << u"versleuteld"_s;
    QTest::newRow("zip64") << zip({{u"signals.csv"_s, csv, false}}, 0xFFFFFFFFLL) << u"zip64"_s;
    QTest::newRow("parent path") << zip({{u"../signals.csv"_s, csv}}) << u"geen gewoon pad"_s;
    QTest::newRow("absolute path") << zip({{u"/etc/signals.csv"_s, csv}}) << u"geen gewoon pad"_s;
    QTest::newRow("backslash") << zip({{u"map\\signals.csv"_s, csv}}) << u"geen gewoon pad"_s;
    QTest::newRow("method") << zip({{u"signals.csv"_s, csv, false, 0x800, 12}}) << u"methode 12"_s;
    QTest::newRow("bomb") << zip({{u"signals.csv"_s, QByteArray(8 << 20, 'a')}}) << u"zip-bom"_s;
    QTest::newRow("size lies") << zip({{u"signals.csv"_s, csv}}, 3) << u"groter dan opgegeven"_s;
    QTest::newRow("twice") << zip({{u"signals.csv"_s, csv}, {u"signals.csv"_s, csv}}) << u"twee keer"_s;
    QByteArray badCrc = zip({{u"signals.csv"_s, csv, false}});
    badCrc[30 + 11 + 3] = 'X';  // a byte of the stored data
    QTest::newRow("crc") << badCrc << u"controlegetal"_s;
    QTest::newRow("truncated") << zip({{u"signals.csv"_s, csv}}).left(40) << u"inhoudsopgave"_s;
}

void TestImportReal::oddZipsAreRefused()
{
    QFETCH(QByteArray, archive);
    QFETCH(QString, why);
    auto read = ZipReader::read(archive);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().field, u"file"_s);
    QVERIFY2(read.error().message.startsWith(u"Het zip-bestand kan niet worden gelezen"_s), qPrintable(read.error().message));
    QVERIFY2(read.error().message.contains(why), qPrintable(read.error().message));
    // Through the import the same message, and nothing written.
    TempRegistry temp;
    const QByteArray before = contentFingerprint(temp.path());
    auto imported = MeldingImport::run(temp.registry(), archive, signalenMapping(), u"x.zip"_s, ImportOptions{});
    QVERIFY(!imported.ok());
    QVERIFY(imported.error().message.contains(why));
    QCOMPARE(contentFingerprint(temp.path()), before);
}

void TestImportReal::notSignalenZipIsRefused()
{
    TempRegistry temp;
    const QByteArray other = zip({{u"signals.csv"_s, "id\r\n1\r\n"}, {u"leesmij.txt"_s, "hallo"}});
    auto imported = MeldingImport::run(temp.registry(), other, signalenMapping(), u"x.zip"_s, ImportOptions{});
    QVERIFY(!imported.ok());
    QVERIFY2(imported.error().message.contains(u"geen export van Signalen: categories.csv, statuses.csv, locations.csv ontbreekt"_s),
             qPrintable(imported.error().message));
    // Both methods read back what was written.
    auto read = ZipReader::read(zip({{u"a/b.csv"_s, "x,y\r\n", true}, {u"c.csv"_s, QByteArray(), false}, {u"d.csv"_s, QByteArray(), true}}));
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
    QCOMPARE(read->size(), 3);
    QCOMPARE(read->at(0).name, u"a/b.csv"_s);
    QCOMPARE(read->at(0).data, QByteArray("x,y\r\n"));
}

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
    QVERIFY2(run.err.contains(u"1100 van de 1100 regels kunnen niet worden ingelezen (2200 problemen"_s), qPrintable(run.err));
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

QTEST_GUILESS_MAIN(TestImportReal)
#include "tst_import_real.moc"
