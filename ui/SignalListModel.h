#pragma once
// The signal list as a windowed model: rows are fetched in pages as the view asks for them and
// only a bounded number of pages is kept, so a list of a million signals costs the memory of a
// few thousand rows. The first page shows at once; when it is full, the exact number of rows is
// counted on the registry's background connection (BackgroundReader) and the list grows to it.

#include "services/Signals.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QFutureWatcher>

namespace bs {

class Registry;

class SignalListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    // Follow-up date and handler early, where a narrow list still shows them.
    enum Column { Reference, Observed, Buurt, Category, Urgency, Status, FollowUp, Handler, Level, OpenReferrals, Late, ColumnCount };
    static constexpr int pageSize = 200;
    static constexpr int maxCachedPages = 40;
    enum Role { ReferenceRole = Qt::UserRole + 1 };

    explicit SignalListModel(QObject* parent = nullptr);

    // Shows `filter` of `registry`: the first page is read at once, the count in the background.
    void setSource(Registry* registry, const SignalFilter& filter);
    void setRegistry(Registry* registry) { setSource(registry, m_filter); }
    void setFilter(const SignalFilter& filter) { setSource(m_registry, filter); }
    const SignalFilter& filter() const { return m_filter; }
    // Reads everything again (after a change here or in another program).
    void reload();
    qint64 totalCount() const { return m_count; }
    bool countIsExact() const { return m_countExact; }
    // Waits for a background count (tests and benchmarks).
    void waitForCount();
    QString lastError() const { return m_lastError; }
    QString referenceAt(int row) const;
    int rowOfReference(const QString& reference) const;  // -1 when not in a cached page

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order) override;

signals:
    void failed(const QString& message);
    void countChanged(qint64 count);

private:
    const SignalRow* row(int index) const;
    void startCount();
    void countFinished();

    Registry* m_registry = nullptr;
    SignalFilter m_filter;
    qint64 m_count = 0;
    bool m_countExact = true;
    quint64 m_generation = 0;  // a count started for an older filter is ignored
    QFutureWatcher<QPair<quint64, qint64>> m_counter;
    QString m_lastError;
    mutable QCache<int, QList<SignalRow>> m_pages;
};

}  // namespace bs
