#include "SignalDetailPanel.h"

#include "HelpTopics.h"
#include "TermHelp.h"
#include "ActionDialogs.h"
#include "DateField.h"
#include "FormErrors.h"
#include "Labels.h"
#include "RecordForm.h"
#include "services/Subjects.h"
#include "Registry.h"
#include "UnsavedQuestion.h"
#include "domain/Codes.h"
#include "domain/Workflow.h"
#include "services/Lookups.h"
#include "services/Signals.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bs {

namespace {
QPushButton* button(QWidget* parent, const QString& name, const QString& text)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(name);
    return b;
}

QComboBox* codeCombo(QWidget* parent, const QString& name, const QStringList& codes, QString (*label)(const QString&))
{
    auto* box = new QComboBox(parent);
    box->setObjectName(name);
    for (const QString& code : codes)
        box->addItem(label(code), code);
    return box;
}
}  // namespace

SignalDetailPanel::SignalDetailPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(u"signalDetail"_s);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_empty = new QLabel(tr("Select a signal in the list to see it here."), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setStyleSheet(u"color: #666;"_s);
    outer->addWidget(m_empty);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_content = new QWidget(scroll);
    scroll->setWidget(m_content);
    outer->addWidget(scroll);
    auto* layout = new QVBoxLayout(m_content);
    m_title = new QLabel(m_content);
    m_title->setObjectName(u"detailTitle"_s);
    m_title->setStyleSheet(u"font-size: 15pt; font-weight: bold;"_s);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLine = new QLabel(m_content);
    m_statusLine->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_statusLine);
    m_handlerLine = new QLabel(m_content);
    m_handlerLine->setObjectName(u"detailHandler"_s);
    m_handlerLine->setWordWrap(true);
    m_handlerLine->setTextFormat(Qt::PlainText);
    m_handlerLine->setStyleSheet(u"font-weight: bold;"_s);
    layout->addWidget(m_handlerLine);
    buildFields(layout);
    buildReferrals(layout);
    buildLadder(layout);
    buildTimeline(layout);
    layout->addStretch();
    scroll->hide();
    m_content->setProperty("scroll", QVariant::fromValue<QObject*>(scroll));
    // From any field or button of the panel, as the worker is on the phone or back from a visit.
    auto* journal = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_J), this);
    journal->setContext(Qt::WidgetWithChildrenShortcut);
    journal->setWhatsThis(tr("Add journal entry…"));  // for Help ▸ Keyboard shortcuts
    journal->setProperty("shortcutPlace", tr("Selected signal"));
    connect(journal, &QShortcut::activated, this, &SignalDetailPanel::requestJournalEntry);
}

SignalDetailPanel::~SignalDetailPanel() = default;

void SignalDetailPanel::buildFields(QVBoxLayout* layout)
{
    auto* box = new QGroupBox(tr("Signal"), m_content);
    auto* form = new QFormLayout(box);
    m_buurt = new QComboBox(box);
    m_buurt->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_buurt->setObjectName(u"detailBuurt"_s);
    m_category = new QComboBox(box);
    m_category->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_category->setObjectName(u"detailCategory"_s);
    m_impact = codeCombo(box, u"detailImpact"_s, Codes::impactLevel().codes(), &Labels::impact);
    m_urgency = codeCombo(box, u"detailUrgency"_s, Codes::urgency().codes(), &Labels::urgency);
    m_street = new QLineEdit(box);
    m_street->setObjectName(u"detailStreet"_s);
    m_followUp = new DateField(box);
    m_followUp->setObjectName(u"detailFollowUp"_s);
    m_followUp->setPlaceholderText(tr("dd-mm-yyyy, empty: none"));
    m_description = new QPlainTextEdit(box);
    m_description->setObjectName(u"detailDescription"_s);
    m_description->setTabChangesFocus(true);
    m_description->setMaximumHeight(110);
    m_facts = new QLabel(box);
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subject = new QLabel(box);
    m_subject->setObjectName(u"detailSubject"_s);
    m_subject->setWordWrap(true);
    m_editError = makeErrorLabel(box);
    m_editErrors = std::make_unique<FormErrors>(m_editError);
    // When another window closes the signal while this one has typed work, the form cannot keep
    // it; what was typed stays readable (and selectable, to copy) here instead of vanishing.
    m_lostWork = makeErrorLabel(box);
    m_lostWork->setObjectName(u"detailLostWork"_s);
    m_lostWork->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QList<std::tuple<QString, QWidget*, QString>> rows = {
        {tr("Neighbourhood"), m_buurt, u"buurt"_s}, {tr("Category"), m_category, u"category"_s},
        {tr("Impact level"), m_impact, u"impact"_s}, {tr("Urgency"), m_urgency, u"urgency"_s},
        {tr("Street"), m_street, u"street"_s},      {tr("Description"), m_description, u"description"_s},
        {tr("Follow up on"), m_followUp, u"follow_up"_s}};
    for (const auto& [label, widget, field] : rows) {
        form->addRow(label, widget);
        form->addRow(QString(), m_editErrors->lineFor(field, widget));
    }
    form->addRow(QString(), m_facts);
    form->addRow(tr("Person and consent"), m_subject);
    auto* personRow = new QHBoxLayout();
    m_subjectButton = button(box, u"editSubject"_s, tr("Person concerned…"));
    m_consentButton = button(box, u"editConsent"_s, tr("Consent…"));
    personRow->addWidget(m_subjectButton);
    personRow->addWidget(m_consentButton);
    personRow->addStretch();
    form->addRow(QString(), personRow);
    connect(m_subjectButton, &QPushButton::clicked, this, &SignalDetailPanel::requestSubject);
    connect(m_consentButton, &QPushButton::clicked, this, &SignalDetailPanel::requestConsent);
    auto* actions = new QHBoxLayout();
    m_save = button(box, u"saveEdits"_s, tr("Save changes"));
    auto* saveRow = new QHBoxLayout();
    saveRow->addWidget(m_save);
    saveRow->addStretch();
    const QList<QPair<QString, QString>> statuses = {{u"in_behandeling"_s, tr("Take into progress")},
                                                     {u"afgehandeld"_s, tr("Close…")},
                                                     {u"geannuleerd"_s, tr("Cancel signal…")},
                                                     {u"heropend"_s, tr("Reopen…")}};
    for (const auto& [status, text] : statuses) {
        QPushButton* b = button(box, u"status_"_s + status, text);
        b->setProperty("status", status);
        connect(b, &QPushButton::clicked, this, [this, status]() { requestStatus(status); });
        m_statusButtons << b;
        actions->addWidget(b);
    }
    // Handing over is a step on the signal like the status changes beside it.
    m_handOver = button(box, u"handOver"_s, tr("Hand over…"));
    actions->addWidget(m_handOver);
    connect(m_handOver, &QPushButton::clicked, this, &SignalDetailPanel::requestHandOver);
    actions->addStretch();
    form->addRow(m_editError);
    form->addRow(m_lostWork);
    form->addRow(saveRow);
    form->addRow(actions);
    connect(m_save, &QPushButton::clicked, this, &SignalDetailPanel::saveEdits);
    m_stored.watch({m_buurt, m_category, m_impact, m_urgency, m_street, m_description, m_followUp});
    layout->addWidget(box);
}

void SignalDetailPanel::buildReferrals(QVBoxLayout* layout)
{
    auto* box = new QGroupBox(tr("Referrals"), m_content);
    HelpTopics::setChapter(box, HelpTopics::referrals);
    auto* v = new QVBoxLayout(box);
    m_referrals = new QTableWidget(0, 6, box);
    m_referrals->setObjectName(u"referrals"_s);
    m_referrals->setHorizontalHeaderLabels({tr("No."), tr("Partner"), tr("Status"), tr("Sent"), tr("Due"), tr("Feedback")});
    m_referrals->verticalHeader()->hide();
    m_referrals->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_referrals->setSelectionMode(QAbstractItemView::SingleSelection);
    m_referrals->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_referrals->horizontalHeader()->setStretchLastSection(true);
    m_referrals->setMinimumHeight(110);
    v->addWidget(m_referrals);
    auto* actions = new QHBoxLayout();
    auto* answers = new QHBoxLayout();
    m_refer = button(box, u"refer"_s, tr("Refer…"));
    m_accept = button(box, u"acceptReferral"_s, tr("Accept"));
    m_reject = button(box, u"rejectReferral"_s, tr("Reject…"));
    m_complete = button(box, u"completeReferral"_s, tr("Complete with feedback…"));
    m_withdraw = button(box, u"withdrawReferral"_s, tr("Withdraw…"));
    actions->addWidget(m_refer);
    actions->addWidget(m_withdraw);
    actions->addStretch();
    for (QPushButton* b : {m_accept, m_reject, m_complete})
        answers->addWidget(b);
    answers->addStretch();
    v->addLayout(actions);
    v->addLayout(answers);
    connect(m_refer, &QPushButton::clicked, this, &SignalDetailPanel::requestReferral);
    connect(m_accept, &QPushButton::clicked, this, [this]() { requestReferralStep(u"geaccepteerd"_s); });
    connect(m_reject, &QPushButton::clicked, this, [this]() { requestReferralStep(u"afgewezen"_s); });
    connect(m_complete, &QPushButton::clicked, this, [this]() { requestReferralStep(u"afgerond"_s); });
    connect(m_withdraw, &QPushButton::clicked, this, [this]() { requestReferralStep(u"ingetrokken"_s); });
    connect(m_referrals, &QTableWidget::itemSelectionChanged, this, &SignalDetailPanel::updateReferralButtons);
    layout->addWidget(box);
}

void SignalDetailPanel::buildLadder(QVBoxLayout* layout)
{
    auto* box = new QGroupBox(tr("Escalation ladder"), m_content);
    HelpTopics::setChapter(box, HelpTopics::ladder);
    auto* v = new QVBoxLayout(box);
    auto* rungs = new QHBoxLayout();
    for (int level = 0; level <= 4; ++level) {
        auto* rung = new QLabel(box);
        rung->setObjectName(u"rung%1"_s.arg(level));
        rung->setAlignment(Qt::AlignCenter);
        rung->setWordWrap(true);
        rung->setMinimumHeight(44);
        m_rungs << rung;
        rungs->addWidget(rung, 1);
    }
    v->addLayout(rungs);
    m_ladderText = new QLabel(box);
    m_ladderText->setObjectName(u"ladderText"_s);
    m_ladderText->setWordWrap(true);
    v->addWidget(m_ladderText);
    auto* actions = new QHBoxLayout();
    m_stepUp = button(box, u"stepUp"_s, tr("Escalate…"));
    m_stepDown = button(box, u"stepDown"_s, tr("De-escalate…"));
    actions->addWidget(m_stepUp);
    actions->addWidget(m_stepDown);
    actions->addStretch();
    v->addLayout(actions);
    connect(m_stepUp, &QPushButton::clicked, this, [this]() { requestEscalation(true); });
    connect(m_stepDown, &QPushButton::clicked, this, [this]() { requestEscalation(false); });
    layout->addWidget(box);
}

void SignalDetailPanel::setRegistry(Registry* registry)
{
    // The same registry with new reference data (after management or an import): the signal and
    // what was typed for it stay.
    const bool same = registry && registry == m_registry;
    const FormSnapshot::Values typed = same ? m_stored.changes() : FormSnapshot::Values();
    m_registry = registry;
    m_role = Role::None;
    if (registry) {
        if (auto role = Access::role(*registry); role.ok())
            m_role = role.value();
    }
    m_buurt->clear();
    m_category->clear();
    if (registry) {
        if (auto buurten = Lookups::buurten(*registry); buurten.ok()) {
            for (const Buurt& b : buurten.value())
                m_buurt->addItem(b.name, b.name);
        }
        if (auto categories = Lookups::categories(*registry); categories.ok()) {
            for (const Category& c : categories.value())
                m_category->addItem(c.name, c.code);
        }
    }
    if (!same)
        m_reference.clear();
    load(typed);
}

void SignalDetailPanel::showSignal(const QString& reference)
{
    if (reference == m_reference) {
        reload();
        return;
    }
    m_reference = reference;
    m_lostWork->hide();
    load({});
}

void SignalDetailPanel::reload()
{
    load(m_stored.changes());
}

void SignalDetailPanel::load(const FormSnapshot::Values& typed)
{
    m_detail.reset();
    if (m_registry && !m_reference.isEmpty()) {
        auto detail = Signals::detail(*m_registry, m_reference);
        if (detail.ok())
            m_detail = std::move(detail).value();
    }
    auto* scroll = qobject_cast<QWidget*>(m_content->property("scroll").value<QObject*>());
    scroll->setVisible(m_detail.has_value());
    m_empty->setVisible(!m_detail.has_value());
    if (!m_detail)
        return;
    populate();
    m_stored.take();
    // Typed work goes back on top of the fresh values while it can still be saved.
    if (Workflow::isSignalOpen(m_detail->status)) {
        FormSnapshot::restore(typed);
        return;
    }
    QStringList texts;
    for (auto it = typed.cbegin(); it != typed.cend(); ++it) {
        const QString text = it.value().toString().trimmed();
        if (!text.isEmpty() && (qobject_cast<QLineEdit*>(it.key()) || qobject_cast<QPlainTextEdit*>(it.key())))
            texts << text;
    }
    if (texts.isEmpty())
        return;
    m_lostWork->setText(tr("%1 was closed in another window, so your changes were not saved. What you typed: %2")
                            .arg(m_reference, texts.join(u" · "_s)));
    m_lostWork->show();
}

SignalEdit SignalDetailPanel::typedEdit() const
{
    SignalEdit edit;
    if (!m_detail)
        return edit;
    const SignalDetail& d = *m_detail;
    // Only fields the user changed, and only when the change is more than spaces around the text.
    auto typed = [this](QWidget* field, const QString& now, const QString& before) {
        return m_stored.isChanged(field) && now.trimmed() != before ? std::optional<QString>(now) : std::nullopt;
    };
    edit.buurt = typed(m_buurt, m_buurt->currentData().toString(), d.buurt);
    edit.category = typed(m_category, m_category->currentData().toString(), d.category);
    edit.impact = typed(m_impact, m_impact->currentData().toString(), d.impact);
    edit.urgency = typed(m_urgency, m_urgency->currentData().toString(), d.urgency);
    edit.street = typed(m_street, m_street->text(), d.street);
    edit.description = typed(m_description, m_description->toPlainText(), d.description);
    edit.followUpOn = typed(m_followUp, m_followUp->isoDate(), d.followUpOn);
    return edit;
}

bool SignalDetailPanel::hasUnsavedEdits() const
{
    const SignalEdit edit = typedEdit();
    return edit.buurt || edit.category || edit.impact || edit.urgency || edit.street || edit.description || edit.followUpOn;
}

bool SignalDetailPanel::mayLeave()
{
    if (!hasUnsavedEdits())
        return true;
    switch (askAboutUnsavedChanges(this, tr("Signal %1").arg(m_reference))) {
    case UnsavedAnswer::Save:
        return saveEdits();  // a refusal shows the reason beside the field, and the panel stays
    case UnsavedAnswer::Discard:
        load({});
        return true;
    case UnsavedAnswer::Cancel:
        break;
    }
    return false;
}

void SignalDetailPanel::populate()
{
    const SignalDetail& d = *m_detail;
    m_rights = Access::rightsOn(*m_registry, m_role, d.registeredBy, d.handler);
    // Open and this person may change it: otherwise the fields show, but nothing invites a change
    // the server would refuse.
    const bool open = Workflow::isSignalOpen(d.status) && m_rights.change;
    m_editErrors->clear();
    m_title->setText(u"%1  ·  %2"_s.arg(d.reference, Labels::signalStatus(d.status)));
    QString status = tr("%1 in %2, observed %3, registered by %4.").arg(d.categoryName, d.buurt, Labels::date(d.observedOn), d.registeredBy);
    if (d.urgency == u"acuut"_s)
        status += u" <b style='color:#b01c1c'>%1</b>"_s.arg(tr("Acute: in immediate danger call 112 or Veilig Thuis."));
    if (!d.outcome.isEmpty()) {
        const QString outcome = d.status == u"geannuleerd"_s ? Labels::cancellation(d.outcome) : Labels::signalOutcome(d.outcome);
        status += u"<br>"_s + tr("Outcome: %1 — %2 (%3)").arg(outcome, d.outcomeText.toHtmlEscaped(), Labels::date(d.closedOn));
    }
    m_statusLine->setText(status);
    m_buurt->setCurrentIndex(m_buurt->findData(d.buurt));
    m_category->setCurrentIndex(m_category->findData(d.category));
    m_impact->setCurrentIndex(m_impact->findData(d.impact));
    m_urgency->setCurrentIndex(m_urgency->findData(d.urgency));
    m_street->setText(d.street);
    m_followUp->setDate(QDate::fromString(d.followUpOn, Qt::ISODate));
    const bool personal = Codes::impactAllowsSubject(d.impact);
    m_subjectButton->setEnabled(open && personal);
    m_consentButton->setEnabled(open && personal);
    m_description->setPlainText(d.description);
    for (QWidget* w : std::initializer_list<QWidget*>{m_buurt, m_category, m_impact, m_urgency, m_street, m_description, m_followUp, m_save})
        w->setEnabled(open);
    m_facts->setText(tr("Theme: %1 · Source: %2%3").arg(d.themeName, d.sourceName,
                                                        d.externalId.isEmpty() ? QString() : u" (%1)"_s.arg(d.externalId)));
    QString subject = d.subject ? tr("Recorded (kept apart; wiped by the retention run)") : tr("No person recorded");
    subject += u" · "_s + tr("Consent: %1").arg(Labels::consent(d.consent.status));
    if (!d.consent.scope.isEmpty())
        subject += u" ("_s + d.consent.scope.join(u", "_s) + u')';
    m_subject->setText(subject);
    for (QPushButton* b : m_statusButtons) {
        const QString to = b->property("status").toString();
        bool allowed = false;
        for (const auto& t : Workflow::signalTransitions())
            allowed = allowed || (t.from == d.status && t.to == to);
        b->setVisible(allowed && m_rights.change);
    }

    m_referrals->setRowCount(int(d.referrals.size()));
    for (int i = 0; i < d.referrals.size(); ++i) {
        const ReferralInfo& r = d.referrals.at(i);
        const QString due = r.status == u"verstuurd"_s ? r.respondBy : r.status == u"geaccepteerd"_s ? r.completeBy : QString();
        const QStringList cells = {QString::number(r.id), r.toPartner, Labels::referralStatus(r.status), Labels::date(r.sentOn),
                                   due.isEmpty() ? QString() : Labels::date(due) + (r.late ? u"  "_s + tr("LATE") : QString()),
                                   r.feedback.isEmpty() ? Labels::rejection(r.rejectionReason) : r.feedback};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            item->setData(Qt::UserRole, r.id);
            item->setData(Qt::UserRole + 1, r.status);
            if (r.late) {
                item->setForeground(QColor(0xb0, 0x1c, 0x1c));
                item->setToolTip(TermHelp::lateReferral());
            }
            m_referrals->setItem(i, c, item);
        }
    }
    for (int c = 0; c < 5; ++c)
        m_referrals->resizeColumnToContents(c);
    m_refer->setEnabled(open);
    updateReferralButtons();

    for (int level = 0; level < m_rungs.size(); ++level) {
        QLabel* rung = m_rungs.at(level);
        rung->setText(QString::number(level));
        const bool current = level == d.level;
        rung->setStyleSheet(current ? (d.stalled ? u"background:#b01c1c;color:white;font-weight:bold;border-radius:4px;"_s
                                                 : u"background:#1f5f99;color:white;font-weight:bold;border-radius:4px;"_s)
                                    : level < d.level ? u"background:#c9d9ea;border-radius:4px;"_s
                                                      : u"background:#eeeeee;color:#777;border-radius:4px;"_s);
    }
    QString ladder = tr("Level %1 — %2, since %3.").arg(d.level).arg(d.levelName, Labels::date(d.levelSince));
    if (d.levelDueOn.isEmpty())
        ladder += u' ' + tr("No term: the regional chain holds direction.");
    else if (d.stalled)
        ladder += u" <b style='color:#b01c1c'>"_s + tr("Stalled: term passed on %1 (%2 working days ago).").arg(Labels::date(d.levelDueOn)).arg(-d.workingDaysLeft) + u"</b>"_s;
    else
        ladder += u' ' + tr("Term until %1 (%2 working days left).").arg(Labels::date(d.levelDueOn)).arg(d.workingDaysLeft);
    m_ladderText->setText(ladder);
    m_ladderText->setToolTip(d.stalled ? TermHelp::stalled() : QString());
    m_stepUp->setEnabled(open && d.level < 4);
    m_stepDown->setEnabled(open && d.level > 0);

    showHandler();
    m_handOver->setVisible(open);
    m_addJournal->setEnabled(m_rights.change && d.status != u"geannuleerd"_s);
    fillTimeline();
}

qint64 SignalDetailPanel::selectedReferral() const
{
    const auto selected = m_referrals->selectedItems();
    return selected.isEmpty() ? 0 : selected.first()->data(Qt::UserRole).toLongLong();
}

void SignalDetailPanel::updateReferralButtons()
{
    const auto selected = m_referrals->selectedItems();
    const QString status = selected.isEmpty() ? QString() : selected.first()->data(Qt::UserRole + 1).toString();
    auto allowed = [&status](const QString& to) {
        for (const auto& t : Workflow::referralTransitions()) {
            if (t.from == status && t.to == to)
                return true;
        }
        return false;
    };
    m_accept->setEnabled(m_rights.answerReferrals && allowed(u"geaccepteerd"_s));
    m_reject->setEnabled(m_rights.answerReferrals && allowed(u"afgewezen"_s));
    m_complete->setEnabled(m_rights.answerReferrals && allowed(u"afgerond"_s));
    m_withdraw->setEnabled(m_rights.change && allowed(u"ingetrokken"_s));
}

}  // namespace bs
