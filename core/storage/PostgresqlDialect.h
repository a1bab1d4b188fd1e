#pragma once
// The PostgreSQL 15 side of Dialect: a registry on a shared server. Triggers are PL/pgSQL
// functions, errors are told apart by SQLSTATE (never by message text), and writers take one
// transaction-scoped advisory lock after BEGIN, so writes are serialised as on a SQLite file and
// the services' "check the state after taking the write lock" holds on both engines.

#include "storage/Dialect.h"

namespace bs {

class PostgresqlDialect final : public Dialect {
public:
    static constexpr int lockTimeoutMs = 5000;
    // Custom SQLSTATE raised by the append-only triggers (class "BS": Buurtsignaal's own).
    static constexpr const char* appendOnlyState = "BS001";
    // The channel every committed write notifies (ChangeFeed listens on it).
    static constexpr const char16_t* changeChannel = u"buurtsignaal";

    QString idColumn() const override;
    QString beginWrite() const override;
    QString writeLockSql(bool wait) const override;
    bool runsUnpreparedWithoutValues() const override { return true; }
    QStringList connectionSetup() const override;
    QString lockWaitSql(bool wait) const override;
    QStringList bulkWriteSetup() const override { return {}; }
    QStringList signalDayCountTriggers(Counts counts) const override;
    QStringList appendOnlyExceptBlanking(const QString& table, const QString& textColumn, const QStringList& keptColumns) const override;
    QString upsertAlias() const override { return QStringLiteral("c"); }
    QStringList escalationDayCountTriggers() const override;
    QStringList openTermTriggers() const override;
    QString daysBetween(const QString& from, const QString& to) const override;
    QStringList referralDayCountTriggers(Counts counts) const override;
    QStringList dropDayCountTriggers() const override;
    // The planner has statistics; PostgreSQL has no index hints.
    QString useIndex(const QString&) const override { return {}; }
    QString changeCounterSql() const override;
    QString announceChangeSql() const override;
    QString sessionIdSql() const override { return QStringLiteral("SELECT pg_backend_pid()::text"); }
    QStringList appendOnly(const QString& table) const override;
    QString droppableIndexesSql() const override;
    QStringList appendOnlyWithRetention(const QString& table, const QString& monthsKey, int minimumMonths) const override;
    QStringList engineIndexes() const override;
    QStringList accessFromHistoryTrigger() const override;
    QStringList dropAccessFromHistoryTrigger() const override;
    QString countTablesSql(bool byName) const override;
    // The server's own backups apply (pg_dump, base backups); there is no statement for it.
    QString backupIntoSql() const override { return {}; }
    QString realType() const override { return QStringLiteral("DOUBLE PRECISION"); }
    bool onServer() const override { return true; }
    Fault classify(const QSqlError& error) const override;
    QString utcMonthsAgo() const override;
    QString likeIgnoringCase(const QString& column) const override;
    QString joinTexts(const QString& expression, const QString& separator) const override;
    QStringList bulkReturningSetup() const override { return {}; }
    QStringList changeConstraints(const QString& table, const QString& definition, const QString& columns,
                                  const QStringList& alterations) const override;
    // session_user, not current_user: SET ROLE changes only the latter.
    QString sessionLoginSql() const override { return QStringLiteral("SELECT session_user"); }
};

}  // namespace bs
