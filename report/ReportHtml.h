#pragma once
// The report's text as HTML for QTextDocument, built from published figures. Kept apart from the
// PDF writer so the content can be read (and tested) on its own.

#include "stats/Publication.h"

#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

namespace bs::ReportHtml {

struct Section {
    QString anchor;
    QString title;
};

struct Content {
    QString html;
    QList<Section> sections;
    QList<QPair<QString, QImage>> charts;  // resource name, picture (drawn from protected figures)
};

// `pages` holds the page of each section for the contents list (empty on the first pass). The
// figures are published ones (Publication): the report prints them and suppresses nothing itself.
Content build(const Published& figures, const QString& generatedOn, const QList<int>& pages, int chartWidth);

}  // namespace bs::ReportHtml
