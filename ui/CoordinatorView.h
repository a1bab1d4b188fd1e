#pragma once
// The coordinator's overview: every open referral grouped by partner with days waiting and late
// flags, the stalled escalations (a double click opens the signal), and the team's casework: open
// signals per handler and without one, and the journal's contacts of the last 30 days.

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
    void showCasework();
    Registry* m_registry = nullptr;
    QTreeWidget* m_handlers;
    QLabel* m_contacts;
    QTreeWidget* m_referrals;
    QTreeWidget* m_stalled;
    QLabel* m_summary;
};

}  // namespace bs
