#include "ReportMap.h"

#include "BuurtMapPicture.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace bs::ReportMap {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("bs::ReportMap", text);
}

// Where the section after the buurten starts: its numbered heading.
qsizetype afterBuurten(const ReportHtml::Content& content)
{
    for (qsizetype i = 0; i + 1 < content.sections.size(); ++i) {
        if (content.sections.at(i).anchor != u"buurten"_s)
            continue;
        return content.html.indexOf(u"<h2 style='color:#1f4e79'>%1. "_s.arg(i + 2));
    }
    return -1;
}

}  // namespace

void addPage(ReportHtml::Content& content, const Published& figures, const BuurtMap& map, int chartWidth)
{
    if (map.isEmpty())
        return;
    const BuurtMapPicture::Picture picture = BuurtMapPicture::classify(map, figures, BuurtMapPicture::Measure::Signals);
    const int height = chartWidth * 2 / 3;
    content.charts << qMakePair(u"chart:kaart"_s, BuurtMapPicture::render(map, picture, QSize(900, 600), 2.0, false));
    const QString page = u"<div style='page-break-before:always'></div>"
                         "<h3 style='color:#1f4e79'>%1</h3>"
                         "<p align='center'><img src='chart:kaart' width='%2' height='%3'></p>"
                         "<p style='font-size:8pt'>%4</p>"_s
                             .arg(tr("Map of the buurten: signals in the period"))
                             .arg(chartWidth)
                             .arg(height)
                             .arg(map.sourceLine().toHtmlEscaped());
    const qsizetype at = afterBuurten(content);
    if (at < 0)
        content.html += page;
    else
        content.html.insert(at, page);
}

}  // namespace bs::ReportMap
