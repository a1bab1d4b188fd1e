#include "TextSearch.h"

#include "storage/Dialect.h"

using namespace Qt::StringLiterals;

namespace bs::TextSearch {

QString containsPattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

SqlCondition containsAny(const Dialect& dialect, const QStringList& columns, const QString& text)
{
    const QString pattern = containsPattern(text);
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
