#pragma once
// The intake form: a practised worker fills it by keyboard in well under half a minute. Tab
// order follows the form, names complete as you type, Ctrl+Enter saves. A refused save shows the
// core's message next to the field and keeps everything typed. Leaving it (Esc, Cancel, closing)
// after typing asks whether to save first.

#include "FormErrors.h"
#include "FormSnapshot.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace bs {

class DateField;
class Registry;

class NewSignalDialog : public QDialog {
    Q_OBJECT

public:
    NewSignalDialog(Registry& registry, QWidget* parent = nullptr);
    // Validates and saves; on success the dialog closes and signalSaved() is emitted.
    bool submit();
    QString errorShownFor(const QString& field) const { return m_errors.shownFor(field); }
    bool hasTypedWork() const { return m_untouched.isChanged(); }

public slots:
    // Esc, Cancel and closing the window all come here: with typed work, asks first.
    void reject() override;

signals:
    void signalSaved(const QString& reference);

private:
    void updateSubjectSection();
    Registry& m_registry;
    QComboBox* m_buurt;
    QComboBox* m_category;
    QComboBox* m_source;
    QComboBox* m_impact;
    QComboBox* m_urgency;
    DateField* m_observed;
    QLineEdit* m_street;
    QPlainTextEdit* m_description;
    QComboBox* m_handler;  // who handles it: by default the person registering
    QLabel* m_acuteWarning;
    QGroupBox* m_subjectBox;
    QLineEdit* m_name;
    QLineEdit* m_address;
    QLineEdit* m_phone;
    QLineEdit* m_birthYear;
    QComboBox* m_consent;
    QLineEdit* m_scope;
    QLabel* m_generalError;
    FormErrors m_errors;
    FormSnapshot m_untouched;  // the form as it opened
};

}  // namespace bs
