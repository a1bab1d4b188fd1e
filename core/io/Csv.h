#pragma once
// A small RFC 4180 reader: quoted fields with embedded separators, quotes ("") and newlines;
// CR, LF and CRLF line endings. Used for the compiled-in reference data.

#include <QList>
#include <QString>
#include <QStringList>

namespace bs::Csv {

QList<QStringList> parse(const QString& text, QChar separator);

// Parsing that stops at what no spreadsheet would mean: an unterminated quote, a field longer
// than maxFieldLength or a row with more than maxColumns. Rows are numbered from 1 (the header).
struct ParseLimits {
    qsizetype maxFieldLength = 64 * 1024;
    int maxColumns = 200;
};
struct Parsed {
    QList<QStringList> rows;
    QList<int> lineOfRow;  // the file line each row starts on
    QString error;         // empty when the whole text parsed
    int errorLine = 0;
};
Parsed parseChecked(const QString& text, QChar separator, const ParseLimits& limits = {});

// ';' or ',', whichever occurs more often outside quotes in the first line.
QChar detectSeparator(const QString& text);

// Rows as maps from header name to value; the first row is the header.
struct Table {
    QStringList header;
    QList<QStringList> rows;
    int column(const QString& name) const { return header.indexOf(name); }
    QString value(const QStringList& row, const QString& name) const;
};

Table parseTable(const QString& text, QChar separator);

}  // namespace bs::Csv
