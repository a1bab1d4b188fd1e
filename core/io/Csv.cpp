#include "Csv.h"

namespace bs::Csv {

QList<QStringList> parse(const QString& text, QChar separator)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    const qsizetype n = text.size();
    auto endField = [&]() {
        row << field;
        field.clear();
        fieldStarted = false;
    };
    auto endRow = [&]() {
        endField();
        if (!(row.size() == 1 && row.first().isEmpty()))
            rows << row;
        row.clear();
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == separator) {
            endField();
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n')
                ++i;
            endRow();
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (fieldStarted || !field.isEmpty() || !row.isEmpty())
        endRow();
    return rows;
}

QString Table::value(const QStringList& row, const QString& name) const
{
    const int index = column(name);
    return index >= 0 && index < row.size() ? row.at(index).trimmed() : QString();
}

Table parseTable(const QString& text, QChar separator)
{
    Table table;
    QList<QStringList> rows = parse(text, separator);
    if (rows.isEmpty())
        return table;
    table.header = rows.takeFirst();
    for (QString& name : table.header)
        name = name.trimmed();
    table.rows = std::move(rows);
    return table;
}

}  // namespace bs::Csv
