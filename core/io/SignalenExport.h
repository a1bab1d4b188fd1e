#pragma once
// Signalen's export (a zip of CSV files from its reporting app) as one table, one row per melding.
// signals.csv refers by id to the current category assignment (categories.csv), status
// (statuses.csv) and location (locations.csv); the join is done here so the import maps one flat
// table, whose columns are those of signals.csv followed by `category.<column>`,
// `status.<column>` and `location.<column>` of the row referred to, and `location.street` (the
// street name from the address).

#include "Result.h"
#include "io/Csv.h"

#include <QByteArray>
#include <QStringList>

namespace bs::SignalenExport {

// The files the export must hold.
QStringList requiredFiles();

// The joined table (rows[0] is the header; lineOfRow the line in signals.csv).
Result<Csv::Parsed> flatten(const QByteArray& zip);

}  // namespace bs::SignalenExport
