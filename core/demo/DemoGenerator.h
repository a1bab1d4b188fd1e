#pragma once
// Realistic, deterministic demo data over the two years up to "today" of the registry's clock:
// the same seed and day give the same registry. Tests, benchmarks and screenshots use it.

#include "Result.h"

#include <QtGlobal>

namespace bs {

class Registry;

struct DemoOptions {
    int signalCount = 1000;
    quint32 seed = 1;
};

struct DemoSummary {
    int signalCount = 0;
    int referrals = 0;
    int escalations = 0;
    int activities = 0;
};

namespace DemoGenerator {
Result<DemoSummary> generate(Registry& registry, const DemoOptions& options);
}

}  // namespace bs
