#pragma once
// Fills a new registry with the reference data compiled in from resources/data: themes,
// categories, sources, partners, wijken, buurten, the escalation ladder and default settings.

#include "Result.h"

#include <QStringList>

namespace bs {
class Database;

namespace ReferenceData {
Status seed(Database& db);

// INSERT statements for the indicators of resources/data/indicators.csv (run by migration 3,
// so older registries get them too). Values are quoted as SQL literals: they come from our own
// compiled-in file, never from a user.
QStringList indicatorInserts();
}
}  // namespace bs
