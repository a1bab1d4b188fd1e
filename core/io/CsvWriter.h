#pragma once
// CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads the accents), ';' for Dutch
// Excel or ',' on request, quotes where needed, and every cell that a spreadsheet would read as a
// formula (starting with =, +, -, @, a tab or a carriage return) neutralised with a leading '.

#include <QByteArray>
#include <QChar>
#include <QString>
#include <QStringList>

namespace bs::CsvWriter {

QString safeCell(const QString& value);
QString line(const QStringList& cells, QChar separator);
QByteArray byteOrderMark();

}  // namespace bs::CsvWriter
