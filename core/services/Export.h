#pragma once
// Exports of a filtered signal list to a CSV file, written atomically (a half-written file never
// replaces a good one) and logged: who exported which filter when, and how many rows.

#include "Result.h"
#include "services/Signals.h"

#include <QString>

namespace bs {

class Registry;

struct ExportOptions {
    QChar separator = u';';
};

namespace Export {

// Returns the number of rows written.
Result<qint64> signalList(Registry& registry, const SignalFilter& filter, const QString& path, const ExportOptions& options = {});
QString describe(const SignalFilter& filter);

}  // namespace Export
}  // namespace bs
