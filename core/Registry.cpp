#include "Registry.h"

#include "BackgroundReader.h"
#include "access/Access.h"
#include "io/FileErrors.h"
#include "storage/Backups.h"
#include "storage/Migrations.h"
#include "storage/ReferenceData.h"
#include "storage/ServerSetup.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace bs {

namespace {

constexpr QFileDevice::Permissions ownerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions ownerOnlyDir = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

// Only look at the first bytes: a SQLite file starts with a fixed header, an empty file is a new database.
bool looksLikeSqlite(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    if (file.size() == 0)
        return true;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

Status checkExistingFile(const QString& path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return Error::invalid(u"db"_s, u"%1 is een map, geen registerbestand."_s.arg(path));
    if (!info.isReadable())
        return Error::storage(u"Het registerbestand %1 kan niet worden gelezen (geen leesrechten)."_s.arg(path));
    // Judged on the permission bits rather than access(2), so an administrator who made the file
    // read-only is obeyed even by a process that could override it.
    if (!(info.permissions() & QFileDevice::WriteOwner) || !QFileInfo(info.absolutePath()).isWritable()) {
        return Error::storage(u"Het registerbestand %1 is alleen-lezen. Er is niets gewijzigd; "
                              "vraag de beheerder om schrijfrechten of kies een ander bestand."_s.arg(path));
    }
    if (!looksLikeSqlite(path)) {
        return Error::storage(u"Het bestand %1 is geen Buurtsignaal-register (geen SQLite-database). "
                              "Er is niets gewijzigd."_s.arg(path));
    }
    return {};
}

Status createParentFolder(const QString& path)
{
    const QFileInfo info(path);
    QDir dir = info.absoluteDir();
    if (dir.exists())
        return {};
    if (!dir.mkpath(u"."_s))
        return Error::storage(u"De map %1 kon niet worden aangemaakt."_s.arg(dir.absolutePath()));
    QFile::setPermissions(dir.absolutePath(), ownerOnlyDir);
    return {};
}

// On a server: the login the server authenticated (the person), and whether the server itself
// enforces the access rules there (a registry set up by `server init`), noted on the connection.
Result<QString> serverLogin(Database& db)
{
    auto secured = ServerSetup::enforcesAccess(db);
    if (!secured.ok())
        return secured.error();
    db.setEnforcesAccess(secured.value());
    auto login = db.scalar(db.dialect().sessionLoginSql());
    if (!login.ok())
        return login.error();
    return login.value().toString();
}

// A read-only connection to a registry that can be read as it is, or none when it must be set up
// first (absent, empty, an older or newer schema, no users yet): open() does that, or refuses.
Result<std::unique_ptr<Database>> readerIfReady(const Location& location)
{
    if (!location.isServer()) {
        if (!QFileInfo::exists(location.path))
            return std::unique_ptr<Database>();
        BS_TRY(checkExistingFile(location.path));
    }
    // On a server readers never wait for writers anyway (each statement reads a snapshot), and
    // the access-log entry of what they show is written at once, so they get an ordinary connection.
    auto opened = Database::open(location, location.isServer() ? Database::Mode::ReadWrite : Database::Mode::ReadOnly);
    if (!opened.ok())
        return opened.error();
    auto version = schemaVersion(*opened.value());
    // A login without rights on the server: open() says so in words, with whom to ask.
    if (!version.ok() && version.error().kind == ErrorKind::Denied)
        return std::unique_ptr<Database>();
    if (!version.ok())
        return version.error();
    if (version.value() != latestVersion(standardLadder()))
        return std::unique_ptr<Database>();
    auto users = opened.value()->scalar(u"SELECT count(*) FROM users"_s);
    if (!users.ok())
        return users.error();
    if (users.value().toInt() == 0)
        return std::unique_ptr<Database>();
    return std::move(opened).value();
}

// Where the user's own registry and the demo registry live.
QDir dataFolder()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder.isEmpty() ? QDir::homePath() + u"/.local/share/buurtsignaal"_s : folder);
}

}  // namespace

QString currentLogin()
{
    QString login = qEnvironmentVariable("BUURTSIGNAAL_USER");
    if (login.isEmpty())
        login = qEnvironmentVariable("USER");
    if (login.isEmpty())
        login = qEnvironmentVariable("LOGNAME");
    if (login.isEmpty())
        login = qEnvironmentVariable("USERNAME");
#ifdef Q_OS_UNIX
    if (login.isEmpty()) {
        if (const passwd* entry = ::getpwuid(::getuid()))
            login = QString::fromLocal8Bit(entry->pw_name);
    }
#endif
    return login.isEmpty() ? u"onbekend"_s : login;
}

Registry::Registry(std::unique_ptr<Database> db, const Clock& clock, QString actor)
    : m_db(std::move(db)), m_clock(clock), m_actor(std::move(actor))
{
}

Registry::~Registry() = default;

BackgroundReader& Registry::background()
{
    if (!m_background)
        m_background = std::make_unique<BackgroundReader>(path(), m_clock, m_actor);
    return *m_background;
}

bool Registry::enforcesAccess() const
{
    return m_db->enforcesAccess();
}

QString Registry::defaultPath()
{
    return dataFolder().filePath(u"register.buurtsignaal"_s);
}

QString Registry::demoPath()
{
    return dataFolder().filePath(u"demo.buurtsignaal"_s);
}

Result<std::unique_ptr<Registry>> Registry::open(const QString& path, Create create, const Clock& clock,
                                                 const QString& actor)
{
    return open(path, create, clock, actor, standardLadder());
}

Result<std::unique_ptr<Registry>> Registry::open(const Location& location, Create create, const Clock& clock,
                                                 const QString& actor)
{
    if (location.isServer())
        return openOnServer(location.server, create, clock, actor, standardLadder());
    return open(location.path, create, clock, actor);
}

Result<std::unique_ptr<Registry>> Registry::open(const QString& path, Create create, const Clock& clock,
                                                 const QString& actor, const MigrationLadder& ladder)
{
    if (path.trimmed().isEmpty())
        return Error::invalid(u"db"_s, u"Geen registerbestand opgegeven."_s);
    auto location = Location::parse(path);
    if (!location.ok())
        return location.error();
    if (location->isServer())
        return openOnServer(location->server, create, clock, actor, ladder);
    const bool exists = QFileInfo::exists(path);
    if (!exists && create == Create::No) {
        return Error::notFound(u"db"_s, u"Het registerbestand %1 bestaat niet. Maak een nieuw register met "
                                        "'buurtsignaal-cli --db %1 init'."_s.arg(path));
    }
    if (exists) {
        BS_TRY(checkExistingFile(path));
    } else {
        BS_TRY(createParentFolder(path));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return Error::storage(u"Het registerbestand %1 kon niet worden aangemaakt: %2."_s.arg(path, FileErrors::reason(file, FileErrors::Purpose::Write)));
        file.close();
        // Owner-only before anything is in it; SQLite gives its -wal and -shm files the same mode.
        QFile::setPermissions(path, ownerOnlyFile);
    }

    auto opened = Database::openSqlite(path);
    if (!opened.ok()) {
        if (!exists)
            QFile::remove(path);
        return opened.error();
    }
    std::unique_ptr<Registry> registry(new Registry(std::move(opened).value(), clock, actor));
    Database& db = registry->db();

    auto version = schemaVersion(db);
    if (!version.ok())
        return version.error();
    BS_TRY(checkVersionKnown(version.value(), ladder, path));

    BS_TRY(db.enableWriteAheadLog());
    const bool isNew = version.value() == 0;
    if (!isNew && version.value() < latestVersion(ladder)) {
        // Settings may not be readable in every old version: the default number of generations.
        auto backup = Backups::create(db, clock, u"voor-bijwerken-v%1"_s.arg(version.value()), 7);
        if (!backup.ok())
            return backup.error();
        registry->m_lastBackup = backup->path;
    }
    Status migrated = migrate(db, ladder, clock);
    if (migrated.ok() && isNew)
        migrated = ReferenceData::seed(db);
    if (!migrated.ok()) {
        if (!exists) {
            registry.reset();
            QFile::remove(path);
            QFile::remove(path + u"-wal"_s);
            QFile::remove(path + u"-shm"_s);
        }
        return migrated.error();
    }
    registry->m_created = isNew;
    BS_TRY(Access::ensureFirstBeheerder(*registry));
    return registry;
}

Result<std::unique_ptr<Registry>> Registry::openOnServer(const ServerAddress& server, Create create, const Clock& clock,
                                                         const QString& actor, const MigrationLadder& ladder)
{
    Q_UNUSED(actor);  // on a server the person is the login the server let in, whatever a program claims
    auto opened = Database::openPostgresql(server);
    if (!opened.ok())
        return opened.error();
    auto login = serverLogin(*opened.value());
    if (!login.ok())
        return login.error();
    std::unique_ptr<Registry> registry(new Registry(std::move(opened).value(), clock, login.value()));
    Database& db = registry->db();
    auto version = schemaVersion(db);
    if (!version.ok()) {
        Error refused = version.error();
        if (refused.kind == ErrorKind::Denied) {
            refused.message = u"De aanmelding '%1' heeft geen rechten op het register op de server %2. Vraag een beheerder "
                              "van het register om u toegang te geven. Er is niets gewijzigd."_s
                                  .arg(server.user.isEmpty() ? u"(standaardgebruiker)"_s : server.user, db.path());
        }
        return refused;
    }
    BS_TRY(checkVersionKnown(version.value(), ladder, db.path()));
    const bool isNew = version.value() == 0;
    if (isNew && db.enforcesAccess()) {
        // The registry is there, but this login may not even see its tables.
        return Error::denied(u"De login %1 heeft geen toegang tot het register %2. Vraag een beheerder u toe te voegen "
                             "('buurtsignaal-cli user add %1 --role ROL'). Er is niets gewijzigd."_s.arg(registry->actor(), db.path()));
    }
    if (!isNew && db.enforcesAccess() && version.value() < latestVersion(ladder)) {
        // The tables are the owner's, whom nobody logs in as: only `server upgrade` may migrate,
        // and it puts the rules back as well.
        return Error::storage(u"Het register %1 heeft schemaversie %2; deze versie van Buurtsignaal werkt met versie %3. "
                              "Vraag de beheerder het register bij te werken met 'buurtsignaal-cli --db %1 server upgrade' "
                              "(als beheerlogin van de database). Er is niets gewijzigd."_s.arg(db.path())
                                  .arg(version.value())
                                  .arg(latestVersion(ladder)));
    }
    if (isNew && create == Create::No) {
        return Error::notFound(u"db"_s, u"De database %1 heeft nog geen Buurtsignaal-register. Richt het voor een team in met "
                                        "'buurtsignaal-cli --db %1 server init' (rollen afgedwongen door de server; zie docs/server.md) "
                                        "of voor één persoon met 'init'. Er is niets gewijzigd."_s.arg(db.path()));
    }
    // No copy before migrating: on a server the server's own backups (pg_dump, base backups)
    // apply, and every step is one transaction.
    Status migrated = migrate(db, ladder, clock);
    if (migrated.ok() && isNew)
        migrated = ReferenceData::seed(db);
    if (!migrated.ok())
        return migrated.error();
    registry->m_created = isNew;
    BS_TRY(Access::ensureFirstBeheerder(*registry));
    return registry;
}

Result<std::unique_ptr<Registry>> Registry::openForReading(const QString& path, Create create, const Clock& clock,
                                                           const QString& actor)
{
    auto location = Location::parse(path);
    if (!location.ok())
        return location.error();
    auto reader = readerIfReady(location.value());
    if (!reader.ok())
        return reader.error();
    bool created = false;
    QString lastBackup;
    if (!reader.value()) {
        {
            auto prepared = open(path, create, clock, actor);
            if (!prepared.ok())
                return prepared.error();
            created = prepared.value()->wasCreated();
            lastBackup = prepared.value()->lastBackup();
        }  // the writing connection is closed again
        reader = readerIfReady(location.value());
        if (!reader.ok())
            return reader.error();
        if (!reader.value())
            return Error::storage(u"Het register %1 kon niet worden geopend om te lezen."_s.arg(path));
    }
    QString person = actor;
    if (reader.value()->isServer()) {
        auto login = serverLogin(*reader.value());
        if (!login.ok())
            return login.error();
        person = login.value();
    }
    std::unique_ptr<Registry> registry(new Registry(std::move(reader).value(), clock, person));
    registry->m_created = created;
    registry->m_lastBackup = lastBackup;
    return registry;
}

Result<QString> Registry::setting(const QString& key, const QString& fallback) const
{
    auto value = m_db->scalar(u"SELECT value FROM settings WHERE key = ?"_s, {key});
    if (!value.ok())
        return value.error();
    return value.value().isNull() ? fallback : value.value().toString();
}

Result<int> Registry::intSetting(const QString& key, int fallback) const
{
    auto value = setting(key);
    if (!value.ok())
        return value.error();
    bool ok = false;
    const int number = value.value().toInt(&ok);
    return ok ? number : fallback;
}

}  // namespace bs
