#include "Disclosure.h"

#include <algorithm>

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

namespace {

// In a line of cells that adds up to a shown total, one hidden cell can be recovered by
// subtraction. Hide the smallest other non-zero cell too, or the total when there is none.
bool protectLine(QList<Cell*> line, Cell* total)
{
    int hiddenCount = 0;
    for (Cell* c : line)
        hiddenCount += !c->shown() && c->value > 0;
    if (hiddenCount != 1 || (total && !total->shown()))
        return false;
    Cell* smallest = nullptr;
    for (Cell* c : line) {
        if (c->shown() && c->value > 0 && (!smallest || c->value < smallest->value))
            smallest = c;
    }
    if (smallest) {
        smallest->protects = true;
        return true;
    }
    if (total) {
        total->protects = true;
        return true;
    }
    return false;
}

}  // namespace

Grid protect(const QList<QList<int>>& values, bool rowTotals, bool columnTotals)
{
    Grid grid;
    const qsizetype rows = values.size();
    const qsizetype columns = rows > 0 ? values.first().size() : 0;
    for (const QList<int>& row : values) {
        QList<Cell> cells;
        for (int v : row)
            cells << single(v);
        grid.cells << cells;
    }
    if (rowTotals) {
        for (const QList<int>& row : values) {
            int sum = 0;
            for (int v : row)
                sum += v;
            grid.rowTotals << single(sum);
        }
    }
    if (columnTotals) {
        for (qsizetype c = 0; c < columns; ++c) {
            int sum = 0;
            for (qsizetype r = 0; r < rows; ++r)
                sum += values.at(r).at(c);
            grid.columnTotals << single(sum);
        }
    }
    int all = 0;
    for (const QList<int>& row : values)
        for (int v : row)
            all += v;
    grid.total = single(all);

    // Repeat until no line lets a hidden count be worked out.
    for (bool changed = true; changed;) {
        changed = false;
        if (rowTotals) {
            for (qsizetype r = 0; r < rows; ++r) {
                QList<Cell*> line;
                for (Cell& c : grid.cells[r])
                    line << &c;
                changed |= protectLine(line, &grid.rowTotals[r]);
            }
        }
        if (columnTotals) {
            for (qsizetype c = 0; c < columns; ++c) {
                QList<Cell*> line;
                for (qsizetype r = 0; r < rows; ++r)
                    line << &grid.cells[r][c];
                changed |= protectLine(line, &grid.columnTotals[c]);
            }
        }
        // The lines of totals come last: hiding cells first often protects them already.
        if (changed)
            continue;
        if (rowTotals && columnTotals) {
            QList<Cell*> totals;
            for (Cell& c : grid.rowTotals)
                totals << &c;
            changed |= protectLine(totals, &grid.total);
            QList<Cell*> columnLine;
            for (Cell& c : grid.columnTotals)
                columnLine << &c;
            changed |= protectLine(columnLine, &grid.total);
        }
    }
    return grid;
}

}  // namespace bs::Disclosure
