#include "Disclosure.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bs::Disclosure {

QString Cell::text() const
{
    if (protects)
        return u"x"_s;
    if (hidden)
        return u"<%1"_s.arg(threshold);
    return QString::number(value);
}

Cell single(int value)
{
    return Cell{value, value > 0 && value < threshold, false};
}

Ledger::Id Ledger::count(int value)
{
    m_cells << single(value);
    return Id(m_cells.size() - 1);
}

Ledger::Id Ledger::protectedCount()
{
    m_cells << Cell{1, false, true};
    return Id(m_cells.size() - 1);
}

Ledger::Id Ledger::unpublished(int value)
{
    Cell cell = single(value);
    cell.published = false;
    m_cells << cell;
    return Id(m_cells.size() - 1);
}

void Ledger::sum(const QList<Id>& addends, Id total)
{
    m_sums << qMakePair(addends, total);
}

// A sum with exactly one unknown member gives that member away by subtraction. Hide the smallest
// other non-zero addend that is still shown (the least information lost), or the total when there
// is none. (The cheap first round; the reader's ranges below catch the rest.)
bool Ledger::protectSum(const QList<Id>& addends, Id total)
{
    int unknown = !m_cells.at(total).shown();
    for (Id id : addends)
        unknown += !m_cells.at(id).shown();
    if (unknown != 1)
        return false;
    Cell* smallest = nullptr;
    for (Id id : addends) {
        Cell& c = m_cells[id];
        if (c.shown() && c.published && c.value > 0 && (!smallest || c.value < smallest->value))
            smallest = &c;
    }
    if (smallest) {
        smallest->protects = true;
        return true;
    }
    if (m_cells.at(total).shown() && m_cells.at(total).published && m_cells.at(total).value > 0) {
        m_cells[total].protects = true;
        return true;
    }
    return false;  // only zeros left: the unknown member is zero as well, and zero is no small count
}

QList<Ledger::Range> Ledger::readerRanges() const
{
    QList<Range> r;
    r.reserve(m_cells.size());
    for (const Cell& c : m_cells) {
        if (!c.published)
            r << Range{0, unbounded};
        else if (c.shown())
            r << Range{c.value, c.value};
        else if (!c.protects)
            r << Range{1, threshold - 1};  // "<5"
        else
            r << Range{1, unbounded};  // "x": any count but zero (zeros are never hidden)
    }
    auto add = [](qint64 a, qint64 b) { return a >= unbounded || b >= unbounded ? unbounded : std::min(a + b, unbounded); };
    // Bounds propagation: total within [sum of lows, sum of highs], each addend within
    // [total low - others' highs, total high - others' lows]. Each pass only narrows; stop when
    // nothing changes (bounded, as a reader with a spreadsheet would stop too).
    for (int pass = 0; pass < 200; ++pass) {
        bool changed = false;
        auto narrow = [&](Range& x, qint64 low, qint64 high) {
            if (low > x.low) {
                x.low = low;
                changed = true;
            }
            if (high < x.high) {
                x.high = high;
                changed = true;
            }
        };
        for (const auto& [addends, total] : m_sums) {
            qint64 lows = 0;
            qint64 highs = 0;
            int unboundedCount = 0;
            qint64 boundedHighs = 0;
            for (Id id : addends) {
                lows = add(lows, r.at(id).low);
                highs = add(highs, r.at(id).high);
                if (r.at(id).high >= unbounded)
                    ++unboundedCount;
                else
                    boundedHighs += r.at(id).high;
            }
            narrow(r[total], lows, highs);
            const Range t = r.at(total);
            for (Id id : addends) {
                const Range a = r.at(id);
                const qint64 othersLow = lows - a.low;
                const bool othersUnbounded = unboundedCount - (a.high >= unbounded ? 1 : 0) > 0;
                const qint64 othersHigh = othersUnbounded ? unbounded : boundedHighs - (a.high >= unbounded ? 0 : a.high);
                const qint64 low = othersUnbounded ? a.low : std::max(a.low, t.low - othersHigh);
                const qint64 high = t.high >= unbounded ? a.high : std::min(a.high, t.high - othersLow);
                narrow(r[id], low, high);
            }
        }
        if (!changed)
            break;
    }
    return r;
}

// A hidden count is at risk when the reader can work out its exact value; so is a count from 1 to
// 4 that is not printed at all (closed minus loop closed). Narrowing to a range is not: two hidden
// counts of 1 to 4 always add up to at least 2, and no suppression can change that.
bool Ledger::atRisk(Id id, const Range& range) const
{
    const Cell& c = m_cells.at(id);
    if (c.shown() || range.low != range.high)
        return false;
    return c.published || (c.value > 0 && c.value < threshold);
}

// Hides one more shown count in a sum that holds `id`: the smallest non-zero one, or the total.
// When every sum around it is hidden already, a sum one step further out.
bool Ledger::hideNextTo(Id id)
{
    auto hideSmallestIn = [&](const QList<int>& sums) {
        Cell* best = nullptr;
        for (int s : sums) {
            QList<Id> members = m_sums.at(s).first;
            members << m_sums.at(s).second;
            for (Id m : members) {
                Cell& c = m_cells[m];
                if (c.shown() && c.published && c.value > 0 && (!best || c.value < best->value))
                    best = &c;
            }
        }
        if (best)
            best->protects = true;
        return best != nullptr;
    };
    QList<int> near;
    QSet<Id> neighbours;
    for (int s = 0; s < m_sums.size(); ++s) {
        if (m_sums.at(s).second == id || m_sums.at(s).first.contains(id)) {
            near << s;
            for (Id m : m_sums.at(s).first)
                neighbours << m;
            neighbours << m_sums.at(s).second;
        }
    }
    if (hideSmallestIn(near))
        return true;
    QList<int> further;
    for (int s = 0; s < m_sums.size(); ++s) {
        if (near.contains(s))
            continue;
        bool touches = neighbours.contains(m_sums.at(s).second);
        for (Id m : m_sums.at(s).first)
            touches = touches || neighbours.contains(m);
        if (touches)
            further << s;
    }
    return hideSmallestIn(further);
}

void Ledger::protect()
{
    // First round: no sum may have exactly one unknown member. After each hidden count start again
    // from the first sum: sums are added cells first, totals last, and hiding a cell often protects
    // its total already, so fewer figures are lost.
    for (qsizetype i = 0; i < m_sums.size();) {
        if (protectSum(m_sums.at(i).first, m_sums.at(i).second))
            i = 0;
        else
            ++i;
    }
    // Then as a reader attacks it: until no count from 1 to 4 can be narrowed down. Each step hides
    // one more count, so this ends.
    for (bool changed = true; changed;) {
        changed = false;
        const QList<Range> ranges = readerRanges();
        for (Id id = 0; id < m_cells.size() && !changed; ++id) {
            if (!atRisk(id, ranges.at(id)))
                continue;
            Cell& c = m_cells[id];
            if (c.published && c.hidden && !c.protects) {
                // "<5" says too much here (four such counts under a total of "<5" are 1 each):
                // say "x" instead, which allows any count.
                c.protects = true;
                changed = true;
            } else {
                changed = hideNextTo(id);
            }
        }
    }
}

Grid protect(const QList<QList<int>>& values, bool rowTotals, bool columnTotals)
{
    Ledger ledger;
    const qsizetype rows = values.size();
    const qsizetype columns = rows > 0 ? values.first().size() : 0;
    QList<QList<Ledger::Id>> ids;
    int all = 0;
    for (const QList<int>& row : values) {
        QList<Ledger::Id> line;
        for (int v : row) {
            line << ledger.count(v);
            all += v;
        }
        ids << line;
    }
    QList<Ledger::Id> rowIds;
    QList<Ledger::Id> columnIds;
    for (qsizetype r = 0; rowTotals && r < rows; ++r) {
        int sum = 0;
        for (int v : values.at(r))
            sum += v;
        rowIds << ledger.count(sum);
        ledger.sum(ids.at(r), rowIds.last());
    }
    for (qsizetype c = 0; columnTotals && c < columns; ++c) {
        int sum = 0;
        QList<Ledger::Id> column;
        for (qsizetype r = 0; r < rows; ++r) {
            sum += values.at(r).at(c);
            column << ids.at(r).at(c);
        }
        columnIds << ledger.count(sum);
        ledger.sum(column, columnIds.last());
    }
    const Ledger::Id total = ledger.count(all);
    if (rowTotals && columnTotals) {
        ledger.sum(rowIds, total);
        ledger.sum(columnIds, total);
    }
    ledger.protect();

    Grid grid;
    for (const QList<Ledger::Id>& line : ids) {
        QList<Cell> cells;
        for (Ledger::Id id : line)
            cells << ledger.cell(id);
        grid.cells << cells;
    }
    for (Ledger::Id id : rowIds)
        grid.rowTotals << ledger.cell(id);
    for (Ledger::Id id : columnIds)
        grid.columnTotals << ledger.cell(id);
    grid.total = ledger.cell(total);
    return grid;
}

}  // namespace bs::Disclosure
