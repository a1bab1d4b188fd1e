#pragma once
// The charts of the figures, shared by the dashboard and the steering-group report so both show
// the same picture. Each function returns a new chart the caller owns. Bar sets carry the theme
// code (property "theme") and the category axis the names, so a view can connect clicks.

#include "stats/Statistics.h"

#include <QColor>
#include <QImage>
#include <QString>

class QChart;

namespace bs::Charts {

QColor themeColor(const QString& theme);
QString shortTheme(const QString& code, const QString& name);
QString shortName(const QString& name, int length = 26);

QChart* buurten(const Statistics& stats, bool perThousand);
QChart* months(const Statistics& stats);
QChart* partners(const Statistics& stats, int top = 10);
QChart* levels(const Statistics& stats);
QChart* openLate(const Statistics& stats);

// The chart laid out at `size` and drawn at `scale` times that many pixels (sharp in print
// without shrinking the text); the chart is deleted.
QImage render(QChart* chart, const QSize& size, qreal scale = 2.0);

}  // namespace bs::Charts
