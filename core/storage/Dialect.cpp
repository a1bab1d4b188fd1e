#include "Dialect.h"

using namespace Qt::StringLiterals;

namespace bs {

QString SqliteDialect::idColumn() const
{
    return u"INTEGER PRIMARY KEY"_s;
}

QString SqliteDialect::beginWrite() const
{
    return u"BEGIN IMMEDIATE"_s;
}

QStringList SqliteDialect::connectionSetup() const
{
    return {u"PRAGMA foreign_keys = ON"_s, u"PRAGMA synchronous = FULL"_s,
            u"PRAGMA busy_timeout = %1"_s.arg(busyTimeoutMs)};
}

QStringList SqliteDialect::bulkWriteSetup() const
{
    // A page cache large enough that a big transaction is not spilled to the WAL half-way.
    return {u"PRAGMA cache_size = -65536"_s};
}

QStringList SqliteDialect::signalDayCountTriggers() const
{
    const QString add = u"INSERT INTO signal_day_counts (observed_on, buurt_id, category_code, signals)"
                        " VALUES (NEW.observed_on, NEW.buurt_id, NEW.category_code, 1)"
                        " ON CONFLICT (observed_on, buurt_id, category_code) DO UPDATE SET signals = signals + 1;"_s;
    const QString remove = u"UPDATE signal_day_counts SET signals = signals - 1 WHERE observed_on = OLD.observed_on"
                           " AND buurt_id = OLD.buurt_id AND category_code = OLD.category_code;"_s;
    return {
        u"CREATE TRIGGER signals_count_insert AFTER INSERT ON signals BEGIN %1 END"_s.arg(add),
        u"CREATE TRIGGER signals_count_update AFTER UPDATE OF observed_on, buurt_id, category_code ON signals BEGIN %1 %2 END"_s.arg(remove, add),
        u"CREATE TRIGGER signals_count_delete AFTER DELETE ON signals BEGIN %1 END"_s.arg(remove),
    };
}

QStringList SqliteDialect::appendOnly(const QString& table) const
{
    return {
        u"CREATE TRIGGER %1_no_update BEFORE UPDATE ON %1 BEGIN SELECT RAISE(ABORT, '%1 is append-only'); END"_s.arg(table),
        u"CREATE TRIGGER %1_no_delete BEFORE DELETE ON %1 BEGIN SELECT RAISE(ABORT, '%1 is append-only'); END"_s.arg(table),
    };
}

QString SqliteDialect::countTablesSql(bool byName) const
{
    return byName ? u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"_s
                  : u"SELECT count(*) FROM sqlite_master WHERE type = 'table'"_s;
}

QString SqliteDialect::backupIntoSql() const
{
    // VACUUM INTO writes a consistent, compact copy without blocking readers.
    return u"VACUUM INTO ?"_s;
}

Error SqliteDialect::translate(const QSqlError& error, const QString& context) const
{
    const QString text = (error.databaseText() + u' ' + error.driverText()).toLower();
    const QString detail = u"%1: %2 (%3)"_s.arg(context, error.text(), error.nativeErrorCode());
    Error result = Error::storage(u"Het register kon de gegevens niet verwerken (%1). Er is niets gewijzigd."_s.arg(context), detail);
    if (text.contains(u"locked"_s) || text.contains(u"busy"_s)) {
        result.kind = ErrorKind::Busy;
        result.message = u"Het register is bezet door een ander programma. Er is niets gewijzigd; probeer het zo opnieuw."_s;
    } else if (text.contains(u"readonly"_s) || text.contains(u"read-only"_s)) {
        result.message = u"Het registerbestand is alleen-lezen. Er is niets gewijzigd."_s;
    } else if (text.contains(u"disk is full"_s) || text.contains(u"database or disk is full"_s)) {
        result.message = u"De schijf is vol. Er is niets gewijzigd; maak ruimte vrij en probeer het opnieuw."_s;
    } else if (text.contains(u"not a database"_s) || text.contains(u"malformed"_s)) {
        result.message = u"Het bestand is geen (leesbaar) Buurtsignaal-register. Er is niets gewijzigd."_s;
    } else if (text.contains(u"disk i/o"_s)) {
        result.message = u"Lezen of schrijven van het registerbestand mislukte (schijffout). Er is niets gewijzigd."_s;
    } else if (text.contains(u"append-only"_s)) {
        result.kind = ErrorKind::Rule;
        result.message = u"De geschiedenis kan niet worden gewijzigd of verwijderd."_s;
    }
    return result;
}

}  // namespace bs
