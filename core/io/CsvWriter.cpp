#include "CsvWriter.h"

using namespace Qt::StringLiterals;

namespace bs::CsvWriter {

QString safeCell(const QString& value)
{
    if (!value.isEmpty()) {
        const QChar first = value.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r')
            return u'\'' + value;
    }
    return value;
}

QString line(const QStringList& cells, QChar separator)
{
    QStringList out;
    for (const QString& raw : cells) {
        const QString cell = safeCell(raw);
        if (cell.contains(separator) || cell.contains(u'"') || cell.contains(u'\n') || cell.contains(u'\r') || cell.contains(u'\''))
            out << u'"' + QString(cell).replace(u'"', u"\"\""_s) + u'"';
        else
            out << cell;
    }
    return out.join(separator) + u"\r\n"_s;
}

QByteArray byteOrderMark()
{
    return QByteArray("\xEF\xBB\xBF", 3);
}

}  // namespace bs::CsvWriter
