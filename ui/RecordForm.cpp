#include "RecordForm.h"

#include "DateField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bs {

RecordForm::RecordForm(const QString& title, const QList<FormField>& fields, std::function<Status(const QVariantMap&)> save,
                       QWidget* parent)
    : QDialog(parent), m_fields(fields), m_save(std::move(save)), m_general(makeErrorLabel(this)), m_errors(m_general)
{
    setWindowTitle(title);
    setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout();
    layout->addLayout(form);
    for (const FormField& field : m_fields) {
        QWidget* widget = nullptr;
        switch (field.kind) {
        case FormField::Check: {
            auto* box = new QCheckBox(this);
            box->setChecked(field.value.toBool());
            widget = box;
            break;
        }
        case FormField::Choice: {
            auto* box = new QComboBox(this);
            for (const auto& [code, label] : field.choices)
                box->addItem(label, code);
            box->setCurrentIndex(qMax(0, box->findData(field.value.toString())));
            widget = box;
            break;
        }
        case FormField::Date: {
            // The value is an ISO date (or empty); the field shows and takes it the Dutch way.
            auto* edit = new DateField(this);
            edit->setDate(QDate::fromString(field.value.toString(), Qt::ISODate));
            widget = edit;
            break;
        }
        default: {
            widget = new QLineEdit(field.value.toString(), this);
            break;
        }
        }
        widget->setObjectName(field.name);
        form->addRow(field.label, widget);
        form->addRow(QString(), m_errors.lineFor(field.name, widget));
    }
    layout->addWidget(m_general);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &RecordForm::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(440);
}

QVariantMap RecordForm::values() const
{
    QVariantMap map;
    for (const FormField& field : m_fields) {
        if (auto* check = findChild<QCheckBox*>(field.name))
            map.insert(field.name, check->isChecked());
        else if (auto* combo = findChild<QComboBox*>(field.name))
            map.insert(field.name, combo->currentData());
        else if (auto* date = findChild<DateField*>(field.name))
            map.insert(field.name, date->isoDate());
        else if (auto* edit = findChild<QLineEdit*>(field.name))
            map.insert(field.name, edit->text());
    }
    return map;
}

bool RecordForm::submit()
{
    m_errors.clear();
    const Status saved = m_save(values());
    if (!saved.ok()) {
        m_errors.show(saved.error());
        return false;
    }
    accept();
    return true;
}

}  // namespace bs
