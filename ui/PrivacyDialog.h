#pragma once
// The beheerder's privacy screen: users and roles, the access log with filters, finding a
// person's signals for inzage or erasure, the retention run and the backups. Everything goes
// through the core's services, which check the role again.

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTableWidget;

namespace bs {

class DateField;
class Registry;

class PrivacyDialog : public QDialog {
    Q_OBJECT

public:
    PrivacyDialog(Registry& registry, QWidget* parent = nullptr);
    QTabWidget* tabs() const { return m_tabs; }
    void setInteractive(bool interactive) { m_interactive = interactive; }
    void searchSubjects(const QString& text);
    void reloadAccessLog();

signals:
    // The registry file should be replaced by this backup (the main window closes and reopens it).
    void restoreRequested(const QString& backupPath);

private:
    QWidget* usersTab();
    QWidget* accessLogTab();
    QWidget* subjectsTab();
    QWidget* retentionTab();
    void reloadUsers();
    void reloadBackups();
    void editUser(int row);
    void exportInzage();
    void eraseSelected();
    void runRetention(bool dryRun);
    void makeBackup();
    void report(const QString& message, bool error);
    QStringList selectedReferences() const;

    Registry& m_registry;
    bool m_interactive = true;
    QTabWidget* m_tabs;
    QTableWidget* m_users;
    QTableWidget* m_log;
    QLineEdit* m_logUser;
    QComboBox* m_logAction;
    QLineEdit* m_logSignal;
    DateField* m_logFrom;
    DateField* m_logTo;
    QLabel* m_logCount;
    QLineEdit* m_subjectText;
    QTableWidget* m_subjects;
    QLabel* m_retentionStatus;
    QTableWidget* m_backups;
    QLabel* m_message;
};

}  // namespace bs
