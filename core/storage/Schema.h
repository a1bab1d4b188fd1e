#pragma once
// The statements of each schema version. A version, once released, never changes: later
// versions add steps to the ladder in Migrations.cpp.

#include "Result.h"

#include <QStringList>

namespace bs {
class Clock;
class Database;
class Dialect;
namespace Schema {
QStringList version1(const Dialect& dialect);
QStringList version2(const Dialect& dialect);
QStringList version3(const Dialect& dialect);
QStringList version4(const Dialect& dialect);
QStringList version5(const Dialect& dialect);
QStringList version6(const Dialect& dialect);
QStringList version7(const Dialect& dialect);
QStringList version8(const Dialect& dialect);
QStringList version9(const Dialect& dialect);
QStringList version10(const Dialect& dialect);
QStringList version11(const Dialect& dialect);
QStringList version12(const Dialect& dialect);
QStringList version13(const Dialect& dialect);
QStringList version14(const Dialect& dialect);
QStringList version15(const Dialect& dialect);
// The sort key of a signal's urgency (laag first): the list sorts by exactly this expression, so
// that the index of version 10 serves it. `column` is the urgency column, with or without alias.
QString urgencyRank(const QString& column);
// Runs before version 8's statements, in the same transaction: withdraws the open referrals that
// the new unique index would refuse (see Schema.cpp).
Status withdrawDuplicateOpenReferrals(Database& db, const Clock& clock);

// Bulk writers (the demo generator, large imports) switch the per-row triggers off (day counts,
// access log from history), write, and rebuild the counts in one pass: faster than counting row
// by row, and just as exact. A bulk writer records its own single access-log entry.
QStringList suspendDayCounts(const Dialect& dialect);
// The tables of derived counts: per day (versions 4 and 5), per month (version 11), escalation
// steps per day (version 14), open signals by their terms (version 15).
const QStringList& countTables();
QStringList rebuildDayCounts(const Dialect& dialect);

// A load that more than doubles a table drops its secondary indexes, writes, and rebuilds them
// (inside the same transaction): building an index from sorted data once is several times
// faster than keeping it up to date row by row. Returns the statements that rebuild them.
Result<QStringList> dropSecondaryIndexes(Database& db, const QStringList& tables);
}
}  // namespace bs
