#pragma once
// Realistic, deterministic demo data over the two years up to "today" of the registry's clock:
// the same seed and day give the same registry. Tests, benchmarks and screenshots use it.

#include "Result.h"

#include <QLatin1StringView>
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

// The setting that marks a registry as a demo registry ("1"); programs show it plainly.
inline constexpr QLatin1StringView demoSettingKey{"registry.demo"};

// Fills a registry that has no signals (a new file, or one that was never used) and marks it as a
// demo registry, in one transaction; a registry with signals is refused and left unchanged, so
// fictional and real signals never mix.
Result<DemoSummary> generate(Registry& registry, const DemoOptions& options);

// Whether `demo` filled this registry.
Result<bool> isDemo(const Registry& registry);

}  // namespace DemoGenerator

}  // namespace bs
