#pragma once
// The fixture of the real-exports suite (tst_import_real.cpp: dates, zips, presets, updates;
// tst_import_places.cpp: where a melding lies, streets, sources, logging, the command line):
// exports written in the layouts of Signalen and FixMyStreet, in the tests' own words.
//
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

namespace importreal {

struct ZipEntry {
    QString name;
    QByteArray data;
    bool deflate = true;
    quint16 flags = 0x800;  // UTF-8 names
    quint16 method = 0;     // 0: stored or deflate as `deflate` says; otherwise written as is
};

inline void put16(QByteArray& out, quint32 v)
{
    out.append(char(v & 0xFF)).append(char((v >> 8) & 0xFF));
}

inline void put32(QByteArray& out, quint32 v)
{
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
}

inline QByteArray rawDeflate(const QByteArray& data)
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
inline QByteArray zip(const QList<ZipEntry>& entries, qint64 sizeOverride = -1)
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

inline QByteArray csvLine(const QStringList& cells)
{
    QStringList quoted;
    for (const QString& cell : cells)
        quoted << (cell.contains(u',') || cell.contains(u'"') ? u"\""_s + QString(cell).replace(u"\""_s, u"\"\""_s) + u"\""_s : cell);
    return (quoted.join(u',') + u"\r\n"_s).toUtf8();
}

inline QByteArray signalenZip(const QList<SignalenRow>& rows)
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
inline const QByteArray ourSignalenMapping = R"({
    "categories": {"Zwerfafval": "vervuiling", "Overlast van personen": "jongerenoverlast", "Jongerenoverlast": "jongerenoverlast"},
    "skip": {"category": ["Parkeeroverlast"]}})";

inline MeldingMapping signalenMapping()
{
    const MeldingMapping preset = MeldingMapping::preset(u"signalen"_s).value();
    return MeldingMapping::fromJson(ourSignalenMapping, &preset).value();
}

inline const QString streetList = u"straat;buurt\r\nDamstraat;Kinderdijk\r\nKerkstraat;Souburgh\r\nPolderweg;kortland\r\n"_s;

inline QList<SignalenRow> firstExport()
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

inline SignalDetail detailOf(Registry& registry, const QString& source, const QString& externalId)
{
    const QString reference = registry.db()
                                  .scalar(u"SELECT reference FROM signals WHERE source_code = ? AND external_id = ?"_s, {source, externalId})
                                  .value()
                                  .toString();
    return Signals::detail(registry, reference).value();
}

// Everything of the signals except what an update may change.
inline QString untouchedColumns(Registry& registry)
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

inline int logCount(Registry& registry)
{
    return registry.db().scalar(u"SELECT count(*) FROM import_log"_s).value().toInt();
}

}  // namespace importreal

using namespace importreal;

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
    void shippedExamplesImport();
};

