#include "Shapes.h"

#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace bs::Shapes {

namespace {

QString number(double value)
{
    QString text = QString::number(value, 'f', 1);
    if (text.endsWith(u".0"_s))
        text.chop(2);
    return text;
}

double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b)
{
    const double dx = b.x() - a.x();
    const double dy = b.y() - a.y();
    const double length2 = dx * dx + dy * dy;
    if (length2 == 0)
        return std::hypot(p.x() - a.x(), p.y() - a.y());
    const double t = std::clamp(((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2, 0.0, 1.0);
    return std::hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy));
}

// Iterative (an explicit stack), so a ring of a million points cannot exhaust the call stack.
Ring simplifyRing(const Ring& ring, double tolerance)
{
    if (ring.size() < 4)
        return ring;
    QList<bool> keep(ring.size(), false);
    keep.first() = true;
    keep.last() = true;
    // A closed ring: split it at the point furthest from the start so both halves have ends apart.
    qsizetype far = 1;
    double farDistance = -1;
    for (qsizetype i = 1; i < ring.size() - 1; ++i) {
        const double d = std::hypot(ring.at(i).x() - ring.first().x(), ring.at(i).y() - ring.first().y());
        if (d > farDistance) {
            farDistance = d;
            far = i;
        }
    }
    keep[far] = true;
    QList<std::pair<qsizetype, qsizetype>> stack = {{0, far}, {far, ring.size() - 1}};
    while (!stack.isEmpty()) {
        const auto [from, to] = stack.takeLast();
        double worst = -1;
        qsizetype worstAt = -1;
        for (qsizetype i = from + 1; i < to; ++i) {
            const double d = distanceToSegment(ring.at(i), ring.at(from), ring.at(to));
            if (d > worst) {
                worst = d;
                worstAt = i;
            }
        }
        if (worstAt >= 0 && worst > tolerance) {
            keep[worstAt] = true;
            stack.append({from, worstAt});
            stack.append({worstAt, to});
        }
    }
    Ring out;
    for (qsizetype i = 0; i < ring.size(); ++i) {
        if (keep.at(i))
            out << ring.at(i);
    }
    return out;
}

}  // namespace

QString toText(const MultiPolygon& shape)
{
    QStringList polygons;
    for (const Polygon& polygon : shape) {
        QStringList rings;
        for (const Ring& ring : polygon.rings) {
            QStringList points;
            points.reserve(ring.size());
            for (const QPointF& p : ring)
                points << number(p.x()) + u' ' + number(p.y());
            rings << points.join(u',');
        }
        polygons << rings.join(u';');
    }
    return polygons.join(u'|');
}

std::optional<MultiPolygon> fromText(const QString& text)
{
    MultiPolygon shape;
    for (QStringView polygonText : QStringView(text).split(u'|')) {
        Polygon polygon;
        for (QStringView ringText : polygonText.split(u';')) {
            Ring ring;
            for (QStringView pointText : ringText.split(u',')) {
                const qsizetype space = pointText.indexOf(u' ');
                if (space < 0)
                    return std::nullopt;
                bool okX = false;
                bool okY = false;
                const double x = pointText.left(space).toDouble(&okX);
                const double y = pointText.mid(space + 1).toDouble(&okY);
                if (!okX || !okY || !std::isfinite(x) || !std::isfinite(y))
                    return std::nullopt;
                ring << QPointF(x, y);
            }
            if (ring.size() < 4)
                return std::nullopt;
            polygon.rings << ring;
        }
        shape << polygon;
    }
    return shape;
}

QRectF bounds(const MultiPolygon& shape)
{
    bool first = true;
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    for (const Polygon& polygon : shape) {
        for (const Ring& ring : polygon.rings) {
            for (const QPointF& p : ring) {
                if (first || p.x() < minX)
                    minX = p.x();
                if (first || p.y() < minY)
                    minY = p.y();
                if (first || p.x() > maxX)
                    maxX = p.x();
                if (first || p.y() > maxY)
                    maxY = p.y();
                first = false;
            }
        }
    }
    return QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
}

bool contains(const MultiPolygon& shape, const QPointF& point)
{
    bool inside = false;
    for (const Polygon& polygon : shape) {
        for (const Ring& ring : polygon.rings) {
            for (qsizetype i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                const QPointF& a = ring.at(i);
                const QPointF& b = ring.at(j);
                if ((a.y() > point.y()) != (b.y() > point.y())
                    && point.x() < (b.x() - a.x()) * (point.y() - a.y()) / (b.y() - a.y()) + a.x())
                    inside = !inside;
            }
        }
    }
    return inside;
}

MultiPolygon simplified(const MultiPolygon& shape, double tolerance)
{
    MultiPolygon out;
    for (const Polygon& polygon : shape) {
        Polygon kept;
        for (qsizetype r = 0; r < polygon.rings.size(); ++r) {
            const Ring ring = simplifyRing(polygon.rings.at(r), tolerance);
            if (ring.size() >= 4)
                kept.rings << ring;
            else if (r == 0)
                break;
        }
        if (!kept.rings.isEmpty())
            out << kept;
    }
    return out;
}

int pointCount(const MultiPolygon& shape)
{
    qsizetype count = 0;
    for (const Polygon& polygon : shape) {
        for (const Ring& ring : polygon.rings)
            count += ring.size();
    }
    return int(count);
}

}  // namespace bs::Shapes
