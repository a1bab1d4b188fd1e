#pragma once
// A small RFC 4180 reader: quoted fields with embedded separators, quotes ("") and newlines;
// CR, LF and CRLF line endings. Used for the compiled-in reference data.

#include <QList>
#include <QString>
#include <QStringList>

namespace bs::Csv {

QList<QStringList> parse(const QString& text, QChar separator);

// Rows as maps from header name to value; the first row is the header.
struct Table {
    QStringList header;
    QList<QStringList> rows;
    int column(const QString& name) const { return header.indexOf(name); }
    QString value(const QStringList& row, const QString& name) const;
};

Table parseTable(const QString& text, QChar separator);

}  // namespace bs::Csv
