#include "SignalListModel.h"

#include "TermHelp.h"
#include "Labels.h"
#include "BackgroundReader.h"
#include "Registry.h"

#include <QBrush>
#include <QColor>
#include <QDate>
#include <QFont>

using namespace Qt::StringLiterals;

namespace bs {

SignalListModel::SignalListModel(QObject* parent) : QAbstractTableModel(parent)
{
    m_pages.setMaxCost(maxCachedPages);
    connect(&m_counter, &QFutureWatcher<QPair<quint64, qint64>>::finished, this, &SignalListModel::countFinished);
}

void SignalListModel::setSource(Registry* registry, const SignalFilter& filter)
{
    m_registry = registry;
    m_filter = filter;
    reload();
}

void SignalListModel::reload()
{
    beginResetModel();
    ++m_generation;
    m_pages.clear();
    m_count = 0;
    m_countExact = true;
    m_lastError.clear();
    if (m_registry) {
        SignalFilter first = m_filter;
        first.limit = pageSize;
        first.offset = 0;
        auto rows = Signals::list(*m_registry, first);
        if (rows.ok() && !m_filter.text.trimmed().isEmpty())
            (void)Signals::recordSearch(*m_registry, m_filter);
        if (rows.ok()) {
            m_count = rows->size();
            m_countExact = rows->size() < pageSize;
            m_pages.insert(0, new QList<SignalRow>(std::move(rows).value()), 1);
        } else {
            m_lastError = rows.error().message;
        }
    }
    endResetModel();
    emit countChanged(m_count);
    if (!m_lastError.isEmpty())
        emit failed(m_lastError);
    else if (!m_countExact)
        startCount();
}

void SignalListModel::startCount()
{
    // Counted on the registry's background connection, so the list shows at once.
    const SignalFilter filter = m_filter;
    const quint64 generation = m_generation;
    m_counter.setFuture(m_registry->background().run<QPair<quint64, qint64>>(
        this,
        [=](Registry& registry) -> QPair<quint64, qint64> {
            auto total = Signals::count(registry, filter);
            return {generation, total.ok() ? total.value() : -1};
        },
        [=](const Error&) -> QPair<quint64, qint64> { return {generation, -1}; }));
}

void SignalListModel::countFinished()
{
    if (m_counter.future().resultCount() == 0)
        return;  // dropped with the registry that would have counted it
    const auto [generation, total] = m_counter.result();
    if (generation != m_generation || total < 0 || m_countExact)
        return;
    if (total > m_count) {
        beginInsertRows({}, int(m_count), int(qMin<qint64>(total, std::numeric_limits<int>::max()) - 1));
        m_count = total;
        endInsertRows();
    }
    m_countExact = true;
    emit countChanged(m_count);
}

void SignalListModel::waitForCount()
{
    if (!m_countExact) {
        m_counter.waitForFinished();
        countFinished();
    }
}

const SignalRow* SignalListModel::row(int index) const
{
    if (!m_registry || index < 0 || index >= m_count)
        return nullptr;
    const int page = index / pageSize;
    QList<SignalRow>* rows = m_pages.object(page);
    if (!rows) {
        SignalFilter pageFilter = m_filter;
        pageFilter.limit = pageSize;
        pageFilter.offset = page * pageSize;
        auto fetched = Signals::list(*m_registry, pageFilter);
        if (!fetched.ok())
            return nullptr;
        rows = new QList<SignalRow>(std::move(fetched).value());
        m_pages.insert(page, rows, 1);
    }
    const int offset = index % pageSize;
    return offset < rows->size() ? &rows->at(offset) : nullptr;
}

QString SignalListModel::referenceAt(int index) const
{
    const SignalRow* r = row(index);
    return r ? r->reference : QString();
}

int SignalListModel::rowOfReference(const QString& reference) const
{
    for (int page : m_pages.keys()) {
        const QList<SignalRow>* rows = m_pages.object(page);
        for (int i = 0; rows && i < rows->size(); ++i) {
            if (rows->at(i).reference == reference)
                return page * pageSize + i;
        }
    }
    return -1;
}

int SignalListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(qMin<qint64>(m_count, std::numeric_limits<int>::max()));
}

int SignalListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SignalListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.column() >= ColumnCount)
        return {};
    const SignalRow* r = row(index.row());
    if (!r)
        return {};
    if (role == ReferenceRole)
        return r->reference;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Reference: return r->reference;
        case Observed: return Labels::date(r->observedOn);
        case Buurt: return r->buurt;
        case Category: return r->categoryName;
        case Urgency: return Labels::urgency(r->urgency);
        case Status: return Labels::signalStatus(r->status);
        case Level: return r->level;
        case OpenReferrals: return r->openReferrals > 0 ? QVariant(r->openReferrals) : QVariant();
        case FollowUp: return r->followUpOn.isEmpty() ? QString() : Labels::date(r->followUpOn);
        // Who handed it over stays in sight in the new handler's list.
        case Handler: return r->handler.isEmpty() ? u"—"_s : r->handedOverBy.isEmpty() ? r->handler : u"%1 ⇠ %2"_s.arg(r->handler, r->handedOverBy);
        case Late: return r->late ? tr("Late") : QString();
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Late && r->late)
        return TermHelp::lateSignal();
    if (role == Qt::ToolTipRole && index.column() == Handler && !r->handler.isEmpty() && !r->handedOverBy.isEmpty())
        return tr("Handed over by %1").arg(r->handedOverBy);
    if (role == Qt::ForegroundRole) {
        if (index.column() == Late && r->late)
            return QBrush(QColor(0xb0, 0x1c, 0x1c));
        if (index.column() == Urgency && r->urgency == u"acuut"_s)
            return QBrush(QColor(0xb0, 0x1c, 0x1c));
    }
    if (role == Qt::FontRole && ((index.column() == Late && r->late) || (index.column() == Urgency && r->urgency == u"acuut"_s))) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Level || index.column() == OpenReferrals))
        return int(Qt::AlignCenter);
    return {};
}

QVariant SignalListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == Late)
        return TermHelp::lateSignal();
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Reference: return tr("Reference");
    case Observed: return tr("Observed");
    case Buurt: return tr("Neighbourhood");
    case Category: return tr("Category");
    case Urgency: return tr("Urgency");
    case Status: return tr("Status");
    case Level: return tr("Level");
    case OpenReferrals: return tr("Referrals");
    case FollowUp: return tr("Follow up");
    case Handler: return tr("Handler");
    case Late: return tr("Late");
    }
    return {};
}

void SignalListModel::sort(int column, Qt::SortOrder order)
{
    static const QHash<int, SignalSort> sortable = {{Reference, SignalSort::ByReference}, {Observed, SignalSort::ByObserved},
                                                    {Buurt, SignalSort::ByBuurt},         {Category, SignalSort::ByCategory},
                                                    {Urgency, SignalSort::ByUrgency},     {Status, SignalSort::ByStatus},
                                                    {Level, SignalSort::ByLevel},         {FollowUp, SignalSort::ByFollowUp}};
    if (!sortable.contains(column))
        return;
    m_filter.sort = sortable.value(column);
    m_filter.descending = order == Qt::DescendingOrder;
    reload();
}

}  // namespace bs
