#pragma once
// Values as they are bound: an empty text is stored as NULL, never as an empty string.

#include <QString>
#include <QVariant>
#include <QVariantList>

namespace bs {

inline QVariant orNull(const QString& value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

// A piece of a WHERE clause with the values of its `?` placeholders, in order.
struct SqlCondition {
    QString sql;
    QVariantList values;
};

}  // namespace bs
