#include "ShortcutList.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bs {

namespace {

// Where a QShortcut works, as the user would say it (set by whoever makes the shortcut).
constexpr char placeProperty[] = "shortcutPlace";

QString plain(QString text)
{
    return text.remove(u'&').remove(u'…').trimmed();
}

// "Bestand", or "Bestand ▸ Recente registers": the menus above the action, as the menu bar reads.
QString menuPath(const QAction* action)
{
    for (QObject* object : action->associatedObjects()) {
        auto* menu = qobject_cast<QMenu*>(object);
        if (!menu)
            continue;
        QStringList path;
        for (QWidget* w = menu; qobject_cast<QMenu*>(w); w = w->parentWidget())
            path.prepend(plain(static_cast<QMenu*>(w)->title()));
        return path.join(u" ▸ "_s);
    }
    return {};
}

}  // namespace

QList<ShortcutEntry> ShortcutList::collect(const QWidget* window)
{
    QList<ShortcutEntry> entries;
    for (const QAction* action : window->findChildren<QAction*>()) {
        if (action->shortcuts().isEmpty() || !action->isVisible() || action->menu())
            continue;
        const QString where = menuPath(action);
        entries << ShortcutEntry{action->shortcuts(), plain(action->text()), where.isEmpty() ? tr("Main window") : where};
    }
    for (const QShortcut* shortcut : window->findChildren<QShortcut*>()) {
        if (shortcut->whatsThis().isEmpty() || shortcut->key().isEmpty())
            continue;
        const QString place = shortcut->property(placeProperty).toString();
        entries << ShortcutEntry{shortcut->keys(), plain(shortcut->whatsThis()), place.isEmpty() ? tr("Main window") : place};
    }
    entries << formKeys();
    return entries;
}

QList<ShortcutEntry> ShortcutList::formKeys()
{
    const QString forms = tr("Forms");
    return {
        {{QKeySequence(Qt::CTRL | Qt::Key_Enter), QKeySequence(Qt::CTRL | Qt::Key_Return)},
         tr("Save the form (new signal, referral, escalation, status)"), forms},
        {{QKeySequence(Qt::Key_Escape)}, tr("Close the form; asks first when something was typed"), forms},
        {{QKeySequence(Qt::Key_Tab)}, tr("Next field"), forms},
        {{QKeySequence(Qt::SHIFT | Qt::Key_Tab)}, tr("Previous field"), forms},
    };
}

QDialog* ShortcutList::makeDialog(const QWidget* window, QWidget* parent)
{
    auto* dialog = new QDialog(parent);
    dialog->setObjectName(u"shortcutList"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Keyboard shortcuts"));
    auto* layout = new QVBoxLayout(dialog);
    const QList<ShortcutEntry> entries = collect(window);
    auto* table = new QTableWidget(int(entries.size()), 3, dialog);
    table->setObjectName(u"shortcutTable"_s);
    table->setHorizontalHeaderLabels({tr("Key"), tr("What it does"), tr("Where")});
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    for (int row = 0; row < entries.size(); ++row) {
        const ShortcutEntry& e = entries.at(row);
        QStringList keys;
        for (const QKeySequence& k : e.keys)
            keys << k.toString(QKeySequence::NativeText);
        auto* key = new QTableWidgetItem(keys.first());
        key->setToolTip(keys.join(u", "_s));
        QFont bold = key->font();
        bold.setBold(true);
        key->setFont(bold);
        table->setItem(row, 0, key);
        table->setItem(row, 1, new QTableWidgetItem(e.what));
        table->setItem(row, 2, new QTableWidgetItem(e.where));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(buttons);
    dialog->resize(700, 500);
    return dialog;
}

}  // namespace bs
