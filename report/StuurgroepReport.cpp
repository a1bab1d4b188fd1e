#include "StuurgroepReport.h"

#include "Registry.h"
#include "access/Access.h"
#include "access/AccessLog.h"
#include "PageBreaks.h"
#include "PagedDocument.h"
#include "ReportHtml.h"
#include "ReportMap.h"
#include "geo/BuurtMap.h"
#include "services/Lookups.h"
#include "stats/Indicators.h"
#include "stats/Statistics.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextOption>

using namespace Qt::StringLiterals;

namespace bs::StuurgroepReport {

namespace {

constexpr int dotsPerInch = 150;

QString tr(const char* text)
{
    return QCoreApplication::translate("bs::StuurgroepReport", text);  // the context lupdate gives this namespace
}

void fill(QTextDocument& doc, const ReportHtml::Content& content, const QString& html, const PagedDocument::Layout& layout)
{
    doc.clear();
    doc.setPageSize(QSizeF(layout.width, layout.bodyHeight));
    // Words break only between them: a header too wide for its column widens the column instead
    // of printing as "Geaccept|eerd".
    QTextOption wrapping = doc.defaultTextOption();
    wrapping.setWrapMode(QTextOption::WordWrap);
    doc.setDefaultTextOption(wrapping);
    for (const auto& [name, image] : content.charts)
        doc.addResource(QTextDocument::ImageResource, QUrl(name), image);
    doc.setHtml(html);
}

// The content's HTML with page breaks that keep rows, totals and headings together; `doc` is
// left laid out with it.
QString paginate(QTextDocument& doc, const ReportHtml::Content& content, const PagedDocument::Layout& layout)
{
    return PageBreaks::place(doc, content.html, layout.bodyHeight,
                             [&](QTextDocument& d, const QString& html) { fill(d, content, html, layout); });
}

// The page each section title starts on (1-based), after layout.
QList<int> sectionPages(QTextDocument& doc, const QList<ReportHtml::Section>& sections, qreal bodyHeight)
{
    QList<int> pages;
    QTextBlock block = doc.begin();
    for (int i = 0; i < sections.size(); ++i) {
        const QString title = u"%1. %2"_s.arg(i + 1).arg(sections.at(i).title);
        // The first match is the contents list; the heading comes after it.
        bool seenInContents = false;
        for (; block.isValid(); block = block.next()) {
            if (block.text().trimmed() != title)
                continue;
            if (block.blockFormat().headingLevel() == 2 || seenInContents) {
                pages << int(doc.documentLayout()->blockBoundingRect(block).top() / bodyHeight) + 1;
                block = block.next();
                break;
            }
            seenInContents = true;
        }
    }
    return pages;
}

}  // namespace

Status write(Registry& registry, const ReportOptions& options, const QString& path, const Progress& progress)
{
    BS_TRY(Access::require(registry, Permission::ViewFigures));
    auto step = [&progress](int percent, const QString& text) {
        if (progress)
            progress(percent, text);
    };
    QStringList buurten;
    for (const QString& name : options.buurten) {
        auto buurt = Lookups::findBuurt(registry, name);
        if (!buurt.ok())
            return buurt.error();
        buurten << buurt->name;
    }
    step(5, tr("Computing the figures"));
    const StatsFilter filter{options.period, buurten.size() == 1 ? buurten.first() : QString(), {}};
    auto stats = Stats::compute(registry, filter, buurten.size() > 1 ? buurten : QStringList());
    if (!stats.ok())
        return stats.error();
    auto indicators = Indicators::compute(registry, options.period, filter.buurt);
    if (!indicators.ok())
        return indicators.error();

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::invalid(u"out"_s, u"Het rapport %1 kan niet worden geschreven: %2."_s.arg(path, file.errorString()));
    QPdfWriter writer(&file);
    PagedDocument::setUpA4(writer, dotsPerInch, tr("Steering-group report Buurtaanpak Alblasserdam"));
    const PagedDocument::Layout layout = PagedDocument::layoutFor(writer.pageLayout().paintRectPixels(dotsPerInch), dotsPerInch);

    const QString generatedOn = registry.clock().today().toString(u"dd-MM-yyyy"_s);
    // In the document's 96-dpi units, so the charts span the text width on the page.
    const int chartWidth = int(layout.width * 0.95 * 96.0 / dotsPerInch);
    step(20, tr("Drawing the charts"));
    // Two passes: the first finds the page of every section for the contents list.
    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&writer);
    // The steering group's report: protected figures whoever makes it.
    const Published figures = Publication::publish(stats.value(), indicators.value(), Publication::Mode::Protected,
                                                   buurten.size() > 1 ? buurten : QStringList());
    auto content = ReportHtml::build(figures, generatedOn, {}, chartWidth);
    // The buurt map's page follows the buurten section (none without an imported map).
    auto map = BuurtMap::load(registry);
    if (!map.ok())
        return map.error();
    ReportMap::addPage(content, figures, map.value(), chartWidth);
    paginate(doc, content, layout);
    const QList<int> pages = sectionPages(doc, content.sections, layout.bodyHeight);
    step(60, tr("Laying out the pages"));
    content = ReportHtml::build(figures, generatedOn, pages, chartWidth);
    ReportMap::addPage(content, figures, map.value(), chartWidth);
    paginate(doc, content, layout);

    const QString periodText = tr("Period %1 to %2").arg(options.period.from.toString(u"dd-MM-yyyy"_s), options.period.to.toString(u"dd-MM-yyyy"_s));
    const PagedDocument::Frame frame{tr("Steering-group report Buurtaanpak Alblasserdam"), periodText,
                                     tr("Made on %1 · %2").arg(generatedOn, periodText), tr("Page %1 of %2")};
    const bool painted = PagedDocument::paint(writer, doc, layout, frame, [&step](int page, int pageCount) {
        step(60 + 35 * (page - 1) / std::max(1, pageCount), tr("Writing page %1 of %2").arg(page).arg(pageCount));
    });
    if (!painted)
        return Error::invalid(u"out"_s, u"Het rapport %1 kan niet worden geschreven."_s.arg(path));
    if (!file.commit())
        return Error::invalid(u"out"_s, u"Het rapport %1 kon niet worden opgeslagen: %2."_s.arg(path, file.errorString()));
    BS_TRY(AccessLog::record(registry, AccessAction::Printed, 0,
                             u"stuurgroeprapportage %1 t/m %2%3"_s.arg(options.period.from.toString(Qt::ISODate), options.period.to.toString(Qt::ISODate),
                                                                        buurten.isEmpty() ? QString() : u", "_s + buurten.join(u", "_s))));
    step(100, tr("Done"));
    return {};
}

}  // namespace bs::StuurgroepReport
