#include "PrivacyDialog.h"

#include "HelpTopics.h"
#include "DateField.h"
#include "Labels.h"
#include "Registry.h"
#include "access/Access.h"
#include "access/AccessLog.h"
#include "domain/DataSize.h"
#include "privacy/Retention.h"
#include "privacy/SubjectRights.h"
#include "services/Lookups.h"
#include "storage/Backups.h"

#include <algorithm>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bs {

namespace {

QTableWidget* makeTable(const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void setRow(QTableWidget* table, int row, const QStringList& cells)
{
    for (int c = 0; c < cells.size(); ++c)
        table->setItem(row, c, new QTableWidgetItem(cells.at(c)));
}

QString localTime(const QString& utc)
{
    return Labels::timestamp(utc, true);
}

}  // namespace

PrivacyDialog::PrivacyDialog(Registry& registry, QWidget* parent) : QDialog(parent), m_registry(registry)
{
    setWindowTitle(tr("Privacy and administration"));
    HelpTopics::setChapter(this, HelpTopics::privacy);
    resize(980, 620);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(usersTab(), tr("Users and roles"));
    m_tabs->addTab(accessLogTab(), tr("Access log"));
    m_tabs->addTab(subjectsTab(), tr("Persons (inzage, erasure)"));
    m_tabs->addTab(retentionTab(), tr("Retention and backups"));
    m_message = new QLabel(this);
    m_message->setObjectName(u"privacyMessage"_s);
    m_message->setWordWrap(true);
    // Messages may carry a command to copy (pg_dump on a server).
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    reloadUsers();
    reloadAccessLog();
    reloadBackups();
}

void PrivacyDialog::report(const QString& message, bool error)
{
    m_message->setText(message);
    m_message->setStyleSheet(error ? u"color: #b00020; font-weight: bold;"_s : u"color: #1b5e20;"_s);
}

QWidget* PrivacyDialog::usersTab()
{
    auto* page = new QWidget(this);
    m_users = makeTable({tr("Login"), tr("Name"), tr("Role"), tr("Active"), tr("Since")}, page);
    m_users->setObjectName(u"users"_s);
    auto* add = new QPushButton(tr("Add user…"), page);
    auto* edit = new QPushButton(tr("Change role…"), page);
    connect(add, &QPushButton::clicked, this, [this]() { editUser(-1); });
    connect(edit, &QPushButton::clicked, this, [this]() { editUser(m_users->currentRow()); });
    connect(m_users, &QTableWidget::cellDoubleClicked, this, [this](int row) { editUser(row); });
    auto* note = new QLabel(tr("Medewerker: signals. Coördinator: also referrals overview and imports. Stuurgroep: dashboard "
                               "and reports only, never a signal. Partner: the referrals to their own organisation. Beheerder: everything, "
                               "including this screen."),
                            page);
    note->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(edit);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(note);
    layout->addWidget(m_users);
    layout->addLayout(buttons);
    return page;
}

void PrivacyDialog::reloadUsers()
{
    auto users = Access::users(m_registry);
    if (!users.ok()) {
        report(users.error().message, true);
        return;
    }
    m_users->setRowCount(int(users->size()));
    for (int r = 0; r < users->size(); ++r) {
        const User& u = users->at(r);
        setRow(m_users, r, {u.login, u.displayName,
                            u.partner.isEmpty() ? Access::roleLabel(u.role) : u"%1 (%2)"_s.arg(Access::roleLabel(u.role), u.partner), u.active ? tr("yes") : tr("no"), localTime(u.createdAt)});
        m_users->item(r, 2)->setData(Qt::UserRole, Access::roleCode(u.role));
        m_users->item(r, 2)->setData(Qt::UserRole + 1, u.partner);
    }
    m_users->resizeColumnsToContents();
}

void PrivacyDialog::editUser(int row)
{
    // On a server each person gets a database login of their own with the users row; the server
    // checks the password (or the municipality's directory does, then none is given here).
    const bool onServer = m_registry.db().enforcesAccess();
    const bool adding = row < 0;
    QDialog form(this);
    form.setWindowTitle(adding ? tr("Add user") : tr("Change user"));
    auto* login = new QLineEdit(&form);
    auto* name = new QLineEdit(&form);
    auto* role = new QComboBox(&form);
    role->setObjectName(u"userRole"_s);
    for (Role r : {Role::Medewerker, Role::Coordinator, Role::Stuurgroep, Role::Beheerder, Role::Partner})
        role->addItem(Access::roleLabel(r), Access::roleCode(r));
    auto* partner = new QComboBox(&form);
    partner->setObjectName(u"userPartner"_s);
    partner->addItem(tr("(none)"), QString());
    if (auto partners = Lookups::partners(m_registry); partners.ok()) {
        for (const Partner& p : partners.value())
            partner->addItem(p.name, p.name);
    }
    // Only a new login on a server gets a first password; elsewhere there is no such field.
    QLineEdit* password = nullptr;
    if (onServer && adding) {
        password = new QLineEdit(&form);
        password->setObjectName(u"userPassword"_s);
        password->setEchoMode(QLineEdit::Password);
        password->setPlaceholderText(tr("empty: the server checks the directory (LDAP/GSSAPI)"));
    }
    auto* active = new QComboBox(&form);
    active->addItem(tr("active"), true);
    active->addItem(tr("inactive"), false);
    if (!adding) {
        login->setText(m_users->item(row, 0)->text());
        login->setReadOnly(true);
        name->setText(m_users->item(row, 1)->text());
        role->setCurrentIndex(role->findData(m_users->item(row, 2)->data(Qt::UserRole)));
        partner->setCurrentIndex(std::max(0, partner->findData(m_users->item(row, 2)->data(Qt::UserRole + 1))));
        active->setCurrentIndex(m_users->item(row, 3)->text() == tr("yes") ? 0 : 1);
    }
    const auto partnerOnlyForPartners = [role, partner]() {
        const bool isPartner = role->currentData().toString() == Access::roleCode(Role::Partner);
        partner->setEnabled(isPartner);
        if (!isPartner)
            partner->setCurrentIndex(0);
    };
    partnerOnlyForPartners();
    connect(role, &QComboBox::currentIndexChanged, &form, partnerOnlyForPartners);
    auto* error = new QLabel(&form);
    error->setObjectName(u"userError"_s);
    error->setStyleSheet(u"color: #b00020;"_s);
    error->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &form);
    auto* layout = new QFormLayout(&form);
    layout->addRow(onServer ? tr("Login on the server") : tr("Login (as on the computer)"), login);
    layout->addRow(tr("Name"), name);
    layout->addRow(tr("Role"), role);
    layout->addRow(tr("Partner organisation"), partner);
    if (password)
        layout->addRow(tr("First password"), password);
    layout->addRow(tr("Status"), active);
    layout->addRow(error);
    layout->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &form, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &form, [&]() {
        const QString roleCode = role->currentData().toString();
        const QString organisation = partner->currentData().toString();
        Status saved = password && active->currentData().toBool()
            ? Access::addUser(m_registry, login->text(), name->text(), roleCode, password->text(), organisation)
            : Access::setUser(m_registry, login->text(), name->text(), roleCode, active->currentData().toBool(), organisation);
        if (!saved.ok()) {
            error->setText(saved.error().message);  // the form stays open with what was typed
            form.adjustSize();
            return;
        }
        form.accept();
    });
    form.setMinimumWidth(480);
    if (form.exec() == QDialog::Accepted) {
        reloadUsers();
        report(tr("User %1 saved.").arg(login->text()), false);
    }
}

QWidget* PrivacyDialog::accessLogTab()
{
    auto* page = new QWidget(this);
    m_logUser = new QLineEdit(page);
    m_logUser->setPlaceholderText(tr("login"));
    m_logAction = new QComboBox(page);
    m_logAction->addItem(tr("all actions"), QString());
    for (const QString& code : AccessLog::actionCodes())
        m_logAction->addItem(Labels::accessAction(code), code);
    m_logSignal = new QLineEdit(page);
    m_logSignal->setPlaceholderText(u"S-2026-000123"_s);
    const QDate today = m_registry.clock().today();
    m_logFrom = new DateField(page);
    m_logFrom->setObjectName(u"accessLogFrom"_s);
    m_logFrom->setDate(today.addMonths(-1));
    m_logTo = new DateField(page);
    m_logTo->setObjectName(u"accessLogTo"_s);
    m_logTo->setDate(today);
    for (DateField* edit : {m_logFrom, m_logTo})
        connect(edit, &QLineEdit::returnPressed, this, &PrivacyDialog::reloadAccessLog);
    auto* apply = new QPushButton(tr("Show"), page);
    connect(apply, &QPushButton::clicked, this, &PrivacyDialog::reloadAccessLog);
    connect(m_logUser, &QLineEdit::returnPressed, this, &PrivacyDialog::reloadAccessLog);
    connect(m_logSignal, &QLineEdit::returnPressed, this, &PrivacyDialog::reloadAccessLog);
    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("User"), page));
    filters->addWidget(m_logUser);
    filters->addWidget(m_logAction);
    filters->addWidget(new QLabel(tr("Signal"), page));
    filters->addWidget(m_logSignal);
    filters->addWidget(new QLabel(tr("From"), page));
    filters->addWidget(m_logFrom);
    filters->addWidget(new QLabel(tr("to"), page));
    filters->addWidget(m_logTo);
    filters->addWidget(apply);
    m_log = makeTable({tr("When"), tr("Who"), tr("Role"), tr("Action"), tr("Signal"), tr("Detail")}, page);
    m_log->setObjectName(u"accessLog"_s);
    m_logCount = new QLabel(page);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(filters);
    layout->addWidget(m_log);
    layout->addWidget(m_logCount);
    return page;
}

void PrivacyDialog::reloadAccessLog()
{
    AccessFilter filter;
    filter.actor = m_logUser->text();
    filter.action = m_logAction->currentData().toString();
    filter.reference = m_logSignal->text();
    filter.from = m_logFrom->date();
    filter.to = m_logTo->date();
    filter.limit = 1000;
    auto entries = AccessLog::list(m_registry, filter);
    auto total = AccessLog::count(m_registry, filter);
    if (!entries.ok() || !total.ok()) {
        report(entries.ok() ? total.error().message : entries.error().message, true);
        return;
    }
    m_log->setRowCount(int(entries->size()));
    for (int r = 0; r < entries->size(); ++r) {
        const AccessEntry& e = entries->at(r);
        const auto role = Access::roleFromCode(e.role);
        setRow(m_log, r, {localTime(e.at), e.actor, role.ok() ? Access::roleLabel(role.value()) : e.role, Labels::accessAction(e.action),
                          e.reference, e.detail});
    }
    m_log->resizeColumnsToContents();
    m_logCount->setText(tr("%n entries (newest first; the log keeps its entries for the set term and cannot be changed).", nullptr,
                           int(total.value())));
}

QWidget* PrivacyDialog::subjectsTab()
{
    auto* page = new QWidget(this);
    m_subjectText = new QLineEdit(page);
    m_subjectText->setObjectName(u"subjectText"_s);
    m_subjectText->setPlaceholderText(tr("name, address or phone number (at least 2 characters)"));
    auto* find = new QPushButton(tr("Find"), page);
    connect(find, &QPushButton::clicked, this, [this]() { searchSubjects(m_subjectText->text()); });
    connect(m_subjectText, &QLineEdit::returnPressed, this, [this]() { searchSubjects(m_subjectText->text()); });
    m_subjects = makeTable({tr("Signal"), tr("Observed"), tr("Status"), tr("Name"), tr("Address"), tr("Phone")}, page);
    m_subjects->setObjectName(u"subjects"_s);
    m_subjects->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto* inzage = new QPushButton(tr("Export inzage (JSON)…"), page);
    auto* erase = new QPushButton(tr("Erase on request…"), page);
    connect(inzage, &QPushButton::clicked, this, &PrivacyDialog::exportInzage);
    connect(erase, &QPushButton::clicked, this, &PrivacyDialog::eraseSelected);
    auto* search = new QHBoxLayout;
    search->addWidget(m_subjectText);
    search->addWidget(find);
    auto* actions = new QHBoxLayout;
    actions->addWidget(inzage);
    actions->addWidget(erase);
    actions->addStretch();
    auto* note = new QLabel(tr("For a request under the AVG: find every signal that holds the person's data, give them "
                               "everything held (inzage), or erase it. Searches, inzage and erasure are in the access log."),
                            page);
    note->setWordWrap(true);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(note);
    layout->addLayout(search);
    layout->addWidget(m_subjects);
    layout->addLayout(actions);
    return page;
}

void PrivacyDialog::searchSubjects(const QString& text)
{
    m_subjectText->setText(text);
    auto matches = SubjectRights::search(m_registry, text);
    if (!matches.ok()) {
        report(matches.error().message, true);
        return;
    }
    m_subjects->setRowCount(int(matches->size()));
    for (int r = 0; r < matches->size(); ++r) {
        const SubjectMatch& m = matches->at(r);
        setRow(m_subjects, r, {m.reference, Labels::date(m.observedOn), Labels::signalStatus(m.status), m.name,
                               m.address, m.phone});
    }
    m_subjects->resizeColumnsToContents();
    m_subjects->selectAll();
    report(tr("%n signals hold data of a person matching '%1'.", nullptr, int(matches->size())).arg(text.trimmed()), false);
}

QStringList PrivacyDialog::selectedReferences() const
{
    QStringList references;
    for (const QModelIndex& index : m_subjects->selectionModel()->selectedRows())
        references << m_subjects->item(index.row(), 0)->text();
    return references;
}

void PrivacyDialog::exportInzage()
{
    const QStringList references = selectedReferences();
    if (references.isEmpty()) {
        report(tr("Select the signals of the person first."), true);
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export inzage"), u"inzage.json"_s, tr("JSON (*.json)"));
    if (path.isEmpty())
        return;
    Status done = SubjectRights::inzage(m_registry, references, path);
    report(done.ok() ? tr("Inzage of %n signals written to %1.", nullptr, int(references.size())).arg(path) : done.error().message, !done.ok());
}

void PrivacyDialog::eraseSelected()
{
    const QStringList references = selectedReferences();
    if (references.isEmpty()) {
        report(tr("Select the signals of the person first."), true);
        return;
    }
    bool ok = false;
    const QString reason = QInputDialog::getText(this, tr("Erase on request"),
                                                 tr("Erase the person's data and the free texts of %n signals? The figures stay. "
                                                    "Name the request (e.g. letter of 12-11-2026):", nullptr, int(references.size())),
                                                 QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    Status done = SubjectRights::erase(m_registry, references, reason);
    if (!done.ok()) {
        report(done.error().message, true);
        return;
    }
    report(tr("Erased at %n signals.", nullptr, int(references.size())), false);
    searchSubjects(m_subjectText->text());
}

QWidget* PrivacyDialog::retentionTab()
{
    auto* page = new QWidget(this);
    auto months = m_registry.intSetting(u"retention.months"_s, 24);
    auto* explain = new QLabel(tr("Person data of signals closed longer than %1 months ago is wiped by the retention run; "
                                  "the signals and every figure stay.").arg(months.ok() ? months.value() : 24), page);
    explain->setWordWrap(true);
    auto* count = new QPushButton(tr("Count what would be wiped"), page);
    auto* run = new QPushButton(tr("Run retention now…"), page);
    connect(count, &QPushButton::clicked, this, [this]() { runRetention(true); });
    connect(run, &QPushButton::clicked, this, [this]() { runRetention(false); });
    m_retentionStatus = new QLabel(page);
    m_retentionStatus->setObjectName(u"retentionStatus"_s);
    auto* retention = new QHBoxLayout;
    retention->addWidget(count);
    retention->addWidget(run);
    retention->addStretch();
    m_backups = makeTable({tr("Made"), tr("Why"), tr("Size"), tr("File")}, page);
    m_backups->setObjectName(u"backups"_s);
    auto* backup = new QPushButton(tr("Make backup now"), page);
    backup->setObjectName(u"makeBackup"_s);
    auto* restore = new QPushButton(tr("Restore selected backup…"), page);
    connect(backup, &QPushButton::clicked, this, &PrivacyDialog::makeBackup);
    connect(restore, &QPushButton::clicked, this, [this]() {
        const int row = m_backups->currentRow();
        if (row < 0) {
            report(tr("Select a backup first."), true);
            return;
        }
        const QString path = m_backups->item(row, 3)->text();
        if (m_interactive && QMessageBox::question(this, tr("Restore backup"),
                                                   tr("Replace the registry by the backup of %1? A backup of the current "
                                                      "registry is made first. Other windows on this registry must be closed.")
                                                       .arg(m_backups->item(row, 0)->text())) != QMessageBox::Yes)
            return;
        emit restoreRequested(path);
    });
    auto* backups = new QHBoxLayout;
    backups->addWidget(backup);
    backups->addWidget(restore);
    backups->addStretch();
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(explain);
    layout->addLayout(retention);
    layout->addWidget(m_retentionStatus);
    layout->addSpacing(12);
    layout->addWidget(new QLabel(tr("<b>Backups</b> (checked with the database's own integrity check; one a day automatically and before every "
                                    "update; the oldest are removed)"), page));
    layout->addWidget(m_backups);
    layout->addLayout(backups);
    return page;
}

void PrivacyDialog::runRetention(bool dryRun)
{
    auto counted = Retention::run(m_registry, true);
    if (!counted.ok()) {
        report(counted.error().message, true);
        return;
    }
    if (!dryRun && counted->signalCount > 0 && m_interactive
        && QMessageBox::question(this, tr("Run retention"),
                                 tr("Wipe the person data of %n signals closed before %1? This cannot be undone (backups excepted).",
                                    nullptr, int(counted->signalCount))
                                     .arg(counted->cutoff.toString(u"dd-MM-yyyy"_s))) != QMessageBox::Yes)
        return;
    auto result = dryRun ? counted : Retention::run(m_registry, false);
    if (!result.ok()) {
        report(result.error().message, true);
        return;
    }
    m_retentionStatus->setText(
        (result->written ? tr("Wiped: person data of %n signals closed before %1.", nullptr, int(result->signalCount))
                         : tr("To wipe: person data of %n signals closed before %1.", nullptr, int(result->signalCount)))
            .arg(result->cutoff.toString(u"dd-MM-yyyy"_s)));
    report(m_retentionStatus->text(), false);
}

void PrivacyDialog::reloadBackups()
{
    auto backups = Backups::list(m_registry.path());
    if (!backups.ok()) {
        report(backups.error().message, true);
        return;
    }
    m_backups->setRowCount(int(backups->size()));
    for (int r = 0; r < backups->size(); ++r) {
        const BackupInfo& b = backups->at(r);
        setRow(m_backups, r, {b.madeAt.toString(u"dd-MM-yyyy HH:mm:ss"_s), Labels::backupReason(b.reason), DataSize::text(b.bytes), b.path});
    }
    m_backups->resizeColumnsToContents();
}

void PrivacyDialog::makeBackup()
{
    auto made = Backups::create(m_registry, u"handmatig"_s);
    if (!made.ok()) {
        report(made.error().message, true);
        return;
    }
    report(tr("Backup made and checked: %1").arg(made->path), false);
    reloadBackups();
}

}  // namespace bs
