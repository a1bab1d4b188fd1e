#include "BuurtLocator.h"

#include "geo/BuurtMap.h"

#include <proj.h>

#include <cmath>

using namespace Qt::StringLiterals;

namespace bs {

struct BuurtLocator::Outline {
    qint64 buurtId = 0;
    QRectF bounds;
    Shapes::MultiPolygon shape;
};

namespace Geo {

namespace {

// RD New covers the Netherlands with x 0..300 km and y 300..625 km (with a margin for the sea).
constexpr double minX = -7000, maxX = 300000, minY = 289000, maxY = 629000;

// One PROJ context and transformation per thread (PROJ objects are not shared between threads),
// made on first use: a melding import converts thousands of points.
class WgsToRd {
public:
    WgsToRd()
    {
        m_context = proj_context_create();
        proj_context_set_enable_network(m_context, 0);  // the registry never goes online for a grid
        PJ* raw = proj_create_crs_to_crs(m_context, "EPSG:4326", "EPSG:28992", nullptr);
        if (raw) {
            // EPSG:4326 is latitude first; normalised, PROJ takes longitude, latitude like x, y.
            m_transform = proj_normalize_for_visualization(m_context, raw);
            proj_destroy(raw);
        }
    }
    ~WgsToRd()
    {
        proj_destroy(m_transform);
        proj_context_destroy(m_context);
    }
    WgsToRd(const WgsToRd&) = delete;
    WgsToRd& operator=(const WgsToRd&) = delete;

    std::optional<RdPoint> convert(double latitude, double longitude) const
    {
        if (!m_transform)
            return std::nullopt;
        const PJ_COORD out = proj_trans(m_transform, PJ_FWD, proj_coord(longitude, latitude, 0, 0));
        if (!std::isfinite(out.xy.x) || !std::isfinite(out.xy.y) || out.xy.x == HUGE_VAL)
            return std::nullopt;
        return RdPoint{out.xy.x, out.xy.y};
    }

private:
    PJ_CONTEXT* m_context = nullptr;
    PJ* m_transform = nullptr;
};

Error outside(const QString& what)
{
    return Error::invalid(u"coordinates"_s, u"De coördinaten %1 liggen niet in Nederland; verwacht RD (x 0–300.000, y 300.000–625.000) of "
                                            "breedte/lengte in graden (ongeveer 50,7–53,6 en 3,2–7,3)."_s.arg(what));
}

}  // namespace

Result<RdPoint> fromWgs84(double latitude, double longitude)
{
    const QString what = u"%1, %2"_s.arg(latitude).arg(longitude);
    if (!std::isfinite(latitude) || !std::isfinite(longitude) || latitude < 50.5 || latitude > 53.8 || longitude < 3.0
        || longitude > 7.5)
        return outside(what);
    thread_local const WgsToRd transform;
    const auto point = transform.convert(latitude, longitude);
    if (!point)
        return Error::invalid(u"coordinates"_s, u"De coördinaten %1 kunnen niet worden omgerekend naar RD (PROJ is niet bruikbaar)."_s.arg(what));
    return fromRd(point->x, point->y);
}

Result<RdPoint> fromRd(double x, double y)
{
    if (!std::isfinite(x) || !std::isfinite(y) || x < minX || x > maxX || y < minY || y > maxY)
        return outside(u"%1, %2"_s.arg(x).arg(y));
    return RdPoint{x, y};
}

}  // namespace Geo

Result<BuurtLocator> BuurtLocator::load(Registry& registry)
{
    auto map = BuurtMap::load(registry);
    if (!map.ok())
        return map.error();
    BuurtLocator locator;
    locator.m_mapYear = map->mapYear;
    for (BuurtArea& area : map.value().areas)
        locator.m_outlines << std::make_shared<const Outline>(Outline{area.buurtId, area.bounds, std::move(area.shape)});
    return locator;
}

bool BuurtLocator::isEmpty() const
{
    return m_outlines.isEmpty();
}

std::optional<qint64> BuurtLocator::buurtAt(const RdPoint& point) const
{
    const QPointF p(point.x, point.y);
    for (const auto& outline : m_outlines) {
        const QRectF& b = outline->bounds;
        if (p.x() < b.left() || p.x() > b.right() || p.y() < b.top() || p.y() > b.bottom())
            continue;
        if (Shapes::contains(outline->shape, p))
            return outline->buurtId;
    }
    return std::nullopt;
}

}  // namespace bs
