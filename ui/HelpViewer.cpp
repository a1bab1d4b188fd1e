#include "HelpViewer.h"

#include "HelpTopics.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bs {

HelpViewer::HelpViewer(QWidget* parent) : QWidget(parent, Qt::Window)
{
    setObjectName(u"helpViewer"_s);
    setWindowTitle(tr("User guide — Buurtsignaal"));
    resize(980, 700);
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout();
    m_back = new QToolButton(this);
    m_back->setObjectName(u"helpBack"_s);
    m_back->setText(tr("◀ Back"));
    m_back->setShortcut(QKeySequence::Back);
    m_forward = new QToolButton(this);
    m_forward->setObjectName(u"helpForward"_s);
    m_forward->setText(tr("Forward ▶"));
    m_forward->setShortcut(QKeySequence::Forward);
    auto* contents = new QToolButton(this);
    contents->setText(tr("Contents"));
    bar->addWidget(m_back);
    bar->addWidget(m_forward);
    bar->addWidget(contents);
    bar->addStretch();
    layout->addLayout(bar);

    auto* splitter = new QSplitter(this);
    m_chapters = new QListWidget(splitter);
    m_chapters->setObjectName(u"helpChapters"_s);
    m_chapters->setWordWrap(true);  // long titles on two lines rather than cut off
    m_chapters->setTextElideMode(Qt::ElideNone);
    m_chapters->setStyleSheet(u"QListWidget::item { padding: 3px; }"_s);
    m_chapters->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    for (const QString& chapter : HelpTopics::chapters()) {
        auto* item = new QListWidgetItem(HelpTopics::titleOf(chapter), m_chapters);
        item->setData(Qt::UserRole, chapter);
    }
    m_browser = new QTextBrowser(splitter);
    m_browser->setObjectName(u"helpBrowser"_s);
    m_browser->setOpenLinks(false);  // every link passes follow(): no web address is opened
    m_browser->setOpenExternalLinks(false);
    splitter->addWidget(m_chapters);
    splitter->addWidget(m_browser);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({270, 710});
    layout->addWidget(splitter, 1);
    m_outsideLink = new QLabel(this);
    m_outsideLink->setObjectName(u"helpOutsideLink"_s);
    m_outsideLink->setWordWrap(true);
    m_outsideLink->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_outsideLink->hide();
    layout->addWidget(m_outsideLink);

    connect(m_back, &QToolButton::clicked, m_browser, &QTextBrowser::backward);
    connect(m_forward, &QToolButton::clicked, m_browser, &QTextBrowser::forward);
    connect(contents, &QToolButton::clicked, this, [this]() { showChapter(HelpTopics::index); });
    connect(m_browser, &QTextBrowser::backwardAvailable, m_back, &QWidget::setEnabled);
    connect(m_browser, &QTextBrowser::forwardAvailable, m_forward, &QWidget::setEnabled);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &HelpViewer::follow);
    connect(m_browser, &QTextBrowser::sourceChanged, this, &HelpViewer::sourceShown);
    connect(m_chapters, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { showChapter(item->data(Qt::UserRole).toString()); });
    connect(m_chapters, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { showChapter(item->data(Qt::UserRole).toString()); });
    m_back->setEnabled(false);
    m_forward->setEnabled(false);
}

void HelpViewer::showChapter(const QString& chapter, const QString& anchor)
{
    const QString known = HelpTopics::chapters().contains(chapter) ? chapter : HelpTopics::index;
    const QUrl url = HelpTopics::urlOf(known, anchor);
    if (m_browser->source() != url)
        m_browser->setSource(url);
    else if (!anchor.isEmpty())
        m_browser->scrollToAnchor(anchor);
    show();
    raise();
    activateWindow();
}

QString HelpViewer::currentChapter() const
{
    return QFileInfo(m_browser->source().path()).completeBaseName();
}

void HelpViewer::follow(const QUrl& link)
{
    const QUrl target = m_browser->source().resolved(link);
    if (target.scheme() != u"qrc"_s) {
        m_outsideLink->setText(tr("This link leads outside the guide and is not opened here: %1").arg(link.toString()));
        m_outsideLink->show();
        return;
    }
    m_browser->setSource(target);
}

void HelpViewer::sourceShown(const QUrl& url)
{
    m_outsideLink->hide();
    const QString chapter = QFileInfo(url.path()).completeBaseName();
    for (int row = 0; row < m_chapters->count(); ++row) {
        if (m_chapters->item(row)->data(Qt::UserRole).toString() == chapter) {
            const QSignalBlocker quiet(m_chapters);
            m_chapters->setCurrentRow(row);
            return;
        }
    }
}

}  // namespace bs
