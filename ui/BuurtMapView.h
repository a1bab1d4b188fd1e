#pragma once
// The buurt map as a widget: the buurten filled by the class of their figure (see
// report/BuurtMapPicture, shared with the report), a legend beside it, a hover label (buurt,
// value) and a click that asks for that buurt's signals. Painted with QPainter; no tiles.

#include "BuurtMapPicture.h"
#include "geo/BuurtMap.h"

#include <QWidget>

namespace bs {

class BuurtMapView : public QWidget {
    Q_OBJECT

public:
    explicit BuurtMapView(QWidget* parent = nullptr);
    void setContent(const BuurtMap& map, const BuurtMapPicture::Picture& picture);
    const BuurtMap& map() const { return m_map; }
    const BuurtMapPicture::Picture& picture() const { return m_picture; }
    // The buurt drawn at a widget position, if any.
    const BuurtArea* areaAt(const QPointF& position) const;
    // "Oranjebuurt: 12", or empty away from the buurten.
    QString labelAt(const QPointF& position) const;
    // Where a buurt is drawn (the middle of its largest polygon), for tests and keyboard users.
    std::optional<QPointF> positionOf(const QString& buurt) const;
    QSize sizeHint() const override { return {640, 420}; }

signals:
    void buurtClicked(const QString& buurt);
    void hovered(const QString& label);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    QRectF mapArea() const;
    QRectF legendArea() const;
    QTransform view() const;

    BuurtMap m_map;
    BuurtMapPicture::Picture m_picture;
    qint64 m_hovered = 0;
};

}  // namespace bs
