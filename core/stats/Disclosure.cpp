#include "Disclosure.h"

using namespace Qt::StringLiterals;

namespace bs::Disclosure {

QString Cell::text() const
{
    if (hidden)
        return u"<%1"_s.arg(threshold);
    if (protects)
        return u"x"_s;
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

void Ledger::sum(const QList<Id>& addends, Id total)
{
    m_sums << qMakePair(addends, total);
}

// A sum with exactly one unknown member gives that member away by subtraction. Hide the smallest
// other non-zero addend that is still shown (the least information lost), or the total when there
// is none.
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
        if (c.shown() && c.value > 0 && (!smallest || c.value < smallest->value))
            smallest = &c;
    }
    if (smallest) {
        smallest->protects = true;
        return true;
    }
    if (m_cells.at(total).shown() && m_cells.at(total).value > 0) {
        m_cells[total].protects = true;
        return true;
    }
    return false;  // only zeros left: the unknown member is zero as well, and zero is no small count
}

void Ledger::protect()
{
    // Until no sum lets a hidden count be worked out. After each hidden count start again from
    // the first sum: sums are added cells first, totals last, and hiding a cell often protects
    // its total already, so fewer figures are lost. Each step hides one more count, so this ends.
    for (qsizetype i = 0; i < m_sums.size();) {
        if (protectSum(m_sums.at(i).first, m_sums.at(i).second))
            i = 0;
        else
            ++i;
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
