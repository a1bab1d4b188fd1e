#pragma once
// The buurt map of the registry as stored by the Wijk- en buurtkaart import (buurt_outlines):
// each buurt's outline in RD New metres with its name, for drawing (dashboard, report) and for
// finding the buurt of a point (BuurtLocator).

#include "Result.h"
#include "geo/Shapes.h"

#include <QList>
#include <QRectF>
#include <QString>

namespace bs {

class Registry;

struct BuurtArea {
    qint64 buurtId = 0;
    QString name;
    QString cbsCode;
    QRectF bounds;  // as stored: min_x, min_y, max_x, max_y
    Shapes::MultiPolygon shape;
};

struct BuurtMap {
    QList<BuurtArea> areas;  // by name
    int mapYear = 0;         // 0 when no map was imported

    bool isEmpty() const { return areas.isEmpty(); }
    QRectF bounds() const;
    // "Kaart: CBS/Kadaster, Wijk- en buurtkaart JJJJ", under every map.
    QString sourceLine() const;

    // An outline that cannot be read (not in the form of geo/Shapes.h) is refused with the buurt named.
    static Result<BuurtMap> load(Registry& registry);
};

}  // namespace bs
