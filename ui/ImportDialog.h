#pragma once
// Importing a melding export in the app: pick the file (CSV, or Signalen's zip export), optionally
// a preset of a known system, see what was read (encoding, separator, the first rows), map the
// registry's fields to the file's columns and its category and status values to the registry's
// codes, check (every problem listed, nothing written), then import with progress and a cancel
// button. All or nothing, as on the command line.

#include "io/MeldingImport.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace bs {

class Registry;

class ImportDialog : public QDialog {
    Q_OBJECT

public:
    ImportDialog(Registry& registry, QWidget* parent = nullptr);
    // Loads a file (also used by tests instead of the file chooser).
    bool loadFile(const QString& path);
    MeldingMapping mapping() const;
    // Starts the mapping from a shipped preset ("signalen", "fixmystreet"; empty: none).
    void choosePreset(const QString& name);
    void setUpdateExisting(bool update);
    bool check();      // dry run: true when every row can be imported
    bool runImport();  // writes; true when done

private:
    void chooseFile();
    void fillValueTables();
    void showReport(const ImportReport& report);
    void applyPresetColumns();

    Registry& m_registry;
    QString m_path;
    QByteArray m_content;
    QStringList m_header;
    QLabel* m_fileLabel;
    QComboBox* m_preset;
    QComboBox* m_source;
    QCheckBox* m_update;
    std::optional<MeldingMapping> m_presetMapping;
    QHash<QString, QComboBox*> m_columns;
    QTableWidget* m_preview;
    QTableWidget* m_categories;
    QTableWidget* m_statuses;
    QListWidget* m_problems;
    QLabel* m_summary;
    QPushButton* m_importButton;
};

}  // namespace bs
