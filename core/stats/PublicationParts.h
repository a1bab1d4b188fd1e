#pragma once
// The parts of Publication::publish (internal to core/stats/Publication.cpp): the ledger of counts
// with the sums a reader could form, and the small rules for derived figures. Kept apart so the
// publishing step itself reads from top to bottom.

#include "Publication.h"
#include "stats/Disclosure.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <optional>

namespace bs::Publication::parts {

using namespace Qt::StringLiterals;


using Disclosure::Ledger;
using Id = Ledger::Id;

// Collects the counts of one publication in a ledger, with the sums a reader could make, and
// gives each figure its mark once the ledger is protected. Figures are bound by address, so the
// lists that hold them are complete before anything is bound.
class Counts {
public:
    explicit Counts(Mode mode) : m_mode(mode) {}

    // A hiddenCount (a count from 1 to 4 the server kept) enters the ledger as some count from 1
    // to 4: the ledger never looks at the value of a hidden count, only at the shown ones. A
    // protectedCount (the server's own "x") enters as "x".
    Id count(int value, Figure& figure)
    {
        figure.value = unknownCount(value) ? 0 : value;
        const Id id = value == protectedCount ? m_ledger.protectedCount() : m_ledger.count(value == hiddenCount ? 1 : value);
        if (unknownCount(value))
            m_unknown.insert(id, value);
        m_bound << qMakePair(id, &figure);
        return id;
    }
    // The same count shown in a second place: one entry, so both places show the same mark.
    Id same(Id id, int value, Figure& figure)
    {
        if (this->value(id) != value)
            return count(value, figure);  // not the same count after all: kept apart
        figure.value = unknownCount(value) ? 0 : value;
        m_bound << qMakePair(id, &figure);
        return id;
    }
    // A count nobody sees but a reader could work out (closed minus loop closed).
    Id unpublished(int value)
    {
        const Id id = m_ledger.unpublished(unknownCount(value) ? 1 : value);
        if (unknownCount(value))
            m_unknown.insert(id, value);
        return id;
    }
    // hiddenCount or protectedCount for a count the server kept.
    int value(Id id) const { return m_unknown.value(id, m_ledger.cell(id).value); }
    // Adds the sum only when it really holds: a sum that does not add up gives nothing away. With
    // a hidden part the sum holds when it can (the server's counts add up).
    void sum(const QList<Id>& addends, Id total)
    {
        auto low = [&](Id id) -> qint64 { return m_unknown.contains(id) ? 1 : m_ledger.cell(id).value; };
        auto high = [&](Id id) -> qint64 {
            if (!m_unknown.contains(id))
                return m_ledger.cell(id).value;
            return m_unknown.value(id) == protectedCount ? Disclosure::Ledger::unbounded : Disclosure::threshold - 1;
        };
        qint64 lows = 0;
        qint64 highs = 0;
        for (Id id : addends) {
            lows += low(id);
            highs = std::min(highs + high(id), Disclosure::Ledger::unbounded);
        }
        if (lows <= high(total) && low(total) <= highs)
            m_ledger.sum(addends, total);
    }
    // The total of `addends`: added up here, or where a part is hidden the server's `given` total.
    Id sumOf(const QList<Id>& addends, Figure& total, int given)
    {
        int s = 0;
        bool known = true;
        for (Id id : addends) {
            known = known && !m_unknown.contains(id);
            s += m_ledger.cell(id).value;
        }
        const Id id = count(known ? s : given, total);
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
    QHash<Id, int> m_unknown;  // the server's hiddenCount or protectedCount
};

// A difference of counts, or the server's `given` one where a part is hidden.
inline int rest(std::initializer_list<int> minuendFirst, int given)
{
    int value = 0;
    bool first = true;
    for (int part : minuendFirst) {
        if (unknownCount(part))
            return given;
        value += first ? part : -part;
        first = false;
    }
    return value;
}

// A sum of counts, or the server's `given` one where a part is hidden.
inline int total(const QList<int>& parts, int given)
{
    int value = 0;
    for (int part : parts) {
        if (unknownCount(part))
            return given;
        value += part;
    }
    return value;
}

// A count from 1 to 4, also one the server kept (its "x" too: it may be one).
inline bool small(int value)
{
    return unknownCount(value) || Disclosure::single(value).hidden;
}

// A derived figure: shown only when every input is shown and, in protected mode, it is taken
// over at least as many items as a cell must hold.
inline Figure derived(std::optional<double> value, std::initializer_list<const Figure*> inputs, Mode mode, std::optional<int> basis = {})
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
inline Figure closedLoopShare(int closed, int loopClosed, int withoutLoop, Mode mode)
{
    const bool unknown = unknownCount(closed) || unknownCount(loopClosed) || unknownCount(withoutLoop);
    if (closed == 0 || unknown)
        return Figure::withheld();
    if (mode == Mode::Protected && (small(closed) || small(loopClosed) || small(withoutLoop)))
        return Figure::withheld();
    return Figure::exact(double(loopClosed) / closed);
}

// A count that is not printed but feeds a derived figure, marked as it would be if it were.
inline Figure unprinted(int value, Mode mode)
{
    if (value == protectedCount)
        return {0, Figure::Mark::Protected};
    const bool hidden = value == hiddenCount || (mode == Mode::Protected && Disclosure::single(value).hidden);
    return {double(value == hiddenCount ? 0 : value), hidden ? Figure::Mark::Small : Figure::Mark::Value};
}

// The charts draw a count the server kept as nothing, like every count that is not shown.
inline void zeroHidden(Statistics& s)
{
    auto zero = [](int& value) {
        if (unknownCount(value))
            value = 0;
    };
    for (int* value : {&s.signalCount, &s.previousSignalCount, &s.openNow, &s.lateNow, &s.overrides})
        zero(*value);
    for (BuurtFigures& b : s.buurten) {
        for (int& n : b.byTheme)
            zero(n);
        for (int* value : {&b.total, &b.previousTotal, &b.open, &b.late})
            zero(*value);
    }
    for (MonthFigures& m : s.months) {
        for (int& n : m.byTheme)
            zero(n);
    }
    for (PartnerFigures& f : s.partners) {
        for (int* value : {&f.sent, &f.accepted, &f.completed, &f.rejected, &f.withdrawn, &f.open, &f.late, &f.closed, &f.loopClosed})
            zero(*value);
    }
    for (LevelFigures& l : s.levels) {
        for (int* value : {&l.current, &l.stalled, &l.stepsUp, &l.stepsDown})
            zero(*value);
    }
    for (TrendSignal& t : s.trends) {
        for (int* value : {&t.count, &t.previous, &t.municipalityCount, &t.municipalityPrevious})
            zero(*value);
    }
}

inline std::optional<double> growth(double now, double before)
{
    if (before <= 0)
        return std::nullopt;  // no base: a rise from nothing has no percentage
    return 100.0 * (now - before) / before;
}


}  // namespace bs::Publication::parts
