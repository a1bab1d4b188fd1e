#include "BuurtMap.h"

#include "Registry.h"

using namespace Qt::StringLiterals;

namespace bs {

QRectF BuurtMap::bounds() const
{
    QRectF all;
    for (const BuurtArea& area : areas)
        all = all.isNull() ? area.bounds : all.united(area.bounds);
    return all;
}

QString BuurtMap::sourceLine() const
{
    return u"Kaart: CBS/Kadaster, Wijk- en buurtkaart %1"_s.arg(mapYear);
}

Result<BuurtMap> BuurtMap::load(Registry& registry)
{
    auto rows = registry.db().run(u"SELECT o.buurt_id, b.name, b.cbs_code, o.map_year, o.min_x, o.min_y, o.max_x, o.max_y, o.outline"
                                  " FROM buurt_outlines o JOIN buurten b ON b.id = o.buurt_id ORDER BY b.name, o.buurt_id"_s);
    if (!rows.ok())
        return rows.error();
    BuurtMap map;
    while (rows->next()) {
        BuurtArea area;
        area.buurtId = rows->value(0).toLongLong();
        area.name = rows->value(1).toString();
        area.cbsCode = rows->value(2).toString();
        map.mapYear = std::max(map.mapYear, rows->value(3).toInt());
        area.bounds = QRectF(QPointF(rows->value(4).toDouble(), rows->value(5).toDouble()),
                             QPointF(rows->value(6).toDouble(), rows->value(7).toDouble()));
        auto shape = Shapes::fromText(rows->value(8).toString());
        if (!shape)
            return Error::storage(u"De buurtkaart van %1 is beschadigd; importeer de Wijk- en buurtkaart opnieuw."_s.arg(area.name));
        area.shape = std::move(*shape);
        map.areas << area;
    }
    return map;
}

}  // namespace bs
