#pragma once
// Where subject data (name, address, phone, year of birth) is read and written. On a file, and
// on a server registry made by plain `init`, these are ordinary statements. On a registry set up
// by `server init` (Database::enforcesAccess) the logins cannot touch the subjects table at all:
// the server's functions (ServerFunctions.cpp) check the rule of DESIGN.md ("Shared mode") and
// write the access-log entry of every read in the same transaction. The services call only this.

#include "Result.h"
#include "storage/SqlValues.h"

#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace bs {

class Database;

namespace SubjectStore {

struct Fields {
    QVariant name;  // NULL where not given
    QVariant address;
    QVariant phone;
    QVariant birthYear;
};

// Why subject data is read: casework (a worker's own signal, a coordinator, a partner whose
// consent or override covers it), or a beheerder's inzage or erasure on request.
enum class Purpose { Casework, Inzage };

// SQL condition, without values: signal `signalId` (an SQL expression) has subject data. Reads
// nothing personal, so every reader of signals may use it.
QString exists(const Database& db, const QString& signalId);

// The subject of a signal; nothing when none was recorded or when the reader may not see it
// (only where the server enforces access, and then nothing is logged either).
Result<std::optional<Fields>> read(Database& db, qint64 signalId, Purpose purpose);

// Records (or replaces) the subject of a signal, inside the caller's transaction. Where the server
// enforces access, only for a signal the login may change.
Status write(Database& db, qint64 signalId, const Fields& fields, const QString& at, const QString& by);
Status remove(Database& db, qint64 signalId);

// Wipes the subject, consent scope and who gave consent of a signal; with `freeText` also the free
// texts that may describe the person (erasure on request), and writes the access-log entry
// ('gewist', with `reason`). Inside the caller's transaction. Where the server enforces access this
// is a beheerder's function, which logs the erasure itself (as the login, at the server's time).
Status wipe(Database& db, qint64 signalId, bool freeText, const QString& at, const QString& actor, const QString& reason);

// A row source (signal_id, name, address, phone, birth_year) of the subjects whose name, address
// or phone matches the LIKE `pattern` (any case, escape character \; TextSearch::containsPattern),
// to join with signals. Where the server enforces access: a beheerder's logged search.
SqlCondition matching(const Database& db, const QString& pattern);

}  // namespace SubjectStore
}  // namespace bs
