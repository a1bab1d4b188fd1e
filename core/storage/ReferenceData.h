#pragma once
// Fills a new registry with the reference data compiled in from resources/data: themes,
// categories, sources, partners, wijken, buurten, the escalation ladder and default settings.

#include "Result.h"

namespace bs {
class Database;

namespace ReferenceData {
Status seed(Database& db);
}
}  // namespace bs
