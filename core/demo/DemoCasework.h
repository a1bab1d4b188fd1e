#pragma once
// The team of a demo registry: four demo colleagues (three medewerkers and a coordinator), a
// handler for most open signals (some left for "Zonder behandelaar", some handed over), and a
// contact journal on part of them — so the queues, the hand-over and the journal can be tried.
// Set-based statements, so a million signals take seconds, not a loop per row.

#include "Result.h"

#include <QDate>
#include <QString>

namespace bs {

class Database;

namespace DemoCasework {
// Inside the demo's write transaction, after its signals; `now` as History::timestamp writes it.
Status add(Database& db, const QString& now, const QDate& today);
}

}  // namespace bs
