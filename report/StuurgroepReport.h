#pragma once
// The stuurgroeprapportage: an A4 PDF/A-1b for the steering group with the figures of a period —
// a one-page summary, key figures against the previous period, buurten (absolute and per 1,000),
// the monthly trend, referrals per partner, the escalation ladder, success factors, activities and
// rising trends.
// Never personal: no names, addresses, descriptions or other free text of signals. Counts from 1
// to 4 print as "<5", and a total that would give one away is protected too. Written atomically.

#include "Result.h"
#include "stats/Period.h"

#include <QStringList>

#include <functional>

namespace bs {

class Registry;

struct ReportOptions {
    Period period;
    QStringList buurten;  // empty: all; one: that buurt's figures; several: those buurten's rows
};

namespace StuurgroepReport {

using Progress = std::function<void(int percent, const QString& step)>;

// Needs a QApplication (the charts are Qt Charts); the command line makes one for `report`.
Status write(Registry& registry, const ReportOptions& options, const QString& path, const Progress& progress = {});

}  // namespace StuurgroepReport
}  // namespace bs
