#pragma once
// The page the main window shows instead of its tabs while no registry is open: on a first start,
// and whenever a registry could not be opened (then with the reason, never an empty window). It
// offers four choices — a new registry on this computer, an existing registry file, the
// municipality's server, the separate demo registry — the recent registries to reopen with one
// click, and where the guide is. The page only says what was chosen; the main window opens it
// (MainWindowStart.cpp).

#include <QWidget>

#include <array>

class QAbstractButton;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace bs {

class StartPage : public QWidget {
    Q_OBJECT

public:
    enum class Choice { NewRegistry, OpenFile, Server, Demo };
    Q_ENUM(Choice)

    explicit StartPage(QWidget* parent = nullptr);

    // Files and server addresses (never with a password), most recent first. A file that is not
    // there is listed as such: it may be on a drive that is not connected now.
    void setRecent(const QStringList& entries);
    // Why the registry could not be opened (empty: hides the line). `forgettable`: the recent
    // entry that failed, offered for removal from the list.
    void setReason(const QString& reason, const QString& forgettable = {});
    QString reason() const;
    QAbstractButton* choiceButton(Choice choice) const;
    // The buttons of the recent list, in its order (tests).
    QList<QPushButton*> recentButtons() const;

signals:
    void chosen(bs::StartPage::Choice choice);
    void recentChosen(const QString& entry);
    void forgetRequested(const QString& entry);
    // The line pointing to the guide was clicked (F1 / Help ▸ Guide opens it as well).
    void guideRequested();

private:
    QPushButton* addChoice(Choice choice, const QString& title, const QString& explanation, const QString& accent);

    std::array<QPushButton*, 4> m_choices{};  // by Choice
    QWidget* m_reasonBox;
    QLabel* m_reasonText;
    QPushButton* m_forget;
    QString m_forgettable;
    QWidget* m_recentBox;
    QVBoxLayout* m_recentRows;
    QList<QPushButton*> m_recentButtons;
};

}  // namespace bs
