#pragma once
// The dialogs of team casework: handing a signal over (or a coordinator assigning several at
// once) and adding a journal entry. Built on ActionDialog: a refusal shows the core's message
// next to the field and keeps what was typed.

#include "services/Journal.h"

#include <QList>
#include <QString>
#include <QStringList>

class QWidget;

namespace bs {

class ActionDialog;
class Registry;

namespace Dialogs {
// Hands `reference` over; `shownHandler` is the handler the person saw (empty: none), so a
// hand-over made meanwhile at another desk is refused rather than overwritten.
ActionDialog* handOver(Registry& registry, const QString& reference, const QString& shownHandler, const QString& shownName,
                       QWidget* parent);
// Assigns all of `references` to one handler (a coordinator's selection in the list).
ActionDialog* assignMany(Registry& registry, const QStringList& references, QWidget* parent);
// A new journal entry for `reference`; `entries` are its existing ones, which it may correct.
ActionDialog* journalEntry(Registry& registry, const QString& reference, const QList<JournalEntry>& entries, QWidget* parent);
}  // namespace Dialogs

}  // namespace bs
