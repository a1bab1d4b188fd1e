#pragma once
// Page breaks for the printed documents that Qt's rich text does not place itself: QTextDocument
// ignores `page-break-inside: avoid` and keep-with-next, so the pages are laid out, measured and
// the HTML given explicit breaks until
//   - no table row runs over a page foot (the table is split there, its header repeated),
//   - a table's last row (the total) is never alone on a page (the row above comes along),
//   - a paragraph is not cut over two pages,
//   - a heading (h2, h3) stays on the page of what follows it (a paragraph, a chart, a table's
//     header and first row).
// Works on HTML where every table's header is a <thead> (htmlTable) and headings are <h2>/<h3>
// tags with a style attribute.

#include <QString>

#include <functional>

class QTextDocument;

namespace bs::PageBreaks {

// Fills `doc` with `html` and lays it out (resources, page size), as the caller prints it.
using LayOut = std::function<void(QTextDocument& doc, const QString& html)>;

// Returns `html` with the page breaks placed; `doc` is left laid out with it. Pages are
// `pageHeight` tall in the document's units.
QString place(QTextDocument& doc, const QString& html, qreal pageHeight, const LayOut& layOut);

}  // namespace bs::PageBreaks
