#include "FormSnapshot.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QGroupBox>
#include <QLineEdit>
#include <QPlainTextEdit>

#include <algorithm>

namespace bs {

namespace {

QVariant valueOf(const QWidget* field)
{
    if (const auto* box = qobject_cast<const QComboBox*>(field)) {
        // A fixed list is compared by its code, so a list refilled in another order is no change.
        if (box->isEditable() || !box->currentData().isValid())
            return box->currentText();
        return box->currentData();
    }
    if (const auto* line = qobject_cast<const QLineEdit*>(field))
        return line->text();
    if (const auto* text = qobject_cast<const QPlainTextEdit*>(field))
        return text->toPlainText();
    if (const auto* date = qobject_cast<const QDateTimeEdit*>(field))
        return date->dateTime();
    if (const auto* group = qobject_cast<const QGroupBox*>(field))
        return group->isChecked();
    if (const auto* button = qobject_cast<const QAbstractButton*>(field))
        return button->isChecked();
    Q_ASSERT_X(false, "FormSnapshot", "a field of a kind the snapshot cannot read");
    return {};
}

void setValue(QWidget* field, const QVariant& value)
{
    if (auto* box = qobject_cast<QComboBox*>(field)) {
        if (box->isEditable() || box->findData(value) < 0)
            box->setCurrentText(value.toString());
        else
            box->setCurrentIndex(box->findData(value));
    } else if (auto* line = qobject_cast<QLineEdit*>(field)) {
        line->setText(value.toString());
    } else if (auto* text = qobject_cast<QPlainTextEdit*>(field)) {
        text->setPlainText(value.toString());
    } else if (auto* date = qobject_cast<QDateTimeEdit*>(field)) {
        date->setDateTime(value.toDateTime());
    } else if (auto* group = qobject_cast<QGroupBox*>(field)) {
        group->setChecked(value.toBool());
    } else if (auto* button = qobject_cast<QAbstractButton*>(field)) {
        button->setChecked(value.toBool());
    }
}

}  // namespace

void FormSnapshot::take()
{
    m_taken.clear();
    for (QWidget* field : m_fields)
        m_taken.insert(field, valueOf(field));
}

bool FormSnapshot::isChanged(QWidget* field) const
{
    return m_taken.value(field) != valueOf(field);
}

bool FormSnapshot::isChanged() const
{
    return std::any_of(m_fields.cbegin(), m_fields.cend(), [this](QWidget* field) { return isChanged(field); });
}

FormSnapshot::Values FormSnapshot::changes() const
{
    Values changed;
    for (QWidget* field : m_fields) {
        if (isChanged(field))
            changed.insert(field, valueOf(field));
    }
    return changed;
}

void FormSnapshot::restore(const Values& values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        setValue(it.key(), it.value());
}

}  // namespace bs
