#pragma once
// An open registry: the database connection, the clock that decides "today" and the user on
// whose behalf changes are made. Services work on a Registry; programs open one.

#include "Clock.h"
#include "Result.h"
#include "storage/Database.h"
#include "storage/Migrations.h"

#include <memory>

namespace bs {

class BackgroundReader;

class Registry {
public:
    enum class Create { No, IfMissing };

    // The registry file in the user's data folder (created with owner-only permissions).
    static QString defaultPath();
    // The demo registry beside it (`Oefenen met demogegevens`): a file of its own, so fictional
    // signals never land in the user's real registry.
    static QString demoPath();

    // Opens the registry at `path` (a file, or a PostgreSQL server address: see storage/Location.h),
    // creating it with the reference data when asked and absent.
    // An existing file is checked before anything is written: not a SQLite file, some other
    // program's database, a read-only file or a newer schema are refused with the file untouched.
    // An older schema is copied to a backup beside the file and then migrated.
    // `actor` is the person on a file. On a server the person is the login the server let in
    // (session_user), and `actor` is ignored: nobody acts under another's name there. A registry
    // set up by `server init` with an older schema is refused until `server upgrade` ran.
    static Result<std::unique_ptr<Registry>> open(const QString& path, Create create, const Clock& clock,
                                                  const QString& actor);
    // The same for a location already read (a server address with a password typed by the user,
    // kept in memory only).
    static Result<std::unique_ptr<Registry>> open(const Location& location, Create create, const Clock& clock,
                                                  const QString& actor);
    // Opens the registry for a program that only reads (lists, a signal's detail, figures, reports,
    // exports, the app's background counts) on a read-only connection: it never takes the write
    // lock, so it never waits for another program's writer. A registry that must be set up first
    // (created, migrated, given its first beheerder) goes through open() once.
    static Result<std::unique_ptr<Registry>> openForReading(const QString& path, Create create, const Clock& clock,
                                                            const QString& actor);
    // The same with another migration ladder (tests of the ladder itself).
    static Result<std::unique_ptr<Registry>> open(const QString& path, Create create, const Clock& clock,
                                                  const QString& actor, const MigrationLadder& ladder);

    ~Registry();
    Registry(const Registry&) = delete;
    Registry& operator=(const Registry&) = delete;

    Database& db() { return *m_db; }
    // Reads in the background on one connection of their own, opened on the first job and closed
    // with this registry (see BackgroundReader.h): a window's counts and figures, never a new
    // connection per job. Asked for from the thread that uses this registry.
    BackgroundReader& background();
    const Clock& clock() const { return m_clock; }
    const QString& actor() const { return m_actor; }
    const QString& path() const { return m_db->path(); }
    bool isOnServer() const { return m_db->isServer(); }
    // Whether the database itself enforces the roles (a registry set up with `server init`).
    bool enforcesAccess() const;
    bool wasCreated() const { return m_created; }
    QString lastBackup() const { return m_lastBackup; }

    Result<QString> setting(const QString& key, const QString& fallback = {}) const;
    Result<int> intSetting(const QString& key, int fallback) const;

private:
    Registry(std::unique_ptr<Database> db, const Clock& clock, QString actor);
    // A registry in a database on a PostgreSQL server: created there when asked and empty.
    static Result<std::unique_ptr<Registry>> openOnServer(const ServerAddress& server, Create create, const Clock& clock,
                                                          const QString& actor, const MigrationLadder& ladder);

    std::unique_ptr<Database> m_db;
    const Clock& m_clock;
    QString m_actor;
    bool m_created = false;
    QString m_lastBackup;
    std::unique_ptr<BackgroundReader> m_background;  // last: its thread ends before the rest goes
};

// The login of the person using the program, for history and access records.
QString currentLogin();

}  // namespace bs
