#pragma once
// The map page of the steering-group report: the buurten coloured by their signals in the period
// (published, so protected: a hidden count is the hatched "<5" class), with legend and the source
// line. Without an imported map there is no page at all.

#include "ReportHtml.h"
#include "geo/BuurtMap.h"

namespace bs::ReportMap {

// Puts the page after the buurten section of `content` (or at the end when it has none).
void addPage(ReportHtml::Content& content, const Published& figures, const BuurtMap& map, int chartWidth);

}  // namespace bs::ReportMap
