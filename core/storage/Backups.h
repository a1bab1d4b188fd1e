#pragma once
// Backups of a registry file: consistent copies written by the engine (VACUUM INTO), checked with
// integrity_check before they count, renamed into place atomically and rotated (the setting
// backup.generations, default 7). One is made automatically on the first use of each day and
// before every migration; restore first backs up the file it replaces.

#include "Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bs {

class Clock;
class Database;
class Registry;

struct BackupInfo {
    QString path;
    QDateTime madeAt;  // local time, from the file name
    QString reason;    // dagelijks, handmatig, voor-bijwerken-vN, voor-herstel
    qint64 bytes = 0;
};

struct CheckReport {
    QString path;
    bool ok = false;
    bool onServer = false;  // checked on a PostgreSQL server: consistency only (see check())
    int schemaVersion = 0;
    qint64 signalCount = 0;
    QStringList problems;  // Dutch, one per finding; empty when ok
};

namespace Backups {

// The folder next to the registry that holds its backups: "<file>.backups" (owner-only).
QString folderFor(const QString& registryPath);

// Writes a checked backup of the open database into the backup folder (or to `target` when
// given, which must not exist) and rotates the folder to `generations` files.
Result<BackupInfo> create(Database& db, const Clock& clock, const QString& reason, int generations, const QString& target = {});
Result<BackupInfo> create(Registry& registry, const QString& reason, const QString& target = {});

// Makes the day's backup unless one of today already exists, on a read-only connection of its
// own (it never waits for a writer, nor holds one up). Only one program makes it: while another
// is making it, this one does nothing. Never for an empty new registry.
Result<std::optional<BackupInfo>> dailyIfDue(Registry& registry);
// The same for a registry file, from any thread (the app runs it in the background).
Result<std::optional<BackupInfo>> dailyIfDue(const QString& registryPath, const Clock& clock, int generations);

// How many bytes of the backup being written by any program are on the disk so far (0 when none
// is being written), to show progress beside the size of the registry.
qint64 bytesWrittenSoFar(const QString& registryPath);

// Newest first.
Result<QList<BackupInfo>> list(const QString& registryPath);

// The reason of a backup in words: "Voor bijwerken naar schemaversie 3" for voor-bijwerken-v3.
QString reasonLabel(const QString& reason);

// Opens `path` read-only and checks it: SQLite integrity, foreign keys, that it is a registry of a
// schema this program knows. A server address instead runs the consistency checks
// (storage/Consistency.h) on the server: its constraints guarantee integrity and references.
Result<CheckReport> check(const QString& path);

// Why Buurtsignaal makes no backup of (and restores none into) a registry on a server, with the
// pg_dump and pg_restore commands for its address, the dump named after `day`. Dutch, several lines.
QString serverBackupAdvice(const QString& serverAddress, const QDate& day);
QString serverRestoreAdvice(const QString& serverAddress, const QDate& day);

// Replaces the registry at `registryPath` by `backupPath` after checking the backup and backing up
// the current file (when it is readable). Nobody may have the registry open meanwhile.
// Returns the backup made of the replaced file (empty when there was none).
Result<QString> restore(const QString& registryPath, const QString& backupPath, const Clock& clock);

}  // namespace Backups
}  // namespace bs
