#include "PageBreaks.h"

#include <QAbstractTextDocumentLayout>
#include <QSet>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace bs::PageBreaks {

namespace {

constexpr int maximumRounds = 60;  // each round fixes one place; a report has a handful

// One change: a break before the n-th heading, before body row `row` of the n-th table (row 0:
// before the whole table), or before the paragraph numbered n (a block of the document: HTML
// cannot say "do not cut this paragraph", so that break is set on the laid-out document).
struct Fix {
    enum class Kind { None, Heading, Table, Paragraph } kind = Kind::None;
    int index = 0;
    int row = 0;
    qreal y = std::numeric_limits<qreal>::max();  // where in the document: the first one is fixed first

    QString key() const { return u"%1:%2:%3"_s.arg(int(kind)).arg(index).arg(row); }
};

struct Extent {
    qreal top = std::numeric_limits<qreal>::max();
    qreal bottom = std::numeric_limits<qreal>::lowest();
};

QList<QTextTable*> tablesIn(QTextFrame* frame)
{
    QList<QTextTable*> tables;
    for (QTextFrame* child : frame->childFrames()) {
        if (auto* table = qobject_cast<QTextTable*>(child))
            tables << table;
        tables << tablesIn(child);
    }
    return tables;
}

Extent rowExtent(QTextDocument& doc, QTextTable* table, int row)
{
    Extent extent;
    for (int column = 0; column < table->columns(); ++column) {
        const QTextTableCell cell = table->cellAt(row, column);
        if (!cell.isValid() || cell.row() != row)
            continue;
        for (QTextBlock block = doc.findBlock(cell.firstPosition()); block.isValid() && block.position() <= cell.lastPosition();
             block = block.next()) {
            const QRectF rect = doc.documentLayout()->blockBoundingRect(block);
            extent.top = std::min(extent.top, rect.top());
            extent.bottom = std::max(extent.bottom, rect.bottom());
        }
    }
    return extent;
}

class Measure {
public:
    Measure(QTextDocument& doc, qreal pageHeight) : m_doc(doc), m_pageHeight(pageHeight) {}

    int page(qreal y) const { return int(std::floor(y / m_pageHeight)); }
    // The last pixel row of an extent, so an extent ending exactly at a page foot stays on it.
    int lastPage(const Extent& e) const { return page(std::max(e.top, e.bottom - 0.5)); }

    Fix firstProblem(const QSet<QString>& tried) const
    {
        Fix first;
        auto consider = [&](const Fix& fix) {
            if (fix.y < first.y && !tried.contains(fix.key()))
                first = fix;
        };
        const QList<QTextTable*> tables = tablesIn(m_doc.rootFrame());
        for (int t = 0; t < tables.size(); ++t) {
            QTextTable* table = tables.at(t);
            const int headerRows = table->format().headerRowCount();
            const int rows = table->rows();
            for (int r = 0; r < rows; ++r) {
                const Extent e = rowExtent(m_doc, table, r);
                if (page(e.top) != lastPage(e)) {
                    // A header row or the first row cut: the whole table moves; else it splits here.
                    consider({Fix::Kind::Table, t, std::max(0, r - headerRows), e.top});
                    break;
                }
            }
            if (rows - headerRows >= 2) {
                const Extent last = rowExtent(m_doc, table, rows - 1);
                const Extent above = rowExtent(m_doc, table, rows - 2);
                // The note under a table (a legend) goes with its last rows, not cut or alone.
                const QTextBlock note = m_doc.findBlock(table->lastPosition() + 1);
                bool noteApart = false;
                if (note.isValid() && !QTextCursor(note).currentTable() && note.blockFormat().headingLevel() == 0 && !note.text().isEmpty()) {
                    const QRectF rect = m_doc.documentLayout()->blockBoundingRect(note);
                    noteApart = page(rect.top()) != lastPage({rect.top(), rect.bottom()}) || page(rect.top()) != page(last.top);
                }
                if (page(last.top) != page(above.top) || noteApart)
                    consider({Fix::Kind::Table, t, rows - 2 - headerRows, above.top});
            }
        }
        int heading = -1;
        for (QTextBlock block = m_doc.begin(); block.isValid(); block = block.next()) {
            if (!QTextCursor(block).currentTable()) {
                const QRectF rect = m_doc.documentLayout()->blockBoundingRect(block);
                if (page(rect.top()) != lastPage({rect.top(), rect.bottom()}))
                    consider({Fix::Kind::Paragraph, block.blockNumber(), 0, rect.top()});
            }
            const int level = block.blockFormat().headingLevel();
            if (level != 2 && level != 3)
                continue;
            ++heading;
            QTextBlock next = block.next();
            if (!next.isValid())
                continue;
            // A heading goes with what comes after its introduction too (a table's first row, a
            // chart, a sentence), so it never stands with only a line of introduction.
            if (!QTextCursor(next).currentTable() && next.next().isValid() && next.next().blockFormat().headingLevel() == 0)
                next = next.next();
            const qreal top = m_doc.documentLayout()->blockBoundingRect(block).top();
            Extent following;
            if (QTextTable* table = QTextCursor(next).currentTable()) {
                const int firstBody = std::min(table->format().headerRowCount(), table->rows() - 1);
                following = rowExtent(m_doc, table, firstBody);
            } else {
                const QRectF rect = m_doc.documentLayout()->blockBoundingRect(next);
                following = {rect.top(), rect.bottom()};
            }
            if (page(top) != lastPage(following))
                consider({Fix::Kind::Heading, heading, 0, top});
        }
        return first;
    }

private:
    QTextDocument& m_doc;
    qreal m_pageHeight;
};

// Where the n-th match of any of `tags` starts in `html`, or -1.
qsizetype nthTag(const QString& html, const QStringList& tags, int n)
{
    qsizetype at = -1;
    for (int i = 0; i <= n; ++i) {
        qsizetype next = -1;
        for (const QString& tag : tags) {
            const qsizetype found = html.indexOf(tag, at + 1);
            if (found >= 0 && (next < 0 || found < next))
                next = found;
        }
        if (next < 0)
            return -1;
        at = next;
    }
    return at;
}

// The opening tag starting at `at`, with a page break before it.
QString withBreakBefore(const QString& tag)
{
    QString out = tag;
    const qsizetype style = out.indexOf(u"style='"_s);
    if (style >= 0)
        return out.insert(style + 7, u"page-break-before:always; "_s);
    return out.insert(out.indexOf(u'>'), u" style='page-break-before:always'"_s);
}

QString breakBeforeHeading(const QString& html, int index)
{
    const qsizetype at = nthTag(html, {u"<h2"_s, u"<h3"_s}, index);
    if (at < 0)
        return html;
    const qsizetype end = html.indexOf(u'>', at) + 1;
    return html.left(at) + withBreakBefore(html.mid(at, end - at)) + html.mid(end);
}

QString splitTable(const QString& html, int index, int bodyRow)
{
    const qsizetype at = nthTag(html, {u"<table"_s}, index);
    if (at < 0)
        return html;
    const qsizetype tagEnd = html.indexOf(u'>', at) + 1;
    const QString openTag = html.mid(at, tagEnd - at);
    if (bodyRow <= 0)
        return html.left(at) + withBreakBefore(openTag) + html.mid(tagEnd);
    const qsizetype close = html.indexOf(u"</table>"_s, tagEnd);
    const qsizetype theadEnd = html.indexOf(u"</thead>"_s, tagEnd);
    const bool hasHead = theadEnd >= 0 && theadEnd < close;
    const qsizetype bodyStart = hasHead ? theadEnd + 8 : tagEnd;
    qsizetype row = bodyStart - 1;
    for (int i = 0; i <= bodyRow; ++i) {
        row = html.indexOf(u"<tr"_s, row + 1);
        if (row < 0 || row > close)
            return html;
    }
    const QString head = hasHead ? html.mid(tagEnd, bodyStart - tagEnd) : QString();
    return html.left(row) + u"</table>"_s + withBreakBefore(openTag) + head + html.mid(row);
}

}  // namespace

QString place(QTextDocument& doc, const QString& html, qreal pageHeight, const LayOut& layOut)
{
    QString out = html;
    QSet<QString> tried;  // a fix that did not help (e.g. a table taller than a page) is not repeated
    // Fixes go top to bottom, so a paragraph's number stays valid when later HTML changes.
    QList<int> paragraphBreaks;
    auto layOutAll = [&] {
        layOut(doc, out);
        QTextBlockFormat breakBefore;
        breakBefore.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        for (int number : paragraphBreaks)
            QTextCursor(doc.findBlockByNumber(number)).mergeBlockFormat(breakBefore);
        if (!paragraphBreaks.isEmpty())
            doc.markContentsDirty(0, doc.characterCount());  // the whole layout again, page count too
    };
    layOutAll();
    for (int round = 0; round < maximumRounds; ++round) {
        const Fix fix = Measure(doc, pageHeight).firstProblem(tried);
        if (fix.kind == Fix::Kind::None)
            break;
        tried << fix.key();
        if (fix.kind == Fix::Kind::Paragraph)
            paragraphBreaks << fix.index;
        else
            out = fix.kind == Fix::Kind::Heading ? breakBeforeHeading(out, fix.index) : splitTable(out, fix.index, fix.row);
        layOutAll();
    }
    return out;
}

}  // namespace bs::PageBreaks
