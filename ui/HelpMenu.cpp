#include "HelpMenu.h"

#include "HelpTopics.h"
#include "HelpViewer.h"
#include "ShortcutList.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QKeyEvent>
#include <QMenu>

namespace bs {

HelpMenu::HelpMenu(QWidget* window, QMenu* menu) : QObject(window), m_window(window)
{
    m_guide = menu->addAction(tr("&User guide"), QKeySequence::HelpContents, this, [this]() {
        QWidget* focus = QApplication::focusWidget();
        showHelpFor(focus && belongsToWindow(focus) ? focus : m_window);
    });
    m_guide->setObjectName(QStringLiteral("actionUserGuide"));
    QAction* keys = menu->addAction(tr("&Keyboard shortcuts"), this, &HelpMenu::showShortcuts);
    keys->setObjectName(QStringLiteral("actionShortcuts"));
    qApp->installEventFilter(this);
}

HelpMenu::~HelpMenu() = default;

void HelpMenu::showHelpFor(const QWidget* widget)
{
    showChapter(HelpTopics::chapterFor(widget));
}

void HelpMenu::showChapter(const QString& chapter, const QString& anchor)
{
    if (!m_viewer) {
        m_viewer = std::make_unique<HelpViewer>();
        // Closing the main window ends the program, also while the guide is open.
        m_viewer->setAttribute(Qt::WA_QuitOnClose, false);
    }
    m_viewer->showChapter(chapter, anchor);
}

void HelpMenu::showShortcuts()
{
    if (!m_shortcuts)
        m_shortcuts = ShortcutList::makeDialog(m_window, m_window);
    m_shortcuts->show();
    m_shortcuts->raise();
}

bool HelpMenu::belongsToWindow(const QWidget* widget) const
{
    // Up through the parents, past the windows of dialogs, to the main window.
    for (; widget; widget = widget->parentWidget()) {
        if (widget == m_window)
            return true;
    }
    return false;
}

bool HelpMenu::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent*>(event)->matches(QKeySequence::HelpContents)) {
        auto* widget = qobject_cast<QWidget*>(watched);
        if (widget && belongsToWindow(widget)) {
            showHelpFor(widget);
            return true;
        }
    }
    if (watched == m_window && event->type() == QEvent::Hide && !m_window->isVisible() && m_viewer)
        m_viewer->close();
    return QObject::eventFilter(watched, event);
}

}  // namespace bs
