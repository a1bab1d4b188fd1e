#pragma once
// Which buurt a point lies in, from the buurt map of the registry (schema 13: buurt_outlines,
// imported from the CBS Wijk- en buurtkaart, RD New metres). Loaded once and then asked for many
// points: a melding import finds the buurt of thousands of rows by their coordinates.

#include "Result.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace bs {

class Registry;

// A point in RD New (EPSG:28992), metres.
struct RdPoint {
    double x = 0;
    double y = 0;
};

namespace Geo {
// A WGS84 latitude/longitude (degrees) in RD New, through PROJ. Refused (field "coordinates",
// Dutch message) when the point is not a number or far outside the Netherlands.
Result<RdPoint> fromWgs84(double latitude, double longitude);
// An RD New x/y as read from a file, checked to lie within the Netherlands' RD range.
Result<RdPoint> fromRd(double x, double y);
}  // namespace Geo

class BuurtLocator {
public:
    // The outlines of the registry's buurten; empty (isEmpty) when no map was imported.
    static Result<BuurtLocator> load(Registry& registry);
    bool isEmpty() const;
    // The id of the buurt whose outline holds the point, if any.
    std::optional<qint64> buurtAt(const RdPoint& point) const;
    // The year of the map (for "Kaart: CBS/Kadaster, Wijk- en buurtkaart JJJJ"), 0 when none.
    int mapYear() const { return m_mapYear; }

    struct Outline;  // defined in the implementation

private:
    QList<std::shared_ptr<const Outline>> m_outlines;
    int m_mapYear = 0;
};

}  // namespace bs
