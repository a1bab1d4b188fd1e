#pragma once
// Statistical disclosure control for the steering-group report: a count from 1 to 4 in a cell is
// shown as "<5", and where a total would let a reader work it out again, another cell (or the
// total) is hidden as well ("x"), until no hidden count can be recovered from what is shown.

#include <QList>
#include <QString>
#include <QStringList>

namespace bs::Disclosure {

constexpr int threshold = 5;

struct Cell {
    int value = 0;
    bool hidden = false;     // a count from 1 to threshold - 1
    bool protects = false;   // hidden only so that another hidden count cannot be recovered
    bool shown() const { return !hidden && !protects; }
    QString text() const;    // "12", "<5" or "x"
};

struct Grid {
    QList<QList<Cell>> cells;  // rows x columns
    QList<Cell> rowTotals;     // empty when the table shows no row totals
    QList<Cell> columnTotals;  // empty when the table shows no column totals
    Cell total;                // shown only with both kinds of totals
};

// Protects a table of counts. Row and column totals, when asked for, are computed here and
// protected with the cells.
Grid protect(const QList<QList<int>>& values, bool rowTotals, bool columnTotals);

// A single count outside a table (a key figure for one buurt, say).
Cell single(int value);

}  // namespace bs::Disclosure
