#include "Publication.h"

#include "domain/DutchLocale.h"
#include "stats/Disclosure.h"
#include "stats/PublicationParts.h"

#include <QHash>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace bs {

QString Figure::text(int decimals) const
{
    switch (mark) {
    case Mark::Small: return u"<%1"_s.arg(Disclosure::threshold);
    case Mark::Protected: return u"x"_s;
    case Mark::Withheld: return u"–"_s;
    case Mark::Value: break;
    }
    return dutchLocale().toString(value, 'f', decimals);
}

QJsonValue Figure::json() const
{
    if (shown())
        return value == std::floor(value) && std::abs(value) < 1e15 ? QJsonValue(qint64(value)) : QJsonValue(value);
    return text();
}

namespace Publication {

using namespace parts;

Mode modeFor(Role role)
{
    // Exact figures are for those who may see the signals behind them anyway.
    return Access::allows(role, Permission::ViewSignals) ? Mode::Exact : Mode::Protected;
}

QString legend()
{
    return u"<5: een aantal van 1 tot en met 4, niet getoond. x: weggelaten, zodat geen klein aantal uit een totaal of "
           "verschil te herleiden is (x kan elk aantal zijn). –: niet berekend, omdat het zou volgen uit een verborgen aantal "
           "of uit minder dan %1 gevallen (of omdat er geen vergelijkingsgetal is)."_s.arg(Disclosure::threshold);
}

Published publish(const Statistics& stats, const QList<IndicatorFigure>& indicators, Mode mode, const QStringList& onlyBuurten)
{
    Published p;
    p.isProtected = mode == Mode::Protected;
    p.filter = stats.filter;
    p.elapsed = stats.elapsed.from.isValid() ? stats.elapsed : stats.filter.period;
    p.previous = stats.previous;
    p.today = stats.today;
    p.themes = stats.themes;
    p.themeNames = stats.themeNames;
    p.activities = stats.activities;

    // First every list at its final size, so the figures keep their addresses.
    QList<const BuurtFigures*> buurten;
    for (const BuurtFigures& b : stats.buurten) {
        if (onlyBuurten.isEmpty() || onlyBuurten.contains(b.buurt, Qt::CaseInsensitive))
            buurten << &b;
    }
    const bool everyBuurt = buurten.size() == stats.buurten.size();
    p.everyBuurt = everyBuurt;
    p.buurten.resize(buurten.size());
    p.months.resize(stats.months.size());
    QList<const PartnerFigures*> partners;
    for (const PartnerFigures& f : stats.partners) {
        if (f.sent != 0)
            partners << &f;
    }
    // Most first; for the steering group the partners with fewer than 5 in their own order, since
    // an order by exact value would tell their small counts apart.
    auto rank = [mode](int sent) { return mode == Mode::Protected && small(sent) ? 1 : sent; };
    std::stable_sort(partners.begin(), partners.end(),
                     [&rank](const PartnerFigures* a, const PartnerFigures* b) { return rank(a->sent) > rank(b->sent); });
    p.partners.resize(partners.size());
    p.levels.resize(stats.levels.size());
    p.trends.resize(stats.trends.size());
    p.indicators.resize(indicators.size());
    for (const QString& theme : stats.themes)
        p.themeTotals[theme] = {};
    QMap<QString, int> allReasons = stats.rejectionReasons;
    for (const PartnerFigures* f : partners) {
        for (auto it = f->rejectionReasons.cbegin(); it != f->rejectionReasons.cend(); ++it)
            allReasons[it.key()] += it.value();
    }
    for (auto it = allReasons.cbegin(); it != allReasons.cend(); ++it)
        p.rejectionReasons[it.key()] = {};

    Counts counts(mode);
    // Where a part is hidden, the server's totals: of the buurt table over every buurt, or over a
    // selection and of the buurten left out (a selection the server was not told of: unknown,
    // so counted as possibly small rather than printed wrong).
    auto overTable = [&](const QString& figure, const QString& theme = {}) {
        return everyBuurt ? stats.serverCount(figure, {}, theme) : stats.serverCount(u"selectie_"_s + figure, {}, theme, hiddenCount);
    };
    auto outside = [&](const QString& figure, const QString& theme = {}) {
        return stats.serverCount(u"selectie_rest_"_s + figure, {}, theme, hiddenCount);
    };

    // Signals per buurt and theme, with row and column totals and the previous period.
    QList<QList<Id>> cells;
    QList<Id> rowTotals, previous, open, late;
    for (int r = 0; r < buurten.size(); ++r) {
        const BuurtFigures& b = *buurten.at(r);
        PublishedBuurt& out = p.buurten[r];
        out.buurt = b.buurt;
        out.population = b.population;
        for (const QString& theme : stats.themes)
            out.byTheme[theme] = {};
        QList<Id> row;
        for (const QString& theme : stats.themes)
            row << counts.count(b.byTheme.value(theme), out.byTheme[theme]);
        cells << row;
        rowTotals << counts.sumOf(row, out.total, b.total);
        previous << counts.count(b.previousTotal, out.previous);
        open << counts.count(b.open, out.open);
        late << counts.count(b.late, out.late);
        const int openNotLate = rest({b.open, b.late}, stats.serverCount(u"open_niet_laat"_s, QString::number(b.buurtId)));
        counts.sum({late.last(), counts.unpublished(openNotLate)}, open.last());  // late is part of open
    }
    QList<Id> themeTotals;
    for (int t = 0; t < stats.themes.size(); ++t) {
        QList<Id> column;
        for (const QList<Id>& row : std::as_const(cells))
            column << row.at(t);
        themeTotals << counts.sumOf(column, p.themeTotals[stats.themes.at(t)], overTable(u"thema"_s, stats.themes.at(t)));
    }
    const Id corner = counts.sumOf(rowTotals, p.buurtTotal, everyBuurt ? stats.signalCount : overTable(u"totaal"_s));
    counts.sum(themeTotals, corner);
    const Id previousCorner = counts.sumOf(previous, p.previousBuurtTotal, everyBuurt ? stats.previousSignalCount : overTable(u"vorige"_s));
    // The key figures are the corners of the table when it holds every buurt; for a selection the
    // buurten left out are one more (unprinted) row, so a key figure minus the table's total does
    // not give them away.
    QList<Id> municipalityThemes = themeTotals;
    if (everyBuurt) {
        counts.same(corner, stats.signalCount, p.signalCount);
        counts.same(previousCorner, stats.previousSignalCount, p.previousSignalCount);
        counts.sumOf(open, p.openNow, stats.openNow);
        counts.sumOf(late, p.lateNow, stats.lateNow);
    } else {
        QList<Id> restRow;
        municipalityThemes.clear();
        for (int t = 0; t < stats.themes.size(); ++t) {
            QList<int> parts;
            for (const BuurtFigures& b : stats.buurten)
                parts << b.byTheme.value(stats.themes.at(t));
            const int all = total(parts, stats.serverCount(u"thema"_s, {}, stats.themes.at(t)));
            restRow << counts.unpublished(rest({all, counts.value(themeTotals.at(t))}, outside(u"thema"_s, stats.themes.at(t))));
            municipalityThemes << counts.unpublished(all);
            counts.sum({themeTotals.at(t), restRow.last()}, municipalityThemes.last());
        }
        const Id signalTotal = counts.count(stats.signalCount, p.signalCount);
        counts.sum(municipalityThemes, signalTotal);
        counts.sum({corner, counts.unpublished(rest({stats.signalCount, counts.value(corner)}, outside(u"totaal"_s)))}, signalTotal);
        counts.sum({previousCorner, counts.unpublished(rest({stats.previousSignalCount, counts.value(previousCorner)}, outside(u"vorige"_s)))},
                   counts.count(stats.previousSignalCount, p.previousSignalCount));
        QList<int> openParts;
        QList<int> lateParts;
        for (const BuurtFigures* b : buurten) {
            openParts << b->open;
            lateParts << b->late;
        }
        const int selectedOpen = total(openParts, overTable(u"open"_s));
        const int selectedLate = total(lateParts, overTable(u"laat"_s));
        counts.sum({counts.sumOf(open, p.selectedOpen, selectedOpen), counts.unpublished(rest({stats.openNow, selectedOpen}, outside(u"open"_s)))},
                   counts.count(stats.openNow, p.openNow));
        counts.sum({counts.sumOf(late, p.selectedLate, selectedLate), counts.unpublished(rest({stats.lateNow, selectedLate}, outside(u"laat"_s)))},
                   counts.count(stats.lateNow, p.lateNow));
    }

    // Months by theme: their columns add up to the same theme totals.
    QList<QList<Id>> monthCells;
    QList<Id> monthTotals;
    for (int m = 0; m < stats.months.size(); ++m) {
        PublishedMonth& out = p.months[m];
        out.month = stats.months.at(m).month;
        for (const QString& theme : stats.themes)
            out.byTheme[theme] = {};
        QList<Id> row;
        for (const QString& theme : stats.themes)
            row << counts.count(stats.months.at(m).byTheme.value(theme), out.byTheme[theme]);
        monthCells << row;
        monthTotals << counts.sumOf(row, out.total, stats.serverCount(u"maand"_s, out.month));
    }
    for (int t = 0; t < stats.themes.size(); ++t) {
        QList<Id> column;
        for (const QList<Id>& row : std::as_const(monthCells))
            column << row.at(t);
        counts.sum(column, municipalityThemes.at(t));
    }
    counts.sum(monthTotals, everyBuurt ? corner : counts.unpublished(stats.signalCount));

    // Referrals per partner. The steering group gets what its report and dashboard show (sent,
    // accepted, completed, rejected, late now; rejection reasons over all partners): every further
    // column would be one more set of small counts to protect and one more sum to attack. Others
    // get every column. The reader knows how the columns relate: accepted and rejected are part of
    // what was sent, completed is part of accepted, and late referrals are open, so neither
    // completed nor rejected.
    const bool detailed = mode == Mode::Exact;
    QList<Id> sent, accepted, completed, rejected, partnerLate;
    QList<Id> withdrawn, partnerOpen, closed, loopClosed;
    QMap<QString, QList<Id>> byReason;
    for (int r = 0; r < partners.size(); ++r) {
        const PartnerFigures& f = *partners.at(r);
        PublishedPartner& out = p.partners[r];
        out.partner = f.partner;
        out.formal = f.formal;
        sent << counts.count(f.sent, out.sent);
        accepted << counts.count(f.accepted, out.accepted);
        completed << counts.count(f.completed, out.completed);
        rejected << counts.count(f.rejected, out.rejected);
        partnerLate << counts.count(f.late, out.late);
        const int other = rest({f.sent, f.accepted, f.rejected}, stats.serverCount(u"verwezen_overig"_s, f.partner));
        const int running = rest({f.accepted, f.completed}, stats.serverCount(u"geaccepteerd_lopend"_s, f.partner));
        const int remaining = rest({f.sent, f.completed, f.rejected, f.late}, stats.serverCount(u"verwezen_rest"_s, f.partner));
        counts.sum({accepted.last(), rejected.last(), counts.unpublished(other)}, sent.last());
        counts.sum({completed.last(), counts.unpublished(running)}, accepted.last());
        counts.sum({completed.last(), rejected.last(), partnerLate.last(), counts.unpublished(remaining)},
                   sent.last());
        if (!detailed) {
            for (Figure* hidden : {&out.withdrawn, &out.open, &out.closed, &out.loopClosed})
                *hidden = Figure::withheld();
            continue;
        }
        withdrawn << counts.count(f.withdrawn, out.withdrawn);
        partnerOpen << counts.count(f.open, out.open);
        closed << counts.count(f.closed, out.closed);
        loopClosed << counts.count(f.loopClosed, out.loopClosed);
        QList<Id> reasons;
        for (auto it = f.rejectionReasons.cbegin(); it != f.rejectionReasons.cend(); ++it) {
            out.rejectionReasons[it.key()] = Figure::exact(it.value());
            byReason[it.key()] << counts.count(it.value(), out.rejectionReasons[it.key()]);
        }
    }
    const Id sentTotal = counts.sumOf(sent, p.partnerSent, stats.serverCount(u"verwezen"_s));
    counts.same(sentTotal, counts.value(sentTotal), p.referralsSent);
    const Id acceptedTotal = counts.sumOf(accepted, p.partnerAccepted, stats.serverCount(u"geaccepteerd"_s));
    const Id completedTotal = counts.sumOf(completed, p.partnerCompleted, stats.serverCount(u"afgerond"_s));
    const Id rejectedTotal = counts.sumOf(rejected, p.partnerRejected, stats.serverCount(u"afgewezen"_s));
    Figure lateTotal;
    const Id referralsLate = counts.sumOf(partnerLate, lateTotal, stats.serverCount(u"laat_verwezen"_s));
    QList<int> closedParts, loopClosedParts;
    for (const PartnerFigures* f : partners) {
        closedParts << f->closed;
        loopClosedParts << f->loopClosed;
    }
    const int totalSent = counts.value(sentTotal);
    const int totalAccepted = counts.value(acceptedTotal);
    const int totalCompleted = counts.value(completedTotal);
    const int totalRejected = counts.value(rejectedTotal);
    const int totalLate = counts.value(referralsLate);
    const int totalClosed = total(closedParts, stats.serverCount(u"gesloten"_s));
    const int totalLoopClosed = total(loopClosedParts, stats.serverCount(u"lus_gesloten"_s));
    counts.sum({acceptedTotal, rejectedTotal,
                counts.unpublished(rest({totalSent, totalAccepted, totalRejected}, stats.serverCount(u"verwezen_overig"_s)))},
               sentTotal);
    counts.sum({completedTotal, counts.unpublished(rest({totalAccepted, totalCompleted}, stats.serverCount(u"geaccepteerd_lopend"_s)))},
               acceptedTotal);
    counts.sum({completedTotal, rejectedTotal, referralsLate,
                counts.unpublished(rest({totalSent, totalCompleted, totalRejected, totalLate}, stats.serverCount(u"verwezen_rest"_s)))},
               sentTotal);
    QList<Id> reasonTotals;
    for (auto it = allReasons.cbegin(); it != allReasons.cend(); ++it) {
        if (detailed)
            reasonTotals << counts.sumOf(byReason.value(it.key()), p.rejectionReasons[it.key()], it.value());
        else
            reasonTotals << counts.count(it.value(), p.rejectionReasons[it.key()]);
    }
    counts.sum(reasonTotals, rejectedTotal);
    if (detailed) {
        // Exact figures: every part is known.
        counts.sumOf(closed, p.referralsClosed, 0);
        counts.sumOf(loopClosed, p.referralsLoopClosed, 0);
        Figure withdrawnTotal, openTotal;
        counts.sumOf(withdrawn, withdrawnTotal, 0);
        counts.sumOf(partnerOpen, openTotal, 0);
    } else {
        p.referralsClosed = Figure::withheld();
        p.referralsLoopClosed = Figure::withheld();
    }
    counts.count(stats.overrides, p.overrides);

    // The escalation ladder: each column has a total; two of them are key figures.
    QList<Id> current, stalled, up, down;
    for (int r = 0; r < stats.levels.size(); ++r) {
        const LevelFigures& l = stats.levels.at(r);
        PublishedLevel& out = p.levels[r];
        out.level = l.level;
        out.name = l.name;
        current << counts.count(l.current, out.current);
        stalled << counts.count(l.stalled, out.stalled);
        const int notStalled = rest({l.current, l.stalled}, stats.serverCount(u"niveau_open_niet_stil"_s, QString::number(l.level)));
        counts.sum({stalled.last(), counts.unpublished(notStalled)}, current.last());  // stalled is part of open
        up << counts.count(l.stepsUp, out.stepsUp);
        down << counts.count(l.stepsDown, out.stepsDown);
    }
    const Id currentTotal = counts.sumOf(current, p.levelCurrent, stats.serverCount(u"niveau_open"_s));
    const Id stalledTotal = counts.sumOf(stalled, p.levelStalled, stats.serverCount(u"niveau_stil"_s));
    const int notStalledTotal = rest({counts.value(currentTotal), counts.value(stalledTotal)}, stats.serverCount(u"niveau_open_niet_stil"_s));
    counts.sum({stalledTotal, counts.unpublished(notStalledTotal)}, currentTotal);
    const Id upTotal = counts.sumOf(up, p.levelStepsUp, stats.serverCount(u"niveau_omhoog"_s));
    counts.sumOf(down, p.levelStepsDown, stats.serverCount(u"niveau_omlaag"_s));
    counts.same(stalledTotal, counts.value(stalledTotal), p.stalled);
    counts.same(upTotal, counts.value(upTotal), p.stepsUp);

    // Rising trends: a count per buurt and category in both periods.
    for (int r = 0; r < stats.trends.size(); ++r) {
        const TrendSignal& t = stats.trends.at(r);
        PublishedTrend& out = p.trends[r];
        out.buurt = t.buurt;
        out.category = t.category;
        out.categoryName = t.categoryName;
        counts.count(t.count, out.count);
        counts.count(t.previous, out.previous);
    }

    // Success factors: counts of signals are protected like any cell; so is, for one buurt, a small
    // whole number entered per buurt.
    const bool perBuurt = !stats.filter.buurt.isEmpty();
    for (int i = 0; i < indicators.size(); ++i) {
        const IndicatorFigure& f = indicators.at(i);
        PublishedIndicator& out = p.indicators[i];
        out.source = f;
        auto isCount = [&](std::optional<double> v) {
            return v && *v == std::floor(*v) && (f.countsSignals() || (perBuurt && f.scope == u"buurt"_s && f.measure == u"entered"_s));
        };
        out.value = f.value ? Figure::exact(*f.value) : Figure::withheld();
        out.previous = f.previous ? Figure::exact(*f.previous) : Figure::withheld();
        if (isCount(f.value))
            counts.count(int(*f.value), out.value);
        if (isCount(f.previous))
            counts.count(int(*f.previous), out.previous);
    }

    counts.finish();

    // Derived figures, from the marks just given.
    for (int r = 0; r < buurten.size(); ++r) {
        PublishedBuurt& out = p.buurten[r];
        out.per1000 = derived(buurten.at(r)->per1000, {&out.total}, mode);
    }
    p.signalChangePct = derived(growth(p.signalCount.value, p.previousSignalCount.value), {&p.signalCount, &p.previousSignalCount}, mode);
    p.closedLoopRate = closedLoopShare(totalClosed, totalLoopClosed,
                                       rest({totalClosed, totalLoopClosed}, stats.serverCount(u"gesloten_zonder_lus"_s)), mode);
    for (int r = 0; r < partners.size(); ++r) {
        const PartnerFigures& f = *partners.at(r);
        PublishedPartner& out = p.partners[r];
        out.closedLoopRate =
            closedLoopShare(f.closed, f.loopClosed, rest({f.closed, f.loopClosed}, stats.serverCount(u"gesloten_zonder_lus"_s, f.partner)), mode);
        out.medianDaysToAccept = derived(f.medianDaysToAccept, {&out.accepted}, mode, f.accepted);
        out.medianDaysToComplete = derived(f.medianDaysToComplete, {&out.completed}, mode, f.completed);
    }
    for (int r = 0; r < stats.trends.size(); ++r) {
        const TrendSignal& t = stats.trends.at(r);
        PublishedTrend& out = p.trends[r];
        out.growthPct = derived(growth(t.count, t.previous), {&out.count, &out.previous}, mode);
        // The municipality's counts are not printed, but a small one would still leak through
        // its percentage.
        const Figure cityNow = unprinted(t.municipalityCount, mode);
        const Figure cityBefore = unprinted(t.municipalityPrevious, mode);
        out.municipalityGrowthPct = derived(growth(t.municipalityCount, t.municipalityPrevious), {&cityNow, &cityBefore}, mode);
    }
    for (int i = 0; i < indicators.size(); ++i) {
        const IndicatorFigure& f = indicators.at(i);
        PublishedIndicator& out = p.indicators[i];
        if (mode == Mode::Protected && f.basis && *f.basis < Disclosure::threshold && out.value.shown())
            out.value = Figure::withheld();
        if (mode == Mode::Protected && f.previousBasis && *f.previousBasis < Disclosure::threshold && out.previous.shown())
            out.previous = Figure::withheld();
        if (!f.value)
            out.value = Figure::withheld();
        if (!f.previous)
            out.previous = Figure::withheld();
        // A status follows from the figures it compares; it is left out with them.
        const bool needsPrevious = f.targetKind == u"relative_change_pct"_s;
        const bool inputsHidden = (f.value && !out.value.shown()) || (needsPrevious && f.previous && !out.previous.shown());
        out.status = inputsHidden ? QString() : f.status;
    }

    // The charts: every count that is not shown drawn as 0, and only the buurten asked for.
    p.forCharts = stats;
    p.forCharts.buurten.clear();
    for (int r = 0; r < buurten.size(); ++r) {
        BuurtFigures b = *buurten.at(r);
        const PublishedBuurt& out = p.buurten.at(r);
        for (const QString& theme : stats.themes)
            b.byTheme[theme] = out.byTheme.value(theme).shown() ? int(out.byTheme.value(theme).value) : 0;
        b.total = out.total.shown() ? b.total : 0;
        b.per1000 = out.per1000.shown() ? b.per1000 : std::nullopt;
        b.open = out.open.shown() ? b.open : 0;
        b.late = out.late.shown() ? b.late : 0;
        p.forCharts.buurten << b;
    }
    for (int m = 0; m < stats.months.size(); ++m) {
        for (const QString& theme : stats.themes) {
            if (!p.months.at(m).byTheme.value(theme).shown())
                p.forCharts.months[m].byTheme[theme] = 0;
        }
    }
    p.forCharts.partners.clear();
    for (int r = 0; r < partners.size(); ++r) {
        PartnerFigures f = *partners.at(r);
        const PublishedPartner& out = p.partners.at(r);
        f.sent = out.sent.shown() ? f.sent : 0;
        f.accepted = out.accepted.shown() ? f.accepted : 0;
        f.completed = out.completed.shown() ? f.completed : 0;
        f.rejected = out.rejected.shown() ? f.rejected : 0;
        p.forCharts.partners << f;
    }
    for (int r = 0; r < stats.levels.size(); ++r) {
        LevelFigures& l = p.forCharts.levels[r];
        const PublishedLevel& out = p.levels.at(r);
        l.current = out.current.shown() ? l.current : 0;
        l.stalled = out.stalled.shown() ? l.stalled : 0;
        l.stepsUp = out.stepsUp.shown() ? l.stepsUp : 0;
        l.stepsDown = out.stepsDown.shown() ? l.stepsDown : 0;
    }
    zeroHidden(p.forCharts);
    return p;
}

}  // namespace Publication
}  // namespace bs
