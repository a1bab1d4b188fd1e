#include "ServerImport.h"

#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/Schema.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace bs::ServerImport {

namespace {

// How each table of the schema moves. A table the plan does not name refuses the import, so a
// later schema version cannot silently leave a table behind.
enum class How {
    Reference,  // the server's seed rows are replaced by the file's, with their ids
    Copy,       // every row, with its id
    AccessLog,  // a copy; numbered after the server's own user-administration entries, if any
    Users,      // merged on login: the server's users stay, the file's others are added
    Settings,   // the file's values win
    DayCounts,  // rebuilt from the copied rows in one pass, then compared with the file's
    Skip,       // schema_migrations: equal on both sides by the version check
};

struct Step {
    QString table;
    How how;
};

// In the order of their references: a row is copied after the rows it points to.
const QList<Step>& plan()
{
    static const QList<Step> steps = {
        {u"wijken"_s, How::Reference}, {u"buurten"_s, How::Reference}, {u"themes"_s, How::Reference},
        {u"categories"_s, How::Reference}, {u"sources"_s, How::Reference}, {u"partners"_s, How::Reference},
        {u"partner_buurten"_s, How::Reference}, {u"escalation_levels"_s, How::Reference}, {u"indicators"_s, How::Reference},
        {u"buurt_outlines"_s, How::Copy}, {u"wijk_outlines"_s, How::Copy}, {u"street_buurten"_s, How::Copy},
        {u"settings"_s, How::Settings}, {u"users"_s, How::Users},
        {u"signal_sequence"_s, How::Copy}, {u"signals"_s, How::Copy}, {u"subjects"_s, How::Copy},
        {u"consent_scopes"_s, How::Copy}, {u"referrals"_s, How::Copy}, {u"escalations"_s, How::Copy},
        {u"history"_s, How::Copy}, {u"journal_entries"_s, How::Copy}, {u"access_log"_s, How::AccessLog}, {u"activities"_s, How::Copy},
        {u"activity_partners"_s, How::Copy}, {u"indicator_entries"_s, How::Copy}, {u"export_log"_s, How::Copy},
        {u"import_log"_s, How::Copy}, {u"retention_log"_s, How::Copy},
        {u"signal_day_counts"_s, How::DayCounts}, {u"referral_day_counts"_s, How::DayCounts},
        {u"signal_month_counts"_s, How::DayCounts}, {u"referral_month_counts"_s, How::DayCounts},
        {u"referral_month_days"_s, How::DayCounts}, {u"escalation_day_counts"_s, How::DayCounts},
        {u"signal_open_terms"_s, How::DayCounts}, {u"schema_migrations"_s, How::Skip},
    };
    return steps;
}

// Large tables whose secondary indexes are dropped during the copy and built once afterwards.
const QStringList& bulkTables()
{
    static const QStringList tables = {u"signals"_s, u"history"_s, u"access_log"_s, u"referrals"_s, u"escalations"_s,
                                       u"consent_scopes"_s, u"subjects"_s};
    return tables;
}

// Rows per INSERT: each column's values travel as one array (a bound value), unnested on the
// server. Far fewer values to parse than a multi-row VALUES list, and few round trips.
constexpr int rowsPerStatement = 10000;

struct Column {
    QString name;
    QString type;  // the server's type name (int8, int4, text, float8): the array's element type
};

Result<qint64> count(Database& db, const QString& sql)
{
    auto value = db.scalar(sql);
    if (!value.ok())
        return value.error();
    return value.value().toLongLong();
}

// The table's columns in the server's order (the same names exist in the file: same version).
Result<QList<Column>> serverColumns(Database& server, const QString& table)
{
    auto query = server.run(u"SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema()"
                            " AND table_name = ? ORDER BY ordinal_position"_s,
                            {table});
    if (!query.ok())
        return query.error();
    QList<Column> columns;
    while (query->next())
        columns << Column{query->value(0).toString(), query->value(1).toString()};
    return columns;
}

// One element of a PostgreSQL array literal: NULL, or the text in double quotes with its
// backslashes and double quotes escaped (array_in's rules), so any text arrives unchanged.
void appendElement(QString& array, const QVariant& value)
{
    if (array.size() > 1)
        array += u',';
    if (value.isNull()) {
        array += u"NULL"_s;
        return;
    }
    QString text = value.typeId() == QMetaType::Double ? QString::number(value.toDouble(), 'g', 17) : value.toString();
    text.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    array += u'"';
    array += text;
    array += u'"';
}

// Copies every row of `table` (the named columns) from the file to the server: per batch one
// INSERT … SELECT FROM unnest(?::type[], …) with one bound array per column. Returns the rows copied.
Result<qint64> copyRows(Database& file, Database& server, const QString& table, const QList<Column>& columns)
{
    // Table, column and type names come from the server's own catalogue, never from input.
    QStringList names;
    QStringList arrays;
    for (const Column& column : columns) {
        names << column.name;
        arrays << u"CAST(? AS %1[])"_s.arg(column.type);
    }
    auto rows = file.run(u"SELECT %1 FROM %2"_s.arg(names.join(u", "_s), table));
    if (!rows.ok())
        return rows.error();
    auto prepared = server.prepare(u"INSERT INTO %1 (%2) SELECT * FROM unnest(%3)"_s.arg(table, names.join(u", "_s), arrays.join(u", "_s)));
    if (!prepared.ok())
        return prepared.error();
    QSqlQuery insert = std::move(prepared).value();
    const qsizetype width = columns.size();
    QList<QString> values(width, u"{"_s);
    qint64 inBatch = 0;
    qint64 copied = 0;
    const auto flush = [&]() -> Status {
        if (inBatch == 0)
            return {};
        for (qsizetype c = 0; c < width; ++c) {
            insert.bindValue(int(c), values.at(c) + u'}');
            values[c] = u"{"_s;
        }
        BS_TRY(server.exec(insert, u"overzetten van %1"_s.arg(table)));
        copied += inBatch;
        inBatch = 0;
        return {};
    };
    while (rows->next()) {
        for (int c = 0; c < width; ++c)
            appendElement(values[c], rows->value(c));
        if (++inBatch == rowsPerStatement)
            BS_TRY(flush());
    }
    BS_TRY(flush());
    return copied;
}

// A registry on the server may receive a file only while it holds no casework of its own: what
// `init` or `server init` made, and users added since (which log 'beheer' without a signal).
Status refuseIfNotEmpty(Database& server)
{
    QStringList found;
    for (const Step& step : plan()) {
        if (step.how != How::Copy)
            continue;
        auto rows = count(server, u"SELECT count(*) FROM %1"_s.arg(step.table));
        if (!rows.ok())
            return rows.error();
        if (rows.value() > 0)
            found << u"%1 rijen in %2"_s.arg(rows.value()).arg(step.table);
    }
    auto logged = count(server, u"SELECT count(*) FROM access_log WHERE signal_id IS NOT NULL OR action <> 'beheer'"_s);
    if (!logged.ok())
        return logged.error();
    if (logged.value() > 0)
        found << u"%1 rijen in access_log"_s.arg(logged.value());
    if (found.isEmpty())
        return {};
    return Error::rule(u"Het register op %1 is niet leeg (%2). Een bestand overzetten kan alleen naar een leeg register, gemaakt met "
                       "'server init' of 'init', met niet meer dan de referentiegegevens en de gebruikers. Er is niets gewijzigd."_s
                           .arg(server.path(), found.join(u", "_s)));
}

// The tables belong to the owner role (made by `server init`) or to the login that ran `init`.
// The copy runs as that owner, inside the transaction only: it may fill every table and switch
// the per-row triggers off and on again, which no application role may.
Status becomeOwner(Database& server)
{
    auto owner = server.scalar(u"SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'signals'"_s);
    if (!owner.ok())
        return owner.error();
    auto me = server.scalar(u"SELECT current_user"_s);
    if (!me.ok())
        return me.error();
    if (owner.value().toString() == me.value().toString())
        return {};
    auto member = server.scalar(u"SELECT pg_has_role(current_user, ?, 'MEMBER')"_s, {owner.value()});
    if (!member.ok())
        return member.error();
    if (!member.value().toBool()) {
        return Error::denied(u"De login '%1' mag de tabellen van het register op %2 niet vullen. Zet het bestand over met de beheerlogin "
                             "van de server (de login van 'server init', bijvoorbeeld postgres) of een login met de rol '%3'. "
                             "Er is niets gewijzigd."_s.arg(me.value().toString(), server.path(), owner.value().toString()));
    }
    auto setRole = server.scalar(u"SELECT format('SET LOCAL ROLE %I', ?::text)"_s, {owner.value()});
    if (!setRole.ok())
        return setRole.error();
    return server.execute(setRole.value().toString());
}

// The foreign keys of the large tables are dropped during the copy and added again afterwards:
// adding one checks every row in a single join, where keeping it checks each row on its own
// (several lookups per signal). Still inside the transaction, so a row of the file pointing
// nowhere refuses the whole copy just the same. Returns the statements that add them again.
Result<QStringList> dropForeignKeys(Database& server, const QStringList& tables)
{
    QStringList drop;
    QStringList add;
    for (const QString& table : tables) {
        // The server quotes the names (from its own catalogue) and writes the definition.
        auto keys = server.run(u"SELECT format('ALTER TABLE %I DROP CONSTRAINT %I', t.relname, c.conname),"
                               " format('ALTER TABLE %I ADD CONSTRAINT %I %s', t.relname, c.conname, pg_get_constraintdef(c.oid))"
                               " FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid"
                               " WHERE c.contype = 'f' AND t.relname = ? AND t.relnamespace = current_schema()::regnamespace"
                               " ORDER BY c.conname"_s,
                               {table});
        if (!keys.ok())
            return keys.error();
        while (keys->next()) {
            drop << keys->value(0).toString();
            add << keys->value(1).toString();
        }
    }
    for (const QString& statement : drop)
        BS_TRY(server.execute(statement));
    return add;
}

Status replaceReferenceData(Database& server)
{
    // Children first. The day counts point to buurten, categories and partners; they are rebuilt.
    QStringList tables = Schema::countTables();
    for (auto it = plan().crbegin(); it != plan().crend(); ++it) {
        if (it->how == How::Reference)
            tables << it->table;
    }
    for (const QString& table : tables)
        BS_TRY(server.execute(u"DELETE FROM %1"_s.arg(table)));
    return {};
}

Result<TableCount> mergeUsers(Database& file, Database& server, QStringList& withoutRole)
{
    auto existing = server.run(u"SELECT login FROM users"_s);
    if (!existing.ok())
        return existing.error();
    QSet<QString> onServer;
    while (existing->next())
        onServer.insert(existing->value(0).toString());
    auto users = file.run(u"SELECT login, display_name, role, active, created_at FROM users ORDER BY id"_s);
    if (!users.ok())
        return users.error();
    TableCount counted{u"users"_s, 0, 0, u"samengevoegd op login"_s};
    while (users->next()) {
        const QString login = users->value(0).toString();
        ++counted.inFile;
        if (!onServer.contains(login)) {
            BS_TRY(server.execute(u"INSERT INTO users (login, display_name, role, active, created_at) VALUES (?, ?, ?, ?, ?)"_s,
                                  {login, users->value(1), users->value(2), users->value(3), users->value(4)}));
            onServer.insert(login);
        }
        auto role = server.scalar(u"SELECT count(*) FROM pg_roles WHERE rolname = ? AND rolcanlogin"_s, {login});
        if (!role.ok())
            return role.error();
        if (role.value().toInt() == 0)
            withoutRole << login;
    }
    // Every login of the file is now a user on the server.
    auto present = file.run(u"SELECT login FROM users"_s);
    if (!present.ok())
        return present.error();
    while (present->next())
        counted.onServer += onServer.contains(present->value(0).toString()) ? 1 : 0;
    return counted;
}

Result<TableCount> upsertSettings(Database& file, Database& server)
{
    auto settings = file.run(u"SELECT key, value FROM settings"_s);
    if (!settings.ok())
        return settings.error();
    TableCount counted{u"settings"_s, 0, 0, u"waarden uit het bestand"_s};
    QList<std::pair<QString, QString>> pairs;
    while (settings->next())
        pairs.append({settings->value(0).toString(), settings->value(1).toString()});
    for (const auto& [key, value] : pairs) {
        ++counted.inFile;
        BS_TRY(server.execute(u"INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s,
                              {key, value}));
        auto same = server.scalar(u"SELECT count(*) FROM settings WHERE key = ? AND value = ?"_s, {key, value});
        if (!same.ok())
            return same.error();
        counted.onServer += same.value().toLongLong();
    }
    return counted;
}

// Identity columns continue after the highest id copied, so the next signal gets the next number.
Status resetIdentities(Database& server)
{
    auto identities = server.run(u"SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema()"
                                 " AND column_name = 'id' AND is_identity = 'YES' ORDER BY table_name"_s);
    if (!identities.ok())
        return identities.error();
    QStringList tables;
    while (identities->next())
        tables << identities->value(0).toString();
    for (const QString& table : tables) {
        BS_TRY(server.execute(u"SELECT setval(pg_get_serial_sequence(?, 'id'), coalesce((SELECT max(id) FROM %1), 0) + 1, false)"_s.arg(table),
                              {table}));
    }
    return {};
}

// The day and month counts are compared as what they count (signals, referrals), not as rows: a file may
// keep buckets whose count dropped to zero, the rebuild does not make those.
QString dayCountTotal(const QString& table)
{
    const QString counted = table.startsWith(u"signal"_s) ? u"signals"_s : table.startsWith(u"escalation"_s) ? u"steps"_s : u"referrals"_s;
    return u"SELECT coalesce(sum(%1), 0) FROM %2"_s.arg(counted, table);
}

Status copyEverything(Database& file, Database& server, Report& report, const Progress& progress)
{
    BS_TRY(becomeOwner(server));
    BS_TRY(refuseIfNotEmpty(server));
    auto existingLog = count(server, u"SELECT count(*) FROM access_log"_s);
    if (!existingLog.ok())
        return existingLog.error();

    // Per-row triggers off (day counts, access log from history): the copied rows are history,
    // not new changes; the counts are rebuilt in one pass below and the triggers put back.
    for (const QString& statement : Schema::suspendDayCounts(server.dialect()))
        BS_TRY(server.execute(statement));
    auto rebuildIndexes = Schema::dropSecondaryIndexes(server, bulkTables());
    if (!rebuildIndexes.ok())
        return rebuildIndexes.error();
    auto addForeignKeys = dropForeignKeys(server, bulkTables());
    if (!addForeignKeys.ok())
        return addForeignKeys.error();
    BS_TRY(replaceReferenceData(server));

    for (const Step& step : plan()) {
        TableCount counted{step.table, 0, 0, {}};
        switch (step.how) {
        case How::Skip:
        case How::DayCounts:
            continue;
        case How::Users: {
            auto merged = mergeUsers(file, server, report.loginsWithoutServerRole);
            if (!merged.ok())
                return merged.error();
            counted = merged.value();
            break;
        }
        case How::Settings: {
            auto upserted = upsertSettings(file, server);
            if (!upserted.ok())
                return upserted.error();
            counted = upserted.value();
            break;
        }
        case How::Reference:
        case How::Copy:
        case How::AccessLog: {
            auto columns = serverColumns(server, step.table);
            if (!columns.ok())
                return columns.error();
            QList<Column> copiedColumns = columns.value();
            const bool renumber = step.how == How::AccessLog && existingLog.value() > 0;
            if (renumber) {
                // The server already logged its user administration under the first numbers; the
                // file's entries follow them, in their own order (nothing refers to these ids).
                copiedColumns.removeIf([](const Column& column) { return column.name == u"id"_s; });
                counted.note = u"genummerd na %1 eigen regels van de server"_s.arg(existingLog.value());
            }
            if (step.how == How::Reference)
                counted.note = u"referentiegegevens uit het bestand"_s;
            auto copied = copyRows(file, server, step.table, copiedColumns);
            if (!copied.ok())
                return copied.error();
            auto inFile = count(file, u"SELECT count(*) FROM %1"_s.arg(step.table));
            auto onServer = count(server, u"SELECT count(*) FROM %1"_s.arg(step.table));
            if (!inFile.ok())
                return inFile.error();
            if (!onServer.ok())
                return onServer.error();
            counted.inFile = inFile.value();
            counted.onServer = onServer.value() - (renumber ? existingLog.value() : 0);
            break;
        }
        }
        report.tables << counted;
        if (progress)
            progress(step.table, counted.onServer);
    }

    for (const QString& statement : rebuildIndexes.value() + addForeignKeys.value())
        BS_TRY(server.execute(statement));
    for (const QString& statement : Schema::rebuildDayCounts(server.dialect()))
        BS_TRY(server.execute(statement));
    for (const QString& table : Schema::countTables()) {
        auto inFile = count(file, dayCountTotal(table));
        auto onServer = count(server, dayCountTotal(table));
        if (!inFile.ok())
            return inFile.error();
        if (!onServer.ok())
            return onServer.error();
        report.tables << TableCount{table, inFile.value(), onServer.value(), u"som van de tellingen, opnieuw geteld"_s};
    }
    BS_TRY(resetIdentities(server));
    // The planner's statistics for the new rows, so the first lists after the move are fast.
    BS_TRY(server.execute(u"ANALYZE "_s + bulkTables().join(u", "_s)));

    if (!report.countsMatch()) {
        return Error::storage(u"De aantallen in het bestand en op de server verschillen; er is niets overgezet (alles teruggedraaid).\n%1"_s
                                  .arg(countsText(report)));
    }
    return {};
}

// Every table of the server's schema must have a place in the plan.
Status refuseUnknownTables(Database& server)
{
    auto tables = server.run(u"SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                             " AND table_type = 'BASE TABLE' ORDER BY table_name"_s);
    if (!tables.ok())
        return tables.error();
    QSet<QString> planned;
    for (const Step& step : plan())
        planned.insert(step.table);
    QStringList unknown;
    while (tables->next()) {
        if (!planned.contains(tables->value(0).toString()))
            unknown << tables->value(0).toString();
    }
    if (unknown.isEmpty())
        return {};
    return Error::storage(u"Deze versie van Buurtsignaal weet niet hoe de tabel(len) %1 moeten worden overgezet. Er is niets gewijzigd."_s
                              .arg(unknown.join(u", "_s)));
}

}  // namespace

bool Report::countsMatch() const
{
    for (const TableCount& t : tables) {
        if (t.inFile != t.onServer)
            return false;
    }
    return true;
}

QString countsText(const Report& report)
{
    QStringList lines = {u"%1 %2 %3"_s.arg(u"tabel"_s.leftJustified(22), u"bestand"_s.rightJustified(10), u"server"_s.rightJustified(10))};
    for (const TableCount& t : report.tables) {
        lines << u"%1 %2 %3%4%5"_s.arg(t.table.leftJustified(22), QString::number(t.inFile).rightJustified(10),
                                       QString::number(t.onServer).rightJustified(10), t.inFile == t.onServer ? QString() : u"  VERSCHIL"_s,
                                       t.note.isEmpty() ? QString() : u"  (%1)"_s.arg(t.note));
    }
    return lines.join(u'\n');
}

Result<Report> importFile(const QString& filePath, const ServerAddress& address, const Progress& progress)
{
    if (!QFileInfo(filePath).isFile())
        return Error::notFound(u"file"_s, u"Het bestand %1 bestaat niet. Er is niets gewijzigd."_s.arg(filePath));
    auto openedFile = Database::openSqlite(filePath, Database::Mode::ReadOnly);
    if (!openedFile.ok())
        return openedFile.error();
    Database& file = *openedFile.value();
    auto fileVersion = schemaVersion(file);
    if (!fileVersion.ok())
        return fileVersion.error();
    if (fileVersion.value() == 0)
        return Error::invalid(u"file"_s, u"Het bestand %1 bevat geen Buurtsignaal-register. Er is niets gewijzigd."_s.arg(filePath));

    auto openedServer = Database::openPostgresql(address);
    if (!openedServer.ok())
        return openedServer.error();
    Database& server = *openedServer.value();
    auto serverVersion = schemaVersion(server);
    if (!serverVersion.ok())
        return serverVersion.error();
    if (serverVersion.value() == 0) {
        return Error::notFound(u"db"_s, u"De database %1 heeft nog geen Buurtsignaal-register. Maak het eerst met "
                                        "'buurtsignaal-cli --db %1 server init'. Er is niets gewijzigd."_s.arg(server.path()));
    }
    if (fileVersion.value() != serverVersion.value()) {
        return Error::rule(u"Het bestand %1 heeft schemaversie %2, het register op %3 schemaversie %4: alleen een register van dezelfde "
                           "versie kan worden overgezet. Open het bestand en het serverregister eerst met deze versie van Buurtsignaal "
                           "(die werkt beide bij tot versie %5). Er is niets gewijzigd."_s.arg(filePath)
                               .arg(fileVersion.value())
                               .arg(server.path())
                               .arg(serverVersion.value())
                               .arg(latestVersion(standardLadder())));
    }
    BS_TRY(refuseUnknownTables(server));

    Report report;
    // One snapshot of the file for every table read, even if a program writes to it meanwhile.
    BS_TRY(file.execute(u"BEGIN"_s));
    const Status copied = server.write([&]() -> Status { return copyEverything(file, server, report, progress); });
    (void)file.execute(u"ROLLBACK"_s);
    BS_TRY(copied);
    return report;
}

}  // namespace bs::ServerImport
