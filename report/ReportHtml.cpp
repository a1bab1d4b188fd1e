#include "ReportHtml.h"

#include "Charts.h"
#include "domain/Codes.h"
#include "stats/Disclosure.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bs::ReportHtml {

namespace {

using Disclosure::Cell;
using Disclosure::Grid;

const QLocale& dutch()
{
    static const QLocale locale(QLocale::Dutch, QLocale::Netherlands);
    return locale;
}

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString date(const QDate& d)
{
    return d.toString(u"dd-MM-yyyy"_s);
}

QString number(int n)
{
    return dutch().toString(n);
}

QString cellText(const Cell& cell)
{
    return cell.shown() ? number(cell.value) : esc(cell.text());
}

QString change(int now, int before)
{
    if (before == 0)
        return u"–"_s;
    const double pct = 100.0 * (now - before) / before;
    return (pct >= 0 ? u"+"_s : QString()) + dutch().toString(pct, 'f', 1) + u" %"_s;
}

// The tables the report shows, protected once, so tables and charts agree.
struct Protected {
    QList<const BuurtFigures*> buurten;
    Grid buurtGrid;  // buurten x themes, with totals
    QList<Cell> previous;
    Grid monthGrid;  // months x themes, with totals
    QList<const PartnerFigures*> partners;
    Grid partnerGrid;  // partners x sent, accepted, completed, rejected, with column totals
    Grid levelGrid;    // levels x open, stalled, escalated, with column totals
};

Protected protect(const Statistics& stats, const QStringList& onlyBuurten)
{
    Protected p;
    QList<QList<int>> values;
    for (const BuurtFigures& b : stats.buurten) {
        if (!onlyBuurten.isEmpty() && !onlyBuurten.contains(b.buurt, Qt::CaseInsensitive))
            continue;
        p.buurten << &b;
        QList<int> row;
        for (const QString& theme : stats.themes)
            row << b.byTheme.value(theme);
        values << row;
        p.previous << Disclosure::single(b.previousTotal);
    }
    p.buurtGrid = Disclosure::protect(values, true, true);
    values.clear();
    for (const MonthFigures& m : stats.months) {
        QList<int> row;
        for (const QString& theme : stats.themes)
            row << m.byTheme.value(theme);
        values << row;
    }
    p.monthGrid = Disclosure::protect(values, true, true);
    values.clear();
    for (const PartnerFigures& f : stats.partners) {
        if (f.sent == 0)
            continue;
        p.partners << &f;
        values << QList<int>{f.sent, f.accepted, f.completed, f.rejected};
    }
    std::sort(p.partners.begin(), p.partners.end(), [](const PartnerFigures* a, const PartnerFigures* b) { return a->sent > b->sent; });
    values.clear();
    for (const PartnerFigures* f : p.partners)
        values << QList<int>{f->sent, f->accepted, f->completed, f->rejected};
    p.partnerGrid = Disclosure::protect(values, false, true);
    values.clear();
    for (const LevelFigures& l : stats.levels)
        values << QList<int>{l.current, l.stalled, l.stepsUp};
    p.levelGrid = Disclosure::protect(values, false, true);
    return p;
}

// Column widths in percent where names need room (by default the first column gets 26 %);
// the other columns share the rest.
QString table(const QStringList& header, const QList<QStringList>& rows, const QList<int>& rightAligned = {},
              const QList<int>& widths = {26})
{
    QString html = u"<table width='100%' border='1' cellspacing='0' cellpadding='3' style='border-color:#b8c4d0; border-collapse:collapse'><tr>"_s;
    for (int c = 0; c < header.size(); ++c) {
        const QString width = c < widths.size() && widths.at(c) > 0 ? u" width='%1%'"_s.arg(widths.at(c)) : QString();
        html += u"<th style='background:#e7eef5' align='%1'%2>%3</th>"_s.arg(rightAligned.contains(c) ? u"right"_s : u"left"_s, width, esc(header.at(c)));
    }
    html += u"</tr>"_s;
    for (const QStringList& row : rows) {
        html += u"<tr>"_s;
        for (int c = 0; c < row.size(); ++c)
            html += u"<td align='%1'>%2</td>"_s.arg(rightAligned.contains(c) ? u"right"_s : u"left"_s, row.at(c));
        html += u"</tr>"_s;
    }
    return html + u"</table>"_s;
}

QString tr(const char* text)
{
    return QCoreApplication::translate("bs::ReportHtml", text);  // the context lupdate gives this namespace
}

}  // namespace

Statistics protectedForCharts(const Statistics& stats)
{
    Statistics copy = stats;
    const Protected p = protect(stats, {});
    for (int r = 0; r < p.buurten.size(); ++r) {
        BuurtFigures& b = copy.buurten[int(p.buurten.at(r) - stats.buurten.constData())];
        for (int c = 0; c < stats.themes.size(); ++c) {
            if (!p.buurtGrid.cells[r][c].shown())
                b.byTheme[stats.themes.at(c)] = 0;
        }
    }
    for (int r = 0; r < copy.months.size(); ++r) {
        for (int c = 0; c < stats.themes.size(); ++c) {
            if (!p.monthGrid.cells[r][c].shown())
                copy.months[r].byTheme[stats.themes.at(c)] = 0;
        }
    }
    for (int r = 0; r < p.partners.size(); ++r) {
        PartnerFigures& f = copy.partners[int(p.partners.at(r) - stats.partners.constData())];
        int* fields[] = {&f.sent, &f.accepted, &f.completed, &f.rejected};
        for (int c = 0; c < 4; ++c) {
            if (!p.partnerGrid.cells[r][c].shown())
                *fields[c] = 0;
        }
    }
    for (int r = 0; r < copy.levels.size(); ++r) {
        int* fields[] = {&copy.levels[r].current, &copy.levels[r].stalled, &copy.levels[r].stepsUp};
        for (int c = 0; c < 3; ++c) {
            if (!p.levelGrid.cells[r][c].shown())
                *fields[c] = 0;
        }
    }
    for (BuurtFigures& b : copy.buurten) {
        if (Disclosure::single(b.open).hidden)
            b.open = 0;
        if (Disclosure::single(b.late).hidden)
            b.late = 0;
    }
    return copy;
}

Content build(const Statistics& stats, const QList<IndicatorFigure>& indicators, const QStringList& onlyBuurten,
              const QString& generatedOn, const QList<int>& pages, int chartWidth)
{
    Content out;
    const Protected p = protect(stats, onlyBuurten);
    const Statistics forCharts = protectedForCharts(stats);
    // Charts are laid out at screen size and printed at the page's width, so their text reads
    // like the body text.
    const QSize chartSize(900, 430);
    auto chart = [&](const QString& name, QChart* c) {
        out.charts << qMakePair(name, Charts::render(c, chartSize));
        // Image sizes in the document are in 96-dpi pixels, scaled to the page's resolution.
        return u"<p align='center'><img src='%1' width='%2' height='%3'></p>"_s.arg(name).arg(chartWidth).arg(chartWidth * 430 / 900);
    };
    auto section = [&](const QString& anchor, const QString& title) {
        out.sections << Section{anchor, title};
        return u"<h2 style='color:#1f4e79'>%1. %2</h2>"_s.arg(out.sections.size()).arg(esc(title));
    };
    const Period& period = stats.filter.period;
    QString scope = stats.filter.buurt.isEmpty() ? tr("the whole municipality") : stats.filter.buurt;
    if (!onlyBuurten.isEmpty() && stats.filter.buurt.isEmpty())
        scope = tr("the municipality; neighbourhood tables show %1").arg(onlyBuurten.join(u", "_s));

    QString html = u"<html><body style='font-size:9.5pt; font-family:sans-serif'>"_s;
    html += u"<h1 style='color:#1f4e79'>%1</h1>"_s.arg(tr("Steering-group report Buurtaanpak Alblasserdam"));
    html += u"<p><b>%1</b> %2 %3 %4<br>%5 %6 %7 %8<br>%9 %10<br>%11 %12</p>"_s.arg(
        tr("Period:"), date(period.from), tr("to"), date(period.to), tr("Compared with:"), date(stats.previous.from), tr("to"),
        date(stats.previous.to), tr("Scope:"), esc(scope), tr("Made on:"), esc(generatedOn));
    html += u"<p>%1</p>"_s.arg(tr("This report holds figures only: no names, addresses, descriptions or other text about "
                                  "residents. Counts from 1 to 4 in a cell per neighbourhood or partner are shown as &lt;5; "
                                  "a cell marked x is left out so that such a count cannot be worked out from a total."));
    // The contents list; page numbers come from the first layout pass.
    const QStringList titles = {tr("Key figures"), tr("Signals per neighbourhood"), tr("Monthly trend"), tr("Referrals per partner"),
                                tr("Escalation ladder"), tr("Success factors"), tr("Activities"), tr("Rising trends")};
    html += u"<h2 style='color:#1f4e79'>%1</h2><table cellpadding='2' width='70%'>"_s.arg(tr("Contents"));
    for (int i = 0; i < titles.size(); ++i) {
        html += u"<tr><td>%1. %2</td><td align='right'>%3</td></tr>"_s.arg(i + 1).arg(esc(titles.at(i)),
                                                                         i < pages.size() ? QString::number(pages.at(i)) : u"…"_s);
    }
    html += u"</table>"_s;

    // 1. Key figures
    int sent = 0;
    int closed = 0;
    int loopClosed = 0;
    for (const PartnerFigures& f : stats.partners) {
        sent += f.sent;
        closed += f.closed;
        loopClosed += f.loopClosed;
    }
    int stepsUp = 0;
    int stalled = 0;
    for (const LevelFigures& l : stats.levels) {
        stepsUp += l.stepsUp;
        stalled += l.stalled;
    }
    int activities = 0;
    for (const ActivityFigures& a : stats.activities)
        activities += a.count;
    html += u"<div style='page-break-before:always'></div>"_s + section(u"key"_s, titles.at(0));
    html += table({tr("Figure"), tr("This period"), tr("Previous period"), tr("Change")},
                  {{tr("Signals registered"), number(stats.signalCount), number(stats.previousSignalCount),
                    change(stats.signalCount, stats.previousSignalCount)},
                   {tr("Open signals (today)"), number(stats.openNow), u"–"_s, u"–"_s},
                   {tr("Late signals (today)"), number(stats.lateNow), u"–"_s, u"–"_s},
                   {tr("Referrals sent"), number(sent), u"–"_s, u"–"_s},
                   {tr("Closed loop (feedback received)"),
                    closed > 0 ? dutch().toString(100.0 * loopClosed / closed, 'f', 0) + u" %"_s : u"–"_s, u"–"_s, u"–"_s},
                   {tr("Shared without consent, on a recorded ground"), cellText(Disclosure::single(stats.overrides)), u"–"_s, u"–"_s},
                   {tr("Escalations up"), number(stepsUp), u"–"_s, u"–"_s},
                   {tr("Stalled escalations (today)"), number(stalled), u"–"_s, u"–"_s},
                   {tr("Activities"), number(activities), u"–"_s, u"–"_s}},
                  {1, 2, 3}, {46});

    // 2. Buurten
    html += section(u"buurten"_s, titles.at(1));
    html += chart(u"chart:buurten"_s, Charts::buurten(forCharts, false));
    QStringList header = {tr("Neighbourhood")};
    QStringList legend;
    for (const QString& theme : stats.themes) {
        header << theme;  // the codes keep the columns narrow; the legend below names them
        legend << u"%1 = %2"_s.arg(theme, esc(stats.themeNames.value(theme)));
    }
    header << tr("Total") << tr("Previous period") << tr("Per 1,000 inhabitants");
    QList<QStringList> rows;
    QList<int> right;
    for (int c = 1; c < header.size(); ++c)
        right << c;
    for (int r = 0; r < p.buurten.size(); ++r) {
        const BuurtFigures& b = *p.buurten.at(r);
        QStringList row = {esc(b.buurt)};
        for (const Cell& cell : p.buurtGrid.cells.at(r))
            row << cellText(cell);
        const Cell& total = p.buurtGrid.rowTotals.at(r);
        row << u"<b>%1</b>"_s.arg(cellText(total)) << cellText(p.previous.at(r));
        row << (b.per1000 && total.shown() ? dutch().toString(*b.per1000, 'f', 1) : (b.per1000 ? u"x"_s : tr("unknown")));
        rows << row;
    }
    QStringList totals = {u"<b>%1</b>"_s.arg(tr("Total"))};
    for (const Cell& cell : p.buurtGrid.columnTotals)
        totals << u"<b>%1</b>"_s.arg(cellText(cell));
    totals << u"<b>%1</b>"_s.arg(cellText(p.buurtGrid.total)) << QString() << QString();
    rows << totals;
    html += table(header, rows, right) + u"<p style='font-size:8pt'>%1</p>"_s.arg(legend.join(u" · "_s));

    // 3. Months
    html += section(u"months"_s, titles.at(2));
    html += chart(u"chart:months"_s, Charts::months(forCharts));
    rows.clear();
    header = {tr("Month")};
    for (const QString& theme : stats.themes)
        header << theme;
    header << tr("Total");
    for (int r = 0; r < stats.months.size(); ++r) {
        QStringList row = {dutch().toString(QDate::fromString(stats.months.at(r).month + u"-01"_s, Qt::ISODate), u"MMMM yyyy"_s)};
        for (const Cell& cell : p.monthGrid.cells.at(r))
            row << cellText(cell);
        row << cellText(p.monthGrid.rowTotals.at(r));
        rows << row;
    }
    html += table(header, rows, {1, 2, 3, 4, 5});

    // 4. Partners
    html += section(u"partners"_s, titles.at(3));
    html += chart(u"chart:partners"_s, Charts::partners(forCharts));
    rows.clear();
    for (int r = 0; r < p.partners.size(); ++r) {
        const PartnerFigures& f = *p.partners.at(r);
        QStringList row = {esc(f.partner)};
        for (const Cell& cell : p.partnerGrid.cells.at(r))
            row << cellText(cell);
        // A rate or median of a few referrals would give the small counts away.
        const bool loopSafe = f.closed >= Disclosure::threshold && !Disclosure::single(f.loopClosed).hidden
                              && !Disclosure::single(f.closed - f.loopClosed).hidden;
        row << (loopSafe && f.closedLoopRate ? dutch().toString(*f.closedLoopRate * 100.0, 'f', 0) + u" %"_s : u"x"_s);
        row << (f.accepted >= Disclosure::threshold && f.medianDaysToAccept ? dutch().toString(*f.medianDaysToAccept, 'f', 1) : u"x"_s);
        rows << row;
    }
    QStringList partnerTotals = {u"<b>%1</b>"_s.arg(tr("Total"))};
    for (const Cell& cell : p.partnerGrid.columnTotals)
        partnerTotals << u"<b>%1</b>"_s.arg(cellText(cell));
    partnerTotals << QString() << QString();
    rows << partnerTotals;
    html += table({tr("Partner"), tr("Sent"), tr("Accepted"), tr("Completed"), tr("Rejected"), tr("Closed loop"), tr("Median days to accept")},
                  rows, {1, 2, 3, 4, 5, 6});
    QMap<QString, int> reasons;
    for (const PartnerFigures& f : stats.partners) {
        for (auto it = f.rejectionReasons.cbegin(); it != f.rejectionReasons.cend(); ++it)
            reasons[it.key()] += it.value();
    }
    rows.clear();
    for (auto it = reasons.cbegin(); it != reasons.cend(); ++it)
        rows << QStringList{esc(Codes::rejectionReason().label(it.key())), cellText(Disclosure::single(it.value()))};
    html += u"<p><b>%1</b></p>"_s.arg(tr("Reasons for rejection (all partners)")) + table({tr("Reason"), tr("Referrals")}, rows, {1});

    // 5. Escalations
    html += section(u"ladder"_s, titles.at(4));
    html += chart(u"chart:levels"_s, Charts::levels(forCharts));
    rows.clear();
    for (int r = 0; r < stats.levels.size(); ++r) {
        QStringList row = {u"%1 %2"_s.arg(stats.levels.at(r).level).arg(esc(stats.levels.at(r).name))};
        for (const Cell& cell : p.levelGrid.cells.at(r))
            row << cellText(cell);
        rows << row;
    }
    html += table({tr("Level"), tr("Open now"), tr("Stalled now"), tr("Escalated to this level in the period")}, rows, {1, 2, 3});

    // 6. Success factors
    html += section(u"factors"_s, titles.at(5));
    rows.clear();
    static const QHash<QString, const char*> statuses = {{u"op_koers"_s, QT_TRANSLATE_NOOP("bs::ReportHtml", "on course")},
                                                        {u"niet_op_koers"_s, QT_TRANSLATE_NOOP("bs::ReportHtml", "not on course")},
                                                        {u"geen_doel"_s, QT_TRANSLATE_NOOP("bs::ReportHtml", "no target")},
                                                        {u"geen_gegevens"_s, QT_TRANSLATE_NOOP("bs::ReportHtml", "no figures yet")}};
    const bool perBuurt = !stats.filter.buurt.isEmpty();
    auto figure = [&](const IndicatorFigure& f, std::optional<double> v) -> QString {
        if (f.measure == u"qualitative"_s)
            return tr("(qualitative)");
        if (!v)
            return u"–"_s;
        // For one buurt, a small count of meldingen or participants is protected like any cell.
        if (perBuurt && f.scope == u"buurt"_s && *v == std::floor(*v) && Disclosure::single(int(*v)).hidden)
            return u"&lt;5"_s;
        return dutch().toString(*v, 'f', *v == std::floor(*v) ? 0 : 1);
    };
    for (const IndicatorFigure& f : indicators) {
        rows << QStringList{QString::number(f.group), esc(f.label), figure(f, f.value), figure(f, f.previous),
                            f.target ? dutch().toString(*f.target) + (f.targetKind == u"relative_change_pct"_s ? u" %"_s : tr(" per year"))
                                     : tr("none"),
                            tr(statuses.value(f.status, "no target"))};
    }
    html += table({tr("Group"), tr("Success factor"), tr("Value"), tr("Previous period"), tr("Target"), tr("Status")}, rows, {2, 3},
                  {7, 43, 12, 12, 12, 14});

    // 7. Activities
    html += section(u"activities"_s, titles.at(6));
    rows.clear();
    for (const ActivityFigures& a : stats.activities) {
        rows << QStringList{esc(Codes::activityKind().label(a.kind)), number(a.count), number(a.participants), number(a.selfOrganised)};
    }
    html += rows.isEmpty() ? u"<p>%1</p>"_s.arg(tr("No activities registered in this period."))
                           : table({tr("Kind"), tr("Number"), tr("Participants"), tr("Organised by residents")}, rows, {1, 2, 3});

    // 8. Trends
    html += section(u"trends"_s, titles.at(7));
    html += u"<p>%1</p>"_s.arg(tr("Categories that rose in a neighbourhood compared with the previous period, faster than in the "
                                  "municipality as a whole, with at least %1 signals.").arg(Stats::minimumTrendCount));
    rows.clear();
    int trendCount = 0;
    constexpr int shownTrends = 20;  // the strongest; the dashboard lists them all
    for (const TrendSignal& t : stats.trends) {
        if (!onlyBuurten.isEmpty() && !onlyBuurten.contains(t.buurt, Qt::CaseInsensitive))
            continue;
        if (++trendCount > shownTrends)
            continue;
        rows << QStringList{esc(t.buurt), esc(t.categoryName), number(t.count), cellText(Disclosure::single(t.previous)),
                            u"+%1 %"_s.arg(dutch().toString(t.growthPct, 'f', 0)),
                            (t.municipalityGrowthPct >= 0 ? u"+"_s : QString()) + dutch().toString(t.municipalityGrowthPct, 'f', 0) + u" %"_s};
    }
    html += rows.isEmpty() ? u"<p>%1</p>"_s.arg(tr("No rising trends in this period."))
                           : table({tr("Neighbourhood"), tr("Category"), tr("This period"), tr("Previous period"), tr("Change"),
                                    tr("Change in the municipality")},
                                   rows, {2, 3, 4, 5}, {20, 32, 11, 11, 12, 14});
    if (trendCount > shownTrends)
        html += u"<p>%1</p>"_s.arg(tr("And %1 more; the dashboard lists them all.").arg(trendCount - shownTrends));
    html += u"</body></html>"_s;
    out.html = html;
    return out;
}

}  // namespace bs::ReportHtml
