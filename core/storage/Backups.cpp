#include "Backups.h"

#include "Clock.h"
#include "Registry.h"
#include "storage/Consistency.h"
#include "storage/Database.h"
#include "storage/Location.h"
#include "storage/Migrations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>

#ifdef Q_OS_UNIX
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace bs::Backups {

namespace {

constexpr QFileDevice::Permissions ownerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions ownerOnlyDir = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
const QString stampFormat = u"yyyyMMdd-HHmmss"_s;

// The name carries the moment and the reason, so listing needs no database.
const QRegularExpression& backupName()
{
    static const QRegularExpression re(u"^register-(\\d{8}-\\d{6})-(\\d{2})-([a-z0-9-]+)\\.buurtsignaal$"_s);
    return re;
}

// Flushes a file (or a folder's entry list) to the disk, so a rename that follows is durable.
void syncPath(const QString& path)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(path);
#endif
}

// rename(2) replaces the target in one step; elsewhere remove first.
bool replaceFile(const QString& from, const QString& to)
{
#ifdef Q_OS_UNIX
    return ::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
#else
    QFile::remove(to);
    return QFile::rename(from, to);
#endif
}

Status ensureFolder(const QString& folder)
{
    QDir dir(folder);
    if (!dir.exists() && !dir.mkpath(u"."_s))
        return Error::storage(u"De back-upmap %1 kon niet worden aangemaakt."_s.arg(folder));
    QFile::setPermissions(folder, ownerOnlyDir);
    return {};
}

Status rotate(const QString& folder, int generations)
{
    QDir dir(folder);
    // Parts left by an interrupted backup are never valid backups.
    for (const QString& part : dir.entryList({u"*.part"_s}, QDir::Files))
        dir.remove(part);
    QStringList names = dir.entryList({u"register-*.buurtsignaal"_s}, QDir::Files, QDir::Name);
    std::sort(names.begin(), names.end(), std::greater<>());  // newest first: the stamp sorts as text
    for (qsizetype i = qMax(1, generations); i < names.size(); ++i) {
        if (!dir.remove(names.at(i)))
            return Error::storage(u"Oude back-up %1 kon niet worden verwijderd."_s.arg(dir.filePath(names.at(i))));
    }
    return {};
}

// One program at a time writes into the backup folder: two at once would pick the same name and
// clear each other's unfinished part. A lock left by a program that died is taken over.
std::unique_ptr<QLockFile> folderLock(const QString& folder)
{
    auto lock = std::make_unique<QLockFile>(QDir(folder).filePath(u".bezig.lock"_s));
    lock->setStaleLockTime(0);  // a long backup is not stale; a dead program's lock is
    return lock;
}

bool madeToday(const QString& registryPath, const Clock& clock)
{
    const QString prefix = u"register-"_s + clock.now().toTimeZone(registryTimeZone()).toString(u"yyyyMMdd"_s);
    return !QDir(folderFor(registryPath)).entryList({prefix + u"-*.buurtsignaal"_s}, QDir::Files).isEmpty();
}

// The address in libpq's keyword form, which pg_dump and pg_restore take as it is.
QString keywordAddress(const QString& serverAddress)
{
    const auto location = Location::parse(serverAddress);
    if (!location.ok())
        return serverAddress;
    const ServerAddress& server = location->server;
    QStringList parts;
    const auto add = [&parts](const QString& key, const QString& value) {
        if (value.isEmpty())
            return;
        const bool plain = !value.contains(u' ') && !value.contains(u'\'') && !value.contains(u'\\');
        parts << key + u'=' + (plain ? value : u"'%1'"_s.arg(QString(value).replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s)));
    };
    add(u"host"_s, server.host);
    add(u"port"_s, server.port != 0 ? QString::number(server.port) : QString());
    add(u"dbname"_s, server.database);
    add(u"user"_s, server.user);
    add(u"sslmode"_s, server.sslMode);
    return parts.join(u' ');
}

QString dumpName(const QDate& day)
{
    return u"buurtsignaal-%1.dump"_s.arg(day.toString(Qt::ISODate));
}

QString restoreCommand(const QString& serverAddress, const QDate& day)
{
    return u"pg_restore --clean --if-exists --single-transaction --dbname=\"%1\" %2"_s.arg(keywordAddress(serverAddress), dumpName(day));
}

Result<CheckReport> checkServer(const QString& serverAddress)
{
    CheckReport report;
    report.path = serverAddress;
    report.onServer = true;
    auto location = Location::parse(serverAddress);
    if (!location.ok())
        return location.error();
    auto opened = Database::openPostgresql(location->server, Database::Mode::ReadOnly);
    if (!opened.ok())
        return opened.error();
    Database& db = *opened.value();
    auto version = schemaVersion(db);
    if (!version.ok())
        return version.error();
    report.schemaVersion = version.value();
    if (report.schemaVersion == 0) {
        report.problems << u"De database bevat geen Buurtsignaal-register (geen schema)."_s;
        return report;
    }
    if (report.schemaVersion > latestVersion(standardLadder()))
        report.problems << u"Schemaversie %1 is nieuwer dan deze versie van Buurtsignaal kent."_s.arg(report.schemaVersion);
    auto findings = Consistency::findings(db);
    if (!findings.ok())
        return findings.error();
    report.problems << findings.value();
    auto signals_ = db.scalar(u"SELECT count(*) FROM signals"_s);
    if (!signals_.ok())
        return signals_.error();
    report.signalCount = signals_.value().toLongLong();
    report.ok = report.problems.isEmpty();
    return report;
}

}  // namespace

QString serverBackupAdvice(const QString& serverAddress, const QDate& day)
{
    return u"Van een register op een server maakt Buurtsignaal geen back-upbestanden: daar gelden de back-ups van de server zelf "
           "(pg_dump, base backups met pg_basebackup en herstel tot op een tijdstip met WAL-archivering), geregeld door de beheerder "
           "van de server. Er is niets gewijzigd.\n"
           "Een back-up van dit register:\n  pg_dump --format=custom --file=%1 \"%2\"\n"
           "Terugzetten (in een database zonder gebruikers die ermee werken):\n  %3\n"
           "De logins en groepsrollen horen bij de server, niet bij de database: bewaar ze met pg_dumpall --roles-only."_s.arg(dumpName(day), keywordAddress(serverAddress),
                                                                                              restoreCommand(serverAddress, day));
}

QString serverRestoreAdvice(const QString& serverAddress, const QDate& day)
{
    return u"Een register op een server zet Buurtsignaal niet terug: daar gelden de back-ups van de server zelf (pg_dump en "
           "pg_restore, base backups met pg_basebackup en herstel tot op een tijdstip met WAL-archivering), geregeld door de beheerder "
           "van de server. Er is niets gewijzigd.\n"
           "Terugzetten uit een dump van pg_dump (in een database zonder gebruikers die ermee werken):\n  %1\n"
           "Een dump maken:\n  pg_dump --format=custom --file=%2 \"%3\""_s.arg(restoreCommand(serverAddress, day), dumpName(day),
                                                                                 keywordAddress(serverAddress));
}

QString folderFor(const QString& registryPath)
{
    const QFileInfo info(registryPath);
    return info.absoluteDir().filePath(info.fileName() + u".backups"_s);
}

Result<CheckReport> check(const QString& path)
{
    if (Location::looksLikeServer(path))
        return checkServer(path);
    CheckReport report;
    report.path = path;
    if (!QFileInfo::exists(path))
        return Error::notFound(u"file"_s, u"Het bestand %1 bestaat niet."_s.arg(path));
    auto opened = Database::openSqlite(path, Database::Mode::ReadOnly);
    if (!opened.ok()) {
        report.problems << opened.error().message;
        return report;
    }
    Database& db = *opened.value();
    auto version = schemaVersion(db);
    if (!version.ok()) {
        report.problems << version.error().message;
        return report;
    }
    report.schemaVersion = version.value();
    if (report.schemaVersion == 0)
        report.problems << u"Het bestand bevat geen Buurtsignaal-register (geen schema)."_s;
    if (report.schemaVersion > latestVersion(standardLadder()))
        report.problems << u"Schemaversie %1 is nieuwer dan deze versie van Buurtsignaal kent."_s.arg(report.schemaVersion);
    auto integrity = db.run(u"PRAGMA integrity_check"_s);
    if (!integrity.ok()) {
        report.problems << integrity.error().message;
    } else {
        while (integrity->next()) {
            const QString line = integrity->value(0).toString();
            if (line != u"ok"_s && report.problems.size() < 50)
                report.problems << u"Databasecontrole: %1"_s.arg(line);
        }
    }
    auto foreignKeys = db.run(u"PRAGMA foreign_key_check"_s);
    if (!foreignKeys.ok()) {
        report.problems << foreignKeys.error().message;
    } else {
        int broken = 0;
        while (foreignKeys->next())
            ++broken;
        if (broken > 0)
            report.problems << u"%1 verwijzingen naar ontbrekende rijen (controle van de verwijzingen)."_s.arg(broken);
    }
    if (report.schemaVersion > 0) {
        auto signals_ = db.scalar(u"SELECT count(*) FROM signals"_s);
        if (signals_.ok())
            report.signalCount = signals_.value().toLongLong();
    }
    report.ok = report.problems.isEmpty();
    return report;
}

namespace {

// The backup itself; a backup into the folder runs while holding the folder's lock.
Result<BackupInfo> writeBackup(Database& db, const Clock& clock, const QString& reason, int generations, const QString& target)
{
    const QDateTime now = clock.now().toTimeZone(registryTimeZone());
    const bool intoFolder = target.isEmpty();
    const QString folder = intoFolder ? folderFor(db.path()) : QFileInfo(target).absolutePath();
    if (intoFolder)
        BS_TRY(ensureFolder(folder));
    QString finalPath = target;
    if (intoFolder) {
        // A sequence number keeps backups made within one second apart and in order.
        const QString base = u"register-%1"_s.arg(now.toString(stampFormat));
        int n = 1;
        for (const QString& name : QDir(folder).entryList({base + u"-*.buurtsignaal"_s}, QDir::Files)) {
            const auto match = backupName().match(name);
            if (match.hasMatch())
                n = qMax(n, match.captured(2).toInt() + 1);
        }
        finalPath = QDir(folder).filePath(u"%1-%2-%3.buurtsignaal"_s.arg(base).arg(n, 2, 10, QLatin1Char('0')).arg(reason));
    } else if (QFileInfo::exists(target)) {
        return Error::invalid(u"out"_s, u"Het bestand %1 bestaat al; kies een nieuwe naam."_s.arg(target));
    }
    const QString part = finalPath + u".part"_s;
    QFile::remove(part);
    BS_TRY(db.execute(db.dialect().backupIntoSql(), {part}));
    QFile::setPermissions(part, ownerOnlyFile);
    auto checked = check(part);
    if (!checked.ok() || !checked->ok) {
        QFile::remove(part);
        return Error::storage(u"De back-up is niet goed geschreven en is weggegooid (%1). Het register zelf is ongewijzigd."_s.arg(
            checked.ok() ? checked->problems.join(u"; "_s) : checked.error().message));
    }
    syncPath(part);
    if (!QFile::rename(part, finalPath)) {
        QFile::remove(part);
        return Error::storage(u"De back-up kon niet als %1 worden opgeslagen."_s.arg(finalPath));
    }
    syncPath(folder);
    if (intoFolder)
        BS_TRY(rotate(folder, generations));
    return BackupInfo{finalPath, now, reason, QFileInfo(finalPath).size()};
}

}  // namespace

Result<BackupInfo> create(Database& db, const Clock& clock, const QString& reason, int generations, const QString& target)
{
    if (db.isServer())
        return Error::rule(serverBackupAdvice(db.path(), clock.today()));
    if (!target.isEmpty())
        return writeBackup(db, clock, reason, generations, target);
    const QString folder = folderFor(db.path());
    BS_TRY(ensureFolder(folder));
    auto lock = folderLock(folder);
    if (!lock->tryLock(120000)) {
        Error busy = Error::storage(u"Een ander programma maakt al een back-up van dit register. Er is niets gewijzigd; "
                                    "probeer het zo opnieuw."_s);
        busy.kind = ErrorKind::Busy;
        return busy;
    }
    return writeBackup(db, clock, reason, generations, target);
}

Result<BackupInfo> create(Registry& registry, const QString& reason, const QString& target)
{
    auto generations = registry.intSetting(u"backup.generations"_s, 7);
    if (!generations.ok())
        return generations.error();
    return create(registry.db(), registry.clock(), reason, generations.value(), target);
}

Result<QList<BackupInfo>> list(const QString& registryPath)
{
    QDir dir(folderFor(registryPath));
    QList<BackupInfo> backups;
    if (!dir.exists())
        return backups;
    QStringList names = dir.entryList({u"register-*.buurtsignaal"_s}, QDir::Files, QDir::Name);
    std::sort(names.begin(), names.end(), std::greater<>());
    for (const QString& name : names) {
        const auto match = backupName().match(name);
        if (!match.hasMatch())
            continue;
        const QDateTime at = QDateTime::fromString(match.captured(1), stampFormat);
        backups << BackupInfo{dir.filePath(name), at, match.captured(3), QFileInfo(dir.filePath(name)).size()};
    }
    return backups;
}

QString reasonLabel(const QString& reason)
{
    static const QRegularExpression beforeMigration(u"^voor-bijwerken-v([0-9]+)$"_s);
    if (const auto m = beforeMigration.match(reason); m.hasMatch())
        return u"Voor bijwerken naar schemaversie %1"_s.arg(m.captured(1));
    if (reason == u"dagelijks"_s)
        return u"Dagelijks"_s;
    if (reason == u"handmatig"_s)
        return u"Handmatig"_s;
    if (reason == u"voor-herstel"_s)
        return u"Voor terugzetten"_s;
    return reason;
}

Result<std::optional<BackupInfo>> dailyIfDue(Registry& registry)
{
    // On a server the server's own backups apply (pg_dump, base backups).
    if (registry.wasCreated() || registry.db().isServer())
        return std::optional<BackupInfo>();
    auto generations = registry.intSetting(u"backup.generations"_s, 7);
    if (!generations.ok())
        return generations.error();
    return dailyIfDue(registry.path(), registry.clock(), generations.value());
}

Result<std::optional<BackupInfo>> dailyIfDue(const QString& registryPath, const Clock& clock, int generations)
{
    if (Location::looksLikeServer(registryPath))
        return std::optional<BackupInfo>();  // the server's own backups apply
    if (madeToday(registryPath, clock))
        return std::optional<BackupInfo>();
    const QString folder = folderFor(registryPath);
    BS_TRY(ensureFolder(folder));
    auto lock = folderLock(folder);
    // Another program is writing a backup right now; it counts as today's.
    if (!lock->tryLock(0))
        return std::optional<BackupInfo>();
    // It may have finished between the look above and taking the lock.
    if (madeToday(registryPath, clock))
        return std::optional<BackupInfo>();
    auto db = Database::openSqlite(registryPath, Database::Mode::ReadOnly);
    if (!db.ok())
        return db.error();
    auto made = writeBackup(*db.value(), clock, u"dagelijks"_s, generations, {});
    if (!made.ok())
        return made.error();
    return std::optional<BackupInfo>(made.value());
}

qint64 bytesWrittenSoFar(const QString& registryPath)
{
    QDir dir(folderFor(registryPath));
    qint64 bytes = 0;
    for (const QFileInfo& part : dir.entryInfoList({u"*.part"_s}, QDir::Files))
        bytes = qMax(bytes, part.size());
    return bytes;
}

Result<QString> restore(const QString& registryPath, const QString& backupPath, const Clock& clock)
{
    if (Location::looksLikeServer(registryPath))
        return Error::rule(serverRestoreAdvice(registryPath, clock.today()));
    auto checked = check(backupPath);
    if (!checked.ok())
        return checked.error();
    if (!checked->ok) {
        return Error::invalid(u"backup"_s, u"De back-up %1 is niet bruikbaar: %2 Er is niets gewijzigd."_s.arg(
                                               backupPath, checked->problems.join(u" "_s)));
    }
    QString safety;
    if (QFileInfo::exists(registryPath)) {
        auto current = Database::openSqlite(registryPath);
        if (current.ok() && schemaVersion(*current.value()).ok() && schemaVersion(*current.value()).value() > 0) {
            // Everything in the write-ahead log goes into the file first, then a copy of it.
            BS_TRY(current.value()->execute(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
            auto made = create(*current.value(), clock, u"voor-herstel"_s, 1000);
            if (!made.ok())
                return made.error();
            safety = made->path;
        }
    }
    // Copy next to the registry, flush, then swap in one rename: the registry is either the old
    // file or the restored one, never half of each.
    const QString part = registryPath + u".herstel.part"_s;
    QFile::remove(part);
    if (!QFile::copy(backupPath, part))
        return Error::storage(u"De back-up kon niet naar %1 worden gekopieerd. Er is niets gewijzigd."_s.arg(part));
    QFile::setPermissions(part, ownerOnlyFile);
    syncPath(part);
    QFile::remove(registryPath + u"-wal"_s);
    QFile::remove(registryPath + u"-shm"_s);
    if (!replaceFile(part, registryPath))
        return Error::storage(u"Terugzetten mislukte bij het hernoemen van %1; de vorige versie staat in %2."_s.arg(part, safety));
    syncPath(QFileInfo(registryPath).absolutePath());
    return safety;
}

}  // namespace bs::Backups
