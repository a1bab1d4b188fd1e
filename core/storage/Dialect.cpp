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

QStringList SqliteDialect::bulkReturningSetup() const
{
    // SQLite runs RETURNING as a trigger, so each such INSERT keeps a statement journal; kept in
    // memory, or once one has spilled to a temporary file every later row writes to that file.
    // (Not for other bulk writes: their index rebuilds sort faster with temporary files.)
    return {u"PRAGMA temp_store = MEMORY"_s};
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

QStringList SqliteDialect::changeConstraints(const QString& table, const QString& definition, const QString& columns,
                                             const QStringList&) const
{
    // The rebuild of SQLite's "making other kinds of table schema changes"; foreign keys that
    // point at the table keep pointing at its name.
    const QString rebuilt = table + u"_rebuilt"_s;
    return {definition.arg(rebuilt), u"INSERT INTO %1 (%3) SELECT %3 FROM %2"_s.arg(rebuilt, table, columns),
            u"DROP TABLE %1"_s.arg(table), u"ALTER TABLE %1 RENAME TO %2"_s.arg(rebuilt, table)};
}

QStringList SqliteDialect::dropAccessFromHistoryTrigger() const
{
    return {u"DROP TRIGGER IF EXISTS history_access"_s};
}

QStringList SqliteDialect::signalDayCountTriggers(Counts counts) const
{
    const QString add = signalCountAdd(counts);
    const QString remove = signalCountRemove(counts);
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

QStringList SqliteDialect::referralDayCountTriggers(Counts counts) const
{
    const QString add = referralCountAdd(counts);
    const QString remove = referralCountRemove(counts);
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
    // Since schema 14, and 15.
    for (const QString& event : {u"insert"_s, u"update"_s, u"delete"_s}) {
        statements << u"DROP TRIGGER IF EXISTS escalations_count_%1"_s.arg(event);
        statements << u"DROP TRIGGER IF EXISTS signals_open_terms_%1"_s.arg(event);
        statements << u"DROP TRIGGER IF EXISTS referrals_term_%1"_s.arg(event);
    }
    return statements;
}

QStringList SqliteDialect::openTermTriggers() const
{
    const QString add = openTermAdd();
    const QString remove = openTermRemove();
    return {
        u"CREATE TRIGGER signals_open_terms_insert AFTER INSERT ON signals BEGIN %1 END"_s.arg(add),
        u"CREATE TRIGGER signals_open_terms_update AFTER UPDATE OF status, buurt_id, escalation_level, level_due_on, follow_up_on,"
        " referral_term ON signals BEGIN %1 %2 END"_s.arg(remove, add),
        u"CREATE TRIGGER signals_open_terms_delete AFTER DELETE ON signals BEGIN %1 END"_s.arg(remove),
        u"CREATE TRIGGER referrals_term_insert AFTER INSERT ON referrals BEGIN %1 END"_s.arg(referralTermRefresh(u"NEW.signal_id"_s)),
        u"CREATE TRIGGER referrals_term_update AFTER UPDATE OF signal_id, status, respond_by, complete_by ON referrals BEGIN %1 END"_s.arg(
            referralTermRefresh(u"OLD.signal_id, NEW.signal_id"_s)),
        u"CREATE TRIGGER referrals_term_delete AFTER DELETE ON referrals BEGIN %1 END"_s.arg(referralTermRefresh(u"OLD.signal_id"_s)),
    };
}

QStringList SqliteDialect::escalationDayCountTriggers() const
{
    const QString add = escalationCountAdd();
    const QString remove = escalationCountRemove();
    return {
        u"CREATE TRIGGER escalations_count_insert AFTER INSERT ON escalations BEGIN %1 END"_s.arg(add),
        u"CREATE TRIGGER escalations_count_update AFTER UPDATE ON escalations BEGIN %1 %2 END"_s.arg(remove, add),
        u"CREATE TRIGGER escalations_count_delete AFTER DELETE ON escalations BEGIN %1 END"_s.arg(remove),
    };
}

QStringList SqliteDialect::appendOnly(const QString& table) const
{
    return {
        u"CREATE TRIGGER %1_no_update BEFORE UPDATE ON %1 BEGIN SELECT RAISE(ABORT, '%1 is append-only'); END"_s.arg(table),
        u"CREATE TRIGGER %1_no_delete BEFORE DELETE ON %1 BEGIN SELECT RAISE(ABORT, '%1 is append-only'); END"_s.arg(table),
    };
}

QStringList SqliteDialect::appendOnlyExceptBlanking(const QString& table, const QString& textColumn, const QStringList& keptColumns) const
{
    QStringList same;
    for (const QString& column : keptColumns)
        same << u"NEW.%1 IS OLD.%1"_s.arg(column);
    return {
        u"CREATE TRIGGER %1_no_update BEFORE UPDATE ON %1 WHEN NOT (NEW.%2 = '' AND %3)"
        " BEGIN SELECT RAISE(ABORT, '%1 is append-only'); END"_s.arg(table, textColumn, same.join(u" AND "_s)),
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

Dialect::Fault SqliteDialect::classify(const QSqlError& error) const
{
    // Extended result codes (the driver turns them on); the primary code is the low byte.
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric);
    if (!numeric)
        return Fault::Other;
    switch (code) {
    case 2067:  // SQLITE_CONSTRAINT_UNIQUE
    case 1555:  // SQLITE_CONSTRAINT_PRIMARYKEY
        return Fault::Unique;
    case 787:  // SQLITE_CONSTRAINT_FOREIGNKEY
        return Fault::ForeignKey;
    case 1811:  // SQLITE_CONSTRAINT_TRIGGER: RAISE(ABORT) in the append-only triggers
        return Fault::AppendOnly;
    default:
        break;
    }
    switch (code & 0xff) {
    case 5:  // SQLITE_BUSY
    case 6:  // SQLITE_LOCKED
        return Fault::Busy;
    case 8:  // SQLITE_READONLY
        return Fault::ReadOnly;
    case 13:  // SQLITE_FULL
        return Fault::Full;
    case 11:  // SQLITE_CORRUPT
    case 26:  // SQLITE_NOTADB
        return Fault::NotADatabase;
    case 10:  // SQLITE_IOERR
        return Fault::DiskIo;
    default:
        return Fault::Other;
    }
}

QString SqliteDialect::utcMonthsAgo() const
{
    return u"strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-' || ? || ' months')"_s;
}

QString SqliteDialect::joinTexts(const QString& expression, const QString& separator) const
{
    return u"group_concat(%1, '%2')"_s.arg(expression, separator);
}

QString SqliteDialect::likeIgnoringCase(const QString& column) const
{
    // SQLite's LIKE ignores case already (of ASCII letters, as lower() would); no function
    // around the column keeps a scan of a million texts fast.
    return u"%1 LIKE ? ESCAPE '\\'"_s.arg(column);
}

Error Dialect::translate(const QSqlError& error, const QString& context) const
{
    const QString detail = u"%1: %2 (%3)"_s.arg(context, error.text(), error.nativeErrorCode());
    const bool server = onServer();
    Error result = Error::storage(server ? u"De server kon de gegevens niet verwerken (%1). Er is niets gewijzigd."_s.arg(context)
                                         : u"Het register kon de gegevens niet verwerken (%1). Er is niets gewijzigd."_s.arg(context),
                                  detail);
    switch (classify(error)) {
    case Fault::Busy:
        result.kind = ErrorKind::Busy;
        result.message = server ? u"Het register op de server is bezet door een andere gebruiker. Er is niets gewijzigd; probeer het zo opnieuw."_s
                                : u"Het register is bezet door een ander programma. Er is niets gewijzigd; probeer het zo opnieuw."_s;
        break;
    case Fault::ReadOnly:
        result.message = server ? u"Deze verbinding met de server is alleen-lezen. Er is niets gewijzigd."_s
                                : u"Het registerbestand is alleen-lezen. Er is niets gewijzigd."_s;
        break;
    case Fault::Full:
        result.message = server ? u"De schijf van de server is vol. Er is niets gewijzigd; vraag de beheerder van de server om ruimte."_s
                                : u"De schijf is vol. Er is niets gewijzigd; maak ruimte vrij en probeer het opnieuw."_s;
        break;
    case Fault::NotADatabase:
        result.message = u"Het bestand is geen (leesbaar) Buurtsignaal-register. Er is niets gewijzigd."_s;
        break;
    case Fault::DiskIo:
        result.message = server ? u"De server kon niet lezen of schrijven (schijffout). Er is niets gewijzigd."_s
                                : u"Lezen of schrijven van het registerbestand mislukte (schijffout). Er is niets gewijzigd."_s;
        break;
    case Fault::AppendOnly:
        result.kind = ErrorKind::Rule;
        result.message = u"De geschiedenis kan niet worden gewijzigd of verwijderd."_s;
        break;
    case Fault::Unique:
        result.kind = ErrorKind::Conflict;
        result.message = u"Dit staat al in het register (%1). Er is niets gewijzigd."_s.arg(context);
        break;
    case Fault::Denied:
        result.kind = ErrorKind::Denied;
        result.message = u"Uw aanmelding op de server heeft geen rechten hiervoor (%1). Er is niets gewijzigd."_s.arg(context);
        break;
    case Fault::ConnectionLost:
        result.kind = ErrorKind::ConnectionLost;
        result.message = u"De verbinding met de server is verbroken. Er is niets gewijzigd; probeer het opnieuw."_s;
        break;
    case Fault::ForeignKey:
    case Fault::Other:
        break;
    }
    return result;
}

}  // namespace bs
