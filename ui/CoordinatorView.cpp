#include "CoordinatorView.h"

#include "HelpTopics.h"
#include "TermHelp.h"
#include "Labels.h"
#include "Registry.h"
#include "services/Escalations.h"
#include "services/Journal.h"
#include "services/Referrals.h"
#include "services/Signals.h"
#include "stats/CaseworkFigures.h"

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
    HelpTopics::setChapter(this, HelpTopics::lateAndStalled);
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"coordinatorSummary"_s);
    m_summary->setStyleSheet(u"font-weight: bold;"_s);
    m_summary->setToolTip(TermHelp::lateReferral() + u"\n\n"_s + TermHelp::stalled());
    layout->addWidget(m_summary);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_referrals = new QTreeWidget(splitter);
    m_referrals->setObjectName(u"openReferrals"_s);
    m_referrals->setHeaderLabels({tr("Partner / signal"), tr("Status"), tr("Sent"), tr("Working days waiting"), tr("Due"), tr("Late")});
    m_referrals->setAlternatingRowColors(true);
    m_referrals->headerItem()->setToolTip(5, TermHelp::lateReferral());
    m_stalled = new QTreeWidget(splitter);
    m_stalled->setObjectName(u"stalledEscalations"_s);
    m_stalled->setHeaderLabels({tr("Stalled signal"), tr("Neighbourhood"), tr("Level"), tr("Since"), tr("Term ended"), tr("Working days over")});
    m_stalled->setRootIsDecorated(false);
    m_stalled->headerItem()->setToolTip(0, TermHelp::stalled());
    m_stalled->setAlternatingRowColors(true);
    m_handlers = new QTreeWidget(splitter);
    m_handlers->setObjectName(u"handlerLoads"_s);
    m_handlers->setHeaderLabels({tr("Handler"), tr("Open"), tr("Late"), tr("Follow-up due")});
    m_handlers->setRootIsDecorated(false);
    m_handlers->headerItem()->setToolTip(2, TermHelp::lateSignal());
    m_handlers->setAlternatingRowColors(true);
    // Numbers beside their names, not at the far edge of a wide window.
    m_handlers->header()->setStretchLastSection(false);
    layout->addWidget(splitter);
    m_contacts = new QLabel(this);
    m_contacts->setObjectName(u"journalContacts"_s);
    m_contacts->setWordWrap(true);
    layout->addWidget(m_contacts);
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
    m_handlers->clear();
    m_contacts->clear();
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
    showCasework();
}

void CoordinatorView::showCasework()
{
    // The team's own figures: the last 30 days of contacts, and what each colleague carries now.
    const QDate today = m_registry->clock().today();
    auto casework = Stats::casework(*m_registry, Period{today.addDays(-29), today});
    if (!casework.ok())
        return;
    for (const HandlerLoad& h : casework->handlers) {
        auto* item = new QTreeWidgetItem(m_handlers, {h.name, QString::number(h.open), QString::number(h.late),
                                                      QString::number(h.followUpDue)});
        for (int c = 1; c < 4; ++c)
            item->setTextAlignment(c, Qt::AlignRight);
    }
    auto* none = new QTreeWidgetItem(m_handlers, {tr("Without handler"), QString::number(casework->openWithoutHandler)});
    none->setTextAlignment(1, Qt::AlignRight);
    QFont italic = none->font(0);
    italic.setItalic(true);
    none->setFont(0, italic);
    for (int c = 0; c < 4; ++c)
        m_handlers->resizeColumnToContents(c);
    QStringList kinds;
    for (auto it = casework->contactsByKind.cbegin(); it != casework->contactsByKind.cend(); ++it)
        kinds << tr("%1 %2").arg(Journal::kindLabel(it.key()).toLower()).arg(it.value());
    m_contacts->setText(tr("Journal, last 30 days: %n contact(s)", nullptr, casework->contacts) +
                        (kinds.isEmpty() ? QString() : u" ("_s + kinds.join(u", "_s) + u")"_s));
}

}  // namespace bs
