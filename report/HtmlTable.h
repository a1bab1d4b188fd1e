#pragma once
// The ruled table of the printed documents (steering-group report, casusoverleg sheet) as HTML
// for QTextDocument: a shaded header row and thin grey lines.

#include <QList>
#include <QString>
#include <QStringList>

namespace bs {

// Header texts are escaped here; cells are HTML already (escape free text before). Column widths
// in percent where names need room (by default the first column gets 26 %); the other columns
// share the rest.
QString htmlTable(const QStringList& header, const QList<QStringList>& rows, const QList<int>& rightAligned = {},
                  const QList<int>& widths = {26});

}  // namespace bs
