#pragma once
// The report's text as HTML for QTextDocument, built from protected figures. Kept apart from the
// PDF writer so the content can be read (and tested) on its own.

#include "stats/Indicators.h"
#include "stats/Statistics.h"

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

// `pages` holds the page of each section for the contents list (empty on the first pass).
Content build(const Statistics& stats, const QList<IndicatorFigure>& indicators, const QStringList& onlyBuurten,
              const QString& generatedOn, const QList<int>& pages, int chartWidth);

// The figures with every count that the report hides set to 0, so no chart shows what a table hides.
Statistics protectedForCharts(const Statistics& stats);

}  // namespace bs::ReportHtml
