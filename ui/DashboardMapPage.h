#pragma once
// The dashboard's "Map" tab: a choice of figure (signals, per 1,000 inhabitants, open, late),
// the buurt map coloured by it from the dashboard's published figures (same period and filters;
// protected for the steering group), the hover label and the source line. Without an imported
// map it says in one line how to get one.

#include "BuurtMapPicture.h"
#include "geo/BuurtMap.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace bs {

class BuurtMapView;

class DashboardMapPage : public QWidget {
    Q_OBJECT

public:
    explicit DashboardMapPage(QWidget* parent = nullptr);
    void setContent(const BuurtMap& map, const Published& figures);
    // The map cannot be read (a damaged outline): said in place of the map.
    void showError(const QString& message);
    BuurtMapView* mapView() const { return m_view; }

signals:
    void buurtClicked(const QString& buurt);

private:
    void redraw();

    BuurtMap m_map;
    Published m_figures;
    QComboBox* m_measure;
    BuurtMapView* m_view;
    QLabel* m_hover;
    QLabel* m_source;
    QLabel* m_noMap;
};

}  // namespace bs
