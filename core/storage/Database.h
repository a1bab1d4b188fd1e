#pragma once
// One connection to a registry database. Owns its QSqlDatabase connection name, applies the
// connection setup of its dialect and wraps every statement so failures come back as bs::Error.

#include "Result.h"
#include "storage/Dialect.h"
#include "storage/Location.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <functional>
#include <memory>

namespace bs {

class Database {
public:
    // Opens (and creates, if absent) a SQLite file. Does not write to it: the journal mode is
    // switched to WAL separately, once the caller knows the file is a registry it may change.
    enum class Mode { ReadWrite, ReadOnly };
    static Result<std::unique_ptr<Database>> openSqlite(const QString& path, Mode mode = Mode::ReadWrite);
    // Connects to a database on a PostgreSQL server (QtSql's QPSQL driver). The password, if any,
    // comes from `server.password` (in memory), PGPASSWORD or ~/.pgpass; it is never stored.
    // A server that cannot be reached or refuses the login gives one Dutch message.
    static Result<std::unique_ptr<Database>> openPostgresql(const ServerAddress& server, Mode mode = Mode::ReadWrite);
    // Opens whichever `location` names.
    static Result<std::unique_ptr<Database>> open(const Location& location, Mode mode = Mode::ReadWrite);
    // After the server went away: connects this same connection again (same address and login),
    // so everything holding this Database carries on. Nothing to do for a file.
    // Fails with ErrorKind::ConnectionLost while the server cannot be reached.
    Status reconnect();
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const Dialect& dialect() const { return *m_dialect; }
    // The file, or the server address as shown to people (never with a password).
    const QString& path() const { return m_path; }
    bool isServer() const { return m_engine == Location::Engine::Postgresql; }
    // Whether the server itself enforces who sees what (a registry set up by `server init`, see
    // ServerSetup.h): subject data is then read and written only through the server's functions.
    bool enforcesAccess() const { return m_enforcesAccess; }
    void setEnforcesAccess(bool enforces) { m_enforcesAccess = enforces; }
    // A read-only connection never takes the write lock, so it never waits for another program's writer.
    bool isReadOnly() const { return m_mode == Mode::ReadOnly; }
    QSqlDatabase connection() const;

    Status enableWriteAheadLog();

    // Prepares `sql`, binds `values` positionally to its `?` placeholders and runs it.
    Result<QSqlQuery> run(const QString& sql, const QVariantList& values = {}) const;
    // Runs a statement whose rows are not needed (writes, DDL).
    Status execute(const QString& sql, const QVariantList& values = {}) const;
    // For statements run many times (bulk writes): prepare once, then bind and exec().
    Result<QSqlQuery> prepare(const QString& sql) const;
    Status exec(QSqlQuery& query, const QString& context) const;
    // The first column of the first row, or a null QVariant when there is no row.
    Result<QVariant> scalar(const QString& sql, const QVariantList& values = {}) const;

    // Sees every statement run through run()/scalar()/execute() with its values (benchmarks
    // compare them with the sqlite3 shell; nothing in the programs uses it).
    using Tracer = std::function<void(const QString& sql, const QVariantList& values)>;
    void setTracer(Tracer tracer) { m_tracer = std::move(tracer); }

    // Called (once per failed statement) when a statement fails because the server went away,
    // whoever ran it: ChangeFeed hears of it and reconnects. Empty: nobody listens.
    void setConnectionLostHandler(std::function<void()> handler) { m_connectionLost = std::move(handler); }

    // Changes when another program committed to the same file (to refresh what is shown).
    Result<qint64> changeCounter() const;

    // Runs `body` inside one write transaction: committed when it returns success, rolled back
    // (leaving the database exactly as it was) when it fails. Wait::No gives up at once with an
    // ErrorKind::Busy error when another program holds the write lock.
    enum class Wait { Patiently, No };
    // Every write takes the registry's write lock, so that what a service checked before writing
    // still holds when it commits. Lock::LogOnly is for a write that only appends log rows and
    // checks nothing: on a server it goes without the lock, so a read that is logged (a signal's
    // detail) never waits behind other desks' writes. A SQLite file has one lock for every write.
    enum class Lock { Registry, LogOnly };
    Status write(const std::function<Status()>& body, Wait wait = Wait::Patiently, Lock lock = Lock::Registry);
    bool inTransaction() const { return m_inTransaction; }

private:
    Database(QString connectionName, QString path, std::unique_ptr<Dialect> dialect, Mode mode,
             Location::Engine engine = Location::Engine::Sqlite);
    Status runConnectionSetup();
    // The session settings of a fresh server connection (timeouts, read-only).
    Status setUpServerSession();
    // SQLite reads forward-only results row by row. The PostgreSQL driver would stream them in
    // single-row mode, which loses a result as soon as another statement runs on the connection
    // while it is read (the services nest queries), so there the whole result is fetched at once.
    bool forwardOnly() const { return !isServer(); }
    Result<QSqlQuery> beginWrite(Wait wait, Lock lock);
    // The driver's error as the core's, telling the connection-lost handler when that is what it is.
    Error failure(const QSqlError& error, const QString& context) const;
    // Where BEGIN takes no write lock (PostgreSQL), takes it; rolls back when it cannot.
    Result<QSqlQuery> takeWriteLock(Result<QSqlQuery> begin, Wait wait);

    QString m_connectionName;
    QString m_path;
    std::unique_ptr<Dialect> m_dialect;
    Mode m_mode = Mode::ReadWrite;
    Location::Engine m_engine = Location::Engine::Sqlite;
    bool m_inTransaction = false;
    bool m_enforcesAccess = false;
    Tracer m_tracer;
    std::function<void()> m_connectionLost;
};

}  // namespace bs
