#pragma once
// Help ▸ Sneltoetsen: every key of the window, read from the window itself (its actions with a
// shortcut and its QShortcuts that say what they do in whatsThis and where in the property
// "shortcutPlace"), so the list never drifts from
// the keys that work; plus the keys every form shares (Ctrl+Enter saves, Esc closes, Tab moves).

#include <QCoreApplication>
#include <QKeySequence>
#include <QList>
#include <QString>

class QDialog;
class QWidget;

namespace bs {

struct ShortcutEntry {
    QList<QKeySequence> keys;  // the first is shown; the others do the same
    QString what;
    QString where;
};

class ShortcutList {
    Q_DECLARE_TR_FUNCTIONS(bs::ShortcutList)

public:
    static QList<ShortcutEntry> collect(const QWidget* window);
    // The keys every form has, whether or not one is open now.
    static QList<ShortcutEntry> formKeys();
    // A window with the table, owned by `parent`, deleted when closed.
    static QDialog* makeDialog(const QWidget* window, QWidget* parent);
};

}  // namespace bs
