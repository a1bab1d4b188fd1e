#pragma once
// The versioned migration ladder. Version N of the schema is reached by running step N on a
// database at version N-1, each step in its own transaction together with its version row, so a
// database is always at exactly one version. A database newer than the ladder is refused.

#include "Result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace bs {

class Database;
class Dialect;
class Clock;

struct Migration {
    int version = 0;
    QString summary;
    std::function<QStringList(const Dialect&)> statements;
    // Optional: runs first, in the same transaction, for data the new statements would refuse.
    std::function<Status(Database&, const Clock&)> prepare = {};
};

using MigrationLadder = QList<Migration>;

const MigrationLadder& standardLadder();
int latestVersion(const MigrationLadder& ladder);

// The schema version of the database: 0 for an empty database. Refuses a non-empty database
// that has no version table (some other program's database).
Result<int> schemaVersion(Database& db);

// Checks that the database can be used by a program that knows `ladder`.
Status checkVersionKnown(int version, const MigrationLadder& ladder, const QString& path);

// Runs the missing steps of the ladder, one transaction each.
Status migrate(Database& db, const MigrationLadder& ladder, const Clock& clock);

}  // namespace bs
