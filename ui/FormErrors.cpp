#include "FormErrors.h"

#include <QWidget>

using namespace Qt::StringLiterals;

namespace bs {

QLabel* makeErrorLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(u"color: #b01c1c;"_s);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

QLabel* FormErrors::lineFor(const QString& field, QWidget* widget)
{
    QLabel* label = makeErrorLabel(widget->parentWidget());
    label->setObjectName(u"error_"_s + field);
    m_fields.insert(field, {widget, label});
    return label;
}

void FormErrors::show(const Error& error)
{
    clear();
    auto it = m_fields.find(error.field);
    if (it != m_fields.end() && it->second) {
        it->second->setText(error.message);
        it->second->show();
        if (it->first) {
            it->first->setStyleSheet(u"border: 1px solid #b01c1c;"_s);
            it->first->setFocus();
        }
        return;
    }
    if (m_general) {
        m_general->setText(error.message);
        m_general->show();
    }
}

void FormErrors::clear()
{
    for (auto& [widget, label] : m_fields) {
        if (label) {
            label->clear();
            label->hide();
        }
        if (widget)
            widget->setStyleSheet(QString());
    }
    if (m_general) {
        m_general->clear();
        m_general->hide();
    }
}

QString FormErrors::shownFor(const QString& field) const
{
    auto it = m_fields.constFind(field);
    if (it != m_fields.constEnd() && it->second && it->second->isVisibleTo(it->second->parentWidget()))
        return it->second->text();
    return m_general && m_general->isVisibleTo(m_general->parentWidget()) ? m_general->text() : QString();
}

}  // namespace bs
