#include "Csv.h"

namespace bs::Csv {

QList<QStringList> parse(const QString& text, QChar separator)
{
    // Our own compiled-in files: no limits worth enforcing, and no error to report.
    return parseChecked(text, separator, {text.size() + 1, std::numeric_limits<int>::max()}).rows;
}

Parsed parseChecked(const QString& text, QChar separator, const ParseLimits& limits)
{
    Parsed out;
    QStringList row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int rowLine = 1;
    const qsizetype n = text.size();
    auto fail = [&](const QString& message) {
        out.error = message;
        out.errorLine = rowLine;
    };
    auto endField = [&]() -> bool {
        row << field;
        field.clear();
        fieldStarted = false;
        if (row.size() > limits.maxColumns) {
            fail(QStringLiteral("meer dan %1 kolommen").arg(limits.maxColumns));
            return false;
        }
        return true;
    };
    auto endRow = [&]() -> bool {
        if (!endField())
            return false;
        if (!(row.size() == 1 && row.first().isEmpty())) {
            out.rows << row;
            out.lineOfRow << rowLine;
        }
        row.clear();
        rowLine = line;
        return true;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (field.size() > limits.maxFieldLength) {
            fail(QStringLiteral("een veld is langer dan %1 tekens").arg(limits.maxFieldLength));
            return out;
        }
        if (c == u'\0') {
            fail(QStringLiteral("het bestand bevat een NUL-teken (geen tekstbestand?)"));
            return out;
        }
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n' || (c == u'\r' && !(i + 1 < n && text.at(i + 1) == u'\n')))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == separator) {
            if (!endField())
                return out;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n')
                ++i;
            ++line;
            if (!endRow())
                return out;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted) {
        fail(QStringLiteral("een aanhalingsteken wordt niet gesloten"));
        return out;
    }
    if (fieldStarted || !field.isEmpty() || !row.isEmpty())
        endRow();
    return out;
}

QChar detectSeparator(const QString& text)
{
    int semicolons = 0;
    int commas = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && (c == u'\n' || c == u'\r'))
            break;
        else if (!quoted && c == u';')
            ++semicolons;
        else if (!quoted && c == u',')
            ++commas;
    }
    return commas > semicolons ? u',' : u';';
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
