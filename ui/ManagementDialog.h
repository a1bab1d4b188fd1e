#pragma once
// The beheerder's screen: partners, buurten, categories, escalation terms, the activities
// register and the sources of meldingen, each as a table with add and edit forms that go through the core.

#include <QDialog>

class QTabWidget;
class QTableWidget;

namespace bs {

class Registry;

class ManagementDialog : public QDialog {
    Q_OBJECT

public:
    ManagementDialog(Registry& registry, QWidget* parent = nullptr);
    QTabWidget* tabs() const { return m_tabs; }
    void reload();

private:
    QWidget* partnersTab();
    QWidget* buurtenTab();
    QWidget* categoriesTab();
    QWidget* termsTab();
    QWidget* activitiesTab();
    QWidget* sourcesTab();
    void editPartner(int row);
    void editBuurt(int row);
    void editCategory(int row, bool isNew);
    void addActivity();
    void addSource();

    Registry& m_registry;
    QTabWidget* m_tabs;
    QTableWidget* m_partners;
    QTableWidget* m_buurten;
    QTableWidget* m_categories;
    QTableWidget* m_terms;
    QTableWidget* m_activities;
    QTableWidget* m_sources;
};

}  // namespace bs
