// The detail panel's team casework: who handles the signal and the hand-over, and the timeline
// of journal entries and history with the journal dialog. Layout of the rest: SignalDetailPanel.cpp.
#include "SignalDetailPanel.h"

#include "ActionDialogs.h"
#include "CaseworkDialogs.h"
#include "Labels.h"
#include "Registry.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bs {

namespace {
enum TimelineShown { ShowAll, ShowJournal, ShowHistory };

struct TimelineRow {
    QString sortKey;  // the day it happened, then when it was written: newest first
    bool journal = false;
    QString heading;  // when, what, who
    QString text;
    QString aside = {};  // after the heading, plainly
};

QString asHtml(const QString& text)
{
    return text.toHtmlEscaped().replace(u'\n', u"<br>"_s);
}
}  // namespace

void SignalDetailPanel::buildTimeline(QVBoxLayout* layout)
{
    auto* box = new QGroupBox(tr("Journal and history"), m_content);
    auto* v = new QVBoxLayout(box);
    auto* top = new QHBoxLayout();
    m_timelineFilter = new QComboBox(box);
    m_timelineFilter->setObjectName(u"timelineFilter"_s);
    m_timelineFilter->addItem(tr("All"), ShowAll);
    m_timelineFilter->addItem(tr("Journal"), ShowJournal);
    m_timelineFilter->addItem(tr("History"), ShowHistory);
    m_addJournal = new QPushButton(tr("Add journal entry…"), box);
    m_addJournal->setObjectName(u"addJournal"_s);
    m_addJournal->setToolTip(tr("Ctrl+J"));
    top->addWidget(m_timelineFilter);
    top->addStretch();
    top->addWidget(m_addJournal);
    v->addLayout(top);
    // Read as a text: each entry a heading and its text wrapped at the panel's width.
    m_timeline = new QTextBrowser(box);
    m_timeline->setObjectName(u"timeline"_s);
    m_timeline->setOpenLinks(false);
    m_timeline->setMinimumHeight(200);
    v->addWidget(m_timeline);
    layout->addWidget(box);
    connect(m_timelineFilter, &QComboBox::currentIndexChanged, this, [this]() {
        if (m_detail)
            fillTimeline();
    });
    connect(m_addJournal, &QPushButton::clicked, this, &SignalDetailPanel::requestJournalEntry);
}

void SignalDetailPanel::showHandler()
{
    const SignalDetail& d = *m_detail;
    if (d.handler.isEmpty()) {
        m_handlerLine->setText(tr("Handler: none"));
        return;
    }
    const QString name = d.handlerName.isEmpty() ? d.handler : d.handlerName;
    if (d.handedOverBy.isEmpty()) {
        m_handlerLine->setText(tr("Handler: %1").arg(name));
    } else {
        const QString by = d.handedOverByName.isEmpty() ? d.handedOverBy : d.handedOverByName;
        m_handlerLine->setText(tr("Handler: %1 (handed over by %2)").arg(name, by));
    }
}

void SignalDetailPanel::fillTimeline()
{
    const SignalDetail& d = *m_detail;
    const int shown = m_timelineFilter->currentData().toInt();
    QList<TimelineRow> rows;
    if (shown != ShowHistory) {
        for (const JournalEntry& e : d.journal) {
            QString text = e.text.isEmpty() ? tr("[text blanked]") : e.text;
            if (e.corrects != 0)
                text += u' ' + tr("(correction of #%1)").arg(e.corrects);
            if (e.correctedBy != 0)
                text += u' ' + tr("(corrected in #%1)").arg(e.correctedBy);
            const QString heading = u"%1 · #%2 %3 · %4"_s.arg(Labels::date(e.happenedOn), QString::number(e.id), Journal::kindLabel(e.kind), e.authorName);
            // Written down later than it happened: when it was written is part of the record.
            const QString aside = e.writtenAt.startsWith(e.happenedOn) ? QString() : tr("written %1").arg(Labels::timestamp(e.writtenAt));
            rows << TimelineRow{e.happenedOn + u' ' + e.writtenAt, true, heading, text, aside};
        }
    }
    if (shown != ShowJournal) {
        for (const HistoryEntry& h : d.history) {
            const QString text = h.reason.isEmpty() ? h.detail : h.detail + u" — "_s + h.reason;
            rows << TimelineRow{h.at.left(10) + u' ' + h.at, false, u"%1 · %2 · %3"_s.arg(Labels::timestamp(h.at), tr("History"), h.actor), text};
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const TimelineRow& a, const TimelineRow& b) { return a.sortKey > b.sortKey; });
    QString html;
    for (const TimelineRow& row : rows) {
        const QString aside = row.aside.isEmpty() ? QString() : u" <span style='color:#555'>(%1)</span>"_s.arg(asHtml(row.aside));
        html += row.journal ? u"<p style='margin:0 0 8px 0'><b>%1</b>%2<br>%3</p>"_s.arg(asHtml(row.heading), aside, asHtml(row.text))
                            : u"<p style='margin:0 0 8px 0; color:#555'>%1<br>%2</p>"_s.arg(asHtml(row.heading), asHtml(row.text));
    }
    m_timeline->setHtml(html);
}

void SignalDetailPanel::requestHandOver()
{
    if (m_detail && m_rights.change)
        openAction(Dialogs::handOver(*m_registry, m_reference, m_detail->handler,
                                     m_detail->handlerName.isEmpty() ? m_detail->handler : m_detail->handlerName, this));
}

void SignalDetailPanel::requestJournalEntry()
{
    if (m_detail && m_addJournal->isEnabled())
        openAction(Dialogs::journalEntry(*m_registry, m_reference, m_detail->journal, this));
}

}  // namespace bs
