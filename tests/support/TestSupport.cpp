#include "TestSupport.h"

#include "services/Signals.h"
#include "storage/Location.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QSqlError>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

namespace bs::test {

QDate referenceToday()
{
    return QDate(2026, 11, 26);
}

std::optional<ServerAddress> testServer()
{
    const QString text = qEnvironmentVariable("BUURTSIGNAAL_TEST_PG");
    if (text.isEmpty())
        return std::nullopt;
    auto location = Location::parse(text);
    if (!location.ok() || !location->isServer())
        qFatal("BUURTSIGNAAL_TEST_PG is no server address: %s", qPrintable(text));
    return location->server;
}

QSqlDatabase addServerConnection(const QString& name, const ServerAddress& server, const QString& login, const QString& options)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
    db.setHostName(server.host);
    if (server.port != 0)
        db.setPort(server.port);
    db.setDatabaseName(server.database);
    db.setUserName(login.isEmpty() ? server.user : login);
    if (!options.isEmpty())
        db.setConnectOptions(options);
    return db;
}

namespace {

// Runs one statement on the test server's own database (CREATE/DROP DATABASE cannot run in a
// transaction or be prepared), or on `database` of it.
void onTestServer(const QString& sql, const QString& database = {})
{
    const std::optional<ServerAddress> server = testServer();
    const QString name = u"test-server-admin"_s;
    QString failure;
    {
        QSqlDatabase db = addServerConnection(name, *server);
        if (!database.isEmpty())
            db.setDatabaseName(database);
        if (!db.open()) {
            failure = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(sql))
                failure = query.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    if (!failure.isEmpty())
        qFatal("test server: %s: %s", qPrintable(sql), qPrintable(failure));
}

}  // namespace

Engine testEngine()
{
    return qEnvironmentVariable("BUURTSIGNAAL_TEST_ENGINE") == u"postgresql"_s ? Engine::Postgresql : Engine::Sqlite;
}

QString engineUnavailable()
{
    if (testEngine() == Engine::Postgresql && !testServer())
        return u"no PostgreSQL test server: BUURTSIGNAAL_TEST_PG is not set (scripts/test.sh starts one with tests/pg/server.sh)"_s;
    return {};
}

TempRegistry::TempRegistry() : TempRegistry(referenceToday(), testEngine()) {}

TempServerDatabase::TempServerDatabase()
{
    if (!testServer())
        qFatal("no PostgreSQL test server: BUURTSIGNAAL_TEST_PG is not set");
    static QAtomicInt counter;
    m_address = *testServer();
    m_address.database = u"bs_test_%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(counter.fetchAndAddRelaxed(1));
    onTestServer(u"CREATE DATABASE %1"_s.arg(m_address.database));
}

TempServerDatabase::~TempServerDatabase()
{
    onTestServer(u"DROP DATABASE %1 WITH (FORCE)"_s.arg(m_address.database));
}

TempRegistry::TempRegistry(const QDate& today, Engine engine) : m_clock(today), m_path(m_dir.filePath(u"test.buurtsignaal"_s))
{
    if (engine == Engine::Postgresql) {
        m_serverDatabase = std::make_unique<TempServerDatabase>();
        m_path = m_serverDatabase->uri();
    }
    reopen();
}

TempRegistry::~TempRegistry()
{
    m_registry.reset();  // before its database is dropped
}

void TempRegistry::reopen()
{
    m_registry.reset();
    auto opened = Registry::open(m_path, Registry::Create::IfMissing, m_clock, u"tester"_s);
    if (!opened.ok())
        qFatal("cannot open test registry: %s", qPrintable(opened.error().message));
    m_registry = std::move(opened).value();
}

QString TempRegistry::pathFor(const QString& login) const
{
    if (!m_serverDatabase)
        return m_path;
    ServerAddress address = m_serverDatabase->address();
    // Roles belong to the whole test server; the rights to this database's tables are its own.
    onTestServer(u"DO $do$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1') THEN CREATE ROLE \"%1\" LOGIN;"
                 " END IF; END $do$"_s.arg(login));
    onTestServer(u"GRANT ALL ON ALL TABLES IN SCHEMA public TO \"%1\""_s.arg(login), address.database);
    onTestServer(u"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO \"%1\""_s.arg(login), address.database);
    address.user = login;
    return Location{Location::Engine::Postgresql, {}, address}.display();
}

QByteArray contentFingerprint(const QString& path)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QString name = u"fingerprint-%1"_s.arg(quintptr(&hash));
    const auto location = Location::parse(path);
    {
        QSqlDatabase db;
        if (location.ok() && location->isServer()) {
            db = addServerConnection(name, location->server);
        } else {
            db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        }
        if (!db.open())
            return "cannot open";
        QSqlQuery tables(db);
        tables.exec(location.ok() && location->isServer()
                        ? u"SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1"_s
                        : u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s);
        QStringList names;
        while (tables.next())
            names << tables.value(0).toString();
        for (const QString& table : names) {
            hash.addData(table.toUtf8());
            QSqlQuery rows(db);
            rows.exec(u"SELECT * FROM \"%1\" ORDER BY 1"_s.arg(table));
            while (rows.next()) {
                for (int i = 0; i < rows.record().count(); ++i) {
                    hash.addData(rows.value(i).toString().toUtf8());
                    hash.addData(QByteArrayView("\x1f", 1));
                }
                hash.addData(QByteArrayView("\x1e", 1));
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return hash.result().toHex();
}

QStringList pdfPages(const QString& pdf)
{
    QProcess process;
    process.start(u"pdftotext"_s, {u"-layout"_s, pdf, u"-"_s});
    if (!process.waitForFinished(60000))
        return {};
    QStringList split = QString::fromUtf8(process.readAllStandardOutput()).split(u'\f');
    if (!split.isEmpty() && split.last().trimmed().isEmpty())
        split.removeLast();
    return split;
}

ProgramRun runProgram(const QString& program, const QStringList& arguments, const QList<std::pair<QString, QString>>& environment)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"BUURTSIGNAAL_USER"_s, u"tester"_s);
    env.insert(u"BUURTSIGNAAL_TODAY"_s, referenceToday().toString(Qt::ISODate));
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    for (const auto& [name, value] : environment)
        env.insert(name, value);
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    ProgramRun run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        run.err = u"niet klaar binnen een minuut"_s;
        return run;
    }
    run.finished = true;
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QByteArray fileBytesHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return "missing";
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

QString addSignal(Registry& registry, const QString& category, const QString& impact)
{
    NewSignal input;
    input.buurt = u"Oranjebuurt"_s;
    input.category = category;
    input.source = u"huisbezoek"_s;
    input.impact = impact;
    input.description = u"Bewoner komt nauwelijks buiten."_s;
    auto reference = Signals::add(registry, input);
    if (!reference.ok()) {
        QTest::qFail(qPrintable(reference.error().message), __FILE__, __LINE__);
        return {};
    }
    return reference.value();
}

WriteLockHolder::WriteLockHolder(const QString& path) : m_path(path)
{
    m_shell.start(u"sqlite3"_s, {path});
    if (!m_shell.waitForStarted(10000)) {
        QTest::qFail("the sqlite3 shell could not be started", __FILE__, __LINE__);
        return;
    }
    m_shell.write("BEGIN IMMEDIATE;\nINSERT INTO settings (key, value) VALUES ('test.houder', 'vast');\n");
    // The shell's output is buffered in a pipe, so the lock itself says when it is held.
    for (int i = 0; i < 200 && !holding(); ++i)
        QTest::qWait(50);
    if (!holding())
        QTest::qFail("the sqlite3 shell did not take the write lock", __FILE__, __LINE__);
}

WriteLockHolder::~WriteLockHolder()
{
    release();
}

bool WriteLockHolder::holding() const
{
    if (m_shell.state() != QProcess::Running)
        return false;
    const QString name = u"lock-probe-%1"_s.arg(quintptr(this));
    bool locked = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=0"_s);
        if (db.open()) {
            QSqlQuery begin(db);
            locked = !begin.exec(u"BEGIN IMMEDIATE"_s);
            if (!locked)
                begin.exec(u"ROLLBACK"_s);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return locked;
}

void WriteLockHolder::release()
{
    if (m_shell.state() == QProcess::NotRunning)
        return;
    m_shell.closeWriteChannel();  // the shell ends and its transaction is rolled back
    if (!m_shell.waitForFinished(10000))
        m_shell.kill();
    m_shell.waitForFinished(10000);
}

}  // namespace bs::test
