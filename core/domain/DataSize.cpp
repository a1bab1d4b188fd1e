#include "DataSize.h"

#include "DutchLocale.h"

using namespace Qt::StringLiterals;

namespace bs::DataSize {

QString text(qint64 bytes)
{
    if (bytes < 1000)
        return u"%1 bytes"_s.arg(bytes);
    static const char* const units[] = {"kB", "MB", "GB", "TB"};
    double value = double(bytes) / 1000.0;
    int unit = 0;
    while (value >= 999.95 && unit < 3) {
        value /= 1000.0;
        ++unit;
    }
    return u"%1 %2"_s.arg(dutchLocale().toString(value, 'f', 1), QLatin1StringView(units[unit]));
}

}  // namespace bs::DataSize
