#pragma once
// Paged output shared by the steering-group report and the casusoverleg sheet: a QTextDocument
// laid out in page-sized slices on any paged device (a PDF writer or a printer), each page with
// a header line above and a footer below, and "page x of y" in the footer's right corner.

#include <QRect>
#include <QString>

#include <functional>

class QPagedPaintDevice;
class QPdfWriter;
class QTextDocument;

namespace bs::PagedDocument {

// The regions of a page in device pixels: the header band, the body the text flows through, the
// footer band. Text in the bands is 8 pt.
struct Layout {
    qreal width = 0;
    qreal bodyHeight = 0;
    qreal headerHeight = 0;
    qreal footerHeight = 0;
};

// `footerLines`: how many lines of text the footer holds.
Layout layoutFor(const QRect& paintRect, int dotsPerInch, int footerLines = 1);

struct Frame {
    QString headerLeft;
    QString headerRight;
    QString footerLeft;  // may hold several lines ('\n')
    QString pageOfPages; // with %1 (page) and %2 (count), e.g. "Pagina %1 van %2"
};

// The A4 page of both documents (margins in mm), at `dotsPerInch`, written as PDF/A-1b.
void setUpA4(QPdfWriter& writer, int dotsPerInch, const QString& title);

using PageStarted = std::function<void(int page, int pageCount)>;

// Paints every page of `doc` (already laid out with page size width × bodyHeight on `device`)
// with its header and footer. Returns false when the device cannot be painted on.
bool paint(QPagedPaintDevice& device, QTextDocument& doc, const Layout& layout, const Frame& frame,
           const PageStarted& pageStarted = {});

}  // namespace bs::PagedDocument
