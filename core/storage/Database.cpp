#include "Database.h"

#include "storage/PostgresqlDialect.h"
#include "storage/ServerPasswords.h"

#include <QAtomicInt>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>

using namespace Qt::StringLiterals;

namespace bs {

namespace {
QString nextConnectionName()
{
    static QAtomicInt counter;
    return u"buurtsignaal-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}
}  // namespace

Database::Database(QString connectionName, QString path, std::unique_ptr<Dialect> dialect, Mode mode, Location::Engine engine)
    : m_connectionName(std::move(connectionName)), m_path(std::move(path)), m_dialect(std::move(dialect)), m_mode(mode), m_engine(engine)
{
}

Status Database::runConnectionSetup()
{
    for (const QString& statement : m_dialect->connectionSetup())
        BS_TRY(execute(statement));
    return {};
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            if (m_inTransaction) {
                QSqlQuery rollback(db);
                rollback.exec(u"ROLLBACK"_s);
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::openSqlite(const QString& path, Mode mode)
{
    if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s))
        return Error::storage(u"De SQLite-driver van Qt ontbreekt (pakket libqt6sql6-sqlite)."_s);
    const QString name = nextConnectionName();
    std::unique_ptr<Database> database(new Database(name, path, std::make_unique<SqliteDialect>(), mode));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1%2"_s.arg(SqliteDialect::busyTimeoutMs)
                                 .arg(mode == Mode::ReadOnly ? u";QSQLITE_OPEN_READONLY"_s : QString()));
        if (!db.open())
            return database->dialect().translate(db.lastError(), u"openen van %1"_s.arg(path));
    }
    BS_TRY(database->runConnectionSetup());
    // Reading the schema fails on a file that is not a SQLite database, before anything is written.
    auto probe = database->run(u"SELECT count(*) FROM sqlite_master"_s);
    if (!probe.ok()) {
        Error error = probe.error();
        error.message = u"Het bestand %1 is geen Buurtsignaal-register (geen leesbare SQLite-database). "
                        "Er is niets gewijzigd."_s.arg(path);
        return error;
    }
    return database;
}

Result<std::unique_ptr<Database>> Database::open(const Location& location, Mode mode)
{
    return location.isServer() ? openPostgresql(location.server, mode) : openSqlite(location.path, mode);
}

Result<std::unique_ptr<Database>> Database::openPostgresql(const ServerAddress& server, Mode mode)
{
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s))
        return Error::storage(u"De PostgreSQL-driver van Qt ontbreekt (pakket libqt6sql6-psql)."_s);
    const QString name = nextConnectionName();
    const QString shown = server.display();
    std::unique_ptr<Database> database(new Database(name, shown, std::make_unique<PostgresqlDialect>(), mode,
                                                    Location::Engine::Postgresql));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(server.host);
        if (server.port != 0)
            db.setPort(server.port);
        db.setDatabaseName(server.database);
        db.setUserName(server.user);
        const QString password = server.password.isEmpty() ? ServerPasswords::recall(server) : server.password;
        if (!password.isEmpty())
            db.setPassword(password);
        QStringList options = {u"connect_timeout=10"_s, u"application_name=buurtsignaal"_s};
        if (!server.sslMode.isEmpty())
            options << u"sslmode=%1"_s.arg(server.sslMode);
        db.setConnectOptions(options.join(u';'));
        if (!db.open()) {
            // libpq gives no SQLSTATE for a failed connection; a socket folder without the
            // server's socket at least tells "not running" apart from "refused".
            const QString socket = u"%1/.s.PGSQL.%2"_s.arg(server.host).arg(server.port != 0 ? server.port : 5432);
            const QString detail = db.lastError().text();
            if (server.host.startsWith(u'/') && !QFileInfo::exists(socket)) {
                return Error::storage(u"De server %1 draait niet (geen verbindingspunt %2). Er is niets gewijzigd."_s.arg(shown, socket),
                                      detail);
            }
            const QString login = server.user.isEmpty() ? u"(standaardgebruiker)"_s : server.user;
            if (!password.isEmpty()) {
                // Typed by the user: a wrong one is the likeliest cause, and the first one named.
                return Error::storage(u"Aanmelden op de server %1 als '%2' is mislukt: het wachtwoord of de gebruikersnaam is onjuist, "
                                      "de database '%3' bestaat niet, of de server is niet bereikbaar. Er is niets gewijzigd."_s
                                          .arg(shown, login, server.database),
                                      detail);
            }
            return Error::storage(u"Geen verbinding met de server %1: de server is niet bereikbaar, de database '%2' bestaat niet, "
                                  "of de aanmelding als '%3' werd geweigerd (gebruikersnaam of wachtwoord onjuist; het wachtwoord "
                                  "komt uit PGPASSWORD of ~/.pgpass). Er is niets gewijzigd."_s
                                      .arg(shown, server.database, login),
                                  detail);
        }
    }
    BS_TRY(database->setUpServerSession());
    ServerPasswords::remember(server);
    auto version = database->scalar(u"SELECT current_setting('server_version_num')::integer"_s);
    if (!version.ok())
        return version.error();
    if (version.value().toInt() < 150000) {
        return Error::storage(u"De server %1 draait PostgreSQL %2; Buurtsignaal vraagt versie 15 of nieuwer. Er is niets gewijzigd."_s
                                  .arg(shown)
                                  .arg(version.value().toInt() / 10000));
    }
    return database;
}

Status Database::setUpServerSession()
{
    BS_TRY(runConnectionSetup());
    if (m_mode == Mode::ReadOnly)
        BS_TRY(execute(u"SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"_s));
    return {};
}

namespace {
// A connection that could not be (re)made to a server that was reached before: the server is
// away, not the login wrong, so the caller may try again later.
Error serverAway(const Dialect& dialect, const QSqlError& error, const QString& shown)
{
    Error away = dialect.translate(error, u"verbinden"_s);
    away.kind = ErrorKind::ConnectionLost;
    away.message = u"De verbinding met de server %1 is verbroken en kon nog niet worden hersteld."_s.arg(shown);
    return away;
}
}  // namespace

Status Database::reconnect()
{
    if (!isServer())
        return {};
    m_inTransaction = false;  // a transaction does not outlive its connection
    {
        QSqlDatabase db = connection();
        db.close();
        if (!db.open())
            return serverAway(*m_dialect, db.lastError(), m_path);
    }
    return setUpServerSession();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Status Database::enableWriteAheadLog()
{
    if (isServer())
        return {};  // the server keeps its own write-ahead log
    auto mode = scalar(u"PRAGMA journal_mode = WAL"_s);
    if (!mode.ok())
        return mode.error();
    if (mode.value().toString().toLower() != u"wal"_s)
        return Error::storage(u"Het register kon niet in WAL-modus worden gezet (modus: %1)."_s.arg(mode.value().toString()));
    return {};
}

Error Database::failure(const QSqlError& error, const QString& context) const
{
    Error translated = m_dialect->translate(error, context);
    if (translated.kind == ErrorKind::ConnectionLost && m_connectionLost)
        m_connectionLost();
    return translated;
}

Result<QSqlQuery> Database::prepare(const QString& sql) const
{
    QSqlQuery query(connection());
    query.setForwardOnly(forwardOnly());
    if (!query.prepare(sql))
        return failure(query.lastError(), u"voorbereiden van opdracht"_s);
    return query;
}

Status Database::exec(QSqlQuery& query, const QString& context) const
{
    if (!query.exec())
        return failure(query.lastError(), context);
    return {};
}

Result<QSqlQuery> Database::run(const QString& sql, const QVariantList& values) const
{
    if (m_tracer)
        m_tracer(sql, values);
    if (values.isEmpty() && m_dialect->runsUnpreparedWithoutValues()) {
        QSqlQuery direct(connection());
        direct.setForwardOnly(forwardOnly());
        if (!direct.exec(sql))
            return failure(direct.lastError(), sql.section(u' ', 0, 2));
        return direct;
    }
    auto prepared = prepare(sql);
    if (!prepared.ok())
        return prepared.error();
    QSqlQuery query = std::move(prepared).value();
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return failure(query.lastError(), sql.section(u' ', 0, 2));
    return query;
}

Status Database::execute(const QString& sql, const QVariantList& values) const
{
    auto result = run(sql, values);
    if (!result.ok())
        return result.error();
    return {};
}

Result<QVariant> Database::scalar(const QString& sql, const QVariantList& values) const
{
    auto result = run(sql, values);
    if (!result.ok())
        return result.error();
    QSqlQuery& query = result.value();
    if (!query.next())
        return QVariant();
    return query.value(0);
}

Result<qint64> Database::changeCounter() const
{
    auto value = scalar(m_dialect->changeCounterSql());
    if (!value.ok())
        return value.error();
    return value.value().toLongLong();
}

Result<QSqlQuery> Database::takeWriteLock(Result<QSqlQuery> begin, Wait wait)
{
    const QString lockSql = m_dialect->writeLockSql(wait == Wait::Patiently);
    if (!begin.ok() || lockSql.isEmpty())
        return begin;
    auto locked = scalar(lockSql);
    if (locked.ok() && locked.value().toBool())
        return begin;
    QSqlQuery rollback(connection());
    rollback.exec(u"ROLLBACK"_s);
    if (!locked.ok())
        return locked.error();
    Error busy = m_dialect->translate(QSqlError({}, {}, QSqlError::StatementError, u"55P03"_s), u"schrijven"_s);
    busy.kind = ErrorKind::Busy;
    return busy;
}

Result<QSqlQuery> Database::beginWrite(Wait wait, Lock lock)
{
    if (lock == Lock::LogOnly && !m_dialect->writeLockSql(true).isEmpty())
        return run(m_dialect->beginWrite());  // on a server BEGIN itself locks nothing
    if (wait == Wait::Patiently)
        return takeWriteLock(run(m_dialect->beginWrite()), wait);
    // One try without the busy timeout, which is restored whatever the outcome.
    BS_TRY(execute(m_dialect->lockWaitSql(false)));
    auto begin = takeWriteLock(run(m_dialect->beginWrite()), wait);
    const Status restored = execute(m_dialect->lockWaitSql(true));
    if (begin.ok() && !restored.ok()) {
        QSqlQuery rollback(connection());
        rollback.exec(u"ROLLBACK"_s);
        return restored.error();
    }
    return begin;
}

Status Database::write(const std::function<Status()>& body, Wait wait, Lock lock)
{
    if (m_inTransaction)
        return body();  // nested: the outer transaction decides
    // The busy timeout already waits for another writer; a few more tries with growing pauses
    // cover a long-running writer before the user is told the registry is busy.
    auto begin = beginWrite(wait, lock);
    for (int attempt = 0; wait == Wait::Patiently && !begin.ok() && begin.error().kind == ErrorKind::Busy && attempt < 4; ++attempt) {
        QThread::msleep(100UL << attempt);
        begin = beginWrite(wait, lock);
    }
    if (!begin.ok())
        return begin.error();
    m_inTransaction = true;
    Status status = body();
    if (status.ok() && !m_dialect->announceChangeSql().isEmpty())
        status = execute(m_dialect->announceChangeSql());
    if (status.ok()) {
        auto commit = run(u"COMMIT"_s);
        if (commit.ok()) {
            m_inTransaction = false;
            return {};
        }
        status = commit.error();
    }
    QSqlQuery rollback(connection());
    rollback.exec(u"ROLLBACK"_s);
    m_inTransaction = false;
    return status;
}

}  // namespace bs
