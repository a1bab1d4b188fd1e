#include "PagedDocument.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace bs::PagedDocument {

Layout layoutFor(const QRect& paintRect, int dotsPerInch, int footerLines)
{
    Layout layout;
    layout.width = paintRect.width();
    layout.headerHeight = dotsPerInch * 0.45;
    // One 8-pt line needs about 0.17 inch; the rest is room around the rule.
    layout.footerHeight = dotsPerInch * (0.28 + 0.17 * std::max(1, footerLines));
    layout.bodyHeight = paintRect.height() - layout.headerHeight - layout.footerHeight;
    return layout;
}

void setUpA4(QPdfWriter& writer, int dotsPerInch, const QString& title)
{
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(16, 12, 16, 12), QPageLayout::Millimeter);
    writer.setResolution(dotsPerInch);
    // PDF/A-1b, so the municipality can archive what it was given (fonts embedded, XMP metadata).
    writer.setPdfVersion(QPagedPaintDevice::PdfVersion_A1b);
    writer.setTitle(title);
    writer.setCreator(u"Buurtsignaal %1"_s.arg(QStringLiteral(BUURTSIGNAAL_VERSION)));
}

bool paint(QPagedPaintDevice& device, QTextDocument& doc, const Layout& layout, const Frame& frame, const PageStarted& pageStarted)
{
    const int pageCount = doc.pageCount();
    QPainter painter;
    if (!painter.begin(&device))
        return false;
    QFont small = painter.font();
    small.setPointSizeF(8);
    for (int page = 0; page < pageCount; ++page) {
        if (page > 0)
            device.newPage();
        if (pageStarted)
            pageStarted(page + 1, pageCount);
        painter.setFont(small);
        painter.setPen(QColor(0x44, 0x55, 0x66));
        const QRectF header(0, 0, layout.width, layout.headerHeight * 0.8);
        painter.drawText(header, Qt::AlignLeft | Qt::AlignVCenter, frame.headerLeft);
        painter.drawText(header, Qt::AlignRight | Qt::AlignVCenter, frame.headerRight);
        painter.drawLine(QPointF(0, layout.headerHeight * 0.85), QPointF(layout.width, layout.headerHeight * 0.85));
        const qreal footerTop = layout.headerHeight + layout.bodyHeight;
        const qreal rule = footerTop + layout.headerHeight * 0.15;
        painter.drawLine(QPointF(0, rule), QPointF(layout.width, rule));
        const QRectF footer(0, rule, layout.width, footerTop + layout.footerHeight - rule);
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, frame.footerLeft);
        painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter, frame.pageOfPages.arg(page + 1).arg(pageCount));
        painter.save();
        painter.translate(0, layout.headerHeight - page * layout.bodyHeight);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, page * layout.bodyHeight, layout.width, layout.bodyHeight);
        painter.setClipRect(context.clip);
        doc.documentLayout()->draw(&painter, context);
        painter.restore();
    }
    return painter.end();
}

}  // namespace bs::PagedDocument
