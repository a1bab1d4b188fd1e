#pragma once
// Numbers as people in the Netherlands read them: a decimal comma and a full stop between thousands
// (1.234,5), whatever the machine's own locale is.

#include <QLocale>

namespace bs {

inline const QLocale& dutchLocale()
{
    static const QLocale locale(QLocale::Dutch, QLocale::Netherlands);
    return locale;
}

}  // namespace bs
