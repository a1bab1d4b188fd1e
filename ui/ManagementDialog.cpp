#include "ManagementDialog.h"

#include "HelpTopics.h"
#include "Labels.h"
#include "RecordForm.h"
#include "Registry.h"
#include "domain/Codes.h"
#include "services/Lookups.h"
#include "services/ReferenceAdmin.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bs {

namespace {

QTableWidget* table(QWidget* parent, const QString& name, const QStringList& headers)
{
    auto* t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setAlternatingRowColors(true);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

void setRow(QTableWidget* t, int row, const QStringList& cells, const QVariant& key)
{
    for (int c = 0; c < cells.size(); ++c) {
        auto* item = new QTableWidgetItem(cells.at(c));
        item->setData(Qt::UserRole, key);
        t->setItem(row, c, item);
    }
}

QWidget* withButtons(QWidget* parent, QTableWidget* t, const QList<QPair<QString, std::function<void()>>>& buttons,
                     const QString& note = {})
{
    auto* page = new QWidget(parent);
    auto* layout = new QVBoxLayout(page);
    if (!note.isEmpty()) {
        auto* label = new QLabel(note, page);
        label->setWordWrap(true);
        layout->addWidget(label);
    }
    layout->addWidget(t);
    auto* row = new QHBoxLayout();
    for (const auto& [text, action] : buttons) {
        auto* b = new QPushButton(text, page);
        QObject::connect(b, &QPushButton::clicked, page, action);
        row->addWidget(b);
    }
    row->addStretch();
    layout->addLayout(row);
    return page;
}

int selectedRow(QTableWidget* t)
{
    const auto rows = t->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

QList<QPair<QString, QString>> codeChoices(const CodeList& list, QString (*label)(const QString&) = nullptr)
{
    QList<QPair<QString, QString>> choices;
    for (const CodeLabel& entry : list.entries())
        choices << qMakePair(entry.code, label ? label(entry.code) : entry.label);
    return choices;
}

}  // namespace

ManagementDialog::ManagementDialog(Registry& registry, QWidget* parent) : QDialog(parent), m_registry(registry)
{
    setWindowTitle(tr("Manage reference data"));
    setObjectName(u"managementDialog"_s);
    HelpTopics::setChapter(this, HelpTopics::management);
    auto* layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(partnersTab(), tr("Partners"));
    m_tabs->addTab(buurtenTab(), tr("Neighbourhoods"));
    m_tabs->addTab(categoriesTab(), tr("Categories"));
    m_tabs->addTab(termsTab(), tr("Escalation terms"));
    m_tabs->addTab(activitiesTab(), tr("Activities"));
    m_tabs->addTab(sourcesTab(), tr("Sources"));
    layout->addWidget(m_tabs);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::accept);
    layout->addWidget(close);
    resize(1100, 620);
    reload();
}

QWidget* ManagementDialog::partnersTab()
{
    m_partners = table(this, u"partnersTable"_s,
                       {tr("Name"), tr("Formal"), tr("Kind"), tr("Response term"), tr("Joined"), tr("Last verified"), tr("Active")});
    connect(m_partners, &QTableWidget::cellDoubleClicked, this, [this](int row) { editPartner(row); });
    return withButtons(this, m_partners, {{tr("Add partner…"), [this]() { editPartner(-1); }},
                                          {tr("Edit…"), [this]() { editPartner(selectedRow(m_partners)); }}});
}

QWidget* ManagementDialog::buurtenTab()
{
    m_buurten = table(this, u"buurtenTable"_s,
                      {tr("Name"), tr("CBS code"), tr("District"), tr("Population"), tr("Prioritised"), tr("Active since")});
    connect(m_buurten, &QTableWidget::cellDoubleClicked, this, [this](int row) { editBuurt(row); });
    return withButtons(this, m_buurten, {{tr("Add neighbourhood…"), [this]() { editBuurt(-1); }},
                                         {tr("Edit…"), [this]() { editBuurt(selectedRow(m_buurten)); }}},
                       tr("CBS codes and population come from the CBS table 'Kerncijfers wijken en buurten'; leave a code empty "
                          "until it is known — never guess one."));
}

QWidget* ManagementDialog::sourcesTab()
{
    m_sources = table(this, u"sourcesTable"_s, {tr("Code"), tr("Name"), tr("External numbers")});
    return withButtons(this, m_sources, {{tr("Add source…"), [this]() { addSource(); }}},
                       tr("Where signals come from. Add a reporting system here before importing its export."));
}

QWidget* ManagementDialog::categoriesTab()
{
    m_categories = table(this, u"categoriesTable"_s, {tr("Theme"), tr("Code"), tr("Name"), tr("In use")});
    auto toggle = [this]() {
        const int row = selectedRow(m_categories);
        if (row < 0)
            return;
        const QString code = m_categories->item(row, 1)->text();
        const bool active = m_categories->item(row, 3)->data(Qt::UserRole + 1).toBool();
        const Status changed = ReferenceAdmin::setCategoryActive(m_registry, code, !active);
        if (!changed.ok())
            QMessageBox::warning(this, windowTitle(), changed.error().message);
        reload();
    };
    return withButtons(this, m_categories, {{tr("Add category…"), [this]() { editCategory(-1, true); }},
                                            {tr("Rename…"), [this]() { editCategory(selectedRow(m_categories), false); }},
                                            {tr("Deactivate / activate"), toggle}},
                       tr("A deactivated category stays valid on old signals; it is no longer offered for new ones."));
}

QWidget* ManagementDialog::termsTab()
{
    m_terms = table(this, u"termsTable"_s, {tr("Level"), tr("Name"), tr("Who holds direction"), tr("Term (working days)")});
    auto* page = withButtons(this, m_terms, {}, tr("A signal longer on a level than its term is shown as stalled. Term 0: the regional chain acts at once."));
    return page;
}

QWidget* ManagementDialog::activitiesTab()
{
    m_activities = table(this, u"activitiesTable"_s,
                         {tr("Date"), tr("Neighbourhood"), tr("Kind"), tr("Title"), tr("Participants"), tr("Organisations"),
                          tr("Self-organised"), tr("Budget"), tr("Partners")});
    return withButtons(this, m_activities, {{tr("Add activity…"), [this]() { addActivity(); }}},
                       tr("Events, meetings, clean-ups and consultation hours feed the success factors."));
}

void ManagementDialog::reload()
{
    const QString yes = tr("yes");
    const QString no = tr("no");
    if (auto partners = Lookups::partners(m_registry); partners.ok()) {
        m_partners->setRowCount(int(partners->size()));
        for (int i = 0; i < partners->size(); ++i) {
            const Partner& p = partners->at(i);
            setRow(m_partners, i, {p.name, p.formal ? tr("formal") : tr("informal"), Codes::partnerKind().label(p.kind),
                                   tr("%1 working days").arg(p.responseDays), Labels::date(p.joinedOn), Labels::date(p.lastVerifiedOn),
                                   p.active ? yes : no},
                   p.id);
        }
    }
    if (auto buurten = Lookups::buurten(m_registry); buurten.ok()) {
        m_buurten->setRowCount(int(buurten->size()));
        for (int i = 0; i < buurten->size(); ++i) {
            const Buurt& b = buurten->at(i);
            setRow(m_buurten, i, {b.name, b.cbsCode.isEmpty() ? tr("(unknown)") : b.cbsCode, b.wijkCode,
                                  b.population ? QString::number(*b.population) : tr("(unknown)"), b.prioritised ? yes : no,
                                  b.activeSince ? QString::number(*b.activeSince) : QString()},
                   b.id);
        }
    }
    if (auto categories = Lookups::categories(m_registry); categories.ok()) {
        m_categories->setRowCount(int(categories->size()));
        for (int i = 0; i < categories->size(); ++i) {
            const Category& c = categories->at(i);
            setRow(m_categories, i, {c.themeName, c.code, c.name, c.active ? yes : no}, c.code);
            m_categories->item(i, 3)->setData(Qt::UserRole + 1, c.active);
        }
    }
    if (auto levels = Lookups::escalationLevels(m_registry); levels.ok()) {
        m_terms->setRowCount(int(levels->size()));
        for (int i = 0; i < levels->size(); ++i) {
            const EscalationLevel& l = levels->at(i);
            setRow(m_terms, i, {QString::number(l.level), l.name, l.holder, QString()}, l.level);
            auto* spin = new QSpinBox(m_terms);
            spin->setObjectName(u"term%1"_s.arg(l.level));
            spin->setRange(0, 120);
            spin->setValue(l.termDays);
            connect(spin, &QSpinBox::valueChanged, this, [this, level = l.level](int days) {
                const Status saved = ReferenceAdmin::setEscalationTerm(m_registry, level, days);
                if (!saved.ok())
                    QMessageBox::warning(this, windowTitle(), saved.error().message);
            });
            m_terms->setCellWidget(i, 3, spin);
        }
    }
    if (auto activities = ReferenceAdmin::activities(m_registry); activities.ok()) {
        m_activities->setRowCount(int(activities->size()));
        const QLocale dutch(QLocale::Dutch, QLocale::Netherlands);
        for (int i = 0; i < activities->size(); ++i) {
            const ActivityRow& a = activities->at(i);
            setRow(m_activities, i, {Labels::date(a.heldOn), a.buurt.isEmpty() ? tr("whole municipality") : a.buurt,
                                     Labels::activityKind(a.kind), a.title, QString::number(a.participants),
                                     QString::number(a.organisations), a.selfOrganised ? yes : no,
                                     a.budgetCents ? dutch.toCurrencyString(double(*a.budgetCents) / 100.0, u"€"_s) : QString(),
                                     a.partners},
                   a.id);
        }
    }
    if (auto sources = Lookups::sources(m_registry); sources.ok()) {
        m_sources->setRowCount(int(sources->size()));
        for (int i = 0; i < sources->size(); ++i) {
            const Source& source = sources->at(i);
            setRow(m_sources, i, {source.code, source.name, source.external ? yes : no}, source.code);
        }
    }
    for (QTableWidget* t : {m_partners, m_buurten, m_categories, m_terms, m_activities, m_sources})
        t->resizeColumnsToContents();
}

void ManagementDialog::editPartner(int row)
{
    Partner current;
    if (row >= 0) {
        const qint64 id = m_partners->item(row, 0)->data(Qt::UserRole).toLongLong();
        auto found = Lookups::findPartner(m_registry, QString::number(id));
        if (!found.ok())
            return;
        current = found.value();
    } else {
        current.joinedOn = m_registry.clock().today().toString(Qt::ISODate);
    }
    const QList<FormField> fields = {
        {u"name"_s, tr("Name"), FormField::Text, current.name, {}},
        {u"formal"_s, tr("Formal partner"), FormField::Check, current.formal, {}},
        {u"kind"_s, tr("Kind"), FormField::Choice, current.kind, codeChoices(Codes::partnerKind())},
        {u"contact"_s, tr("Contact"), FormField::Text, current.contact, {}},
        {u"services"_s, tr("Services offered"), FormField::Text, current.services, {}},
        {u"themes"_s, tr("Themes (T1–T4)"), FormField::Text, current.themes, {}},
        {u"response_days"_s, tr("Response term (working days)"), FormField::Number, current.responseDays, {}},
        {u"joined_on"_s, tr("Joined on"), FormField::Date, current.joinedOn, {}},
        {u"last_verified_on"_s, tr("Last verified on"), FormField::Date, current.lastVerifiedOn, {}},
        {u"active"_s, tr("Active"), FormField::Check, current.active, {}}};
    auto* form = new RecordForm(row < 0 ? tr("New partner") : tr("Partner"), fields, [this, id = current.id](const QVariantMap& v) -> Status {
        bool ok = false;
        const int days = v.value(u"response_days"_s).toString().toInt(&ok);
        if (!ok)
            return Error::invalid(u"response_days"_s, tr("Response term must be a whole number of working days."));
        auto saved = ReferenceAdmin::savePartner(m_registry, {id, v.value(u"name"_s).toString(), v.value(u"formal"_s).toBool(),
                                                              v.value(u"kind"_s).toString(), v.value(u"contact"_s).toString(),
                                                              v.value(u"services"_s).toString(), v.value(u"themes"_s).toString(), days,
                                                              v.value(u"joined_on"_s).toString(), v.value(u"last_verified_on"_s).toString(),
                                                              v.value(u"active"_s).toBool()});
        return saved.ok() ? Status() : Status(saved.error());
    }, this);
    connect(form, &QDialog::accepted, this, &ManagementDialog::reload);
    form->open();
}

void ManagementDialog::editBuurt(int row)
{
    Buurt current;
    if (row >= 0) {
        auto found = Lookups::findBuurt(m_registry, m_buurten->item(row, 0)->text());
        if (!found.ok())
            return;
        current = found.value();
    }
    const QList<FormField> fields = {
        {u"name"_s, tr("Name"), FormField::Text, current.name, {}},
        {u"cbs_code"_s, tr("CBS code (BU…)"), FormField::Text, current.cbsCode, {}},
        {u"wijk"_s, tr("District code (WK…)"), FormField::Text, current.wijkCode, {}},
        {u"population"_s, tr("Population"), FormField::Number, current.population ? QVariant(*current.population) : QVariant(), {}},
        {u"prioritised"_s, tr("Prioritised"), FormField::Check, current.prioritised, {}},
        {u"active_since"_s, tr("Approach active since (year)"), FormField::Number,
         current.activeSince ? QVariant(*current.activeSince) : QVariant(), {}}};
    auto* form = new RecordForm(row < 0 ? tr("New neighbourhood") : tr("Neighbourhood"), fields, [this, id = current.id](const QVariantMap& v) -> Status {
        auto saved = ReferenceAdmin::saveBuurt(m_registry, {id, v.value(u"name"_s).toString(), v.value(u"cbs_code"_s).toString(),
                                                            v.value(u"wijk"_s).toString(), v.value(u"population"_s).toString(),
                                                            v.value(u"prioritised"_s).toBool(), v.value(u"active_since"_s).toString()});
        return saved.ok() ? Status() : Status(saved.error());
    }, this);
    connect(form, &QDialog::accepted, this, &ManagementDialog::reload);
    form->open();
}

void ManagementDialog::editCategory(int row, bool isNew)
{
    if (!isNew && row < 0)
        return;
    QList<FormField> fields;
    if (isNew) {
        fields << FormField{u"theme"_s, tr("Theme"), FormField::Choice, u"T1"_s,
                            {{u"T1"_s, u"T1"_s}, {u"T2"_s, u"T2"_s}, {u"T3"_s, u"T3"_s}, {u"T4"_s, u"T4"_s}}};
        fields << FormField{u"code"_s, tr("Code"), FormField::Text, QString(), {}};
    }
    fields << FormField{u"name"_s, tr("Name"), FormField::Text, isNew ? QString() : m_categories->item(row, 2)->text(), {}};
    const QString code = isNew ? QString() : m_categories->item(row, 1)->text();
    auto* form = new RecordForm(isNew ? tr("New category") : tr("Rename category"), fields, [this, isNew, code](const QVariantMap& v) {
        return isNew ? ReferenceAdmin::addCategory(m_registry, v.value(u"code"_s).toString(), v.value(u"theme"_s).toString(),
                                                   v.value(u"name"_s).toString())
                     : ReferenceAdmin::renameCategory(m_registry, code, v.value(u"name"_s).toString());
    }, this);
    connect(form, &QDialog::accepted, this, &ManagementDialog::reload);
    form->open();
}

void ManagementDialog::addSource()
{
    const QList<FormField> fields = {FormField{u"code"_s, tr("Code"), FormField::Text, QString(), {}},
                                     FormField{u"name"_s, tr("Name"), FormField::Text, QString(), {}}};
    auto* form = new RecordForm(tr("New source"), fields, [this](const QVariantMap& v) {
        return ReferenceAdmin::addSource(m_registry, v.value(u"code"_s).toString(), v.value(u"name"_s).toString());
    }, this);
    connect(form, &QDialog::accepted, this, &ManagementDialog::reload);
    form->open();
}

void ManagementDialog::addActivity()
{
    QList<QPair<QString, QString>> buurten = {{QString(), tr("Whole municipality")}};
    if (auto list = Lookups::buurten(m_registry); list.ok()) {
        for (const Buurt& b : list.value())
            buurten << qMakePair(b.name, b.name);
    }
    const QList<FormField> fields = {
        {u"held_on"_s, tr("Date"), FormField::Date, m_registry.clock().today().toString(Qt::ISODate), {}},
        {u"buurt"_s, tr("Neighbourhood"), FormField::Choice, QString(), buurten},
        {u"kind"_s, tr("Kind"), FormField::Choice, u"buurtevenement"_s, codeChoices(Codes::activityKind(), &Labels::activityKind)},
        {u"title"_s, tr("Title"), FormField::Text, QString(), {}},
        {u"participants"_s, tr("Participants"), FormField::Number, QString(), {}},
        {u"organisations"_s, tr("Organisations"), FormField::Number, QString(), {}},
        {u"self_organised"_s, tr("Organised by residents themselves"), FormField::Check, false, {}},
        {u"budget"_s, tr("Budget awarded (euro, residents' initiatives)"), FormField::Text, QString(), {}},
        {u"partners"_s, tr("Partners (comma separated)"), FormField::Text, QString(), {}}};
    auto* form = new RecordForm(tr("New activity"), fields, [this](const QVariantMap& v) -> Status {
        QStringList partners;
        for (const QString& p : v.value(u"partners"_s).toString().split(u',', Qt::SkipEmptyParts))
            partners << p.trimmed();
        auto added = ReferenceAdmin::addActivity(m_registry, {v.value(u"held_on"_s).toString(), v.value(u"buurt"_s).toString(),
                                                              v.value(u"kind"_s).toString(), v.value(u"title"_s).toString(),
                                                              v.value(u"participants"_s).toString(), v.value(u"organisations"_s).toString(),
                                                              v.value(u"self_organised"_s).toBool(), v.value(u"budget"_s).toString(), partners});
        return added.ok() ? Status() : Status(added.error());
    }, this);
    connect(form, &QDialog::accepted, this, &ManagementDialog::reload);
    form->open();
}

}  // namespace bs
