#pragma once
// The selected signal on the right: its fields (editable while it is open), status actions,
// subject and consent, referrals with their actions and terms, the escalation ladder with the
// current level and days left, its handler (handed over with a note), and a timeline of journal
// entries and history; Ctrl+J anywhere in the panel adds a journal entry. Edits typed in its fields survive a
// reload, and before it shows something else the main window asks mayLeave().

#include "FormSnapshot.h"
#include "access/Access.h"
#include "services/SignalDetail.h"
#include "services/Signals.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTextBrowser;
class QVBoxLayout;

namespace bs {

class ActionDialog;
class DateField;
class RecordForm;
class Registry;
class FormErrors;

class SignalDetailPanel : public QWidget {
    Q_OBJECT

public:
    explicit SignalDetailPanel(QWidget* parent = nullptr);
    ~SignalDetailPanel() override;
    void setRegistry(Registry* registry);
    // Another signal drops what was typed for the current one (ask mayLeave() first); the same
    // signal is read again like reload().
    void showSignal(const QString& reference);
    // Reads the signal again; what was typed and not saved stays in the fields.
    void reload();
    bool hasUnsavedEdits() const;
    // Before showing something else: true when nothing was typed, or the user chose to save
    // (and the save went through) or to discard; false keeps the panel as it is.
    bool mayLeave();
    QString reference() const { return m_reference; }
    // The dialog opened by the last action (for tests and for focus).
    ActionDialog* openDialog() const;
    RecordForm* openForm() const;

public slots:
    void requestStatus(const QString& toStatus);
    void requestReferral();
    void requestReferralStep(const QString& toStatus);
    void requestEscalation(bool stepUp);
    void requestSubject();
    void requestConsent();
    void requestHandOver();
    void requestJournalEntry();
    bool saveEdits();

signals:
    void changed(const QString& reference);

private:
    void buildFields(QVBoxLayout* layout);
    void buildReferrals(QVBoxLayout* layout);
    void buildLadder(QVBoxLayout* layout);
    void buildTimeline(QVBoxLayout* layout);
    void showHandler();
    void fillTimeline();
    void load(const FormSnapshot::Values& typed);
    void populate();
    SignalEdit typedEdit() const;
    void openAction(ActionDialog* dialog);
    // Steps that ask nothing are done at once; only a refusal opens the dialog with the reason.
    void submitOrOpen(ActionDialog* dialog);
    void openForm(RecordForm* form);
    void afterChange();
    qint64 selectedReferral() const;
    void updateReferralButtons();

    Registry* m_registry = nullptr;
    Role m_role = Role::None;        // of the registry's user, read when the registry is set
    Access::SignalRights m_rights;         // on the signal shown
    QString m_reference;
    std::optional<SignalDetail> m_detail;
    QPointer<ActionDialog> m_dialog;
    QPointer<RecordForm> m_form;

    QLabel* m_title;
    QLabel* m_statusLine;
    QComboBox* m_buurt;
    QComboBox* m_category;
    QComboBox* m_impact;
    QComboBox* m_urgency;
    QLineEdit* m_street;
    DateField* m_followUp;
    QPushButton* m_subjectButton;
    QPushButton* m_consentButton;
    QPlainTextEdit* m_description;
    QLabel* m_facts;
    QLabel* m_subject;
    QPushButton* m_save;
    QLabel* m_editError;
    QLabel* m_lostWork;  // typed work that another window's close made unsaveable
    std::unique_ptr<FormErrors> m_editErrors;
    FormSnapshot m_stored;  // the fields as the signal was loaded or saved
    QList<QPushButton*> m_statusButtons;
    QTableWidget* m_referrals;
    QPushButton* m_refer;
    QPushButton* m_accept;
    QPushButton* m_reject;
    QPushButton* m_complete;
    QPushButton* m_withdraw;
    QList<QLabel*> m_rungs;
    QLabel* m_ladderText;
    QPushButton* m_stepUp;
    QPushButton* m_stepDown;
    QLabel* m_handlerLine;
    QPushButton* m_handOver;
    QComboBox* m_timelineFilter;
    QTextBrowser* m_timeline;  // journal entries and history, newest first
    QPushButton* m_addJournal;
    QWidget* m_content;
    QLabel* m_empty;
};

}  // namespace bs
