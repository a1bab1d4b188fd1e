#pragma once
// Statistical disclosure control for everything the steering group sees: a count from 1 to 4 is
// shown as "<5", and where a sum would let a reader work it out again (a row and its total, a
// column and its total, a key figure and the table it totals), another count is hidden as well
// ("x"), until no hidden count can be recovered from what is shown.

#include <QList>
#include <QString>
#include <QStringList>

#include <limits>

namespace bs::Disclosure {

constexpr int threshold = 5;

struct Cell {
    int value = 0;
    bool hidden = false;     // a count from 1 to threshold - 1
    bool protects = false;   // "x": hidden so that a hidden count cannot be recovered (may itself be small)
    bool published = true;   // false: never printed, but a reader could work at it (closed minus loop closed)
    bool shown() const { return !hidden && !protects; }
    QString text() const;    // "12", "<5" or "x"
};

// Published counts and the sums that tie them together. A count that appears in two tables (the
// total of signals is a key figure and the corner of the buurt table) is one entry, so hiding it
// in one place hides it everywhere.
//
// Protection is judged as a reader would attack it: the reader knows every shown count, that "<5"
// is 1 to 4, that "x" hides a count of at least 1 (zeros are never hidden), that an unprinted
// count is 0 or more, and every sum; they narrow each unknown by propagating these bounds
// through the sums until nothing changes, and then try each value a narrow unknown could still have.
// A hidden count is safe while at least two values remain possible for it.
class Ledger {
public:
    using Id = int;

    Id count(int value);
    // A count already hidden as "x" by whoever gave it (the server): any count but zero.
    Id protectedCount();
    // A count that is never printed but follows from printed ones (closed minus loop closed).
    Id unpublished(int value);
    // `total` is the sum of `addends` as a reader could add them up. Add the sums of cells before
    // the sums of totals: the earlier sums are protected first.
    void sum(const QList<Id>& addends, Id total);
    // Hides counts until the reader can work out no hidden count exactly.
    void protect();
    const Cell& cell(Id id) const { return m_cells.at(id); }
    int size() const { return int(m_cells.size()); }

    struct Range {
        qint64 low = 0;
        qint64 high = 0;  // unbounded: Ledger::unbounded
    };
    static constexpr qint64 unbounded = std::numeric_limits<qint64>::max() / 4;
    // What a reader can work out about each count from what is shown.
    QList<Range> readerRanges() const;

private:
    bool protectSum(const QList<Id>& addends, Id total);
    bool atRisk(Id id, const Range& range) const;
    bool hideNextTo(Id id);

    QList<Cell> m_cells;
    QList<QPair<QList<Id>, Id>> m_sums;
};

struct Grid {
    QList<QList<Cell>> cells;  // rows x columns
    QList<Cell> rowTotals;     // empty when the table shows no row totals
    QList<Cell> columnTotals;  // empty when the table shows no column totals
    Cell total;                // shown only with both kinds of totals
};

// Protects a table of counts on its own. Row and column totals, when asked for, are computed here
// and protected with the cells.
Grid protect(const QList<QList<int>>& values, bool rowTotals, bool columnTotals);

// A single count outside a table (a key figure for one buurt, say).
Cell single(int value);

}  // namespace bs::Disclosure
