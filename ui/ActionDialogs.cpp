#include "ActionDialogs.h"

#include "HelpTopics.h"
#include "Labels.h"
#include "Registry.h"
#include "domain/Codes.h"
#include "services/Escalations.h"
#include "services/Lookups.h"
#include "services/Referrals.h"
#include "services/Signals.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bs {

namespace {
QList<QPair<QString, QString>> labelled(const QStringList& codes, QString (*label)(const QString&))
{
    QList<QPair<QString, QString>> items;
    for (const QString& code : codes)
        items << qMakePair(code, label(code));
    return items;
}
}  // namespace

ActionDialog::ActionDialog(const QString& title, QWidget* parent)
    : QDialog(parent), m_form(new QFormLayout()), m_general(makeErrorLabel(this)), m_errors(m_general)
{
    setWindowTitle(title);
    setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_general);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ActionDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* save = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(save, &QShortcut::activated, this, &ActionDialog::submit);
    setMinimumWidth(460);
}

QComboBox* ActionDialog::addCombo(const QString& field, const QString& label, const QList<QPair<QString, QString>>& items)
{
    auto* box = new QComboBox(this);
    box->setObjectName(field);
    for (const auto& [code, text] : items)
        box->addItem(text, code);
    m_form->addRow(label, box);
    m_form->addRow(QString(), m_errors.lineFor(field, box));
    return box;
}

QPlainTextEdit* ActionDialog::addText(const QString& field, const QString& label)
{
    auto* edit = new QPlainTextEdit(this);
    edit->setObjectName(field);
    edit->setTabChangesFocus(true);
    edit->setMaximumHeight(90);
    m_form->addRow(label, edit);
    m_form->addRow(QString(), m_errors.lineFor(field, edit));
    return edit;
}

void ActionDialog::addField(const QString& field, const QString& label, QWidget* widget)
{
    widget->setObjectName(field);
    m_form->addRow(label, widget);
    m_form->addRow(QString(), m_errors.lineFor(field, widget));
}

QString ActionDialog::code(const QString& field) const
{
    auto* box = findChild<QComboBox*>(field);
    return box ? box->currentData().toString() : QString();
}

QString ActionDialog::text(const QString& field) const
{
    auto* edit = findChild<QPlainTextEdit*>(field);
    return edit ? edit->toPlainText() : QString();
}

bool ActionDialog::submit()
{
    m_errors.clear();
    const Status result = m_action();
    if (!result.ok()) {
        m_errors.show(result.error());
        return false;
    }
    emit done();
    accept();
    return true;
}

namespace Dialogs {

ActionDialog* signalStatus(Registry& registry, const QString& reference, const QString& toStatus, QWidget* parent)
{
    auto* dialog = new ActionDialog(QObject::tr("%1: %2").arg(reference, Labels::signalStatus(toStatus)), parent);
    if (toStatus == u"afgehandeld"_s) {
        dialog->addCombo(u"outcome"_s, QObject::tr("Outcome"), labelled(Codes::signalOutcome().codes(), &Labels::signalOutcome));
        dialog->addText(u"reason"_s, QObject::tr("What was achieved"));
    } else if (toStatus == u"geannuleerd"_s) {
        dialog->addCombo(u"outcome"_s, QObject::tr("Reason"), labelled(Codes::cancellationReason().codes(), &Labels::cancellation));
        dialog->addText(u"reason"_s, QObject::tr("Explanation (optional)"));
    } else {
        dialog->addText(u"reason"_s, toStatus == u"heropend"_s ? QObject::tr("Why reopen") : QObject::tr("Note (optional)"));
    }
    dialog->setAction([&registry, reference, toStatus, dialog]() {
        return Signals::changeStatus(registry, reference, toStatus, {dialog->code(u"outcome"_s), dialog->text(u"reason"_s), {}});
    });
    return dialog;
}

ActionDialog* sendReferral(Registry& registry, const QString& reference, bool hasSubject, QWidget* parent)
{
    auto* dialog = new ActionDialog(QObject::tr("Refer %1 to a partner").arg(reference), parent);
    HelpTopics::setChapter(dialog, HelpTopics::referrals);
    QList<QPair<QString, QString>> partners;
    if (auto list = Lookups::partners(registry); list.ok()) {
        for (const Partner& p : list.value()) {
            if (p.active)
                partners << qMakePair(QString::number(p.id), p.name);
        }
    }
    QComboBox* to = dialog->addCombo(u"to"_s, QObject::tr("Partner"), partners);
    to->setEditable(true);
    to->setInsertPolicy(QComboBox::NoInsert);
    to->completer()->setFilterMode(Qt::MatchContains);
    to->completer()->setCompletionMode(QCompleter::PopupCompletion);
    dialog->addText(u"reason"_s, QObject::tr("Reason for the referral"));
    if (hasSubject) {
        QList<QPair<QString, QString>> grounds = {{QString(), QObject::tr("Consent covers this partner")}};
        grounds << labelled(Codes::overrideGround().codes(), &Labels::overrideGround);
        dialog->addCombo(u"override"_s, QObject::tr("Share without consent on the ground of"), grounds);
        dialog->addText(u"override_reason"_s, QObject::tr("Why share without consent"));
    }
    dialog->setAction([&registry, reference, dialog, to]() -> Status {
        const int index = to->findText(to->currentText(), Qt::MatchFixedString);
        const QString partner = index >= 0 ? to->itemData(index).toString() : to->currentText();
        auto id = Referrals::add(registry, {reference, partner, {}, dialog->text(u"reason"_s), dialog->code(u"override"_s),
                                            dialog->text(u"override_reason"_s)});
        if (!id.ok())
            return id.error();
        return {};
    });
    return dialog;
}

ActionDialog* referralStep(Registry& registry, qint64 referralId, const QString& toStatus, QWidget* parent)
{
    auto* dialog = new ActionDialog(QObject::tr("Referral #%1: %2").arg(referralId).arg(Labels::referralStatus(toStatus)), parent);
    HelpTopics::setChapter(dialog, HelpTopics::referrals);
    if (toStatus == u"afgewezen"_s) {
        dialog->addCombo(u"reason"_s, QObject::tr("Reason"), labelled(Codes::rejectionReason().codes(), &Labels::rejection));
        dialog->addText(u"note"_s, QObject::tr("Explanation"));
    } else if (toStatus == u"afgerond"_s) {
        dialog->addCombo(u"outcome"_s, QObject::tr("Result"), labelled(Codes::referralOutcome().codes(), &Labels::referralOutcome));
        dialog->addText(u"note"_s, QObject::tr("Feedback"));
        dialog->addText(u"why"_s, QObject::tr("Why not helped"));
    } else {
        dialog->addText(u"note"_s, toStatus == u"ingetrokken"_s ? QObject::tr("Why withdraw") : QObject::tr("Note (optional)"));
    }
    dialog->setAction([&registry, referralId, toStatus, dialog]() {
        const QString codeValue = toStatus == u"afgewezen"_s ? dialog->code(u"reason"_s) : dialog->code(u"outcome"_s);
        return Referrals::transition(registry, referralId, toStatus, {codeValue, dialog->text(u"note"_s), dialog->text(u"why"_s)});
    });
    return dialog;
}

ActionDialog* escalation(Registry& registry, const QString& reference, int currentLevel, bool stepUp, QWidget* parent)
{
    auto* dialog = new ActionDialog(stepUp ? QObject::tr("Escalate %1").arg(reference) : QObject::tr("De-escalate %1").arg(reference), parent);
    HelpTopics::setChapter(dialog, HelpTopics::ladder);
    QList<QPair<QString, QString>> levels;
    if (auto ladder = Lookups::escalationLevels(registry); ladder.ok()) {
        for (const EscalationLevel& level : ladder.value()) {
            if ((stepUp && level.level > currentLevel) || (!stepUp && level.level < currentLevel))
                levels << qMakePair(QString::number(level.level), QObject::tr("Level %1 — %2").arg(level.level).arg(level.name));
        }
    }
    if (!stepUp)
        std::reverse(levels.begin(), levels.end());  // the nearest level first
    dialog->addCombo(u"to"_s, QObject::tr("To level"), levels);
    if (stepUp)
        dialog->addCombo(u"trigger"_s, QObject::tr("Trigger"), labelled(Codes::escalationTrigger().codes(), &Labels::trigger));
    dialog->addText(u"reason"_s, QObject::tr("Reason"));
    dialog->setAction([&registry, reference, dialog]() {
        return Escalations::step(registry, reference, dialog->code(u"to"_s).toInt(), dialog->code(u"trigger"_s), dialog->text(u"reason"_s));
    });
    return dialog;
}

}  // namespace Dialogs
}  // namespace bs
