#pragma once
// The buurt map as a choropleth, shared by the dashboard and the steering-group report so both
// draw the same picture: each buurt filled by the class of its published figure (signals, per
// 1,000 inhabitants, open or late). Only shown figures get a colour; a hidden count ("<5", "x")
// and a withheld figure ("–") get a grey class of their own, hatched where it is a hidden count,
// so no colour gives a hidden value away. Drawn with QPainter; no tiles, no network.

#include "geo/BuurtMap.h"
#include "stats/Publication.h"

#include <QColor>
#include <QHash>
#include <QImage>
#include <QList>
#include <QTransform>

class QPainter;

namespace bs::BuurtMapPicture {

enum class Measure { Signals, PerThousand, Open, Late };
QString measureName(Measure measure);

struct LegendEntry {
    QString label;
    QColor color;
    Qt::BrushStyle pattern = Qt::SolidPattern;  // a hatch over the colour for hidden counts
};

struct Picture {
    Measure measure = Measure::Signals;
    QList<LegendEntry> legend;
    QHash<qint64, int> classOf;       // buurt id → legend entry
    QHash<qint64, QString> valueText;  // buurt id → the figure as printed ("12", "<5", "–")
};

// Classes from the published figures of the map's buurten (matched by name).
Picture classify(const BuurtMap& map, const Published& figures, Measure measure);

// RD New metres → `target`, north up, the aspect kept, centred.
QTransform toView(const QRectF& mapBounds, const QRectF& target);
// The buurten filled by class; `highlighted` (a buurt id) drawn with a heavier outline.
void paintAreas(QPainter& painter, const QTransform& view, const BuurtMap& map, const Picture& picture, qint64 highlighted = 0,
                bool names = true);
// The legend: the measure, then a swatch and label per class, from the top of `area`.
void paintLegend(QPainter& painter, const QRectF& area, const Picture& picture);
// Map, legend beside it and (when asked) the source line under it, `size` laid out and drawn at
// `scale`. The report prints the source line as text instead, so it can be read and searched.
QImage render(const BuurtMap& map, const Picture& picture, const QSize& size, qreal scale = 2.0, bool sourceLine = true);

}  // namespace bs::BuurtMapPicture
