// libFuzzer target for the GeoPackage geometry reader of the Wijk- en buurtkaart import: a
// hostile blob must be refused with a reason, never crash, read past its end or allocate
// beyond its own size.
#include "geo/GeoPackageGeometry.h"
#include "geo/Shapes.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray blob(reinterpret_cast<const char*>(data), qsizetype(size));
    auto geometry = bs::GeoPackageGeometry::read(blob);
    if (!geometry.ok()) {
        if (geometry.error().message.isEmpty())
            __builtin_trap();
        return 0;
    }
    // What the reader promises: closed rings of at least 4 points, no more points than bytes allow.
    const int points = bs::Shapes::pointCount(geometry->shape);
    if (qsizetype(points) * 16 > blob.size())
        __builtin_trap();
    for (const bs::Shapes::Polygon& polygon : geometry->shape) {
        for (const bs::Shapes::Ring& ring : polygon.rings) {
            if (ring.size() < 4 || ring.first() != ring.last())
                __builtin_trap();
        }
    }
    // The stored text form reads back, and the simplification keeps within the shape's bounds.
    const bs::Shapes::MultiPolygon simple = bs::Shapes::simplified(geometry->shape, 3.0);
    if (!simple.isEmpty() && !bs::Shapes::fromText(bs::Shapes::toText(simple)))
        __builtin_trap();
    (void)bs::Shapes::contains(simple, QPointF(0, 0));
    return 0;
}
