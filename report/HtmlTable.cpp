#include "HtmlTable.h"

using namespace Qt::StringLiterals;

namespace bs {

QString htmlTable(const QStringList& header, const QList<QStringList>& rows, const QList<int>& rightAligned, const QList<int>& widths)
{
    QString html = u"<table width='100%' border='1' cellspacing='0' cellpadding='3' style='border-color:#b8c4d0; border-collapse:collapse'><thead><tr>"_s;
    for (int c = 0; c < header.size(); ++c) {
        const QString width = c < widths.size() && widths.at(c) > 0 ? u" width='%1%'"_s.arg(widths.at(c)) : QString();
        html += u"<th style='background:#e7eef5' align='%1'%2>%3</th>"_s.arg(rightAligned.contains(c) ? u"right"_s : u"left"_s, width,
                                                                          header.at(c).toHtmlEscaped());
    }
    html += u"</tr></thead>"_s;  // repeated on each page the table runs onto
    for (const QStringList& row : rows) {
        html += u"<tr>"_s;
        for (int c = 0; c < row.size(); ++c)
            html += u"<td align='%1'>%2</td>"_s.arg(rightAligned.contains(c) ? u"right"_s : u"left"_s, row.at(c));
        html += u"</tr>"_s;
    }
    return html + u"</table>"_s;
}

}  // namespace bs
