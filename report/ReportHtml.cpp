#include "ReportHtml.h"

#include "Charts.h"
#include "HtmlTable.h"
#include "ReportSummary.h"
#include "domain/Codes.h"
#include "domain/DutchLocale.h"
#include "stats/Disclosure.h"
#include "stats/Publication.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace bs::ReportHtml {

namespace {

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
    return dutchLocale().toString(n);
}

// Every figure prints as Publication gave it: a number, or the sign of its mark.
QString fig(const Figure& figure, int decimals = 0)
{
    return esc(figure.text(decimals));
}

// A change in percent, with its sign.
QString change(const Figure& pct, int decimals)
{
    if (!pct.shown())
        return fig(pct);
    return (pct.value > 0 ? u"+"_s : QString()) + dutchLocale().toString(pct.value, 'f', decimals) + u" %"_s;
}

// A share (0..1) in whole percent.
QString share(const Figure& fraction)
{
    return fraction.shown() ? dutchLocale().toString(fraction.value * 100.0, 'f', 0) + u" %"_s : fig(fraction);
}

QString tr(const char* text)
{
    return QCoreApplication::translate("bs::ReportHtml", text);  // the context lupdate gives this namespace
}

// A target as the app's success-factor tab words it: "+10 % per period", "12 per year".
QString target(const IndicatorFigure& f)
{
    if (f.target && f.targetKind == u"relative_change_pct"_s)
        return tr("%1%2 % per period").arg(*f.target > 0 ? u"+"_s : QString()).arg(dutchLocale().toString(*f.target));
    if (f.target && f.targetKind == u"absolute_per_year"_s)
        return tr("%1 per year").arg(dutchLocale().toString(*f.target));
    if (f.target)
        return dutchLocale().toString(*f.target);
    return tr("none");
}

// Why a chart drawn from these figures (hidden ones drawn as 0) has nothing to draw. "Smaller
// than 5" only where every hidden figure is a "<5": an "x" may hide any number.
QString whyEmpty(const QList<Figure>& figures)
{
    auto marked = [&](Figure::Mark mark) {
        return std::any_of(figures.cbegin(), figures.cend(), [mark](const Figure& f) { return f.mark == mark; });
    };
    if (marked(Figure::Mark::Protected) || marked(Figure::Mark::Withheld))
        return tr("The counts in this period are not shown, to protect small numbers; the table gives what can be shown.");
    if (marked(Figure::Mark::Small))
        return tr("All counts in this period are smaller than %1; they are not shown.").arg(Disclosure::threshold);
    return tr("Nothing to show in this period.");
}

}  // namespace

Content build(const Published& pub, const QString& generatedOn, const QList<int>& pages, int chartWidth)
{
    Content out;
    // Charts are laid out at screen size and printed at the page's width, so their text reads
    // like the body text.
    const QSize chartSize(900, 430);
    // A chart with nothing to draw becomes a sentence saying why, not an empty frame with a legend.
    // The charts draw the shown counts only, so one whose figures show no count above 0 is empty.
    auto chart = [&](const QString& name, auto make, const QList<Figure>& figures) {
        const bool empty = std::none_of(figures.cbegin(), figures.cend(), [](const Figure& f) { return f.shown() && f.value > 0; });
        if (empty)
            return u"<p><i>%1</i></p>"_s.arg(esc(whyEmpty(figures)));
        out.charts << qMakePair(name, Charts::render(make(), chartSize));
        // Image sizes in the document are in 96-dpi pixels, scaled to the page's resolution.
        return u"<p align='center'><img src='%1' width='%2' height='%3'></p>"_s.arg(name).arg(chartWidth).arg(chartWidth * 430 / 900);
    };
    auto section = [&](const QString& anchor, const QString& title) {
        out.sections << Section{anchor, title};
        return u"<h2 style='color:#1f4e79'>%1. %2</h2>"_s.arg(out.sections.size()).arg(esc(title));
    };
    auto bold = [](const QString& text) { return u"<b>%1</b>"_s.arg(text); };
    const Period& period = pub.filter.period;
    const bool running = pub.elapsed.to < period.to;
    QString scope = pub.filter.buurt.isEmpty() ? tr("the whole municipality") : pub.filter.buurt;
    if (!pub.everyBuurt && pub.filter.buurt.isEmpty()) {
        QStringList names;
        for (const PublishedBuurt& b : pub.buurten)
            names << b.buurt;
        scope = tr("the municipality; neighbourhood tables show %1").arg(names.join(u", "_s));
    }
    const QString counted = tr("%1 to %2").arg(date(pub.elapsed.from), date(pub.elapsed.to));
    const QString compared = tr("%1 to %2").arg(date(pub.previous.from), date(pub.previous.to));

    QString html = u"<html><body style='font-size:9.5pt; font-family:sans-serif'>"_s;
    html += u"<h1 style='color:#1f4e79'>%1</h1>"_s.arg(tr("Steering-group report Buurtaanpak Alblasserdam"));
    html += u"<p><b>%1</b> %2 %3 %4"_s.arg(tr("Period:"), date(period.from), tr("to"), date(period.to));
    if (running)
        html += u" <i>%1</i>"_s.arg(tr("(still running: counted up to and including %1)").arg(date(pub.elapsed.to)));
    html += u"<br><b>%1</b> %2 %3<br><b>%4</b> %5<br><b>%6</b> %7</p>"_s.arg(
        tr("Compared with:"), compared, running ? tr("(the same days of the previous period)") : QString(), tr("Scope:"), esc(scope),
        tr("Made on:"), esc(generatedOn));
    html += u"<p>%1 %2</p>"_s.arg(tr("This report holds figures only: no names, addresses, descriptions or other text about "
                                     "residents."),
                                  esc(Publication::legend()));
    // The contents list; page numbers come from the first layout pass.
    const QStringList titles = {tr("Summary"), tr("Key figures"), tr("Signals per neighbourhood"), tr("Monthly trend"), tr("Referrals per partner"),
                                tr("Escalation ladder"), tr("Success factors"), tr("Activities"), tr("Rising trends")};
    html += u"<h2 style='color:#1f4e79'>%1</h2><table cellpadding='2' width='70%'>"_s.arg(tr("Contents"));
    for (int i = 0; i < titles.size(); ++i) {
        html += u"<tr><td>%1. %2</td><td align='right'>%3</td></tr>"_s.arg(i + 1).arg(esc(titles.at(i)),
                                                                         i < pages.size() ? QString::number(pages.at(i)) : u"…"_s);
    }
    html += u"</table>"_s;

    // 1. Summary, a page of its own
    html += u"<div style='page-break-before:always'></div>"_s + section(u"summary"_s, titles.at(0));
    const ReportSummary::Summary summary = ReportSummary::tell(pub);
    html += u"<p>%1</p>"_s.arg(tr("Compared with the previous period (%1).").arg(compared));
    if (!summary.municipality.isEmpty())
        html += u"<p>%1</p>"_s.arg(esc(summary.municipality));
    html += u"<h3 style='color:#1f4e79'>%1</h3><ul>"_s.arg(tr("Largest changes per neighbourhood"));
    for (const QString& sentence : summary.neighbourhoods)
        html += u"<li style='margin-bottom:4px'>%1</li>"_s.arg(esc(sentence));
    html += u"</ul><p style='font-size:8pt'>%1</p>"_s.arg(
        tr("Only neighbourhoods whose counts in both periods can be shown are described; a change that would give away a count "
           "below %1 is left out.").arg(Disclosure::threshold));

    // 2. Key figures
    int activities = 0;
    for (const ActivityFigures& a : pub.activities)
        activities += a.count;
    html += u"<div style='page-break-before:always'></div>"_s + section(u"key"_s, titles.at(1));
    const QString none = u"–"_s;
    html += htmlTable({tr("Figure"), tr("This period (%1)").arg(counted), tr("Previous period (%1)").arg(compared), tr("Change")},
                  {{tr("Signals registered"), fig(pub.signalCount), fig(pub.previousSignalCount), change(pub.signalChangePct, 1)},
                   {tr("Open signals (today)"), fig(pub.openNow), none, none},
                   {tr("Late signals (today)"), fig(pub.lateNow), none, none},
                   {tr("Referrals sent"), fig(pub.referralsSent), none, none},
                   {tr("Closed loop (feedback received)"), share(pub.closedLoopRate), none, none},
                   {tr("Shared without consent, on a recorded ground"), fig(pub.overrides), none, none},
                   {tr("Escalations up"), fig(pub.stepsUp), none, none},
                   {tr("Stalled escalations (today)"), fig(pub.stalled), none, none},
                   {tr("Activities"), number(activities), none, none}},
                  {1, 2, 3}, {36, 24, 24, 16});

    // 3. Buurten
    html += section(u"buurten"_s, titles.at(2));
    QList<Figure> buurtFigures;
    for (const PublishedBuurt& b : pub.buurten)
        buurtFigures << b.byTheme.values();
    html += chart(u"chart:buurten"_s, [&] { return Charts::buurten(pub.forCharts, false); }, buurtFigures);
    QStringList header = {tr("Neighbourhood")};
    QStringList legend;
    for (const QString& theme : pub.themes) {
        header << theme;  // the codes keep the columns narrow; the legend below names them
        legend << u"%1 = %2"_s.arg(theme, esc(pub.themeNames.value(theme)));
    }
    header << tr("Total") << tr("Previous period") << tr("Per 1,000 inhabitants");
    QList<QStringList> rows;
    QList<int> right;
    for (int c = 1; c < header.size(); ++c)
        right << c;
    for (const PublishedBuurt& b : pub.buurten) {
        QStringList row = {esc(b.buurt)};
        for (const QString& theme : pub.themes)
            row << fig(b.byTheme.value(theme));
        row << bold(fig(b.total)) << fig(b.previous);
        row << (b.population ? fig(b.per1000, 1) : tr("unknown"));
        rows << row;
    }
    QStringList totals = {bold(tr("Total"))};
    for (const QString& theme : pub.themes)
        totals << bold(fig(pub.themeTotals.value(theme)));
    totals << bold(fig(pub.buurtTotal)) << bold(fig(pub.previousBuurtTotal)) << QString();
    rows << totals;
    // Sized columns: a table split over two pages keeps the same columns on both.
    QList<int> widths = {22};
    for (qsizetype t = 0; t < pub.themes.size(); ++t)
        widths << int(28 / pub.themes.size());
    widths << 10 << 18 << 22;
    html += htmlTable(header, rows, right, widths) + u"<p style='font-size:8pt'>%1</p>"_s.arg(legend.join(u" · "_s));

    // The buurt map's page comes here (report/ReportMap, added by StuurgroepReport).

    // 4. Months
    html += section(u"months"_s, titles.at(3));
    QList<Figure> monthFigures;
    for (const PublishedMonth& m : pub.months)
        monthFigures << m.byTheme.values();
    html += chart(u"chart:months"_s, [&] { return Charts::months(pub.forCharts); }, monthFigures);
    rows.clear();
    header = {tr("Month")};
    for (const QString& theme : pub.themes)
        header << theme;
    header << tr("Total");
    for (const PublishedMonth& m : pub.months) {
        QStringList row = {dutchLocale().toString(QDate::fromString(m.month + u"-01"_s, Qt::ISODate), u"MMMM yyyy"_s)};
        for (const QString& theme : pub.themes)
            row << fig(m.byTheme.value(theme));
        row << fig(m.total);
        rows << row;
    }
    widths = {28};
    for (qsizetype t = 0; t < pub.themes.size(); ++t)
        widths << int(58 / pub.themes.size());
    widths << 14;
    html += htmlTable(header, rows, right, widths);

    // 5. Partners
    html += section(u"partners"_s, titles.at(4));
    QList<Figure> partnerFigures;
    for (const PublishedPartner& f : pub.partners)
        partnerFigures << f.sent << f.accepted << f.completed << f.rejected;
    html += chart(u"chart:partners"_s, [&] { return Charts::partners(pub.forCharts); }, partnerFigures);
    rows.clear();
    for (const PublishedPartner& f : pub.partners) {
        rows << QStringList{esc(f.partner), fig(f.sent), fig(f.accepted), fig(f.completed), fig(f.rejected),
                            share(f.closedLoopRate), fig(f.medianDaysToAccept, 1)};
    }
    rows << QStringList{bold(tr("Total")), bold(fig(pub.partnerSent)), bold(fig(pub.partnerAccepted)), bold(fig(pub.partnerCompleted)),
                        bold(fig(pub.partnerRejected)), share(pub.closedLoopRate), QString()};
    // Every column sized, so the parts of a table split over pages line up and each header has
    // room for its longest word ("Geaccepteerd").
    html += htmlTable({tr("Partner"), tr("Sent"), tr("Accepted"), tr("Completed"), tr("Rejected"), tr("Closed loop"), tr("Median days to accept")},
                      rows, {1, 2, 3, 4, 5, 6}, {27, 11, 14, 11, 12, 10, 15});
    html += u"<p style='font-size:8pt'>%1</p>"_s.arg(
        tr("Closed loop: the share of closed referrals with feedback. Median days to accept: over the accepted referrals; "
           "left out (–) below %1.").arg(Disclosure::threshold));
    rows.clear();
    for (auto it = pub.rejectionReasons.cbegin(); it != pub.rejectionReasons.cend(); ++it)
        rows << QStringList{esc(Codes::rejectionReason().label(it.key())), fig(it.value())};
    // A heading (h3), so PageBreaks keeps it with its table.
    html += u"<h3 style='font-size:9.5pt; margin-bottom:4px'>%1</h3>"_s.arg(tr("Reasons for rejection (all partners)"))
            + htmlTable({tr("Reason"), tr("Referrals")}, rows, {1}, {60, 40});

    // 6. Escalations
    html += section(u"ladder"_s, titles.at(5));
    QList<Figure> levelFigures;
    for (const PublishedLevel& l : pub.levels)
        levelFigures << l.current << l.stalled << l.stepsUp;
    html += chart(u"chart:levels"_s, [&] { return Charts::levels(pub.forCharts); }, levelFigures);
    rows.clear();
    for (const PublishedLevel& l : pub.levels)
        rows << QStringList{u"%1 %2"_s.arg(l.level).arg(esc(l.name)), fig(l.current), fig(l.stalled), fig(l.stepsUp)};
    rows << QStringList{bold(tr("Total")), bold(fig(pub.levelCurrent)), bold(fig(pub.levelStalled)), bold(fig(pub.levelStepsUp))};
    html += htmlTable({tr("Level"), tr("Open now"), tr("Stalled now"), tr("Escalated to this level in the period")}, rows, {1, 2, 3},
                      {30, 15, 17, 38});

    // 7. Success factors
    html += section(u"factors"_s, titles.at(6));
    rows.clear();
    static const QHash<QString, const char*> statuses = {{u"op_koers"_s, QT_TRANSLATE_NOOP("bs::ReportHtml", "on course")},
                                                        {u"niet_op_koers"_s, QT_TRANSLATE_NOOP("bs::ReportHtml", "not on course")},
                                                        {u"geen_doel"_s, QT_TRANSLATE_NOOP("bs::ReportHtml", "no target")},
                                                        {u"geen_gegevens"_s, QT_TRANSLATE_NOOP("bs::ReportHtml", "no figures yet")}};
    for (const PublishedIndicator& i : pub.indicators) {
        const IndicatorFigure& f = i.source;
        auto value = [&](const Figure& v) {
            if (f.measure == u"qualitative"_s)
                return tr("(qualitative)");
            return fig(v, v.shown() && v.value != std::floor(v.value) ? 1 : 0);
        };
        const QString label = f.basisWords.isEmpty() ? esc(f.label) : u"%1<br><i>%2</i>"_s.arg(esc(f.label), esc(f.basisWords));
        rows << QStringList{QString::number(f.group), label, value(i.value), value(i.previous),
                            target(f),
                            i.status.isEmpty() ? none : tr(statuses.value(i.status, "no target"))};
    }
    html += htmlTable({tr("Group"), tr("Success factor"), tr("Value"), tr("Previous period"), tr("Target"), tr("Status")}, rows, {2, 3},
                  {8, 35, 11, 11, 21, 14});

    // 8. Activities
    html += section(u"activities"_s, titles.at(7));
    rows.clear();
    for (const ActivityFigures& a : pub.activities) {
        rows << QStringList{esc(Codes::activityKind().label(a.kind)), number(a.count), number(a.participants), number(a.selfOrganised)};
    }
    html += rows.isEmpty() ? u"<p>%1</p>"_s.arg(tr("No activities registered in this period."))
                           : htmlTable({tr("Kind"), tr("Number"), tr("Participants"), tr("Organised by residents")}, rows, {1, 2, 3},
                                       {34, 14, 18, 34});

    // 9. Trends
    html += section(u"trends"_s, titles.at(8));
    html += u"<p>%1</p>"_s.arg(tr("Categories that rose in a neighbourhood compared with the previous period, faster than in the "
                                  "municipality as a whole, with at least %1 signals.").arg(Stats::minimumTrendCount));
    rows.clear();
    int trendCount = 0;
    constexpr int shownTrends = 20;  // the strongest
    QStringList only;
    for (const PublishedBuurt& b : pub.buurten)
        only << b.buurt;
    for (const PublishedTrend& t : pub.trends) {
        if (!only.contains(t.buurt, Qt::CaseInsensitive))
            continue;
        if (++trendCount > shownTrends)
            continue;
        rows << QStringList{esc(t.buurt), esc(t.categoryName), fig(t.count), fig(t.previous), change(t.growthPct, 0),
                            change(t.municipalityGrowthPct, 0)};
    }
    html += rows.isEmpty() ? u"<p>%1</p>"_s.arg(tr("No rising trends in this period."))
                           : htmlTable({tr("Neighbourhood"), tr("Category"), tr("This period"), tr("Previous period"), tr("Change"),
                                    tr("Change in the municipality")},
                                   rows, {2, 3, 4, 5}, {20, 32, 11, 11, 12, 14});
    if (trendCount > shownTrends)
        html += u"<p>%1</p>"_s.arg(tr("And %1 more rising trends, weaker than these.").arg(trendCount - shownTrends));
    html += u"<p style='font-size:8pt'>%1</p>"_s.arg(esc(Publication::legend()));
    html += u"</body></html>"_s;
    out.html = html;
    return out;
}

}  // namespace bs::ReportHtml
