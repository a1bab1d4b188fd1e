#pragma once
// The dashboard for coordinators and the steering group: a period, buurt and theme filter, and
// charts per buurt (absolute or per 1,000 inhabitants), per month, per partner, per escalation
// level, and open versus late. Clicking a bar opens the matching signals. Success factors and
// rising trends sit in tabs beside the charts. All figures come from core's Stats.

#include "services/Signals.h"
#include "stats/Statistics.h"

#include <QWidget>

class QCheckBox;
class QChart;
class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QTabWidget;
class QTableWidget;

namespace bs {

class Registry;

class DashboardView : public QWidget {
    Q_OBJECT

public:
    explicit DashboardView(QWidget* parent = nullptr);
    void setRegistry(Registry* registry);
    void setPeriod(const Period& period);
    // Recomputes the figures and redraws the charts; returns false (and shows why) on failure.
    bool refresh();
    const Statistics& statistics() const { return m_stats; }
    QTabWidget* tabs() const { return m_tabs; }

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
    void enterIndicator();
    void applyPreset(int index);
    SignalFilter filterFor(const QString& buurt, const QString& theme) const;

    Registry* m_registry = nullptr;
    Statistics m_stats;
    QComboBox* m_preset;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QComboBox* m_buurt;
    QComboBox* m_theme;
    QCheckBox* m_perThousand;
    QLabel* m_summary;
    QTabWidget* m_tabs;
    QChartView* m_buurtChart;
    QChartView* m_monthChart;
    QChartView* m_partnerChart;
    QChartView* m_levelChart;
    QChartView* m_openLateChart;
    QTableWidget* m_partnerTable;
    QTableWidget* m_indicators;
    QTableWidget* m_trends;
    bool m_updating = false;
};

}  // namespace bs
