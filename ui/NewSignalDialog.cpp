#include "NewSignalDialog.h"

#include "HelpTopics.h"
#include "DateField.h"
#include "Labels.h"
#include "Registry.h"
#include "UnsavedQuestion.h"
#include "domain/Codes.h"
#include "services/Handlers.h"
#include "services/Intake.h"
#include "services/Lookups.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bs {

namespace {

// An editable combo box whose list completes on any part of the name, as people type it.
QComboBox* searchableCombo(QWidget* parent, const QString& name)
{
    auto* box = new QComboBox(parent);
    box->setObjectName(name);
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->completer()->setCompletionMode(QCompleter::PopupCompletion);
    box->completer()->setFilterMode(Qt::MatchContains);
    box->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    return box;
}

QComboBox* codeCombo(QWidget* parent, const QString& name, const QStringList& codes, QString (*label)(const QString&),
                     const QString& current)
{
    auto* box = new QComboBox(parent);
    box->setObjectName(name);
    for (const QString& code : codes)
        box->addItem(label(code), code);
    box->setCurrentIndex(box->findData(current));
    return box;
}

// The code behind what was typed or chosen in a searchable combo: an exact name, else the one
// name that contains what was typed. Anything else goes to the core as typed, which then names
// what is allowed.
QString chosenCode(const QComboBox* box)
{
    const QString typed = box->currentText().trimmed();
    int index = box->findText(typed, Qt::MatchFixedString);
    if (index < 0 && !typed.isEmpty()) {
        for (int i = 0; i < box->count(); ++i) {
            if (box->itemText(i).contains(typed, Qt::CaseInsensitive)) {
                if (index >= 0)
                    return typed;  // ambiguous
                index = i;
            }
        }
    }
    return index >= 0 ? box->itemData(index).toString() : typed;
}

}  // namespace

NewSignalDialog::NewSignalDialog(Registry& registry, QWidget* parent)
    : QDialog(parent), m_registry(registry), m_generalError(makeErrorLabel(this)), m_errors(m_generalError)
{
    setWindowTitle(tr("New signal"));
    setObjectName(u"newSignalDialog"_s);
    HelpTopics::setChapter(this, HelpTopics::registering);
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout();
    layout->addLayout(form);
    auto addRow = [&](const QString& label, QWidget* widget, const QString& field) {
        auto* cell = new QWidget(this);
        auto* cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(2);
        widget->setParent(cell);
        cellLayout->addWidget(widget);
        cellLayout->addWidget(m_errors.lineFor(field, widget));
        form->addRow(label, cell);
    };

    m_buurt = searchableCombo(this, u"buurt"_s);
    if (auto buurten = Lookups::buurten(registry); buurten.ok()) {
        for (const Buurt& b : buurten.value())
            m_buurt->addItem(b.name, b.name);
    }
    m_buurt->setCurrentIndex(-1);
    m_category = searchableCombo(this, u"category"_s);
    if (auto categories = Lookups::categories(registry); categories.ok()) {
        for (const Category& c : categories.value()) {
            if (c.active)
                m_category->addItem(c.name, c.code);
        }
    }
    m_category->setCurrentIndex(-1);
    m_source = new QComboBox(this);
    m_source->setObjectName(u"source"_s);
    if (auto sources = Lookups::sources(registry); sources.ok()) {
        for (const Source& s : sources.value())
            m_source->addItem(s.name, s.code);
    }
    m_impact = codeCombo(this, u"impact"_s, Codes::impactLevel().codes(), &Labels::impact, u"buurt"_s);
    m_urgency = codeCombo(this, u"urgency"_s, Codes::urgency().codes(), &Labels::urgency, u"normaal"_s);
    m_observed = new DateField(this);
    m_observed->setObjectName(u"observed"_s);
    m_observed->setDate(registry.clock().today());
    m_observed->setMaximumDate(registry.clock().today());
    m_street = new QLineEdit(this);
    m_street->setObjectName(u"street"_s);
    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(u"description"_s);
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("What did you see or hear? No citizen service number (BSN)."));
    m_description->setMinimumHeight(90);

    m_handler = new QComboBox(this);
    m_handler->setObjectName(u"handler"_s);
    if (auto candidates = Handlers::candidates(registry); candidates.ok()) {
        for (const Handler& h : candidates.value())
            m_handler->addItem(u"%1 (%2)"_s.arg(h.displayName, h.login), h.login);
    }
    m_handler->addItem(tr("(none)"), QString());
    // The person registering carries it unless they choose someone else; one who cannot handle
    // signals (a beheerder) leaves it to the coordinator.
    const int self = m_handler->findData(registry.actor());
    m_handler->setCurrentIndex(self >= 0 ? self : m_handler->count() - 1);

    addRow(tr("&Neighbourhood"), m_buurt, u"buurt"_s);
    addRow(tr("&Category"), m_category, u"category"_s);
    addRow(tr("S&ource"), m_source, u"source"_s);
    addRow(tr("&Impact level"), m_impact, u"impact"_s);
    addRow(tr("&Urgency"), m_urgency, u"urgency"_s);
    addRow(tr("&Observed on"), m_observed, u"observed"_s);
    addRow(tr("&Street"), m_street, u"street"_s);
    addRow(tr("&Description"), m_description, u"description"_s);
    addRow(tr("&Handler"), m_handler, u"handler"_s);

    m_acuteWarning = new QLabel(tr("Acute: in immediate danger call 112; for domestic violence or child abuse call Veilig Thuis "
                                   "(0800-2000). Buurtsignaal records the signal but is not an emergency channel."),
                                this);
    m_acuteWarning->setObjectName(u"acuteWarning"_s);
    m_acuteWarning->setWordWrap(true);
    m_acuteWarning->setStyleSheet(u"background: #fdecea; color: #8a1414; padding: 6px; font-weight: bold;"_s);
    m_acuteWarning->hide();
    layout->addWidget(m_acuteWarning);

    m_subjectBox = new QGroupBox(tr("Person or household concerned (optional)"), this);
    m_subjectBox->setObjectName(u"subjectBox"_s);
    m_subjectBox->setCheckable(true);
    m_subjectBox->setChecked(false);
    auto* subjectForm = new QFormLayout(m_subjectBox);
    m_name = new QLineEdit(m_subjectBox);
    m_name->setObjectName(u"name"_s);
    m_address = new QLineEdit(m_subjectBox);
    m_address->setObjectName(u"address"_s);
    m_phone = new QLineEdit(m_subjectBox);
    m_phone->setObjectName(u"phone"_s);
    m_birthYear = new QLineEdit(m_subjectBox);
    m_birthYear->setObjectName(u"birth_year"_s);
    m_birthYear->setMaxLength(4);
    m_consent = codeCombo(m_subjectBox, u"consent"_s, Codes::consent().codes(), &Labels::consent, u"niet_gevraagd"_s);
    m_scope = new QLineEdit(m_subjectBox);
    m_scope->setObjectName(u"scope"_s);
    m_scope->setPlaceholderText(tr("Partners or kinds of partner, separated by commas, e.g. welzijn, Woonkracht10"));
    const QList<QPair<QString, QWidget*>> subjectRows = {{tr("Name"), m_name},           {tr("Address"), m_address},
                                                         {tr("Phone"), m_phone},         {tr("Year of birth"), m_birthYear},
                                                         {tr("Consent"), m_consent},     {tr("Consent covers"), m_scope}};
    const QStringList subjectFields = {u"name"_s, u"address"_s, u"phone"_s, u"birth_year"_s, u"consent"_s, u"scope"_s};
    for (int i = 0; i < subjectRows.size(); ++i) {
        subjectForm->addRow(subjectRows.at(i).first, subjectRows.at(i).second);
        subjectForm->addRow(QString(), m_errors.lineFor(subjectFields.at(i), subjectRows.at(i).second));
    }
    layout->addWidget(m_subjectBox);
    layout->addWidget(m_generalError);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setToolTip(tr("Save (Ctrl+Enter)"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewSignalDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (const QKeySequence& keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, this, &NewSignalDialog::submit);
    }
    connect(m_impact, &QComboBox::currentIndexChanged, this, &NewSignalDialog::updateSubjectSection);
    connect(m_urgency, &QComboBox::currentIndexChanged, this, [this]() {
        m_acuteWarning->setVisible(m_urgency->currentData().toString() == u"acuut"_s);
    });
    const QList<QWidget*> tabOrder = {m_buurt, m_category, m_source, m_impact, m_urgency, m_observed, m_street, m_description,
                                      m_handler, m_subjectBox, m_name, m_address, m_phone, m_birthYear, m_consent, m_scope};
    for (int i = 1; i < tabOrder.size(); ++i)
        setTabOrder(tabOrder.at(i - 1), tabOrder.at(i));
    updateSubjectSection();
    resize(560, sizeHint().height());
    m_buurt->setFocus();
    m_untouched.watch({m_buurt, m_category, m_source, m_impact, m_urgency, m_observed, m_street, m_description, m_handler, m_subjectBox,
                       m_name, m_address, m_phone, m_birthYear, m_consent, m_scope});
    m_untouched.take();
}

void NewSignalDialog::reject()
{
    if (!hasTypedWork()) {
        QDialog::reject();
        return;
    }
    switch (askAboutUnsavedChanges(this, tr("The new signal"))) {
    case UnsavedAnswer::Save:
        submit();  // a refusal keeps the form open, with the reason beside the field
        return;
    case UnsavedAnswer::Discard:
        QDialog::reject();
        return;
    case UnsavedAnswer::Cancel:
        return;
    }
}

void NewSignalDialog::updateSubjectSection()
{
    const bool personal = Codes::impactAllowsSubject(m_impact->currentData().toString());
    m_subjectBox->setEnabled(personal);
    m_subjectBox->setToolTip(personal ? QString() : tr("Only signals about an individual or a household have a person concerned."));
}

bool NewSignalDialog::submit()
{
    m_errors.clear();
    NewSignal input;
    input.buurt = chosenCode(m_buurt);
    input.category = chosenCode(m_category);
    input.source = m_source->currentData().toString();
    input.impact = m_impact->currentData().toString();
    input.urgency = m_urgency->currentData().toString();
    input.observedOn = m_observed->isoDate();
    input.street = m_street->text();
    input.description = m_description->toPlainText();
    input.handler = m_handler->currentData().toString();
    std::optional<SubjectInput> subject;
    std::optional<ConsentInput> consent;
    if (m_subjectBox->isEnabled() && m_subjectBox->isChecked()) {
        subject = SubjectInput{m_name->text(), m_address->text(), m_phone->text(), m_birthYear->text()};
        ConsentInput c;
        c.status = m_consent->currentData().toString();
        for (const QString& part : m_scope->text().split(u',', Qt::SkipEmptyParts))
            c.scope << part.trimmed();
        consent = c;
    }
    auto saved = Intake::registerSignal(m_registry, input, subject, consent);
    if (!saved.ok()) {
        m_errors.show(saved.error());
        return false;
    }
    emit signalSaved(saved.value());
    accept();
    return true;
}

}  // namespace bs
