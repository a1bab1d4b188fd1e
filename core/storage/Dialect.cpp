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
    return {u"PRAGMA foreign_keys = ON"_s, u"PRAGMA synchronous = FULL"_s, lockWaitSql(true)};
}

QString SqliteDialect::lockWaitSql(bool wait) const
{
    return u"PRAGMA busy_timeout = %1"_s.arg(wait ? busyTimeoutMs : 0);
}

QStringList SqliteDialect::bulkWriteSetup() const
{
    // A page cache large enough that a big transaction is not spilled to the WAL half-way.
    return {u"PRAGMA cache_size = -65536"_s};
}

QString SqliteDialect::droppableIndexesSql() const
{
    // Indexes behind constraints have no CREATE statement (sql IS NULL) and stay.
    return u"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name"_s;
}

QStringList SqliteDialect::appendOnlyWithRetention(const QString& table, const QString& monthsKey, int minimumMonths) const
{
    // Timestamps are ISO 8601 UTC text ("2026-11-27T10:00:00Z"), so text comparison orders them.
    const QString cutoff = u"strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-' || max(%1, coalesce((SELECT CAST(value AS INTEGER)"
                           " FROM settings WHERE key = '%2'), %1)) || ' months')"_s.arg(minimumMonths).arg(monthsKey);
    return {
        u"CREATE TRIGGER %1_no_update BEFORE UPDATE ON %1 BEGIN SELECT RAISE(ABORT, '%1 is append-only'); END"_s.arg(table),
        u"CREATE TRIGGER %1_no_delete BEFORE DELETE ON %1 WHEN OLD.at >= %2"
        " BEGIN SELECT RAISE(ABORT, '%1 is append-only'); END"_s.arg(table, cutoff),
    };
}

QStringList SqliteDialect::accessFromHistoryTrigger() const
{
    return {u"CREATE TRIGGER history_access AFTER INSERT ON history BEGIN"
            " INSERT INTO access_log (at, actor, role, action, signal_id, detail) VALUES (NEW.at, NEW.actor,"
            " coalesce((SELECT role FROM users WHERE login = NEW.actor), ''),"
            " CASE NEW.action WHEN 'aangemaakt' THEN 'aangemaakt' ELSE 'gewijzigd' END, NEW.signal_id, NEW.action); END"_s};
}

QStringList SqliteDialect::dropAccessFromHistoryTrigger() const
{
    return {u"DROP TRIGGER IF EXISTS history_access"_s};
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

QString SqliteDialect::daysBetween(const QString& from, const QString& to) const
{
    return u"CAST(julianday(%2) - julianday(%1) AS INTEGER)"_s.arg(from, to);
}

QStringList SqliteDialect::referralDayCountTriggers() const
{
    const QString columns = u"sent_on, to_partner_id, status, accept_days, complete_days, rejection_reason, loop_closed"_s;
    const QString add = u"INSERT INTO referral_day_counts (%1, referrals) VALUES (%2, 1)"
                        " ON CONFLICT (%1) DO UPDATE SET referrals = referrals + 1;"_s.arg(columns, referralBucket(u"NEW"_s).join(u", "_s));
    const QStringList old = referralBucket(u"OLD"_s);
    const QStringList names = columns.split(u", "_s);
    QStringList match;
    for (int i = 0; i < names.size(); ++i)
        match << u"%1 = %2"_s.arg(names.at(i), old.at(i));
    const QString remove = u"UPDATE referral_day_counts SET referrals = referrals - 1 WHERE %1;"_s.arg(match.join(u" AND "_s));
    return {
        u"CREATE TRIGGER referrals_count_insert AFTER INSERT ON referrals BEGIN %1 END"_s.arg(add),
        u"CREATE TRIGGER referrals_count_update AFTER UPDATE ON referrals BEGIN %1 %2 END"_s.arg(remove, add),
        u"CREATE TRIGGER referrals_count_delete AFTER DELETE ON referrals BEGIN %1 END"_s.arg(remove),
    };
}

QStringList SqliteDialect::dropDayCountTriggers() const
{
    QStringList statements;
    for (const QString& table : {u"signals"_s, u"referrals"_s}) {
        for (const QString& event : {u"insert"_s, u"update"_s, u"delete"_s})
            statements << u"DROP TRIGGER %1_count_%2"_s.arg(table, event);
    }
    return statements;
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

QStringList Dialect::referralBucket(const QString& r) const
{
    return {
        r + u".sent_on"_s,
        r + u".to_partner_id"_s,
        r + u".status"_s,
        u"coalesce(%1, -1)"_s.arg(daysBetween(r + u".sent_on"_s, r + u".accepted_on"_s)),
        u"CASE WHEN %1.status = 'afgerond' THEN coalesce(%2, -1) ELSE -1 END"_s.arg(r, daysBetween(r + u".sent_on"_s, r + u".closed_on"_s)),
        u"coalesce(%1.rejection_reason, '')"_s.arg(r),
        u"CASE WHEN %1.status IN ('afgerond','afgewezen','ingetrokken') AND ((%1.feedback IS NOT NULL AND %1.feedback <> '')"
        " OR %1.rejection_reason IS NOT NULL) THEN 1 ELSE 0 END"_s.arg(r),
    };
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
