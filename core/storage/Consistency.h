#pragma once
// Checks that the registry's own bookkeeping agrees with its rows, in SQL that runs on both
// engines: the day counts against a fresh count, each signal's escalation level against its last
// escalation, and references that no foreign key guards (history to a referral, access log to a
// signal). `check` runs them on a server, where the engine's integrity and foreign-key checks of
// a file do not apply (its constraints guarantee those).

#include "Result.h"

#include <QStringList>

namespace bs {

class Database;

namespace Consistency {

// One Dutch line per finding (with a few examples); empty when everything agrees.
Result<QStringList> findings(Database& db);

}  // namespace Consistency
}  // namespace bs
