#pragma once
// Removing access-log entries older than the log's retention period (never less than 6 months;
// the table's own trigger refuses anything younger). The purge is recorded in the retention log.
// Where the server enforces access (a registry set up by `server init`) no login may delete
// from the log at all: the beheerder purges through the server's function purge_access_log(),
// which also writes the purge into the access log itself.

#include "Result.h"

#include <QString>

namespace bs {

class Database;

// Returns how many entries were removed. Runs in its own write transaction.
Result<qint64> purgeAccessLog(Database& db, int keepMonths, const QString& at, const QString& actor);

}  // namespace bs
