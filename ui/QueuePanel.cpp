#include "QueuePanel.h"

#include "TermHelp.h"
#include <QListWidget>
#include <QMenu>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bs {

namespace {
constexpr int queueRole = Qt::UserRole + 1;
constexpr int savedRole = Qt::UserRole + 2;
const QString settingsGroup = u"savedFilters"_s;
}  // namespace

QueuePanel::QueuePanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"queueList"_s);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    layout->addWidget(m_list);
    const QList<QPair<SignalQueue, QString>> queues = {
        {SignalQueue::MyWork, tr("My work")},               {SignalQueue::FollowUpToday, tr("Follow up today")},
        {SignalQueue::Unassigned, tr("Without handler")},   {SignalQueue::New, tr("New")},
        {SignalQueue::Late, tr("Late")},                    {SignalQueue::AwaitingFeedback, tr("Awaiting feedback")},
        {SignalQueue::Stalled, tr("Stalled escalations")}, {SignalQueue::All, tr("All signals")}};
    for (const auto& [queue, label] : queues) {
        auto* item = new QListWidgetItem(label, m_list);
        item->setData(queueRole, int(queue));
        if (queue == SignalQueue::Late)
            item->setToolTip(TermHelp::lateSignal());
        else if (queue == SignalQueue::Stalled)
            item->setToolTip(TermHelp::stalled());
    }
    loadSaved();
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item, QListWidgetItem* previous) {
        if (!item)
            return;
        if (previous && m_mayLeave && !m_mayLeave()) {
            // Back to the list still shown, once the list has finished handling the click.
            QTimer::singleShot(0, this, [this, row = m_list->row(previous)]() {
                const QSignalBlocker quiet(m_list);
                m_list->setCurrentRow(row);
            });
            return;
        }
        if (item->data(savedRole).isValid())
            emit savedFilterChosen(fromMap(item->data(savedRole).toMap()));
        else if (item->data(queueRole).isValid())
            emit queueChosen(SignalQueue(item->data(queueRole).toInt()));
    });
    connect(m_list, &QListWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QListWidgetItem* item = m_list->itemAt(at);
        if (!item || !item->data(savedRole).isValid())
            return;
        QMenu menu;
        menu.addAction(tr("Delete saved filter"), this, [this, item]() { removeSaved(item); });
        menu.exec(m_list->viewport()->mapToGlobal(at));
    });
}

void QueuePanel::selectQueue(SignalQueue queue)
{
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        if (!item->data(savedRole).isValid() && item->data(queueRole).toInt() == int(queue)) {
            m_list->setCurrentItem(item);
            return;
        }
    }
}

QVariantMap QueuePanel::toMap(const SignalFilter& f)
{
    return {{u"queue"_s, int(f.queue)}, {u"status"_s, f.status}, {u"buurt"_s, f.buurt}, {u"theme"_s, f.theme},
            {u"category"_s, f.category}, {u"source"_s, f.source}, {u"from"_s, f.from}, {u"to"_s, f.to},
            {u"text"_s, f.text}, {u"handler"_s, f.handler}, {u"sort"_s, int(f.sort)}, {u"descending"_s, f.descending}};
}

SignalFilter QueuePanel::fromMap(const QVariantMap& m)
{
    SignalFilter f;
    f.queue = SignalQueue(m.value(u"queue"_s).toInt());
    f.status = m.value(u"status"_s).toString();
    f.buurt = m.value(u"buurt"_s).toString();
    f.theme = m.value(u"theme"_s).toString();
    f.category = m.value(u"category"_s).toString();
    f.source = m.value(u"source"_s).toString();
    f.from = m.value(u"from"_s).toString();
    f.to = m.value(u"to"_s).toString();
    f.text = m.value(u"text"_s).toString();
    f.handler = m.value(u"handler"_s).toString();
    f.sort = SignalSort(m.value(u"sort"_s).toInt());
    f.descending = m.value(u"descending"_s, true).toBool();
    return f;
}

void QueuePanel::saveFilter(const QString& name, const SignalFilter& filter)
{
    QSettings settings;
    settings.beginGroup(settingsGroup);
    settings.setValue(name, toMap(filter));
    settings.endGroup();
    loadSaved();
}

QStringList QueuePanel::savedFilterNames() const
{
    QStringList names;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(savedRole).isValid())
            names << m_list->item(i)->text();
    }
    return names;
}

void QueuePanel::loadSaved()
{
    for (int i = m_list->count() - 1; i >= 0; --i) {
        QListWidgetItem* item = m_list->item(i);
        if (item->data(savedRole).isValid() || item->flags() == Qt::NoItemFlags)
            delete m_list->takeItem(i);
    }
    QSettings settings;
    settings.beginGroup(settingsGroup);
    const QStringList names = settings.childKeys();
    if (!names.isEmpty()) {
        auto* header = new QListWidgetItem(tr("Saved filters"), m_list);
        header->setFlags(Qt::NoItemFlags);
        QFont font = header->font();
        font.setBold(true);
        header->setFont(font);
    }
    for (const QString& name : names) {
        auto* item = new QListWidgetItem(name, m_list);
        item->setData(savedRole, settings.value(name).toMap());
    }
    settings.endGroup();
}

void QueuePanel::removeSaved(QListWidgetItem* item)
{
    QSettings settings;
    settings.beginGroup(settingsGroup);
    settings.remove(item->text());
    settings.endGroup();
    loadSaved();
}

}  // namespace bs
