#pragma once
// The report's one-page summary: the signal count against the previous period and the three
// neighbourhoods whose count changed most, in words. Told from published figures only: a change
// is described only where both counts are shown, and a theme is named as the main one only where
// no hidden theme figure could be larger, so no hidden count is given away or implied.

#include "stats/Publication.h"

#include <QStringList>

namespace bs::ReportSummary {

constexpr int largestChanges = 3;

// Plain text (not escaped).
struct Summary {
    QString municipality;        // the signal count against the previous period; empty when hidden
    QStringList neighbourhoods;  // up to `largestChanges`, the largest change first; or why none
};

Summary tell(const Published& figures);

}  // namespace bs::ReportSummary
