#pragma once
// Searching free text: a part of a text, ignoring case, the same on every engine (the dialect
// says how), with %, _ and \ typed by the user matched as themselves.

#include "storage/SqlValues.h"

#include <QStringList>

namespace bs {

class Dialect;

namespace TextSearch {

// The LIKE pattern (escape character \) of `text` anywhere in a value.
QString containsPattern(const QString& text);
// `text` occurs in at least one of `columns`.
SqlCondition containsAny(const Dialect& dialect, const QStringList& columns, const QString& text);

}  // namespace TextSearch
}  // namespace bs
