#pragma once
// Everything that differs between SQL engines lives here, so the rest of the core speaks
// portable SQL: SQLite for a file, PostgreSQL for a shared server (PostgresqlDialect.h). Each
// connection (Database) carries the dialect of its engine.

#include "Result.h"

#include <QSqlError>
#include <QStringList>

namespace bs {

class Dialect {
public:
    virtual ~Dialect() = default;

    // Column definition of a surrogate key that the engine fills in.
    virtual QString idColumn() const = 0;
    // Statement that starts a write transaction, taking the write lock at once so two writers
    // never deadlock half-way through.
    virtual QString beginWrite() const = 0;
    // Statements run on every new connection (pragmas, timeouts).
    virtual QStringList connectionSetup() const = 0;
    // Statement that makes the connection wait for a lock held by another program (the normal
    // timeout), or give up at once.
    virtual QString lockWaitSql(bool wait) const = 0;
    // Run right after beginWrite() where the engine's BEGIN takes no write lock itself: a query
    // whose one value is true when the lock was taken (false: another writer holds it and `wait`
    // was false). Empty where beginWrite() already took it.
    virtual QString writeLockSql(bool wait) const { Q_UNUSED(wait); return {}; }
    // Whether a statement without bound values must be run as it is rather than prepared (the
    // PostgreSQL driver prepares with PREPARE, which takes no DDL, BEGIN or SET).
    virtual bool runsUnpreparedWithoutValues() const { return false; }
    // A number that changes whenever another connection commits a change to the database.
    virtual QString changeCounterSql() const = 0;
    // Run inside every write transaction just before COMMIT where the engine tells other
    // connections of a commit itself (PostgreSQL's NOTIFY, delivered only when the transaction
    // commits). Empty where others must look for changes themselves (SQLite: changeCounterSql).
    virtual QString announceChangeSql() const { return {}; }
    // The identity of this connection as announceChangeSql names it (empty: none).
    virtual QString sessionIdSql() const { return {}; }
    // Text after a table name that makes the engine read it through `index` (where it supports
    // such a hint and would otherwise pick a worse plan without statistics).
    virtual QString useIndex(const QString& index) const = 0;
    // Whole days from date column `from` to date column `to` (NULL when either is NULL).
    virtual QString daysBetween(const QString& from, const QString& to) const = 0;
    // Which derived counts the count triggers keep: the day counts alone (what schema versions 4
    // to 10 made, kept so that their steps still run as released) or also the monthly roll-ups
    // beside them (version 11 on).
    enum class Counts { Days, DaysAndMonths };
    // Triggers that keep referral_day_counts (and the referral roll-ups) equal to the referrals table.
    virtual QStringList referralDayCountTriggers(Counts counts) const = 0;
    // Statements that remove both sets of day-count triggers (bulk writes rebuild the counts).
    virtual QStringList dropDayCountTriggers() const = 0;
    // Triggers that keep signal_day_counts (signals per observation day, buurt and category), and
    // signal_month_counts, equal to the signals table on every insert, change and delete.
    virtual QStringList signalDayCountTriggers(Counts counts) const = 0;
    // Triggers that keep escalation_day_counts (steps per UTC day, level reached and direction;
    // schema 14) equal to the escalations table.
    virtual QStringList escalationDayCountTriggers() const = 0;
    // Triggers (schema 15) that keep signals.referral_term equal to the earliest term of the
    // signal's open referrals, and signal_open_terms equal to the open signals counted by buurt,
    // level, the day after which they are late and the day after which their level term passed.
    virtual QStringList openTermTriggers() const = 0;
    // Statements for a connection about to write a large batch in one transaction.
    virtual QStringList bulkWriteSetup() const = 0;
    // Added to those when the batch reads back the id of each row it inserts (INSERT ... RETURNING).
    virtual QStringList bulkReturningSetup() const = 0;
    // Query (one bound value: a table name) giving name and CREATE statement of each index of
    // that table that may be dropped and rebuilt (not those behind PRIMARY KEY or UNIQUE).
    virtual QString droppableIndexesSql() const = 0;
    // Statements that make `table` append-only: the database refuses UPDATE and DELETE.
    virtual QStringList appendOnly(const QString& table) const = 0;
    // Like appendOnly, except that rows whose timestamp column `at` is older than the number of
    // months in setting `monthsKey` (never less than `minimumMonths`) may be deleted: a log kept
    // for a retention period, which nobody can shorten by deleting recent entries.
    virtual QStringList appendOnlyWithRetention(const QString& table, const QString& monthsKey, int minimumMonths) const = 0;
    // Like appendOnly, except for one change: `textColumn` blanked (set to '') with every column
    // of `keptColumns` unchanged. An erasure on request wipes what a person wrote; nobody can
    // rewrite it.
    virtual QStringList appendOnlyExceptBlanking(const QString& table, const QString& textColumn, const QStringList& keptColumns) const = 0;
    // Indexes only this engine's planner needs for the lists and figures on a large registry
    // (schema version 10). SQLite needs none: each of its indexes already carries the row id, and
    // it reads an index's columns without visiting the table.
    virtual QStringList engineIndexes() const { return {}; }
    // Trigger that writes an access-log entry for every history entry (same transaction).
    virtual QStringList accessFromHistoryTrigger() const = 0;
    virtual QStringList dropAccessFromHistoryTrigger() const = 0;
    // Counts the tables of the database; with a name, whether that table exists (0 or 1).
    virtual QString countTablesSql(bool byName) const = 0;
    // Statement (one bound value: the target path) that writes a consistent copy of the database.
    virtual QString backupIntoSql() const = 0;
    // The bucket columns of a referral (row alias `r`: NEW, OLD or a table alias), shared by the
    // triggers and the back-fill so both count alike.
    QStringList referralBucket(const QString& r) const;
    // The statements a count trigger runs for one row, the same on both engines: `add` counts
    // the row NEW, `remove` uncounts the row OLD (an update does both).
    QString signalCountAdd(Counts counts) const;
    QString signalCountRemove(Counts counts) const;
    QString referralCountAdd(Counts counts) const;
    QString referralCountRemove(Counts counts) const;
    QString escalationCountAdd() const;
    QString escalationCountRemove() const;
    // The same for signal_open_terms (count the open signal NEW, uncount the open signal OLD), and
    // what a change of a referral runs: the referral term of the signals `signalIds` (a list of
    // SQL values, e.g. "OLD.signal_id, NEW.signal_id") recomputed from their open referrals.
    QString openTermAdd() const;
    QString openTermRemove() const;
    QString referralTermRefresh(const QString& signalIds) const;
    // Statements that fill signals.referral_term and signal_open_terms from the rows themselves
    // (the migration and the rebuild after a bulk write).
    QStringList openTermFills() const;

protected:
    // The alias an upsert's target gets in a trigger (empty: none), and how its SET names a
    // column of the row already there.
    virtual QString upsertAlias() const { return {}; }
    QString upsertInto(const QString& table) const;
    QString existing(const QString& column) const;

public:
    // Column type of a floating-point value (SQLite's REAL is a double; PostgreSQL's is not).
    virtual QString realType() const { return QStringLiteral("REAL"); }
    // Whether the registry lives on a server (messages speak of the server, not of a file).
    virtual bool onServer() const { return false; }
    // What went wrong, as the engine's error code says (SQLite's extended result codes,
    // PostgreSQL's SQLSTATE), never read from the text of its message.
    enum class Fault { Other, Busy, ReadOnly, Full, NotADatabase, DiskIo, Unique, ForeignKey, AppendOnly, Denied, ConnectionLost };
    virtual Fault classify(const QSqlError& error) const = 0;
    // The timestamp text (ISO 8601 UTC, as History::timestamp writes it) of the database clock's
    // now minus a number of months: one bound value, the whole number of months.
    virtual QString utcMonthsAgo() const = 0;
    // Condition (one bound value: a LIKE pattern with \ as its escape character) that `column`
    // matches the pattern, ignoring case.
    virtual QString likeIgnoringCase(const QString& column) const = 0;
    // Aggregate that joins the texts of `expression` with `separator` (a literal) in one value.
    virtual QString joinTexts(const QString& expression, const QString& separator) const = 0;
    // Statements that give `table` new constraints, keeping its rows. SQLite cannot alter a
    // constraint: it builds the table anew from `definition` (a CREATE TABLE with %1 for the
    // name), copies `columns` and swaps the two; PostgreSQL runs `alterations` instead. No
    // trigger or view may name the table while it is rebuilt (drop and recreate them around it).
    virtual QStringList changeConstraints(const QString& table, const QString& definition, const QString& columns,
                                          const QStringList& alterations) const = 0;
    // Query whose one value is the login the server authenticated: on a server that is the person,
    // whatever the program is told. Empty where the engine has no logins (a file).
    virtual QString sessionLoginSql() const { return {}; }
    // Turns a driver error into the core's error with a Dutch message.
    Error translate(const QSqlError& error, const QString& context) const;
};

class SqliteDialect final : public Dialect {
public:
    static constexpr int busyTimeoutMs = 5000;

    QString idColumn() const override;
    QString beginWrite() const override;
    QStringList connectionSetup() const override;
    QString lockWaitSql(bool wait) const override;
    QStringList bulkWriteSetup() const override;
    QStringList bulkReturningSetup() const override;
    QStringList signalDayCountTriggers(Counts counts) const override;
    QString daysBetween(const QString& from, const QString& to) const override;
    QStringList referralDayCountTriggers(Counts counts) const override;
    QStringList dropDayCountTriggers() const override;
    QStringList appendOnlyExceptBlanking(const QString& table, const QString& textColumn, const QStringList& keptColumns) const override;
    QStringList escalationDayCountTriggers() const override;
    QStringList openTermTriggers() const override;
    QString useIndex(const QString& index) const override { return QStringLiteral(" INDEXED BY ") + index; }
    QString changeCounterSql() const override { return QStringLiteral("PRAGMA data_version"); }
    QStringList appendOnly(const QString& table) const override;
    QString droppableIndexesSql() const override;
    QStringList appendOnlyWithRetention(const QString& table, const QString& monthsKey, int minimumMonths) const override;
    QStringList accessFromHistoryTrigger() const override;
    QStringList dropAccessFromHistoryTrigger() const override;
    QString countTablesSql(bool byName) const override;
    QString backupIntoSql() const override;
    Fault classify(const QSqlError& error) const override;
    QString utcMonthsAgo() const override;
    QString joinTexts(const QString& expression, const QString& separator) const override;
    QString likeIgnoringCase(const QString& column) const override;
    QStringList changeConstraints(const QString& table, const QString& definition, const QString& columns,
                                  const QStringList& alterations) const override;
};

}  // namespace bs
