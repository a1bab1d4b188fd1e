#pragma once
// Reads one geometry value of a GeoPackage feature table: the GeoPackage binary header (magic
// "GP", version, flags with envelope type and byte order, srs_id, envelope) followed by WKB
// (ISO 13249) Polygon or MultiPolygon, with Z, M or ZM coordinates flattened to x/y. Strict: every
// length and count is checked against the bytes left before anything is allocated, nesting is
// one MultiPolygon of Polygons, and anything else is refused with a Dutch reason. Runs on
// outside files, so it is fuzzed (tests/fuzz/FuzzGeoPackage.cpp).

#include "Result.h"
#include "geo/Shapes.h"

#include <QByteArray>

namespace bs::GeoPackageGeometry {

struct Geometry {
    qint32 srsId = 0;
    bool empty = false;  // the header's empty flag: no shape
    Shapes::MultiPolygon shape;
};

Result<Geometry> read(const QByteArray& blob);

}  // namespace bs::GeoPackageGeometry
