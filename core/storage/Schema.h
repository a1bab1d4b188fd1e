#pragma once
// The statements of each schema version. A version, once released, never changes: later
// versions add steps to the ladder in Migrations.cpp.

#include <QStringList>

namespace bs {
class Dialect;
namespace Schema {
QStringList version1(const Dialect& dialect);
QStringList version2(const Dialect& dialect);
QStringList version3(const Dialect& dialect);
QStringList version4(const Dialect& dialect);
QStringList version5(const Dialect& dialect);
QStringList version6(const Dialect& dialect);

// Bulk writers (the demo generator) switch the day-count triggers off, write, and rebuild the
// counts in one pass: faster than counting row by row, and just as exact.
QStringList suspendDayCounts(const Dialect& dialect);
QStringList rebuildDayCounts(const Dialect& dialect);
}
}  // namespace bs
