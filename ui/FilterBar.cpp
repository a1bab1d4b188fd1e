#include "FilterBar.h"

#include "DateField.h"
#include "Labels.h"
#include "domain/Codes.h"
#include "access/Access.h"
#include "services/Handlers.h"
#include "services/Lookups.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bs {

namespace {
QComboBox* combo(QWidget* parent, const QString& name, const QString& allText)
{
    auto* box = new QComboBox(parent);
    box->setObjectName(name);
    box->addItem(allText, QString());
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(6);
    return box;
}

DateField* dateField(QWidget* parent, const QString& name, const QString& emptyText)
{
    auto* edit = new DateField(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(emptyText);  // empty means "no limit"
    return edit;
}

// A date that is no day (marked red in the field) sets no limit.
QString dateValue(const DateField* edit)
{
    return edit->holdsDate() ? edit->isoDate() : QString();
}

void selectData(QComboBox* box, const QString& value)
{
    const int index = box->findData(value);
    box->setCurrentIndex(index < 0 ? 0 : index);
}
}  // namespace

FilterBar::FilterBar(QWidget* parent) : QWidget(parent)
{
    auto* rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(4);
    auto* searchRow = new QHBoxLayout();
    auto* layout = new QHBoxLayout();
    rows->addLayout(searchRow);
    rows->addLayout(layout);
    m_text = new QLineEdit(this);
    m_text->setObjectName(u"filterText"_s);
    m_text->setPlaceholderText(tr("Search reference, description, street…"));
    m_text->setClearButtonEnabled(true);
    m_buurt = combo(this, u"filterBuurt"_s, tr("All neighbourhoods"));
    m_theme = combo(this, u"filterTheme"_s, tr("All themes"));
    m_category = combo(this, u"filterCategory"_s, tr("All categories"));
    m_status = combo(this, u"filterStatus"_s, tr("All statuses"));
    m_source = combo(this, u"filterSource"_s, tr("All sources"));
    m_handler = combo(this, u"filterHandler"_s, tr("Any handler"));
    m_handler->setToolTip(tr("Open signals of one handler"));
    m_handler->hide();
    m_from = dateField(this, u"filterFrom"_s, tr("from…"));
    m_to = dateField(this, u"filterTo"_s, tr("to…"));
    for (const QString& code : Codes::signalStatus().codes())
        m_status->addItem(Labels::signalStatus(code), code);
    auto* reset = new QToolButton(this);
    reset->setText(tr("Clear"));
    reset->setToolTip(tr("Clear all filters"));
    searchRow->addWidget(m_text, 3);
    searchRow->addWidget(m_status, 1);
    searchRow->addWidget(m_handler, 1);
    searchRow->addWidget(reset);
    for (QWidget* w : std::initializer_list<QWidget*>{m_buurt, m_theme, m_category, m_source, m_from, m_to})
        layout->addWidget(w, 1);

    // Typing waits a moment so the list is not queried on every key.
    m_textDelay = new QTimer(this);
    m_textDelay->setSingleShot(true);
    m_textDelay->setInterval(250);
    connect(m_textDelay, &QTimer::timeout, this, &FilterBar::changed);
    connect(m_text, &QLineEdit::textChanged, m_textDelay, qOverload<>(&QTimer::start));
    for (QComboBox* box : {m_buurt, m_theme, m_category, m_status, m_source, m_handler}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this]() {
            if (!m_updating)
                emit changed();
        });
    }
    for (DateField* edit : {m_from, m_to}) {
        connect(edit, &DateField::dateChanged, this, [this]() {
            if (!m_updating)
                emit changed();
        });
    }
    connect(reset, &QToolButton::clicked, this, [this]() {
        clear();
        emit changed();
    });
}

void FilterBar::setRegistry(Registry* registry)
{
    m_updating = true;
    for (QComboBox* box : {m_buurt, m_theme, m_category, m_source, m_handler}) {
        while (box->count() > 1)
            box->removeItem(1);
    }
    if (registry) {
        if (auto buurten = Lookups::buurten(*registry); buurten.ok()) {
            for (const Buurt& b : buurten.value())
                m_buurt->addItem(b.name, b.name);
        }
        if (auto categories = Lookups::categories(*registry); categories.ok()) {
            QString lastTheme;
            for (const Category& c : categories.value()) {
                if (c.themeCode != lastTheme) {
                    m_theme->addItem(c.themeName, c.themeCode);
                    lastTheme = c.themeCode;
                }
                m_category->addItem(c.name, c.code);
            }
        }
        if (auto sources = Lookups::sources(*registry); sources.ok()) {
            for (const Source& s : sources.value())
                m_source->addItem(s.name, s.code);
        }
    }
    // Whose work is where is the coordinator's question; others have their own queue.
    auto role = registry ? Access::role(*registry) : Result<Role>(Role::None);
    const bool coordinates = role.ok() && Access::allows(role.value(), Permission::Coordinate);
    if (coordinates) {
        if (auto candidates = Handlers::candidates(*registry); candidates.ok()) {
            for (const Handler& h : candidates.value())
                m_handler->addItem(h.displayName, h.login);
        }
    }
    m_handler->setVisible(coordinates);
    m_updating = false;
}

void FilterBar::applyTo(SignalFilter& filter) const
{
    filter.buurt = m_buurt->currentData().toString();
    filter.theme = m_theme->currentData().toString();
    filter.category = m_category->currentData().toString();
    filter.status = m_status->currentData().toString();
    filter.source = m_source->currentData().toString();
    filter.handler = m_handler->currentData().toString();
    filter.from = dateValue(m_from);
    filter.to = dateValue(m_to);
    filter.text = m_text->text();
}

void FilterBar::setFrom(const SignalFilter& filter)
{
    m_updating = true;
    selectData(m_buurt, filter.buurt);
    selectData(m_theme, filter.theme);
    selectData(m_category, filter.category);
    selectData(m_status, filter.status);
    selectData(m_source, filter.source);
    selectData(m_handler, filter.handler);
    m_from->setDate(QDate::fromString(filter.from, Qt::ISODate));
    m_to->setDate(QDate::fromString(filter.to, Qt::ISODate));
    m_text->blockSignals(true);
    m_text->setText(filter.text);
    m_text->blockSignals(false);
    m_updating = false;
}

void FilterBar::clear()
{
    setFrom(SignalFilter());
}

}  // namespace bs
