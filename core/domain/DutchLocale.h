#pragma once
// Numbers as people in the Netherlands read them: a decimal comma and a full stop between thousands
// (1.234,5), whatever the machine's own locale is.

#include <QLocale>
#include <QString>

namespace bs {

inline const QLocale& dutchLocale()
{
    static const QLocale locale(QLocale::Dutch, QLocale::Netherlands);
    return locale;
}

// "1 signaal", "3 signalen", "1.234 signalen": a count with its noun in the right number.
inline QString countOf(qint64 n, const QString& one, const QString& many)
{
    return dutchLocale().toString(n) + u' ' + (n == 1 ? one : many);
}

}  // namespace bs
