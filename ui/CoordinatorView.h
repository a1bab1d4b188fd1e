#pragma once
// The coordinator's overview: every open referral grouped by partner with days waiting and late
// flags, and the stalled escalations. A double click opens the signal.

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace bs {

class Registry;

class CoordinatorView : public QWidget {
    Q_OBJECT

public:
    explicit CoordinatorView(QWidget* parent = nullptr);
    void setRegistry(Registry* registry);
    void reload();

signals:
    void openSignal(const QString& reference);

private:
    Registry* m_registry = nullptr;
    QTreeWidget* m_referrals;
    QTreeWidget* m_stalled;
    QLabel* m_summary;
};

}  // namespace bs
