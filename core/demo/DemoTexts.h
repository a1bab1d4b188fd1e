#pragma once
// Phrases for demo descriptions and fictional subjects. Nothing here describes a real person.

#include <QString>
#include <QStringList>

namespace bs::DemoTexts {

// A few plausible observations per category code.
QStringList descriptions(const QString& category);
const QStringList& streets();
const QStringList& firstNames();
const QStringList& lastNames();

}  // namespace bs::DemoTexts
