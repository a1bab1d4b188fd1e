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
}
}  // namespace bs
