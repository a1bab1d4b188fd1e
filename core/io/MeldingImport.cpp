#include "MeldingImport.h"

#include "Registry.h"
#include "access/AccessLog.h"
#include "domain/DutchDates.h"
#include "domain/Validation.h"
#include "domain/WorkingDays.h"
#include "io/Csv.h"
#include "io/TextDecoding.h"
#include "services/History.h"
#include "services/Lookups.h"
#include "services/SignalWriter.h"
#include "storage/Schema.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace bs {

QStringList MeldingMapping::fields()
{
    return {u"external_id"_s, u"date"_s, u"buurt"_s, u"category"_s, u"description"_s, u"status"_s, u"closed"_s, u"street"_s};
}

Result<MeldingMapping> MeldingMapping::fromJson(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Error::invalid(u"mapping"_s, u"Het koppelbestand is geen geldige JSON (%1, positie %2)."_s.arg(error.errorString()).arg(error.offset));
    const QJsonObject root = document.object();
    MeldingMapping mapping;
    mapping.source = root.value(u"source"_s).toString();
    const QJsonObject columns = root.value(u"columns"_s).toObject();
    for (auto it = columns.begin(); it != columns.end(); ++it) {
        if (!fields().contains(it.key()))
            return Error::invalid(u"mapping"_s, u"Onbekend veld '%1' in het koppelbestand. Toegestaan: %2."_s.arg(it.key(), fields().join(u", "_s)));
        mapping.columns.insert(it.key(), it.value().toString());
    }
    for (const QString& required : {u"external_id"_s, u"date"_s, u"buurt"_s, u"category"_s}) {
        if (mapping.columns.value(required).isEmpty())
            return Error::invalid(u"mapping"_s, u"Het koppelbestand noemt geen kolom voor '%1' (verplicht: external_id, date, buurt, category)."_s.arg(required));
    }
    const QJsonObject categories = root.value(u"categories"_s).toObject();
    for (auto it = categories.begin(); it != categories.end(); ++it)
        mapping.categories.insert(it.key().trimmed().toLower(), it.value().toString());
    const QJsonObject statuses = root.value(u"statuses"_s).toObject();
    for (auto it = statuses.begin(); it != statuses.end(); ++it) {
        const QString code = it.value().toString();
        if (code != u"nieuw"_s && code != u"in_behandeling"_s && code != u"afgehandeld"_s)
            return Error::invalid(u"mapping"_s, u"Status '%1' in het koppelbestand: toegestaan zijn nieuw, in_behandeling, afgehandeld."_s.arg(code));
        mapping.statuses.insert(it.key().trimmed().toLower(), code);
    }
    if (root.contains(u"impact"_s))
        mapping.impact = root.value(u"impact"_s).toString();
    const QString separator = root.value(u"separator"_s).toString();
    if (separator == u";"_s || separator == u","_s)
        mapping.separator = separator.front();
    return mapping;
}

namespace MeldingImport {

QDate parseDutchDate(const QString& text)
{
    // Exports add a time and sometimes write dd/mm/jjjj; the day itself is read as people type it.
    static const QRegularExpression withTime(u"^([0-9/-]+?)(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$"_s);
    static const QRegularExpression slashes(u"^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$"_s);
    const auto m = withTime.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    QString day = m.captured(1);
    if (slashes.match(day).hasMatch())
        day.replace(u'/', u'-');
    return DutchDates::parse(day);
}

namespace {

struct Row {
    QString externalId;
    QDate observed;
    qint64 buurtId = 0;
    QString category;
    QString description;
    QString status;
    QDate closed;
    QString street;
};

Result<Csv::Parsed> readFile(const QByteArray& file, QChar separator, ImportReport& report)
{
    TextDecoding::Encoding encoding;
    const QString text = TextDecoding::decode(file, &encoding);
    report.encoding = TextDecoding::name(encoding);
    report.separator = separator.isNull() ? Csv::detectSeparator(text) : separator;
    Csv::Parsed parsed = Csv::parseChecked(text, report.separator);
    if (!parsed.error.isEmpty())
        return Error::invalid(u"file"_s, u"Het bestand kan niet worden gelezen: regel %1: %2."_s.arg(parsed.errorLine).arg(parsed.error));
    if (parsed.rows.isEmpty())
        return Error::invalid(u"file"_s, u"Het bestand is leeg: er is geen kopregel met kolomnamen."_s);
    report.header = parsed.rows.first();
    for (QString& name : report.header)
        name = name.trimmed();
    return parsed;
}

}  // namespace

Result<ImportReport> preview(const QByteArray& file, QList<QStringList>* firstRows, int count)
{
    ImportReport report;
    auto parsed = readFile(file, QChar(), report);
    if (!parsed.ok())
        return parsed.error();
    report.rowsRead = int(parsed->rows.size() - 1);
    if (firstRows)
        *firstRows = parsed->rows.mid(1, count);
    return report;
}

Result<QStringList> distinctValues(const QByteArray& file, const QString& columnName, int max)
{
    ImportReport report;
    auto parsed = readFile(file, QChar(), report);
    if (!parsed.ok())
        return parsed.error();
    const qsizetype index = report.header.indexOf(columnName);
    if (index < 0)
        return Error::invalid(u"column"_s, u"Kolom '%1' staat niet in het bestand."_s.arg(columnName));
    QStringList values;
    for (qsizetype r = 1; r < parsed->rows.size() && values.size() < max; ++r) {
        const QString value = index < parsed->rows.at(r).size() ? parsed->rows.at(r).at(index).trimmed() : QString();
        if (!value.isEmpty() && !values.contains(value))
            values << value;
    }
    values.sort(Qt::CaseInsensitive);
    return values;
}

Result<ImportReport> run(Registry& registry, const QByteArray& file, const MeldingMapping& mapping, const QString& fileName,
                         bool dryRun, const std::function<bool(qint64, qint64)>& progress)
{
    auto source = Lookups::findSource(registry, mapping.source);
    if (!source.ok())
        return source.error();
    ImportReport report;
    auto parsed = readFile(file, mapping.separator, report);
    if (!parsed.ok())
        return parsed.error();
    QHash<QString, int> column;
    for (auto it = mapping.columns.cbegin(); it != mapping.columns.cend(); ++it) {
        const int index = int(report.header.indexOf(it.value().trimmed()));
        if (index < 0) {
            return Error::invalid(u"mapping"_s, u"Kolom '%1' (voor %2) staat niet in het bestand. Kolommen in het bestand: %3."_s.arg(
                                                    it.value(), it.key(), report.header.join(u", "_s)));
        }
        column.insert(it.key(), index);
    }
    auto buurten = Lookups::buurten(registry);
    auto categories = Lookups::categories(registry);
    if (!buurten.ok() || !categories.ok())
        return buurten.ok() ? categories.error() : buurten.error();
    QHash<QString, qint64> buurtByName;
    for (const Buurt& b : buurten.value()) {
        buurtByName.insert(b.name.toLower(), b.id);
        if (!b.cbsCode.isEmpty())
            buurtByName.insert(b.cbsCode.toLower(), b.id);
    }
    QSet<QString> categoryCodes;
    for (const Category& c : categories.value())
        categoryCodes.insert(c.code);

    Database& db = registry.db();
    // Signals saved after this point have a higher id; the write checks those again under its lock.
    auto seenUpTo = db.scalar(u"SELECT coalesce(max(id), 0) FROM signals"_s);
    if (!seenUpTo.ok())
        return seenUpTo.error();
    QSet<QString> known;
    {
        auto existing = db.run(u"SELECT external_id FROM signals WHERE source_code = ? AND external_id IS NOT NULL"_s, {source->code});
        if (!existing.ok())
            return existing.error();
        while (existing->next())
            known.insert(existing->value(0).toString());
    }

    const QDate today = registry.clock().today();
    auto problem = [&report](int line, const QString& columnName, const QString& reason) {
        ++report.problemCount;
        if (report.problems.size() < 1000)
            report.problems << ImportProblem{line, columnName, reason};
    };
    auto cell = [&](const QStringList& row, const QString& field) {
        const int index = column.value(field, -1);
        return index >= 0 && index < row.size() ? row.at(index).trimmed() : QString();
    };
    QList<Row> rows;
    rows.reserve(parsed->rows.size());
    for (qsizetype r = 1; r < parsed->rows.size(); ++r) {
        const QStringList& values = parsed->rows.at(r);
        const int line = parsed->lineOfRow.at(r);
        ++report.rowsRead;
        Row row;
        row.externalId = cell(values, u"external_id"_s);
        if (row.externalId.isEmpty()) {
            problem(line, mapping.columns.value(u"external_id"_s), u"extern nummer ontbreekt"_s);
            continue;
        }
        if (known.contains(row.externalId)) {
            ++report.alreadyPresent;  // imported before, or twice in this file
            continue;
        }
        bool ok = true;
        const QString dateText = cell(values, u"date"_s);
        row.observed = parseDutchDate(dateText);
        if (!row.observed.isValid() || row.observed > today || row.observed.year() < 2000) {
            problem(line, mapping.columns.value(u"date"_s),
                    row.observed.isValid() ? u"datum %1 ligt in de toekomst of voor 2000"_s.arg(dateText)
                                           : u"'%1' is geen datum (dd-mm-jjjj, eventueel met uu:mm)"_s.arg(dateText));
            ok = false;
        }
        const QString buurt = cell(values, u"buurt"_s);
        row.buurtId = buurtByName.value(buurt.toLower(), 0);
        if (row.buurtId == 0) {
            problem(line, mapping.columns.value(u"buurt"_s), u"onbekende buurt '%1'"_s.arg(buurt));
            ok = false;
        }
        const QString categoryValue = cell(values, u"category"_s);
        row.category = mapping.categories.value(categoryValue.toLower(), categoryValue);
        if (!categoryCodes.contains(row.category)) {
            problem(line, mapping.columns.value(u"category"_s),
                    u"categorie '%1' staat niet in de koppeling en is geen categoriecode"_s.arg(categoryValue));
            ok = false;
        }
        auto description = Validation::text(cell(values, u"description"_s), {u"description"_s, u"Omschrijving"_s, false, 4000, true});
        if (!description.ok()) {
            problem(line, mapping.columns.value(u"description"_s), description.error().message);
            ok = false;
        } else {
            row.description = description->isEmpty() ? u"Melding via %1 (zonder omschrijving)"_s.arg(source->name) : description.value();
        }
        auto street = Validation::text(cell(values, u"street"_s), {u"street"_s, u"Straat"_s, false, 120, false});
        if (!street.ok()) {
            problem(line, mapping.columns.value(u"street"_s), street.error().message);
            ok = false;
        } else {
            row.street = street.value();
        }
        row.status = u"nieuw"_s;
        if (column.contains(u"status"_s)) {
            const QString statusValue = cell(values, u"status"_s);
            row.status = mapping.statuses.value(statusValue.toLower());
            if (row.status.isEmpty()) {
                problem(line, mapping.columns.value(u"status"_s), u"status '%1' staat niet in de koppeling"_s.arg(statusValue));
                ok = false;
            }
        }
        if (row.status == u"afgehandeld"_s) {
            const QString closedText = cell(values, u"closed"_s);
            row.closed = parseDutchDate(closedText);
            if (!row.closed.isValid() || (row.observed.isValid() && row.closed < row.observed) || row.closed > today) {
                problem(line, mapping.columns.value(u"closed"_s, u"closed"_s),
                        u"afgehandeld zonder geldige afhandeldatum op of na de meldingsdatum ('%1')"_s.arg(closedText));
                ok = false;
            }
        }
        if (ok) {
            known.insert(row.externalId);
            rows << row;
        }
    }
    if (report.problemCount > 0 || dryRun || rows.isEmpty())
        return report;  // nothing to write

    const QDateTime now = registry.clock().now();
    const QString stamp = History::timestamp(now);
    auto term = db.scalar(u"SELECT term_days FROM escalation_levels WHERE level = 0"_s);
    if (!term.ok())
        return term.error();
    const QString levelDue = WorkingDays::add(today, term.value().toInt()).toString(Qt::ISODate);
    // A large file rebuilds the day counts once instead of counting row by row.
    const bool bulk = rows.size() > 20000;
    if (bulk) {
        for (const QString& statement : db.dialect().bulkWriteSetup())
            BS_TRY(db.execute(statement));
    }
    Status written = db.write([&]() -> Status {
        // Another program may have registered meldingen of this file since they were checked
        // above: the file is refused whole, with the melding named, never half-duplicated.
        auto arrived = db.run(u"SELECT external_id FROM signals WHERE id > ? AND source_code = ? AND external_id IS NOT NULL"_s,
                              {seenUpTo.value(), source->code});
        if (!arrived.ok())
            return arrived.error();
        if (arrived->next()) {
            QSet<QString> inFile;
            for (const Row& row : std::as_const(rows))
                inFile.insert(row.externalId);
            do {
                const QString externalId = arrived->value(0).toString();
                if (inFile.contains(externalId)) {
                    return Error::rule(u"Melding %1 van %2 is intussen door een ander programma geregistreerd. Er is niets "
                                       "geïmporteerd; importeer het bestand opnieuw, dan worden de meldingen die er al zijn "
                                       "overgeslagen."_s.arg(externalId, source->name));
                }
            } while (arrived->next());
        }
        auto lastId = db.scalar(u"SELECT coalesce(max(id), 0) FROM signals"_s);
        if (!lastId.ok())
            return lastId.error();
        const qint64 firstNewAfter = lastId.value().toLongLong();
        QStringList rebuildIndexes;
        if (bulk) {
            for (const QString& statement : Schema::suspendDayCounts(db.dialect()))
                BS_TRY(db.execute(statement));
            if (rows.size() > firstNewAfter) {
                auto dropped = Schema::dropSecondaryIndexes(db, {u"signals"_s, u"history"_s});
                if (!dropped.ok())
                    return dropped.error();
                rebuildIndexes = dropped.value();
            }
        }
        SignalWriter::ReferenceNumbers numbers(db);
        auto inserter = SignalWriter::Inserter::prepare(db, SignalWriter::Inserter::Id::NotNeeded, u"importeren"_s);
        if (!inserter.ok())
            return inserter.error();
        // What is the same for every row is filled in once.
        SignalWriter::NewSignalRow signal;
        signal.registeredAt = stamp;
        signal.registeredBy = registry.actor();
        signal.impact = mapping.impact;
        signal.source = source->code;
        signal.levelSince = today.toString(Qt::ISODate);
        signal.updatedAt = stamp;
        const QString closedText = u"Afgehandeld in %1"_s.arg(source->name);
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const Row& row = rows.at(i);
            const bool closed = row.status == u"afgehandeld"_s;
            auto reference = numbers.next(today.year());
            if (!reference.ok())
                return reference.error();
            signal.reference = reference.value();
            signal.observedOn = row.observed.toString(Qt::ISODate);
            signal.buurtId = row.buurtId;
            signal.street = row.street;
            signal.category = row.category;
            signal.externalId = row.externalId;
            signal.description = row.description;
            signal.status = row.status;
            signal.levelDueOn = closed ? QString() : levelDue;
            signal.outcome = closed ? u"opgelost"_s : QString();
            signal.outcomeText = closed ? closedText : QString();
            signal.closedOn = closed ? row.closed.toString(Qt::ISODate) : QString();
            auto inserted = inserter->insert(signal, i + 2);
            if (!inserted.ok())
                return inserted.error();
            if (progress && i % 5000 == 0 && !progress(i, rows.size()))
                return Error::rule(u"Import afgebroken; er is niets opgeslagen."_s);
        }
        BS_TRY(History::recordCreatedAfter(db, stamp, registry.actor(),
                                           u"Geïmporteerd uit %1 (%2), extern nummer "_s.arg(source->name, fileName), firstNewAfter));
        for (const QString& statement : std::as_const(rebuildIndexes))
            BS_TRY(db.execute(statement));
        BS_TRY(numbers.save());
        if (bulk) {
            for (const QString& statement : Schema::rebuildDayCounts(db.dialect()))
                BS_TRY(db.execute(statement));
        }
        if (bulk) {  // the per-row access-log trigger was off: one entry for the whole file
            BS_TRY(AccessLog::record(registry, AccessAction::Created, 0,
                                     u"import van %1 meldingen uit %2 (%3)"_s.arg(rows.size()).arg(fileName, source->name)));
        }
        return db.execute(u"INSERT INTO import_log (at, actor, source_code, file, rows_read, imported, already_present)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                          {stamp, registry.actor(), source->code, fileName, report.rowsRead, int(rows.size()), report.alreadyPresent});
    });
    if (!written.ok())
        return written.error();
    report.imported = int(rows.size());
    report.written = true;
    return report;
}

}  // namespace MeldingImport
}  // namespace bs
