#pragma once
// The Help menu's guide and key list for one main window: Help ▸ Handleiding (F1) opens the
// chapter of the screen with the focus, Help ▸ Sneltoetsen lists the window's keys. F1 also works
// inside the window's dialogs, which are modal and so never reach the menu's shortcut: an
// application event filter takes F1 there. The guide has its own top-level window, one per main
// window, so a form that blocks the main window does not block its help.

#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QDialog;
class QMenu;
class QWidget;

namespace bs {

class HelpViewer;

class HelpMenu : public QObject {
    Q_OBJECT

public:
    HelpMenu(QWidget* window, QMenu* menu);
    ~HelpMenu() override;

    // The chapter of `widget` (HelpTopics::chapterFor), in the guide's window.
    void showHelpFor(const QWidget* widget);
    void showChapter(const QString& chapter, const QString& anchor = {});
    void showShortcuts();
    HelpViewer* viewer() const { return m_viewer.get(); }  // null until the guide was first opened
    QDialog* shortcutsDialog() const { return m_shortcuts.data(); }
    QAction* guideAction() const { return m_guide; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool belongsToWindow(const QWidget* widget) const;

    QWidget* m_window;
    QAction* m_guide;
    std::unique_ptr<HelpViewer> m_viewer;
    QPointer<QDialog> m_shortcuts;
};

}  // namespace bs
