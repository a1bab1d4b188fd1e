#pragma once
// Wiping the personal data of signals, shared by the retention run and erasure on request.
// Statistics never read these columns, so every figure stays the same after a wipe.

#include "Result.h"

#include <QDateTime>
#include <QList>

namespace bs {

class Database;

namespace SubjectData {

enum class Scope {
    SubjectOnly,        // the subjects row, consent scope and who gave consent, journal texts marked as naming
                        // the person (retention run)
    SubjectAndFreeText  // also the free texts that may describe the person, every journal text (erasure on request)
};

// Inside the caller's transaction. Each signal gets a history entry saying that (not what) was
// wiped, and an access-log entry ('gewist', with `why`).
Status wipe(Database& db, const QList<qint64>& signalIds, Scope scope, const QDateTime& at, const QString& actor,
            const QString& why);

}  // namespace SubjectData
}  // namespace bs
