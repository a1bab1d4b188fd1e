#pragma once
// Small dialogs for the steps of the workflow: a status change, sending a referral, a referral's
// answer, a step on the escalation ladder. Each asks only what the rule needs, hands it to the
// core and stays open with the core's message next to the field when the step is refused.
// They are opened with open(), never exec(), so tests can fill them in and call submit().

#include "FormErrors.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;

namespace bs {

class Registry;

class ActionDialog : public QDialog {
    Q_OBJECT

public:
    ActionDialog(const QString& title, QWidget* parent);
    QComboBox* addCombo(const QString& field, const QString& label, const QList<QPair<QString, QString>>& items);
    QPlainTextEdit* addText(const QString& field, const QString& label);
    // Any other input (a date, a check box), with its own error line.
    void addField(const QString& field, const QString& label, QWidget* widget);
    QString code(const QString& field) const;
    QString text(const QString& field) const;
    // The core call the dialog makes when submitted.
    void setAction(std::function<Status()> action) { m_action = std::move(action); }
    bool submit();
    QString errorShownFor(const QString& field) const { return m_errors.shownFor(field); }

signals:
    void done();

private:
    std::function<Status()> m_action;
    QFormLayout* m_form;
    QLabel* m_general;
    FormErrors m_errors;
};

namespace Dialogs {
ActionDialog* signalStatus(Registry& registry, const QString& reference, const QString& toStatus, QWidget* parent);
ActionDialog* sendReferral(Registry& registry, const QString& reference, bool hasSubject, QWidget* parent);
ActionDialog* referralStep(Registry& registry, qint64 referralId, const QString& toStatus, QWidget* parent);
ActionDialog* escalation(Registry& registry, const QString& reference, int currentLevel, bool stepUp, QWidget* parent);
}  // namespace Dialogs

}  // namespace bs
