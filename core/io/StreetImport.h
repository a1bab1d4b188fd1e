#pragma once
// The street list of the registry (street_buurten): for meldingen that name a street but no buurt
// or coordinates, the buurt the street lies in. The beheerder imports it from a CSV file with the
// columns straat and buurt (name or CBS code); each import replaces the whole list, in one
// transaction, and is refused whole when a buurt is unknown (all of them listed).

#include "Result.h"

#include <QByteArray>

namespace bs {

class Registry;

namespace StreetImport {

// The number of streets now in the list.
Result<int> replaceAll(Registry& registry, const QByteArray& file);

}  // namespace StreetImport
}  // namespace bs
