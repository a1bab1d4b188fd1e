#pragma once
// The work queues (werkvoorraden) on the left, followed by the filters the user saved under a
// name. Saved filters live in the user's settings, not in the shared registry.

#include "services/Signals.h"

#include <QWidget>

#include <functional>

class QListWidget;
class QListWidgetItem;

namespace bs {

class QueuePanel : public QWidget {
    Q_OBJECT

public:
    explicit QueuePanel(QWidget* parent = nullptr);
    void selectQueue(SignalQueue queue);
    void saveFilter(const QString& name, const SignalFilter& filter);
    QStringList savedFilterNames() const;
    // Asked before another queue or saved filter is shown; false keeps the current one chosen.
    void setLeaveCheck(std::function<bool()> mayLeave) { m_mayLeave = std::move(mayLeave); }
    static QVariantMap toMap(const SignalFilter& filter);
    static SignalFilter fromMap(const QVariantMap& map);

signals:
    void queueChosen(bs::SignalQueue queue);
    void savedFilterChosen(const bs::SignalFilter& filter);

private:
    void loadSaved();
    void removeSaved(QListWidgetItem* item);
    QListWidget* m_list;
    std::function<bool()> m_mayLeave;
};

}  // namespace bs
