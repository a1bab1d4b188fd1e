#include "BuurtMapView.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace bs {

BuurtMapView::BuurtMapView(QWidget* parent) : QWidget(parent)
{
    setObjectName(u"buurtMap"_s);
    setMouseTracking(true);
    setMinimumSize(360, 260);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void BuurtMapView::setContent(const BuurtMap& map, const BuurtMapPicture::Picture& picture)
{
    m_map = map;
    m_picture = picture;
    m_hovered = 0;
    update();
}

QRectF BuurtMapView::legendArea() const
{
    const double legendWidth = std::clamp(width() * 0.28, 150.0, 240.0);
    return QRectF(width() - legendWidth, 8, legendWidth - 8, height() - 16);
}

QRectF BuurtMapView::mapArea() const
{
    return QRectF(8, 8, std::max(10.0, legendArea().left() - 20), height() - 16.0);
}

QTransform BuurtMapView::view() const
{
    return BuurtMapPicture::toView(m_map.bounds(), mapArea());
}

const BuurtArea* BuurtMapView::areaAt(const QPointF& position) const
{
    bool invertible = false;
    const QPointF rd = view().inverted(&invertible).map(position);
    if (!invertible)
        return nullptr;
    for (const BuurtArea& area : m_map.areas) {
        if (area.bounds.contains(rd) && Shapes::contains(area.shape, rd))
            return &area;
    }
    return nullptr;
}

QString BuurtMapView::labelAt(const QPointF& position) const
{
    const BuurtArea* area = areaAt(position);
    return area ? u"%1: %2"_s.arg(area->name, m_picture.valueText.value(area->buurtId, u"–"_s)) : QString();
}

std::optional<QPointF> BuurtMapView::positionOf(const QString& buurt) const
{
    for (const BuurtArea& area : m_map.areas) {
        if (area.name != buurt)
            continue;
        // Try points across the largest polygon's box until one lies inside (not in a hole).
        QRectF largest;
        for (const Shapes::Polygon& polygon : area.shape) {
            const QRectF r = Shapes::bounds({polygon});
            if (r.width() * r.height() > largest.width() * largest.height())
                largest = r;
        }
        for (int i = 1; i < 10; ++i) {
            for (int j = 1; j < 10; ++j) {
                const QPointF rd(largest.left() + largest.width() * i / 10, largest.top() + largest.height() * j / 10);
                if (Shapes::contains(area.shape, rd))
                    return view().map(rd);
            }
        }
    }
    return std::nullopt;
}

void BuurtMapView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (m_map.isEmpty())
        return;
    BuurtMapPicture::paintAreas(painter, view(), m_map, m_picture, m_hovered);
    BuurtMapPicture::paintLegend(painter, legendArea(), m_picture);
}

void BuurtMapView::mouseMoveEvent(QMouseEvent* event)
{
    const BuurtArea* area = areaAt(event->position());
    const qint64 id = area ? area->buurtId : 0;
    const QString label = labelAt(event->position());
    if (id != m_hovered) {
        m_hovered = id;
        setCursor(id ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
        emit hovered(label);
    }
    if (!label.isEmpty())
        QToolTip::showText(event->globalPosition().toPoint(), label, this);
    else
        QToolTip::hideText();
}

void BuurtMapView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (const BuurtArea* area = areaAt(event->position()))
        emit buurtClicked(area->name);
}

void BuurtMapView::leaveEvent(QEvent*)
{
    if (m_hovered) {
        m_hovered = 0;
        update();
        emit hovered({});
    }
}

}  // namespace bs
