#pragma once
// Shows the core's refusal next to the field it names, keeping what the user typed. A message
// for a field that has no place of its own goes to the form's general error line.

#include "Result.h"

#include <QHash>
#include <QLabel>
#include <QPointer>

namespace bs {

class FormErrors {
public:
    explicit FormErrors(QLabel* general) : m_general(general) { clear(); }
    // Creates the error line for `field` (placed by the caller below its widget).
    QLabel* lineFor(const QString& field, QWidget* widget);
    void show(const Error& error);
    void clear();
    QString shownFor(const QString& field) const;  // for tests

private:
    QPointer<QLabel> m_general;
    QHash<QString, QPair<QPointer<QWidget>, QPointer<QLabel>>> m_fields;
};

QLabel* makeErrorLabel(QWidget* parent);

}  // namespace bs
