#pragma once
// Buurt and wijk outlines as the registry keeps them: polygons in RD New (EPSG:28992), metres.
// The one place that defines their text form in buurt_outlines.outline / wijk_outlines.outline:
//   points "x y" (metres, one decimal) separated by ",", the rings of a polygon by ";" (the first
//   ring is the outer boundary, the others holes), the polygons of a multipolygon by "|".
//   Example: "0 0,100 0,100 100,0 100,0 0;40 40,60 40,60 60,40 60,40 40|200 0,300 0,300 100,200 0"
// Rings are stored closed (last point equals the first).

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <optional>

namespace bs::Shapes {

using Ring = QList<QPointF>;
struct Polygon {
    QList<Ring> rings;  // outer ring first, then holes
};
using MultiPolygon = QList<Polygon>;

QString toText(const MultiPolygon& shape);
// nullopt when the text is not in the form above (a ring of fewer than 4 points, not a number).
std::optional<MultiPolygon> fromText(const QString& text);

QRectF bounds(const MultiPolygon& shape);
// Even-odd rule over every ring: inside an outer ring and not in one of its holes.
bool contains(const MultiPolygon& shape, const QPointF& point);
// Douglas–Peucker on every ring with `tolerance` metres; rings left with fewer than 4 points
// (a closed triangle) are dropped, and a polygon whose outer ring is dropped goes with it.
MultiPolygon simplified(const MultiPolygon& shape, double tolerance);
int pointCount(const MultiPolygon& shape);

}  // namespace bs::Shapes
