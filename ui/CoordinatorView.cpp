#include "CoordinatorView.h"

#include "Labels.h"
#include "Registry.h"
#include "services/Escalations.h"
#include "services/Referrals.h"
#include "services/Signals.h"

#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bs {

CoordinatorView::CoordinatorView(QWidget* parent) : QWidget(parent)
{
    setObjectName(u"coordinatorView"_s);
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"coordinatorSummary"_s);
    m_summary->setStyleSheet(u"font-weight: bold;"_s);
    layout->addWidget(m_summary);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_referrals = new QTreeWidget(splitter);
    m_referrals->setObjectName(u"openReferrals"_s);
    m_referrals->setHeaderLabels({tr("Partner / signal"), tr("Status"), tr("Sent"), tr("Working days waiting"), tr("Due"), tr("Late")});
    m_referrals->setAlternatingRowColors(true);
    m_stalled = new QTreeWidget(splitter);
    m_stalled->setObjectName(u"stalledEscalations"_s);
    m_stalled->setHeaderLabels({tr("Stalled signal"), tr("Neighbourhood"), tr("Level"), tr("Since"), tr("Term ended"), tr("Working days over")});
    m_stalled->setRootIsDecorated(false);
    m_stalled->setAlternatingRowColors(true);
    layout->addWidget(splitter);
    auto open = [this](QTreeWidgetItem* item) {
        const QString reference = item->data(0, Qt::UserRole).toString();
        if (!reference.isEmpty())
            emit openSignal(reference);
    };
    connect(m_referrals, &QTreeWidget::itemActivated, this, open);
    connect(m_stalled, &QTreeWidget::itemActivated, this, open);
}

void CoordinatorView::setRegistry(Registry* registry)
{
    // Read when shown: on a large registry the overview costs a moment the start-up should not pay.
    m_registry = registry;
    if (isVisible())
        reload();
}

void CoordinatorView::reload()
{
    m_referrals->clear();
    m_stalled->clear();
    if (!m_registry)
        return;
    ReferralFilter filter;
    filter.onlyOpen = true;
    filter.limit = 100000;
    auto referrals = Referrals::list(*m_registry, filter);
    QMap<QString, QList<ReferralInfo>> byPartner;
    int late = 0;
    if (referrals.ok()) {
        for (const ReferralInfo& r : referrals.value()) {
            byPartner[r.toPartner] << r;
            late += r.late;
        }
    }
    const QColor red(0xb0, 0x1c, 0x1c);
    for (auto it = byPartner.cbegin(); it != byPartner.cend(); ++it) {
        int partnerLate = 0;
        for (const ReferralInfo& r : it.value())
            partnerLate += r.late;
        auto* partner = new QTreeWidgetItem(m_referrals, {tr("%1 (%2 open, %3 late)").arg(it.key()).arg(it.value().size()).arg(partnerLate)});
        QFont bold = partner->font(0);
        bold.setBold(true);
        partner->setFont(0, bold);
        if (partnerLate > 0)
            partner->setForeground(0, red);
        for (const ReferralInfo& r : it.value()) {
            const QString due = r.status == u"verstuurd"_s ? r.respondBy : r.completeBy;
            auto* item = new QTreeWidgetItem(partner, {u"#%1  %2"_s.arg(r.id).arg(r.signalReference), Labels::referralStatus(r.status),
                                                       Labels::date(r.sentOn), QString::number(r.daysWaiting), Labels::date(due),
                                                       r.late ? tr("Late") : QString()});
            item->setData(0, Qt::UserRole, r.signalReference);
            if (r.late) {
                for (int c = 0; c < 6; ++c)
                    item->setForeground(c, red);
            }
        }
    }
    auto stalled = Escalations::stalled(*m_registry, 1000);
    SignalFilter stalledFilter;
    stalledFilter.queue = SignalQueue::Stalled;
    auto stalledTotal = Signals::count(*m_registry, stalledFilter);
    const qint64 stalledCount = stalledTotal.ok() ? stalledTotal.value() : 0;
    if (stalled.ok()) {
        for (const StalledSignal& s : stalled.value()) {
            auto* item = new QTreeWidgetItem(m_stalled, {s.reference, s.buurt, tr("%1 — %2").arg(s.level).arg(s.levelName),
                                                         Labels::date(s.levelSince), Labels::date(s.dueOn), QString::number(s.workingDaysOver)});
            item->setData(0, Qt::UserRole, s.reference);
        }
    }
    m_summary->setText(tr("%1 open referrals with %2 partners, %3 of them late · %4 stalled escalations%5")
                           .arg(referrals.ok() ? referrals->size() : 0)
                           .arg(byPartner.size())
                           .arg(late)
                           .arg(stalledCount)
                           .arg(stalledCount > 1000 ? tr(" (highest levels first, 1000 shown)") : QString()));
    for (int c = 0; c < 6; ++c) {
        m_referrals->resizeColumnToContents(c);
        m_stalled->resizeColumnToContents(c);
    }
}

}  // namespace bs
