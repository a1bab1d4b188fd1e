#include "Clock.h"

namespace bs {

const Clock& programClock()
{
    static const QDate pinned = QDate::fromString(qEnvironmentVariable("BUURTSIGNAAL_TODAY"), Qt::ISODate);
    static const SystemClock system;
    static const FixedClock fixed(pinned);
    if (pinned.isValid())
        return fixed;
    return system;
}

}  // namespace bs
