// What the detail panel's buttons start: the status, referral, escalation, subject and consent
// forms, and saving the typed fields. The panel's layout and what it shows are in SignalDetailPanel.cpp.
#include "SignalDetailPanel.h"

#include "ActionDialogs.h"
#include "DateField.h"
#include "FormErrors.h"
#include "Labels.h"
#include "RecordForm.h"
#include "services/Subjects.h"
#include "Registry.h"
#include "UnsavedQuestion.h"
#include "domain/Codes.h"
#include "domain/Workflow.h"
#include "services/Lookups.h"
#include "services/Signals.h"
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bs {

ActionDialog* SignalDetailPanel::openDialog() const
{
    return m_dialog.data();
}

void SignalDetailPanel::afterChange()
{
    reload();
    emit changed(m_reference);
}

void SignalDetailPanel::openAction(ActionDialog* dialog)
{
    m_dialog = dialog;
    connect(dialog, &ActionDialog::done, this, &SignalDetailPanel::afterChange);
    dialog->open();
}

void SignalDetailPanel::submitOrOpen(ActionDialog* dialog)
{
    connect(dialog, &ActionDialog::done, this, &SignalDetailPanel::afterChange);
    if (dialog->submit())
        return;
    m_dialog = dialog;
    dialog->open();
}

void SignalDetailPanel::openForm(RecordForm* form)
{
    m_form = form;
    connect(form, &QDialog::accepted, this, &SignalDetailPanel::afterChange);
    form->open();
}

void SignalDetailPanel::requestStatus(const QString& toStatus)
{
    if (!m_detail)
        return;
    ActionDialog* dialog = Dialogs::signalStatus(*m_registry, m_reference, toStatus, this);
    if (toStatus == u"in_behandeling"_s)
        submitOrOpen(dialog);
    else
        openAction(dialog);
}

void SignalDetailPanel::requestReferral()
{
    if (m_detail)
        openAction(Dialogs::sendReferral(*m_registry, m_reference, m_detail->subject.has_value(), this));
}

void SignalDetailPanel::requestReferralStep(const QString& toStatus)
{
    const qint64 id = selectedReferral();
    if (!m_detail || id == 0)
        return;
    ActionDialog* dialog = Dialogs::referralStep(*m_registry, id, toStatus, this);
    if (toStatus == u"geaccepteerd"_s)
        submitOrOpen(dialog);
    else
        openAction(dialog);
}

void SignalDetailPanel::requestEscalation(bool stepUp)
{
    if (m_detail)
        openAction(Dialogs::escalation(*m_registry, m_reference, m_detail->level, stepUp, this));
}

RecordForm* SignalDetailPanel::openForm() const
{
    return m_form.data();
}

void SignalDetailPanel::requestSubject()
{
    if (!m_detail)
        return;
    const Subject subject = m_detail->subject.value_or(Subject());
    const QList<FormField> fields = {
        {u"name"_s, tr("Name"), FormField::Text, subject.name, {}},
        {u"address"_s, tr("Address"), FormField::Text, subject.address, {}},
        {u"phone"_s, tr("Phone"), FormField::Text, subject.phone, {}},
        {u"birth_year"_s, tr("Year of birth"), FormField::Number, subject.birthYear ? QVariant(*subject.birthYear) : QVariant(), {}}};
    openForm(new RecordForm(tr("Person concerned — %1").arg(m_reference), fields, [this](const QVariantMap& v) {
        return Subjects::set(*m_registry, m_reference, {v.value(u"name"_s).toString(), v.value(u"address"_s).toString(),
                                                         v.value(u"phone"_s).toString(), v.value(u"birth_year"_s).toString()});
    }, this));
}

void SignalDetailPanel::requestConsent()
{
    if (!m_detail)
        return;
    QList<QPair<QString, QString>> statuses;
    for (const QString& code : Codes::consent().codes())
        statuses << qMakePair(code, Labels::consent(code));
    // The scope as it can be typed back: partner names and kind codes.
    QStringList scope;
    for (const QString& item : m_detail->consent.scope)
        scope << (item.startsWith(u"soort: "_s) ? item.mid(7) : item);
    const QList<FormField> fields = {
        {u"status"_s, tr("Consent"), FormField::Choice, m_detail->consent.status, statuses},
        {u"scope"_s, tr("Consent covers"), FormField::Text, scope.join(u", "_s), {}},
        {u"by"_s, tr("Given by"), FormField::Text, m_detail->consent.givenBy, {}}};
    openForm(new RecordForm(tr("Consent — %1").arg(m_reference), fields, [this](const QVariantMap& v) {
        ConsentInput input;
        input.status = v.value(u"status"_s).toString();
        input.givenBy = v.value(u"by"_s).toString();
        for (const QString& part : v.value(u"scope"_s).toString().split(u',', Qt::SkipEmptyParts))
            input.scope << part.trimmed();
        return Subjects::setConsent(*m_registry, m_reference, input);
    }, this));
}

bool SignalDetailPanel::saveEdits()
{
    if (!m_detail)
        return false;
    const Status saved = Signals::edit(*m_registry, m_reference, typedEdit());
    if (!saved.ok()) {
        m_editErrors->show(saved.error());  // what was typed stays in the fields
        return false;
    }
    m_stored.take();  // saved: nothing typed is left to carry over the reload
    afterChange();
    return true;
}

}  // namespace bs
