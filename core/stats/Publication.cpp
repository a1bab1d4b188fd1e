#include "Publication.h"

#include "domain/DutchLocale.h"
#include "stats/Disclosure.h"

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

namespace {

using Disclosure::Ledger;
using Id = Ledger::Id;

// Collects the counts of one publication in a ledger, with the sums a reader could make, and
// gives each figure its mark once the ledger is protected. Figures are bound by address, so the
// lists that hold them are complete before anything is bound.
class Counts {
public:
    explicit Counts(Mode mode) : m_mode(mode) {}

    Id count(int value, Figure& figure)
    {
        figure.value = value;
        const Id id = m_ledger.count(value);
        m_bound << qMakePair(id, &figure);
        return id;
    }
    // The same count shown in a second place: one entry, so both places show the same mark.
    Id same(Id id, int value, Figure& figure)
    {
        if (m_ledger.cell(id).value != value)
            return count(value, figure);  // not the same count after all: kept apart
        figure.value = value;
        m_bound << qMakePair(id, &figure);
        return id;
    }
    // A count nobody sees but a reader could work out (closed minus loop closed).
    Id unpublished(int value) { return m_ledger.unpublished(value); }
    int value(Id id) const { return m_ledger.cell(id).value; }
    // Adds the sum only when it really holds: a sum that does not add up gives nothing away.
    void sum(const QList<Id>& addends, Id total)
    {
        int s = 0;
        for (Id id : addends)
            s += m_ledger.cell(id).value;
        if (s == m_ledger.cell(total).value)
            m_ledger.sum(addends, total);
    }
    Id sumOf(const QList<Id>& addends, Figure& total)
    {
        int s = 0;
        for (Id id : addends)
            s += m_ledger.cell(id).value;
        const Id id = count(s, total);
        m_ledger.sum(addends, id);
        return id;
    }
    void finish()
    {
        if (m_mode == Mode::Protected)
            m_ledger.protect();
        for (const auto& [id, figure] : std::as_const(m_bound)) {
            const Disclosure::Cell& cell = m_ledger.cell(id);
            if (m_mode == Mode::Exact || cell.shown())
                figure->mark = Figure::Mark::Value;
            else
                figure->mark = cell.protects ? Figure::Mark::Protected : Figure::Mark::Small;
        }
    }

private:
    Mode m_mode;
    Ledger m_ledger;
    QList<QPair<Id, Figure*>> m_bound;
};

// A derived figure: shown only when every input is shown and, in protected mode, it is taken
// over at least as many items as a cell must hold.
Figure derived(std::optional<double> value, std::initializer_list<const Figure*> inputs, Mode mode, std::optional<int> basis = {})
{
    if (!value)
        return Figure::withheld();
    for (const Figure* input : inputs) {
        if (!input->shown())
            return Figure::withheld();
    }
    if (mode == Mode::Protected && basis && *basis < Disclosure::threshold)
        return Figure::withheld();
    return Figure::exact(*value);
}

// The share of closed referrals with feedback. For the steering group only when the closed ones,
// those with feedback and those without are each 0 or at least 5: the share and one shown count
// would otherwise give a small one away.
Figure closedLoopShare(int closed, int loopClosed, Mode mode)
{
    if (closed <= 0)
        return Figure::withheld();
    const bool small = Disclosure::single(closed).hidden || Disclosure::single(loopClosed).hidden
                       || Disclosure::single(closed - loopClosed).hidden;
    if (mode == Mode::Protected && small)
        return Figure::withheld();
    return Figure::exact(double(loopClosed) / closed);
}

// A count that is not printed but feeds a derived figure, marked as it would be if it were.
Figure unprinted(int value, Mode mode)
{
    const bool small = mode == Mode::Protected && Disclosure::single(value).hidden;
    return {double(value), small ? Figure::Mark::Small : Figure::Mark::Value};
}

std::optional<double> growth(double now, double before)
{
    if (before <= 0)
        return std::nullopt;  // no base: a rise from nothing has no percentage
    return 100.0 * (now - before) / before;
}

}  // namespace

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
        if (f.sent > 0)
            partners << &f;
    }
    std::stable_sort(partners.begin(), partners.end(), [](const PartnerFigures* a, const PartnerFigures* b) { return a->sent > b->sent; });
    p.partners.resize(partners.size());
    p.levels.resize(stats.levels.size());
    p.trends.resize(stats.trends.size());
    p.indicators.resize(indicators.size());
    for (const QString& theme : stats.themes)
        p.themeTotals[theme] = {};
    QMap<QString, int> allReasons;
    for (const PartnerFigures* f : partners) {
        for (auto it = f->rejectionReasons.cbegin(); it != f->rejectionReasons.cend(); ++it)
            allReasons[it.key()] += it.value();
    }
    for (auto it = allReasons.cbegin(); it != allReasons.cend(); ++it)
        p.rejectionReasons[it.key()] = {};

    Counts counts(mode);

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
        rowTotals << counts.sumOf(row, out.total);
        previous << counts.count(b.previousTotal, out.previous);
        open << counts.count(b.open, out.open);
        late << counts.count(b.late, out.late);
        counts.sum({late.last(), counts.unpublished(b.open - b.late)}, open.last());  // late is part of open
    }
    QList<Id> themeTotals;
    for (int t = 0; t < stats.themes.size(); ++t) {
        QList<Id> column;
        for (const QList<Id>& row : std::as_const(cells))
            column << row.at(t);
        themeTotals << counts.sumOf(column, p.themeTotals[stats.themes.at(t)]);
    }
    const Id corner = counts.sumOf(rowTotals, p.buurtTotal);
    counts.sum(themeTotals, corner);
    const Id previousCorner = counts.sumOf(previous, p.previousBuurtTotal);
    // The key figures are the corners of the table when it holds every buurt; for a selection the
    // buurten left out are one more (unprinted) row, so a key figure minus the table's total does
    // not give them away.
    QList<Id> municipalityThemes = themeTotals;
    if (everyBuurt) {
        counts.same(corner, stats.signalCount, p.signalCount);
        counts.same(previousCorner, stats.previousSignalCount, p.previousSignalCount);
        counts.sumOf(open, p.openNow);
        counts.sumOf(late, p.lateNow);
    } else {
        QList<Id> restRow;
        municipalityThemes.clear();
        for (int t = 0; t < stats.themes.size(); ++t) {
            int all = 0;
            for (const BuurtFigures& b : stats.buurten)
                all += b.byTheme.value(stats.themes.at(t));
            restRow << counts.unpublished(all - counts.value(themeTotals.at(t)));
            municipalityThemes << counts.unpublished(all);
            counts.sum({themeTotals.at(t), restRow.last()}, municipalityThemes.last());
        }
        const Id signalTotal = counts.count(stats.signalCount, p.signalCount);
        counts.sum(municipalityThemes, signalTotal);
        counts.sum({corner, counts.unpublished(stats.signalCount - counts.value(corner))}, signalTotal);
        counts.sum({previousCorner, counts.unpublished(stats.previousSignalCount - counts.value(previousCorner))},
                   counts.count(stats.previousSignalCount, p.previousSignalCount));
        int selectedOpen = 0;
        int selectedLate = 0;
        for (const BuurtFigures* b : buurten) {
            selectedOpen += b->open;
            selectedLate += b->late;
        }
        counts.sum({counts.sumOf(open, p.selectedOpen), counts.unpublished(stats.openNow - selectedOpen)},
                   counts.count(stats.openNow, p.openNow));
        counts.sum({counts.sumOf(late, p.selectedLate), counts.unpublished(stats.lateNow - selectedLate)},
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
        monthTotals << counts.sumOf(row, out.total);
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
        counts.sum({accepted.last(), rejected.last(), counts.unpublished(f.sent - f.accepted - f.rejected)}, sent.last());
        counts.sum({completed.last(), counts.unpublished(f.accepted - f.completed)}, accepted.last());
        counts.sum({completed.last(), rejected.last(), partnerLate.last(), counts.unpublished(f.sent - f.completed - f.rejected - f.late)},
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
    const Id sentTotal = counts.sumOf(sent, p.partnerSent);
    counts.same(sentTotal, counts.value(sentTotal), p.referralsSent);
    const Id acceptedTotal = counts.sumOf(accepted, p.partnerAccepted);
    const Id completedTotal = counts.sumOf(completed, p.partnerCompleted);
    const Id rejectedTotal = counts.sumOf(rejected, p.partnerRejected);
    Figure lateTotal;
    const Id referralsLate = counts.sumOf(partnerLate, lateTotal);
    int totalAccepted = 0, totalCompleted = 0, totalRejected = 0, totalLate = 0, totalClosed = 0, totalLoopClosed = 0;
    for (const PartnerFigures* f : partners) {
        totalAccepted += f->accepted;
        totalCompleted += f->completed;
        totalRejected += f->rejected;
        totalLate += f->late;
        totalClosed += f->closed;
        totalLoopClosed += f->loopClosed;
    }
    counts.sum({acceptedTotal, rejectedTotal, counts.unpublished(counts.value(sentTotal) - totalAccepted - totalRejected)}, sentTotal);
    counts.sum({completedTotal, counts.unpublished(totalAccepted - totalCompleted)}, acceptedTotal);
    counts.sum({completedTotal, rejectedTotal, referralsLate,
                counts.unpublished(counts.value(sentTotal) - totalCompleted - totalRejected - totalLate)},
               sentTotal);
    QList<Id> reasonTotals;
    for (auto it = allReasons.cbegin(); it != allReasons.cend(); ++it) {
        if (detailed)
            reasonTotals << counts.sumOf(byReason.value(it.key()), p.rejectionReasons[it.key()]);
        else
            reasonTotals << counts.count(it.value(), p.rejectionReasons[it.key()]);
    }
    counts.sum(reasonTotals, rejectedTotal);
    if (detailed) {
        counts.sumOf(closed, p.referralsClosed);
        counts.sumOf(loopClosed, p.referralsLoopClosed);
        Figure withdrawnTotal, openTotal;
        counts.sumOf(withdrawn, withdrawnTotal);
        counts.sumOf(partnerOpen, openTotal);
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
        counts.sum({stalled.last(), counts.unpublished(l.current - l.stalled)}, current.last());  // stalled is part of open
        up << counts.count(l.stepsUp, out.stepsUp);
        down << counts.count(l.stepsDown, out.stepsDown);
    }
    const Id currentTotal = counts.sumOf(current, p.levelCurrent);
    const Id stalledTotal = counts.sumOf(stalled, p.levelStalled);
    counts.sum({stalledTotal, counts.unpublished(counts.value(currentTotal) - counts.value(stalledTotal))}, currentTotal);
    const Id upTotal = counts.sumOf(up, p.levelStepsUp);
    counts.sumOf(down, p.levelStepsDown);
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
    p.closedLoopRate = closedLoopShare(totalClosed, totalLoopClosed, mode);
    for (int r = 0; r < partners.size(); ++r) {
        const PartnerFigures& f = *partners.at(r);
        PublishedPartner& out = p.partners[r];
        out.closedLoopRate = closedLoopShare(f.closed, f.loopClosed, mode);
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
    return p;
}

}  // namespace Publication
}  // namespace bs
