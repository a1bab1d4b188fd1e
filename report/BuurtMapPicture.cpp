#include "BuurtMapPicture.h"

#include "domain/DutchLocale.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace bs::BuurtMapPicture {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("bs::BuurtMapPicture", text);
}

// A sequential palette (light to dark) for the classes of shown values.
const QList<QColor> palette = {QColor(0xfe, 0xe3, 0x91), QColor(0xfe, 0x99, 0x29), QColor(0xd9, 0x5f, 0x0e), QColor(0x8c, 0x2d, 0x04)};

Figure figureOf(const PublishedBuurt& b, Measure measure)
{
    switch (measure) {
    case Measure::Signals: return b.total;
    case Measure::PerThousand: return b.per1000;
    case Measure::Open: return b.open;
    case Measure::Late: return b.late;
    }
    return b.total;
}

QPainterPath pathOf(const Shapes::MultiPolygon& shape)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (const Shapes::Polygon& polygon : shape) {
        for (const Shapes::Ring& ring : polygon.rings)
            path.addPolygon(QPolygonF(ring));
        path.closeSubpath();
    }
    return path;
}

}  // namespace

QString measureName(Measure measure)
{
    switch (measure) {
    case Measure::Signals: return tr("Signals in the period");
    case Measure::PerThousand: return tr("Signals per 1,000 inhabitants");
    case Measure::Open: return tr("Open signals (today)");
    case Measure::Late: return tr("Late signals (today)");
    }
    return {};
}

Picture classify(const BuurtMap& map, const Published& figures, Measure measure)
{
    Picture picture;
    picture.measure = measure;
    const int decimals = measure == Measure::PerThousand ? 1 : 0;
    QHash<QString, Figure> byName;
    for (const PublishedBuurt& b : figures.buurten)
        byName.insert(b.buurt, figureOf(b, measure));
    // Classes of the shown values above zero, split where the sorted values divide into (up to)
    // four groups of about equal size, each labelled with the lowest and highest value in it: the
    // legend names only figures the map shows anyway. Zero and the marks have classes of their own.
    QList<double> values;
    bool anyZero = false;
    for (const BuurtArea& area : map.areas) {
        const auto it = byName.constFind(area.name);
        if (it != byName.constEnd() && it->shown() && it->value > 0)
            values << it->value;
        anyZero = anyZero || (it != byName.constEnd() && it->shown() && it->value <= 0);
    }
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    // The zero class only when a buurt is in it: the legend lists what the map shows.
    const int zero = anyZero ? 0 : -1;
    if (anyZero)
        picture.legend << LegendEntry{u"0"_s, QColor(0xf7, 0xf7, 0xf7), Qt::SolidPattern};
    const int firstClass = int(picture.legend.size());
    QList<double> upper;
    const qsizetype classes = std::min<qsizetype>(palette.size(), values.size());
    for (qsizetype i = 0; i < classes; ++i) {
        const double low = values.at(values.size() * i / classes);
        const double high = values.at(values.size() * (i + 1) / classes - 1);
        const QString from = dutchLocale().toString(low, 'f', decimals);
        const QString to = dutchLocale().toString(high, 'f', decimals);
        picture.legend << LegendEntry{low == high ? from : u"%1–%2"_s.arg(from, to), palette.at(classes == 1 ? 2 : i), Qt::SolidPattern};
        upper << high;
    }
    int small = -1, hidden = -1, withheld = -1;
    auto entry = [&picture](int& index, const LegendEntry& e) {
        if (index < 0) {
            index = int(picture.legend.size());
            picture.legend << e;
        }
        return index;
    };
    for (const BuurtArea& area : map.areas) {
        const auto it = byName.constFind(area.name);
        if (it == byName.constEnd()) {
            picture.classOf.insert(area.buurtId, entry(withheld, {tr("– (no figure)"), QColor(0xdd, 0xdd, 0xdd), Qt::SolidPattern}));
            picture.valueText.insert(area.buurtId, u"–"_s);
            continue;
        }
        const Figure& f = *it;
        picture.valueText.insert(area.buurtId, f.text(decimals));
        switch (f.mark) {
        case Figure::Mark::Small:
            picture.classOf.insert(area.buurtId, entry(small, {tr("<5 (not shown)"), QColor(0xc8, 0xc8, 0xc8), Qt::BDiagPattern}));
            break;
        case Figure::Mark::Protected:
            picture.classOf.insert(area.buurtId, entry(hidden, {tr("x (not shown)"), QColor(0xc8, 0xc8, 0xc8), Qt::DiagCrossPattern}));
            break;
        case Figure::Mark::Withheld:
            picture.classOf.insert(area.buurtId, entry(withheld, {tr("– (no figure)"), QColor(0xdd, 0xdd, 0xdd), Qt::SolidPattern}));
            break;
        case Figure::Mark::Value: {
            int index = zero;
            for (int i = 0; i < upper.size() && f.value > 0; ++i) {
                index = firstClass + i;
                if (f.value <= upper.at(i))
                    break;
            }
            picture.classOf.insert(area.buurtId, index);
            break;
        }
        }
    }
    return picture;
}

QTransform toView(const QRectF& mapBounds, const QRectF& target)
{
    if (mapBounds.width() <= 0 || mapBounds.height() <= 0 || target.isEmpty())
        return {};
    const double scale = std::min(target.width() / mapBounds.width(), target.height() / mapBounds.height());
    const double offsetX = target.left() + (target.width() - mapBounds.width() * scale) / 2;
    const double offsetY = target.top() + (target.height() - mapBounds.height() * scale) / 2;
    // y grows to the north in RD and downwards on screen.
    return QTransform(scale, 0, 0, -scale, offsetX - mapBounds.left() * scale, offsetY + mapBounds.bottom() * scale);
}

void paintAreas(QPainter& painter, const QTransform& view, const BuurtMap& map, const Picture& picture, qint64 highlighted, bool names)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    for (const BuurtArea& area : map.areas) {
        const QPainterPath path = view.map(pathOf(area.shape));
        const LegendEntry e = picture.legend.value(picture.classOf.value(area.buurtId, -1), {{}, QColor(0xdd, 0xdd, 0xdd)});
        painter.fillPath(path, e.color);
        if (e.pattern != Qt::SolidPattern)
            painter.fillPath(path, QBrush(QColor(0x70, 0x70, 0x70), e.pattern));
        painter.strokePath(path, QPen(area.buurtId == highlighted ? QColor(0x1f, 0x4e, 0x79) : QColor(0x55, 0x55, 0x55),
                                      area.buurtId == highlighted ? 3 : 0.8));
    }
    if (names) {
        QFont font = painter.font();
        if (font.pixelSize() > 0)
            font.setPixelSize(std::max(8, font.pixelSize() * 4 / 5));
        else
            font.setPointSizeF(font.pointSizeF() * 0.8);
        painter.setFont(font);
        for (const BuurtArea& area : map.areas) {
            // On the largest polygon, so a multipolygon is named once.
            QRectF largest;
            for (const Shapes::Polygon& polygon : area.shape) {
                const QRectF r = view.mapRect(Shapes::bounds({polygon}));
                if (r.width() * r.height() > largest.width() * largest.height())
                    largest = r;
            }
            const QString text = u"%1\n%2"_s.arg(area.name, picture.valueText.value(area.buurtId));
            const QRectF box = painter.fontMetrics().boundingRect(largest.toRect(), Qt::AlignCenter, text);
            if (box.width() > largest.width() * 1.4)
                continue;  // too small to name legibly: the hover label and the table name it
            painter.setPen(QColor(0x20, 0x20, 0x20));
            painter.drawText(largest, Qt::AlignCenter, text);
        }
    }
    painter.restore();
}

void paintLegend(QPainter& painter, const QRectF& area, const Picture& picture)
{
    painter.save();
    const QFontMetricsF metrics(painter.font());
    const double line = metrics.height() * 1.5;
    double y = area.top();
    QFont bold = painter.font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(Qt::black);
    painter.drawText(QRectF(area.left(), y, area.width(), line), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
                     measureName(picture.measure));
    y += line * 1.3;
    QFont normal = bold;
    normal.setBold(false);
    painter.setFont(normal);
    for (const LegendEntry& e : picture.legend) {
        const QRectF swatch(area.left(), y + line * 0.15, line * 1.2, line * 0.7);
        painter.fillRect(swatch, e.color);
        if (e.pattern != Qt::SolidPattern)
            painter.fillRect(swatch, QBrush(QColor(0x70, 0x70, 0x70), e.pattern));
        painter.setPen(QColor(0x55, 0x55, 0x55));
        painter.drawRect(swatch);
        painter.setPen(Qt::black);
        painter.drawText(QRectF(swatch.right() + line * 0.4, y, area.width() - swatch.width() - line * 0.4, line),
                         Qt::AlignLeft | Qt::AlignVCenter, e.label);
        y += line;
    }
    painter.restore();
}

QImage render(const BuurtMap& map, const Picture& picture, const QSize& size, qreal scale, bool sourceLine)
{
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    QFont font = painter.font();
    font.setPixelSize(std::max(10, size.width() / 60));
    painter.setFont(font);
    const double legendWidth = size.width() * 0.26;
    const double sourceHeight = sourceLine ? painter.fontMetrics().height() * 1.6 : 0.0;
    const QRectF mapArea(4, 4, size.width() - legendWidth - 16, size.height() - sourceHeight - 8);
    paintAreas(painter, toView(map.bounds(), mapArea), map, picture);
    paintLegend(painter, QRectF(mapArea.right() + 12, 8, legendWidth - 8, mapArea.height()), picture);
    if (!sourceLine)
        return image;
    painter.setPen(QColor(0x44, 0x44, 0x44));
    painter.drawText(QRectF(4, size.height() - sourceHeight, size.width() - 8, sourceHeight), Qt::AlignLeft | Qt::AlignVCenter,
                     map.sourceLine());
    return image;
}

}  // namespace bs::BuurtMapPicture
