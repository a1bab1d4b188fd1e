#pragma once
// Log entries that wait for the write lock. A program that only reads (on a read-only connection,
// or while another program holds the registry's write lock) still owes the access log an entry
// for what it showed, searched, exported or printed. Rather than wait seconds for the other
// writer, or show data whose viewing is not recorded, it adds the entry to a small SQLite file
// beside the registry ("<file>.logwachtrij"), whose lock is held for one insert at a time. The
// next program that writes to the registry moves the waiting entries into their tables in its own
// write transaction, each exactly once: the last one moved is recorded in the registry's settings
// in that same transaction.

#include "Result.h"
#include "storage/Database.h"

#include <QList>
#include <QString>
#include <QVariantMap>

namespace bs {

class Registry;

// One row for an append-only log table of the registry (access_log, export_log).
struct LogRow {
    QString table;
    QVariantMap values;  // column → value
};

namespace PendingLog {

QString pathFor(const QString& registryPath);

// Writes the rows together: inside the caller's transaction, at once when the write lock is free,
// and otherwise into the waiting file. Fails only when neither the registry nor the waiting file
// took them; the caller then must not show or hand out what it would have logged.
Status write(Registry& registry, const QList<LogRow>& rows);

// Moves the waiting entries into the registry. Must run inside a write transaction; on failure
// that transaction is left as it was and the entries keep waiting.
Status moveIn(Registry& registry);

// moveIn() in a transaction of its own, waiting for the lock like every write (or, with
// Wait::No, giving up at once: the entries keep waiting); a no-op on a read-only connection or
// when nothing waits.
Status flush(Registry& registry, Database::Wait wait = Database::Wait::Patiently);

// How many entries wait (not yet moved into the registry).
Result<qint64> waiting(Registry& registry);

}  // namespace PendingLog
}  // namespace bs
