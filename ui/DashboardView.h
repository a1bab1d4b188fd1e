#pragma once
// The dashboard for coordinators and the steering group: a period, buurt and theme filter, and
// charts per buurt (absolute or per 1,000 inhabitants), per month, per partner, per escalation
// level, and open versus late. Clicking a bar opens the matching signals. Success factors and
// rising trends sit in tabs beside the charts. All figures come from core's Stats.

#include "services/Signals.h"
#include "stats/Indicators.h"
#include "stats/Publication.h"
#include "stats/Statistics.h"

#include <QFutureWatcher>
#include <QWidget>

class QCheckBox;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QTabWidget;
class QTableWidget;

namespace bs {

class DashboardMapPage;
class DateField;
class Registry;

class DashboardView : public QWidget {
    Q_OBJECT

public:
    explicit DashboardView(QWidget* parent = nullptr);
    void setRegistry(Registry* registry);
    void setPeriod(const Period& period);
    // Recomputes the figures on the registry's background connection and redraws the charts
    // when they arrive; returns false (and shows why) when the period is not valid.
    bool refresh();
    // Waits for figures being computed (tests and benchmarks).
    void waitForFigures();
    const Statistics& statistics() const { return m_stats; }
    // What the dashboard shows: protected figures for the steering group, exact ones for others.
    const Published& published() const { return m_published; }
    QTabWidget* tabs() const { return m_tabs; }
    DashboardMapPage* mapPage() const { return m_mapPage; }

signals:
    // A bar was clicked: show the signals behind it.
    void openSignals(const bs::SignalFilter& filter);

private:
    QWidget* chartsPage();
    QWidget* indicatorsPage();
    QWidget* trendsPage();
    void drawBuurten();
    void drawMonths();
    void drawPartners();
    void drawLevels();
    void drawOpenLate();
    void fillIndicators();
    void fillTrends();
    void drawMap();
    void enterIndicator();
    void applyPreset(int index);
    void figuresArrived();
    SignalFilter filterFor(const QString& buurt, const QString& theme) const;

    Registry* m_registry = nullptr;
    struct Figures {
        quint64 generation = 0;
        QString error;
        Statistics stats;
        Published published;  // protected in the background too: on a large registry it takes a moment
    };
    Statistics m_stats;
    Published m_published;
    Publication::Mode m_mode = Publication::Mode::Protected;
    QFutureWatcher<Figures> m_watcher;
    quint64 m_generation = 0;
    quint64 m_drawnGeneration = 0;
    QComboBox* m_preset;
    DateField* m_from;
    DateField* m_to;
    QComboBox* m_buurt;
    QComboBox* m_theme;
    QCheckBox* m_perThousand;
    QLabel* m_summary;
    QLabel* m_legend;
    QTabWidget* m_tabs;
    QChartView* m_buurtChart;
    QChartView* m_monthChart;
    QChartView* m_partnerChart;
    QChartView* m_levelChart;
    QChartView* m_openLateChart;
    QTableWidget* m_partnerTable;
    QTableWidget* m_indicators;
    QTableWidget* m_trends;
    DashboardMapPage* m_mapPage;
    bool m_updating = false;
};

}  // namespace bs
