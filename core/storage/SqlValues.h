#pragma once
// Values as they are bound: an empty text is stored as NULL, never as an empty string.

#include <QString>
#include <QVariant>

namespace bs {

inline QVariant orNull(const QString& value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

}  // namespace bs
