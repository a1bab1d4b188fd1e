#include "MeldingImport.h"

#include "Registry.h"
#include "access/AccessLog.h"
#include "domain/Codes.h"
#include "domain/DutchDates.h"
#include "domain/Validation.h"
#include "domain/Workflow.h"
#include "domain/WorkingDays.h"
#include "geo/BuurtLocator.h"
#include "io/Csv.h"
#include "io/SignalenExport.h"
#include "io/TextDecoding.h"
#include "io/ZipReader.h"
#include "services/History.h"
#include "services/Lookups.h"
#include "services/SignalWriter.h"
#include "storage/Schema.h"

#include <QSqlQuery>

#include <optional>

using namespace Qt::StringLiterals;

namespace bs {

namespace MeldingImport {

QDate parseDutchDate(const QString& text)
{
    return DutchDates::parseExported(text);
}

QString cutNotice(const ImportReport& report)
{
    const int left = report.problemCount - int(report.problems.size());
    return left > 0 ? u"… en nog %1 problemen"_s.arg(left) : QString();
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

// A melding already in the registry, as far as an update may change it.
struct Known {
    qint64 id = 0;
    QString status;
    QString closedOn;
    QDate observed;
};

struct Update {
    qint64 id = 0;
    QString from;
    QString to;
    QDate closed;
};

bool isClosing(const QString& status)
{
    return status == u"afgehandeld"_s || status == u"geannuleerd"_s;
}

Result<Csv::Parsed> readFile(const QByteArray& file, QChar separator, ImportReport& report)
{
    Csv::Parsed parsed;
    if (ZipReader::looksLikeZip(file)) {
        auto joined = SignalenExport::flatten(file);
        if (!joined.ok())
            return joined.error();
        parsed = std::move(joined).value();
        report.encoding = u"zip-export van Signalen"_s;
        report.separator = u',';
    } else {
        TextDecoding::Encoding encoding;
        const QString text = TextDecoding::decode(file, &encoding);
        report.encoding = TextDecoding::name(encoding);
        report.separator = separator.isNull() ? Csv::detectSeparator(text) : separator;
        parsed = Csv::parseChecked(text, report.separator);
        if (!parsed.error.isEmpty())
            return Error::invalid(u"file"_s, u"Het bestand kan niet worden gelezen: regel %1: %2."_s.arg(parsed.errorLine).arg(parsed.error));
    }
    if (parsed.rows.isEmpty())
        return Error::invalid(u"file"_s, u"Het bestand is leeg: er is geen kopregel met kolomnamen."_s);
    report.header = parsed.rows.first();
    for (QString& name : report.header)
        name = name.trimmed();
    return parsed;
}

// "4,89" as people in the Netherlands write it, or "4.89".
std::optional<double> number(const QString& text)
{
    QString t = text;
    if (!t.contains(u'.'))
        t.replace(u',', u'.');
    bool ok = false;
    const double value = t.toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
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
        if (!value.isEmpty() && value.compare(u"null"_s, Qt::CaseInsensitive) != 0 && !values.contains(value))
            values << value;
    }
    values.sort(Qt::CaseInsensitive);
    return values;
}

Result<ImportReport> run(Registry& registry, const QByteArray& file, const MeldingMapping& mapping, const QString& fileName,
                         const ImportOptions& options, const std::function<bool(qint64, qint64)>& progress)
{
    auto source = Lookups::findSource(registry, mapping.source);
    if (!source.ok())
        return source.error();
    ImportReport report;
    auto parsed = readFile(file, mapping.separator, report);
    if (!parsed.ok())
        return parsed.error();
    // Per field the file's columns in order of preference; a fallback the file lacks is passed
    // over, but at least one must be there.
    QHash<QString, QList<int>> column;
    for (auto it = mapping.columns.cbegin(); it != mapping.columns.cend(); ++it) {
        QList<int> indexes;
        for (const QString& name : it.value()) {
            const int index = int(report.header.indexOf(name));
            if (index >= 0)
                indexes << index;
        }
        if (indexes.isEmpty()) {
            return Error::invalid(u"mapping"_s, u"Kolom '%1' (voor %2) staat niet in het bestand. Kolommen in het bestand: %3."_s.arg(
                                                    it.value().join(u"' of '"_s), it.key(), report.header.join(u", "_s)));
        }
        column.insert(it.key(), indexes);
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
    QHash<QString, qint64> buurtByStreet;
    if (column.contains(u"street"_s)) {
        auto streets = db.run(u"SELECT street, buurt_id FROM street_buurten"_s);
        if (!streets.ok())
            return streets.error();
        while (streets->next())
            buurtByStreet.insert(streets->value(0).toString().toLower(), streets->value(1).toLongLong());
    }
    std::optional<BuurtLocator> locator;
    if (column.contains(u"latitude"_s) || column.contains(u"x"_s)) {
        auto loaded = BuurtLocator::load(registry);
        if (!loaded.ok())
            return loaded.error();
        locator = std::move(loaded).value();
    }

    // Signals saved after this point have a higher id; the write checks those again under its lock.
    auto seenUpTo = db.scalar(u"SELECT coalesce(max(id), 0) FROM signals"_s);
    if (!seenUpTo.ok())
        return seenUpTo.error();
    QHash<QString, Known> known;
    {
        auto existing = db.run(u"SELECT external_id, id, status, closed_on, observed_on FROM signals WHERE source_code = ? AND external_id IS NOT NULL"_s,
                               {source->code});
        if (!existing.ok())
            return existing.error();
        while (existing->next())
            known.insert(existing->value(0).toString(), {existing->value(1).toLongLong(), existing->value(2).toString(), existing->value(3).toString(),
                                                      QDate::fromString(existing->value(4).toString(), Qt::ISODate)});
    }
    QSet<QString> inThisFile;

    const QDate today = registry.clock().today();
    auto problem = [&report](int line, const QString& columnName, const QString& reason) {
        ++report.problemCount;
        if (report.problems.size() < ImportReport::maxProblems)
            report.problems << ImportProblem{line, columnName, reason};
    };
    // The first non-empty of the field's columns, and that column's name. Exports write "null"
    // for nothing.
    auto cellOf = [&](const QStringList& row, const QString& field, QString* columnName = nullptr) {
        const QList<int> indexes = column.value(field);
        for (int index : indexes) {
            const QString value = index < row.size() ? row.at(index).trimmed() : QString();
            if (!value.isEmpty() && value.compare(u"null"_s, Qt::CaseInsensitive) != 0) {
                if (columnName)
                    *columnName = report.header.at(index);
                return value;
            }
        }
        if (columnName)
            *columnName = indexes.isEmpty() ? field : report.header.at(indexes.first());
        return QString();
    };
    auto columnName = [&](const QString& field) {
        const QList<int> indexes = column.value(field);
        return indexes.isEmpty() ? field : report.header.at(indexes.first());
    };
    // The status and closing date of a row; false when the row has a problem (reported).
    auto readStatus = [&](const QStringList& values, int line, const QDate& observed, Row& row) {
        bool ok = true;
        row.status = u"nieuw"_s;
        if (column.contains(u"status"_s)) {
            QString statusColumn;
            const QString statusValue = cellOf(values, u"status"_s, &statusColumn);
            row.status = mapping.statuses.value(statusValue.toLower());
            if (row.status.isEmpty()) {
                problem(line, statusColumn, u"status '%1' staat niet in de koppeling"_s.arg(statusValue));
                ok = false;
            }
        }
        if (isClosing(row.status)) {
            QString closedColumn;
            const QString closedText = cellOf(values, u"closed"_s, &closedColumn);
            row.closed = parseDutchDate(closedText);
            if (!row.closed.isValid() || (observed.isValid() && row.closed < observed) || row.closed > today) {
                problem(line, column.contains(u"closed"_s) ? closedColumn : u"closed"_s,
                        u"%1 zonder geldige afhandeldatum op of na de meldingsdatum ('%2')"_s.arg(row.status, closedText));
                ok = false;
            }
        }
        return ok;
    };
    // The buurt of a row: named, found by its coordinates on the buurt map, or by its street.
    auto readBuurt = [&](const QStringList& values, int line, Row& row) {
        QString buurtColumn;
        const QString buurt = cellOf(values, u"buurt"_s, &buurtColumn);
        if (!buurt.isEmpty()) {
            row.buurtId = buurtByName.value(buurt.toLower(), 0);
            if (row.buurtId == 0) {
                problem(line, buurtColumn, u"onbekende buurt '%1'"_s.arg(buurt));
                return false;
            }
            return true;
        }
        // Coordinates first (exact), then the street list; without a buurt map the coordinates
        // cannot be used, and a street that is in the list still finds the buurt.
        QString noMapColumn;
        for (const auto& [first, second] : {std::pair(u"latitude"_s, u"longitude"_s), std::pair(u"x"_s, u"y"_s)}) {
            if (!column.contains(first))
                continue;
            QString firstColumn, secondColumn;
            QString a = cellOf(values, first, &firstColumn);
            QString b = cellOf(values, second, &secondColumn);
            if (a.isEmpty() && b.isEmpty())
                continue;
            const bool wgs84 = first == u"latitude"_s;
            if (wgs84 && mapping.swapLatLng) {
                std::swap(a, b);
                std::swap(firstColumn, secondColumn);
            }
            const auto p = number(a);
            const auto q = number(b);
            if (!p || !q) {
                problem(line, !p ? firstColumn : secondColumn, u"'%1' is geen getal"_s.arg(!p ? a : b));
                return false;
            }
            if (locator->isEmpty()) {
                noMapColumn = firstColumn;
                break;
            }
            auto point = wgs84 ? Geo::fromWgs84(*p, *q) : Geo::fromRd(*p, *q);
            if (!point.ok()) {
                problem(line, firstColumn, point.error().message);
                return false;
            }
            const auto found = locator->buurtAt(point.value());
            if (!found) {
                problem(line, firstColumn, u"ligt in geen buurt van de kaart (%1, %2)"_s.arg(a, b));
                return false;
            }
            row.buurtId = *found;
            return true;
        }
        if (!row.street.isEmpty() && buurtByStreet.contains(row.street.toLower())) {
            row.buurtId = buurtByStreet.value(row.street.toLower());
            return true;
        }
        if (!noMapColumn.isEmpty()) {
            problem(line, noMapColumn, u"geen buurtkaart geïmporteerd; importeer die met 'import kaart' (of geef de buurt of een straat uit de stratenlijst)"_s);
            return false;
        }
        if (!row.street.isEmpty() && column.contains(u"street"_s)) {
            problem(line, columnName(u"street"_s),
                    u"straat '%1' staat niet in de stratenlijst (import straten) en de regel heeft geen buurt of coördinaten"_s.arg(row.street));
            return false;
        }
        problem(line, columnName(column.contains(u"buurt"_s) ? u"buurt"_s : column.contains(u"latitude"_s) ? u"latitude"_s : u"x"_s),
                u"de regel heeft geen buurt, coördinaten of straat"_s);
        return false;
    };

    QList<Row> rows;
    QList<Update> updates;
    rows.reserve(parsed->rows.size());
    for (qsizetype r = 1; r < parsed->rows.size(); ++r) {
        const QStringList& values = parsed->rows.at(r);
        const int line = parsed->lineOfRow.at(r);
        ++report.rowsRead;
        bool skipped = false;
        for (auto it = mapping.skip.cbegin(); it != mapping.skip.cend() && !skipped; ++it)
            skipped = column.contains(it.key()) && it.value().contains(cellOf(values, it.key()).toLower());
        if (skipped) {
            ++report.skipped;
            continue;
        }
        Row row;
        row.externalId = cellOf(values, u"external_id"_s);
        if (row.externalId.isEmpty()) {
            problem(line, columnName(u"external_id"_s), u"extern nummer ontbreekt"_s);
            ++report.rowsWithProblems;
            continue;
        }
        if (inThisFile.contains(row.externalId)) {
            ++report.alreadyPresent;  // twice in this file: the first one counts
            continue;
        }
        inThisFile.insert(row.externalId);
        if (const auto it = known.constFind(row.externalId); it != known.constEnd()) {
            if (!options.update) {
                ++report.alreadyPresent;
                continue;
            }
            if (!readStatus(values, line, it->observed, row)) {
                ++report.rowsWithProblems;
                continue;
            }
            const QString closedOn = isClosing(row.status) ? row.closed.toString(Qt::ISODate) : QString();
            if (row.status == it->status && (!isClosing(row.status) || closedOn == it->closedOn)) {
                ++report.alreadyPresent;
                continue;
            }
            if (row.status != it->status) {
                const QString code = row.status == u"geannuleerd"_s ? u"niet_voor_ons"_s : u"opgelost"_s;
                const Workflow::TransitionInput input{code, source->name, {}};
                Status allowed = Workflow::checkSignalTransition(it->status, row.status, input);
                // The other system may have skipped the step "in behandeling" between two exports.
                if (!allowed.ok() && Workflow::checkSignalTransition(it->status, u"in_behandeling"_s, {}).ok()
                    && Workflow::checkSignalTransition(u"in_behandeling"_s, row.status, input).ok())
                    allowed = {};
                if (!allowed.ok()) {
                    problem(line, columnName(u"status"_s), u"status kan niet van %1 naar %2: %3"_s.arg(it->status, row.status, allowed.error().message));
                    ++report.rowsWithProblems;
                    continue;
                }
            }
            updates << Update{it->id, it->status, row.status, row.closed};
            continue;
        }
        bool ok = true;
        QString dateColumn;
        const QString dateText = cellOf(values, u"date"_s, &dateColumn);
        row.observed = parseDutchDate(dateText);
        if (!row.observed.isValid() || row.observed > today || row.observed.year() < 2000) {
            problem(line, dateColumn,
                    row.observed.isValid() ? u"datum %1 ligt in de toekomst of voor 2000"_s.arg(dateText)
                                           : u"'%1' is geen datum (%2)"_s.arg(dateText, DutchDates::exportedForms()));
            ok = false;
        }
        auto street = Validation::text(cellOf(values, u"street"_s), {u"street"_s, u"Straat"_s, false, 120, false});
        if (!street.ok()) {
            problem(line, columnName(u"street"_s), street.error().message);
            ok = false;
        } else {
            row.street = street.value();
        }
        if (!readBuurt(values, line, row))
            ok = false;
        QString categoryColumn;
        const QString categoryValue = cellOf(values, u"category"_s, &categoryColumn);
        row.category = mapping.categories.value(categoryValue.toLower(), categoryValue);
        if (!categoryCodes.contains(row.category)) {
            problem(line, categoryColumn, u"categorie '%1' staat niet in de koppeling en is geen categoriecode"_s.arg(categoryValue));
            ok = false;
        }
        auto description = Validation::text(cellOf(values, u"description"_s), {u"description"_s, u"Omschrijving"_s, false, 4000, true});
        if (!description.ok()) {
            problem(line, columnName(u"description"_s), description.error().message);
            ok = false;
        } else {
            row.description = description->isEmpty() ? u"Melding via %1 (zonder omschrijving)"_s.arg(source->name) : description.value();
        }
        if (!readStatus(values, line, row.observed, row))
            ok = false;
        if (ok)
            rows << row;
        else
            ++report.rowsWithProblems;
    }
    if (report.problemCount > 0)
        return report;  // nothing to write
    if (options.dryRun) {
        report.imported = int(rows.size());
        report.updated = int(updates.size());
        return report;
    }

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
    const QString closedText = u"Afgehandeld in %1"_s.arg(source->name);
    const QString cancelledText = u"Geannuleerd in %1"_s.arg(source->name);
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
        if (!rows.isEmpty()) {
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
            for (qsizetype i = 0; i < rows.size(); ++i) {
                const Row& row = rows.at(i);
                const bool closed = isClosing(row.status);
                const bool cancelled = row.status == u"geannuleerd"_s;
                // The reference carries the year the melding was made, as if it had been registered then.
                auto reference = numbers.next(row.observed.year());
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
                signal.outcome = !closed ? QString() : cancelled ? u"niet_voor_ons"_s : u"opgelost"_s;
                signal.outcomeText = !closed ? QString() : cancelled ? cancelledText : closedText;
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
        }
        if (!updates.isEmpty()) {
            // Only the status and what closing it means; the rest of the signal stays as it is.
            // The status it had is part of the WHERE: a signal changed by someone since the check is refused.
            auto update = db.prepare(u"UPDATE signals SET status = ?, outcome = ?, outcome_text = ?, closed_on = ?, "
                                     " level_due_on = CASE WHEN ? = 1 THEN NULL ELSE coalesce(level_due_on, ?) END, updated_at = ? WHERE id = ? AND status = ?"_s);
            if (!update.ok())
                return update.error();
            auto history = History::Writer::prepare(db);
            if (!history.ok())
                return history.error();
            for (const Update& u : std::as_const(updates)) {
                const bool closed = isClosing(u.to);
                const bool cancelled = u.to == u"geannuleerd"_s;
                QSqlQuery& q = update.value();
                q.bindValue(0, u.to);
                q.bindValue(1, closed ? QVariant(cancelled ? u"niet_voor_ons"_s : u"opgelost"_s) : QVariant());
                q.bindValue(2, closed ? QVariant(cancelled ? cancelledText : closedText) : QVariant());
                q.bindValue(3, closed ? QVariant(u.closed.toString(Qt::ISODate)) : QVariant());
                // Closed: no term runs; reopened: the first term starts again; still open: unchanged.
                q.bindValue(4, closed ? 1 : 0);
                q.bindValue(5, levelDue);
                q.bindValue(6, stamp);
                q.bindValue(7, u.id);
                q.bindValue(8, u.from);
                BS_TRY(db.exec(q, u"importeren (bijwerken)"_s));
                if (q.numRowsAffected() != 1)
                    return Error::rule(u"Een signaal is tijdens de import door iemand anders gewijzigd. Er is niets opgeslagen; importeer het bestand opnieuw."_s);
                QString detail = u"%1 → %2"_s.arg(Codes::signalStatus().label(u.from), Codes::signalStatus().label(u.to).toLower());
                if (closed)
                    detail += u" op %1"_s.arg(DutchDates::format(u.closed));
                BS_TRY(history->add(stamp, registry.actor(),
                                    {u.id, u"status"_s, detail, u"Bijgewerkt uit %1 (%2)"_s.arg(source->name, fileName), 0}));
            }
        }
        // Every real run is logged, also one that brought nothing new.
        return db.execute(u"INSERT INTO import_log (at, actor, source_code, file, rows_read, imported, already_present)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                          {stamp, registry.actor(), source->code, fileName, report.rowsRead, int(rows.size()), report.alreadyPresent});
    });
    if (!written.ok())
        return written.error();
    report.imported = int(rows.size());
    report.updated = int(updates.size());
    report.written = true;
    return report;
}

}  // namespace MeldingImport
}  // namespace bs
