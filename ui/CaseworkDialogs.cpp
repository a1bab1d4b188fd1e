#include "CaseworkDialogs.h"

#include "ActionDialogs.h"
#include "DateField.h"
#include "Labels.h"
#include "Registry.h"
#include "services/Handlers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>

using namespace Qt::StringLiterals;

namespace bs::Dialogs {

namespace {

// The people who can handle signals, then "(none)".
QList<QPair<QString, QString>> handlerChoices(Registry& registry)
{
    QList<QPair<QString, QString>> items;
    if (auto candidates = Handlers::candidates(registry); candidates.ok()) {
        for (const Handler& h : candidates.value())
            items << qMakePair(h.login, u"%1 (%2)"_s.arg(h.displayName, h.login));
    }
    items << qMakePair(QString(), QObject::tr("(none)"));
    return items;
}

void addNote(ActionDialog* dialog)
{
    QPlainTextEdit* note = dialog->addText(u"note"_s, QObject::tr("Note for the new handler"));
    note->setPlaceholderText(QObject::tr("Required: what the colleague needs to know"));
}

}  // namespace

ActionDialog* handOver(Registry& registry, const QString& reference, const QString& shownHandler, const QString& shownName,
                       QWidget* parent)
{
    auto* dialog = new ActionDialog(QObject::tr("Hand over %1").arg(reference), parent);
    dialog->setObjectName(u"handOverDialog"_s);
    auto* now = new QLabel(shownHandler.isEmpty() ? QObject::tr("(none)") : shownName, dialog);
    now->setTextFormat(Qt::PlainText);
    dialog->addField(u"current"_s, QObject::tr("Handler now"), now);
    QComboBox* to = dialog->addCombo(u"handler"_s, QObject::tr("New handler"), handlerChoices(registry));
    // Someone else than who has it now is the likely choice.
    if (to->currentData().toString() == shownHandler)
        to->setCurrentIndex((to->currentIndex() + 1) % to->count());
    addNote(dialog);
    dialog->setAction([&registry, reference, shownHandler, dialog]() {
        return Handlers::assign(registry, {reference, dialog->code(u"handler"_s), dialog->text(u"note"_s), shownHandler});
    });
    return dialog;
}

ActionDialog* assignMany(Registry& registry, const QStringList& references, QWidget* parent)
{
    auto* dialog = new ActionDialog(QObject::tr("Assign %n signal(s)", nullptr, int(references.size())), parent);
    dialog->setObjectName(u"assignDialog"_s);
    dialog->addCombo(u"handler"_s, QObject::tr("Handler"), handlerChoices(registry));
    addNote(dialog);
    dialog->setAction([&registry, references, dialog]() {
        return Handlers::assignMany(registry, references, dialog->code(u"handler"_s), dialog->text(u"note"_s));
    });
    return dialog;
}

ActionDialog* journalEntry(Registry& registry, const QString& reference, const QList<JournalEntry>& entries, QWidget* parent)
{
    auto* dialog = new ActionDialog(QObject::tr("Add journal entry — %1").arg(reference), parent);
    dialog->setObjectName(u"journalDialog"_s);
    QList<QPair<QString, QString>> kinds;
    for (const QString& kind : Journal::kinds())
        kinds << qMakePair(kind, Journal::kindLabel(kind));
    dialog->addCombo(u"kind"_s, QObject::tr("Kind of contact"), kinds);
    auto* on = new DateField(dialog);
    on->setDate(registry.clock().today());
    on->setMaximumDate(registry.clock().today());
    dialog->addField(u"on"_s, QObject::tr("Date of the contact"), on);
    QPlainTextEdit* text = dialog->addText(u"text"_s, QObject::tr("What happened"));
    text->setMaximumHeight(160);
    text->setMinimumHeight(110);
    text->setPlaceholderText(QObject::tr("At most %1 characters").arg(Journal::maxTextLength));
    auto* namesPerson = new QCheckBox(QObject::tr("Text names the resident"), dialog);
    namesPerson->setToolTip(QObject::tr("Then the retention run blanks this text together with the person's data."));
    dialog->addField(u"names_person"_s, QString(), namesPerson);
    QList<QPair<QString, QString>> correctable = {{QString(), QObject::tr("(no correction)")}};
    for (const JournalEntry& e : entries) {
        const QString shown = e.text.isEmpty() ? QObject::tr("[text blanked]") : e.text.simplified().left(40);
        correctable << qMakePair(QString::number(e.id),
                                 u"#%1 %2 %3 — %4"_s.arg(QString::number(e.id), Labels::date(e.happenedOn), Journal::kindLabel(e.kind), shown));
    }
    dialog->addCombo(u"corrects"_s, QObject::tr("Corrects entry"), correctable);
    dialog->setAction([&registry, reference, dialog, on, namesPerson]() -> Status {
        auto added = Journal::add(registry, {reference, dialog->code(u"kind"_s), on->isoDate(), dialog->text(u"text"_s),
                                             namesPerson->isChecked(), dialog->code(u"corrects"_s).toLongLong()});
        if (!added.ok())
            return added.error();
        return {};
    });
    return dialog;
}

}  // namespace bs::Dialogs
