#include "CasusSheet.h"

#include "CasusSheetHtml.h"
#include "PagedDocument.h"
#include "Registry.h"
#include "access/Access.h"
#include "access/AccessLog.h"
#include "domain/DutchDates.h"
#include "services/SignalDetail.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QPdfWriter>
#include <QPrinter>
#include <QSaveFile>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace bs::CasusSheet {

namespace {

constexpr int pdfDotsPerInch = 150;

QString tr(const char* text)
{
    return QCoreApplication::translate("bs::CasusSheet", text);  // the context lupdate gives this namespace
}

// What is printed, read before any device is touched.
struct Sheet {
    SignalDetail detail;
    PagedDocument::Frame frame;
};

Result<Sheet> prepare(Registry& registry, const QString& reference)
{
    auto detail = Signals::detail(registry, reference);  // checks ViewSignals and logs the view
    if (!detail.ok())
        return detail.error();
    auto name = Access::displayName(registry);
    if (!name.ok())
        return name.error();
    const QString printedBy = name.value() == registry.actor() ? registry.actor() : u"%1 (%2)"_s.arg(name.value(), registry.actor());
    const QString printedOn = DutchDates::format(registry.clock().today());
    Sheet sheet{detail.value(), {}};
    sheet.frame.headerLeft = tr("Case meeting Buurtaanpak Alblasserdam");
    sheet.frame.headerRight = tr("Signal %1").arg(detail->reference);
    sheet.frame.footerLeft = tr("Confidential — case meeting Buurtaanpak") + u'\n' + tr("Printed by %1 on %2").arg(printedBy, printedOn);
    sheet.frame.pageOfPages = tr("Page %1 of %2");
    return sheet;
}

Status log(Registry& registry, const Sheet& sheet)
{
    return AccessLog::record(registry, AccessAction::Printed, sheet.detail.id, u"casusoverlegblad"_s);
}

// Lays the sheet out for the device's page and paints it.
bool render(const Sheet& sheet, QPagedPaintDevice& device, const QRect& paintRect, int dotsPerInch)
{
    const PagedDocument::Layout layout = PagedDocument::layoutFor(paintRect, dotsPerInch, 2);
    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&device);
    doc.setPageSize(QSizeF(layout.width, layout.bodyHeight));
    doc.setHtml(CasusSheetHtml::build(sheet.detail));
    return PagedDocument::paint(device, doc, layout, sheet.frame);
}

}  // namespace

Status write(Registry& registry, const QString& reference, const QString& pdfPath)
{
    auto sheet = prepare(registry, reference);
    if (!sheet.ok())
        return sheet.error();
    QSaveFile file(pdfPath);
    if (!file.open(QIODevice::WriteOnly))
        return Error::invalid(u"out"_s, u"Het casusoverlegblad %1 kan niet worden geschreven: %2."_s.arg(pdfPath, file.errorString()));
    QPdfWriter writer(&file);
    PagedDocument::setUpA4(writer, pdfDotsPerInch, tr("Case meeting: signal %1").arg(sheet->detail.reference));
    if (!render(sheet.value(), writer, writer.pageLayout().paintRectPixels(pdfDotsPerInch), pdfDotsPerInch))
        return Error::invalid(u"out"_s, u"Het casusoverlegblad %1 kan niet worden geschreven."_s.arg(pdfPath));
    // Logged before the file appears: a sheet that cannot be logged is not saved (QSaveFile
    // drops its temporary file).
    BS_TRY(log(registry, sheet.value()));
    if (!file.commit())
        return Error::invalid(u"out"_s, u"Het casusoverlegblad %1 kon niet worden opgeslagen: %2."_s.arg(pdfPath, file.errorString()));
    return {};
}

Status print(Registry& registry, const QString& reference, QPrinter& printer)
{
    auto sheet = prepare(registry, reference);
    if (!sheet.ok())
        return sheet.error();
    BS_TRY(log(registry, sheet.value()));
    printer.setDocName(tr("Case meeting: signal %1").arg(sheet->detail.reference));
    const int dotsPerInch = printer.resolution();
    if (!render(sheet.value(), printer, printer.pageLayout().paintRectPixels(dotsPerInch), dotsPerInch))
        return Error::rule(u"Het casusoverlegblad van %1 kon niet worden afgedrukt: de printer is niet beschikbaar."_s.arg(sheet->detail.reference));
    return {};
}

}  // namespace bs::CasusSheet
