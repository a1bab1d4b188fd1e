#pragma once
// Manage ▸ Import buurt map: choose the CBS Wijk- en buurtkaart (GeoPackage), see the plan
// (which buurten get an outline, by code or by name; which of the registry have none; which of
// the file match no buurt) and only then apply it, in one transaction.

#include "io/KaartImport.h"

#include <QDialog>

#include <optional>

class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace bs {

class Registry;

class KaartImportDialog : public QDialog {
    Q_OBJECT

public:
    explicit KaartImportDialog(Registry& registry, QWidget* parent = nullptr);
    // Reads the file and shows its plan (or why it is refused); false when refused.
    bool setFile(const QString& path);
    bool apply();
    QStringList planLines() const;

private:
    void chooseFile();

    Registry& m_registry;
    QString m_path;
    std::optional<KaartPlan> m_plan;
    QLabel* m_file;
    QSpinBox* m_year;
    QListWidget* m_lines;
    QLabel* m_error;
    QPushButton* m_apply;
};

}  // namespace bs
