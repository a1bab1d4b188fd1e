// STUB: the interface the melding import uses; the buurt map (issue 13 part 2) implements it.
#include "BuurtLocator.h"

using namespace Qt::StringLiterals;

namespace bs {

struct BuurtLocator::Outline {
    qint64 buurtId = 0;
};

namespace Geo {
Result<RdPoint> fromWgs84(double, double)
{
    return Error::invalid(u"coordinates"_s, u"Coördinaten omrekenen is nog niet beschikbaar."_s);
}
Result<RdPoint> fromRd(double x, double y)
{
    return RdPoint{x, y};
}
}  // namespace Geo

Result<BuurtLocator> BuurtLocator::load(Registry&)
{
    return BuurtLocator();
}

bool BuurtLocator::isEmpty() const
{
    return m_outlines.isEmpty();
}

std::optional<qint64> BuurtLocator::buurtAt(const RdPoint&) const
{
    return std::nullopt;
}

}  // namespace bs
