#include "Charts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsScene>
#include <QHash>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>
#include <QLocale>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bs::Charts {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("bs::Charts", text);  // the context lupdate gives this namespace
}

QChart* newChart(const QString& title)
{
    auto* chart = new QChart();
    chart->setTitle(title);
    QFont font = chart->titleFont();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() + 1);
    chart->setTitleFont(font);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

void attachAxes(QChart* chart, QAbstractSeries* series, const QStringList& categories, const QString& valueTitle)
{
    chart->addSeries(series);
    auto* categoryAxis = new QBarCategoryAxis();
    categoryAxis->append(categories);
    auto* valueAxis = new QValueAxis();
    valueAxis->setTitleText(valueTitle);
    valueAxis->setLabelFormat(u"%.0f"_s);
    chart->addAxis(categoryAxis, Qt::AlignLeft);
    chart->addAxis(valueAxis, Qt::AlignBottom);
    series->attachAxis(categoryAxis);
    series->attachAxis(valueAxis);
    valueAxis->applyNiceNumbers();
}

QBarSet* barSet(const QString& label, const QColor& color)
{
    auto* set = new QBarSet(label);
    set->setColor(color);
    return set;
}

}  // namespace

QColor themeColor(const QString& theme)
{
    static const QHash<QString, QColor> colors = {{u"T1"_s, QColor(0x2f, 0x6e, 0xa5)}, {u"T2"_s, QColor(0xd9, 0x82, 0x2b)},
                                                  {u"T3"_s, QColor(0x3a, 0x9a, 0x5b)}, {u"T4"_s, QColor(0x8e, 0x44, 0xad)}};
    return colors.value(theme, QColor(0x77, 0x77, 0x77));
}

// Chart labels must stay readable in a small space: "T2 Eenzaamheid" for the legend, and
// names up to their first bracket or slash.
QString shortTheme(const QString& code, const QString& name)
{
    return code + u' ' + name.section(u',', 0, 0).section(u" & "_s, 0, 0).trimmed();
}

QString shortName(const QString& name, int length)
{
    QString head = name.section(u" ("_s, 0, 0).section(u" / "_s, 0, 0).trimmed();
    return head.size() > length ? head.left(length - 1) + u'…' : head;
}

// Horizontal bars keep every name readable; they draw bottom-up, so lists are reversed to read
// from the top.
QChart* buurten(const Statistics& stats, bool perThousand)
{
    QStringList names;
    QList<const BuurtFigures*> shown;
    for (auto it = stats.buurten.crbegin(); it != stats.buurten.crend(); ++it) {
        if (perThousand && !it->per1000)
            continue;  // a rate needs a known population
        names << it->buurt;
        shown << &*it;
    }
    const qsizetype unknown = stats.buurten.size() - shown.size();
    QString title = perThousand ? tr("Signals per 1,000 inhabitants per neighbourhood, by theme") : tr("Signals per neighbourhood, by theme");
    if (perThousand && unknown > 0) {
        title += u"<br><span style='font-weight:normal; color:#8a1414'>%1</span>"_s.arg(
            tr("%1 of %2 neighbourhoods left out: population unknown (import the CBS figures)").arg(unknown).arg(stats.buurten.size()));
    }
    QChart* chart = newChart(title);
    auto* series = new QHorizontalStackedBarSeries();
    for (const QString& theme : stats.themes) {
        QBarSet* set = barSet(shortTheme(theme, stats.themeNames.value(theme)), themeColor(theme));
        set->setProperty("theme", theme);
        for (const BuurtFigures* b : shown) {
            const int n = b->byTheme.value(theme);
            *set << (perThousand ? 1000.0 * n / *b->population : double(n));
        }
        series->append(set);
    }
    attachAxes(chart, series, names, perThousand ? tr("Signals per 1,000 inhabitants") : tr("Signals"));
    return chart;
}

QChart* months(const Statistics& stats)
{
    static const QLocale dutch(QLocale::Dutch, QLocale::Netherlands);
    QChart* chart = newChart(tr("Signals per month, by theme"));
    // The months without their year, which goes in the axis title: twelve "feb. 2026" labels do
    // not fit under a page-wide chart and print cut ("feb. 20…").
    QStringList labels;
    for (const MonthFigures& m : stats.months)
        labels << dutch.toString(QDate::fromString(m.month + u"-01"_s, Qt::ISODate), u"MMM"_s);
    auto* axisX = new QBarCategoryAxis();
    axisX->append(labels);
    QString axisTitle = tr("Month");
    if (!stats.months.isEmpty()) {
        auto monthYear = [](const QString& month) { return dutch.toString(QDate::fromString(month + u"-01"_s, Qt::ISODate), u"MMM yyyy"_s); };
        axisTitle += u" (%1 – %2)"_s.arg(monthYear(stats.months.first().month), monthYear(stats.months.last().month));
    }
    axisX->setTitleText(axisTitle);
    auto* axisY = new QValueAxis();
    axisY->setTitleText(tr("Signals"));
    axisY->setLabelFormat(u"%.0f"_s);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    double top = 1;
    for (const QString& theme : stats.themes) {
        auto* line = new QLineSeries();
        line->setName(shortTheme(theme, stats.themeNames.value(theme)));
        line->setColor(themeColor(theme));
        QPen pen = line->pen();
        pen.setWidth(3);
        line->setPen(pen);
        line->setPointsVisible(true);
        for (int i = 0; i < stats.months.size(); ++i) {
            const int n = stats.months.at(i).byTheme.value(theme);
            line->append(i, n);
            top = std::max(top, double(n));
        }
        chart->addSeries(line);
        line->attachAxis(axisX);
        line->attachAxis(axisY);
    }
    axisY->setRange(0, top * 1.1);
    axisY->applyNiceNumbers();
    return chart;
}

QChart* partners(const Statistics& stats, int top)
{
    QList<PartnerFigures> busiest;
    for (const PartnerFigures& p : stats.partners) {
        if (p.sent > 0)
            busiest << p;
    }
    std::sort(busiest.begin(), busiest.end(), [](const PartnerFigures& a, const PartnerFigures& b) { return a.sent > b.sent; });
    busiest = busiest.mid(0, top);
    QChart* chart = newChart(tr("Referrals sent in the period: the ten busiest partners"));
    auto* series = new QHorizontalBarSeries();
    QBarSet* sent = barSet(tr("Sent"), QColor(0x9a, 0xb8, 0xd6));
    QBarSet* accepted = barSet(tr("Accepted"), QColor(0x2f, 0x6e, 0xa5));
    QBarSet* completed = barSet(tr("Completed"), QColor(0x3a, 0x9a, 0x5b));
    QBarSet* rejected = barSet(tr("Rejected"), QColor(0xb0, 0x1c, 0x1c));
    QStringList names;
    for (auto it = busiest.crbegin(); it != busiest.crend(); ++it) {
        names << shortName(it->partner);
        *sent << it->sent;
        *accepted << it->accepted;
        *completed << it->completed;
        *rejected << it->rejected;
    }
    series->append({sent, accepted, completed, rejected});
    attachAxes(chart, series, names, tr("Referrals"));
    return chart;
}

QChart* levels(const Statistics& stats)
{
    QChart* chart = newChart(tr("Escalation ladder: open now, stalled now, and steps up in the period"));
    QBarSet* open = barSet(tr("Open now"), QColor(0x2f, 0x6e, 0xa5));
    QBarSet* stalled = barSet(tr("Stalled now"), QColor(0xb0, 0x1c, 0x1c));
    QBarSet* up = barSet(tr("Escalated to this level in the period"), QColor(0xd9, 0x82, 0x2b));
    QStringList names;
    for (auto it = stats.levels.crbegin(); it != stats.levels.crend(); ++it) {
        names << u"%1 %2"_s.arg(it->level).arg(shortName(it->name, 22));
        *open << it->current;
        *stalled << it->stalled;
        *up << it->stepsUp;
    }
    auto* series = new QHorizontalBarSeries();
    series->append({open, stalled, up});
    attachAxes(chart, series, names, tr("Signals"));
    return chart;
}

QChart* openLate(const Statistics& stats)
{
    QChart* chart = newChart(tr("Open and late signals per neighbourhood (today)"));
    QBarSet* open = barSet(tr("Open"), QColor(0x9a, 0xb8, 0xd6));
    QBarSet* late = barSet(tr("Late"), QColor(0xb0, 0x1c, 0x1c));
    open->setProperty("late", false);
    late->setProperty("late", true);
    QStringList names;
    for (auto it = stats.buurten.crbegin(); it != stats.buurten.crend(); ++it) {
        names << it->buurt;
        *open << it->open;
        *late << it->late;
    }
    auto* series = new QHorizontalBarSeries();
    series->append({open, late});
    attachAxes(chart, series, names, tr("Signals"));
    return chart;
}

QImage render(QChart* chart, const QSize& size, qreal scale)
{
    QGraphicsScene scene;
    scene.addItem(chart);  // the scene owns the chart from here
    chart->resize(size);
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(scale, scale);
    scene.render(&painter, QRectF(QPointF(0, 0), size), QRectF(QPointF(0, 0), size));
    return image;
}

}  // namespace bs::Charts
