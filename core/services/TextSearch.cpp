#include "TextSearch.h"

#include "storage/Dialect.h"

using namespace Qt::StringLiterals;

namespace bs::TextSearch {

SqlCondition containsAny(const Dialect& dialect, const QStringList& columns, const QString& text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    const QString pattern = u'%' + escaped + u'%';
    SqlCondition condition;
    QStringList matches;
    for (const QString& column : columns) {
        matches << dialect.likeIgnoringCase(column);
        condition.values << pattern;
    }
    condition.sql = u'(' + matches.join(u" OR "_s) + u')';
    return condition;
}

}  // namespace bs::TextSearch
