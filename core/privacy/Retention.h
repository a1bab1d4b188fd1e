#pragma once
// The retention run (AVG): subject data of signals closed longer ago than the setting
// retention.months (default 24) is wiped. The signals themselves and every figure stay; the run
// records what it wiped (how many signals, up to which date), never the data.

#include "Result.h"

#include <QDate>
#include <QStringList>

namespace bs {

class Registry;

struct RetentionReport {
    int months = 24;
    QDate cutoff;            // closed before this day
    qint64 signalCount = 0;  // signals whose subject data is (or would be) wiped
    QStringList references;  // the first 100 of them
    bool written = false;
};

namespace Retention {

Result<RetentionReport> run(Registry& registry, bool dryRun);

}  // namespace Retention
}  // namespace bs
