#pragma once
// A small form dialog built from a list of fields, for the management screens. It hands what was
// typed to a core call and, when refused, shows the message next to the field and keeps the input.

#include "FormErrors.h"

#include <QDialog>
#include <QVariantMap>

#include <functional>

class QFormLayout;

namespace bs {

struct FormField {
    enum Kind { Text, Number, Check, Choice, Date };
    QString name;
    QString label;
    Kind kind = Text;
    QVariant value;
    QList<QPair<QString, QString>> choices;  // code, label (Choice)
};

class RecordForm : public QDialog {
    Q_OBJECT

public:
    RecordForm(const QString& title, const QList<FormField>& fields, std::function<Status(const QVariantMap&)> save,
               QWidget* parent = nullptr);
    QVariantMap values() const;
    bool submit();

private:
    QList<FormField> m_fields;
    std::function<Status(const QVariantMap&)> m_save;
    QLabel* m_general;
    FormErrors m_errors;
};

}  // namespace bs
