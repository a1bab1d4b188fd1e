#pragma once
// Shared helpers for the test suites: temporary registries on a fixed clock, and a fingerprint
// of a database's content to prove that a refused action changed nothing.

#include "Clock.h"
#include "Registry.h"
#include "storage/Location.h"

#include <QByteArray>
#include <QProcess>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

#include <optional>

namespace bs::test {

// Thursday 2026-11-26: a working day, with the weekend and December holidays close by.
QDate referenceToday();

// The engine a suite runs on: PostgreSQL when BUURTSIGNAAL_TEST_ENGINE=postgresql (ctest registers
// such suites a second time with it), SQLite files otherwise. A PostgreSQL run needs the
// throwaway server of tests/pg/server.sh, named by BUURTSIGNAAL_TEST_PG (a server address).
enum class Engine { Sqlite, Postgresql };
Engine testEngine();
// Why the suite cannot run on its engine here (to QSKIP with in initTestCase), or empty.
QString engineUnavailable();

// The test server's address (BUURTSIGNAAL_TEST_PG), if one is given.
std::optional<ServerAddress> testServer();

// Adds (does not open) a plain QPSQL connection named `name` to `server`, as another program
// (psql) would make it: as `login` (empty: the address's user), with libpq `options` if any.
QSqlDatabase addServerConnection(const QString& name, const ServerAddress& server, const QString& login = {},
                                 const QString& options = {});

// A fresh, empty database on the test server for one test, dropped (with its connections) at the end.
class TempServerDatabase {
public:
    TempServerDatabase();
    ~TempServerDatabase();
    TempServerDatabase(const TempServerDatabase&) = delete;
    TempServerDatabase& operator=(const TempServerDatabase&) = delete;
    const ServerAddress& address() const { return m_address; }
    QString uri() const { return m_address.display(); }

private:
    ServerAddress m_address;
};

// A registry of its own for one test: a file in a temporary folder, or on PostgreSQL a fresh
// database on the test server, dropped again at the end.
class TempRegistry {
public:
    TempRegistry();
    explicit TempRegistry(const QDate& today, Engine engine = testEngine());
    ~TempRegistry();
    TempRegistry(const TempRegistry&) = delete;
    TempRegistry& operator=(const TempRegistry&) = delete;
    Registry& registry() { return *m_registry; }
    Registry* operator->() { return m_registry.get(); }
    FixedClock& clock() { return m_clock; }
    // The file, or the server address of the test's database (what --db takes).
    QString path() const { return m_path; }
    // What --db takes to act as `login`. On a file the same file (the person is who the program
    // is told: BUURTSIGNAAL_USER). On a server the person is the login, so a login of that name is
    // made on the test server and given the rights of the registry's own login to its tables (a
    // registry made by plain `init` has no group roles; see tst_rls for those made by `server init`).
    QString pathFor(const QString& login) const;
    QString dir() const { return m_dir.path(); }
    void close() { m_registry.reset(); }
    void reopen();

private:
    QTemporaryDir m_dir;
    FixedClock m_clock;
    QString m_path;
    std::unique_ptr<TempServerDatabase> m_serverDatabase;  // PostgreSQL: the database of this registry
    std::unique_ptr<Registry> m_registry;
};

// SHA-256 over every row of every table, ordered; equal fingerprints mean equal content.
// `path` is a file or a server address (TempRegistry::path()).
QByteArray contentFingerprint(const QString& path);
QByteArray fileBytesHash(const QString& path);

// A program (the real command line) run as its own process on the reference day, as the user
// 'tester' unless `environment` says otherwise, for at most a minute: a command that takes that
// long has hung (and is killed). `finished` is false then.
struct ProgramRun {
    int code = -1;
    QString out;
    QString err;
    bool finished = false;
};
ProgramRun runProgram(const QString& program, const QStringList& arguments,
                      const QList<std::pair<QString, QString>>& environment = {});

// The text of each page of a PDF as pdftotext -layout reads it (empty when it cannot be read).
QStringList pdfPages(const QString& pdf);

// Adds a signal with sensible defaults and returns its reference (fails the test on error).
QString addSignal(Registry& registry, const QString& category = QStringLiteral("eenzaamheid"),
                  const QString& impact = QStringLiteral("individu"));

// Another program holding the registry's write lock: the sqlite3 shell inside BEGIN IMMEDIATE
// with a change it has not committed, until release() or the end of the object (rolled back).
class WriteLockHolder {
public:
    explicit WriteLockHolder(const QString& path);
    ~WriteLockHolder();
    WriteLockHolder(const WriteLockHolder&) = delete;
    WriteLockHolder& operator=(const WriteLockHolder&) = delete;

    // Whether the lock is held right now: the shell is running and the lock cannot be taken.
    bool holding() const;
    void release();

private:
    QString m_path;
    QProcess m_shell;
};

}  // namespace bs::test
