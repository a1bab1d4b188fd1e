#include "StartPage.h"

#include "storage/Location.h"

#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bs {

namespace {

constexpr int columnWidth = 900;   // readable at 1366x768 and on a wide screen alike
constexpr int recentShown = 6;
const QString ink = u"#1b3a66"_s;  // headings and titles
const QString muted = u"#4b5563"_s;

// A large button with a title and a one-line explanation under it; both are read out as its
// name and description.
class ChoiceButton : public QPushButton {
public:
    ChoiceButton(const QString& title, const QString& explanation, const QString& accent, QWidget* parent)
        : QPushButton(parent)
    {
        setAccessibleName(title);
        setAccessibleDescription(explanation);
        setCursor(Qt::PointingHandCursor);
        setStyleSheet(uR"(QPushButton { background: white; border: 1px solid #c5ccd6; border-left: 6px solid %1;
                                         border-radius: 4px; }
                          QPushButton:hover { background: #f1f6fc; border-color: #2f6db5; border-left-color: %1; }
                          QPushButton:focus { border-color: #2f6db5; border-left-color: %1; }
                          QPushButton:pressed { background: #e2ecf8; })"_s.arg(accent));
        auto* titleLabel = new QLabel(title, this);
        QFont titleFont = titleLabel->font();
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
        titleFont.setBold(true);
        titleLabel->setFont(titleFont);
        titleLabel->setStyleSheet(u"color: %1;"_s.arg(ink));
        auto* explanationLabel = new QLabel(explanation, this);
        explanationLabel->setWordWrap(true);
        explanationLabel->setStyleSheet(u"color: %1;"_s.arg(muted));
        for (QLabel* label : {titleLabel, explanationLabel})
            label->setAttribute(Qt::WA_TransparentForMouseEvents);
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(18, 12, 14, 12);
        layout->setSpacing(4);
        layout->addWidget(titleLabel);
        layout->addWidget(explanationLabel);
        layout->addStretch();
    }

    QSize sizeHint() const override { return layout()->totalSizeHint().expandedTo(QSize(300, 86)); }
    QSize minimumSizeHint() const override { return sizeHint(); }
};

QLabel* heading(const QString& text, double scale, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(true);
    label->setFont(font);
    label->setStyleSheet(u"color: %1;"_s.arg(ink));
    return label;
}

}  // namespace

StartPage::StartPage(QWidget* parent) : QWidget(parent)
{
    setObjectName(u"startPage"_s);
    setAutoFillBackground(true);
    QPalette shade = palette();
    shade.setColor(QPalette::Window, QColor(0xf3, 0xf5, 0xf8));
    setPalette(shade);

    auto* column = new QWidget(this);
    column->setMaximumWidth(columnWidth);
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(10);

    layout->addStretch(1);
    layout->addWidget(heading(tr("Welcome to Buurtsignaal"), 1.8, column));
    auto* intro = new QLabel(tr("Choose the registry you want to work in. Buurtsignaal remembers your choice and opens it "
                                "directly next time."),
                             column);
    intro->setWordWrap(true);
    intro->setStyleSheet(u"color: %1;"_s.arg(muted));
    layout->addWidget(intro);

    // Why the registry asked for could not be opened: in plain sight above the choices.
    m_reasonBox = new QWidget(column);
    m_reasonBox->setObjectName(u"startReasonBox"_s);
    m_reasonBox->setAttribute(Qt::WA_StyledBackground);
    m_reasonBox->setStyleSheet(u"#startReasonBox { background: #fdecea; border: 1px solid #d93025; border-left: 6px solid #d93025;"
                               " border-radius: 4px; }"_s);
    auto* reasonLayout = new QVBoxLayout(m_reasonBox);
    reasonLayout->setContentsMargins(16, 10, 12, 10);
    reasonLayout->setSpacing(4);
    auto* reasonTitle = new QLabel(tr("The registry could not be opened"), m_reasonBox);
    QFont bold = reasonTitle->font();
    bold.setBold(true);
    reasonTitle->setFont(bold);
    reasonTitle->setStyleSheet(u"color: #8c1d18;"_s);
    m_reasonText = new QLabel(m_reasonBox);
    m_reasonText->setObjectName(u"startReason"_s);
    m_reasonText->setWordWrap(true);
    m_reasonText->setTextFormat(Qt::PlainText);
    m_reasonText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reasonText->setStyleSheet(u"color: #3c1512;"_s);
    m_forget = new QPushButton(tr("Remove from the recent registries"), m_reasonBox);
    m_forget->setObjectName(u"startForget"_s);
    connect(m_forget, &QPushButton::clicked, this, [this]() { emit forgetRequested(m_forgettable); });
    auto* reasonRow = new QHBoxLayout;
    reasonRow->addWidget(m_reasonText, 1);
    reasonRow->addWidget(m_forget, 0, Qt::AlignBottom);
    reasonLayout->addWidget(reasonTitle);
    reasonLayout->addLayout(reasonRow);
    m_reasonBox->hide();
    layout->addSpacing(6);
    layout->addWidget(m_reasonBox);
    layout->addSpacing(6);

    auto* choices = new QGridLayout;
    choices->setSpacing(12);
    const QString blue = u"#2f6db5"_s;
    const QString amber = u"#ffb000"_s;  // the colour of the DEMO band
    choices->addWidget(addChoice(Choice::NewRegistry, tr("New registry on this computer"),
                                 tr("Start your own, empty registry in a file on this computer."), blue),
                       0, 0);
    choices->addWidget(addChoice(Choice::OpenFile, tr("Open an existing registry file"),
                                 tr("Choose a .buurtsignaal file that is already on this computer, e.g. after moving it."), blue),
                       0, 1);
    choices->addWidget(addChoice(Choice::Server, tr("Connect to the municipality's server"),
                                 tr("Work with your team in the shared registry; log in with the name and password the "
                                    "beheerder gave you."),
                                 blue),
                       1, 0);
    choices->addWidget(addChoice(Choice::Demo, tr("Practise with demo data"),
                                 tr("A separate registry with 2,000 fictional signals, marked DEMO. Your own registry "
                                    "stays untouched."),
                                 amber),
                       1, 1);
    choices->setColumnStretch(0, 1);
    choices->setColumnStretch(1, 1);
    layout->addLayout(choices);

    m_recentBox = new QWidget(column);
    auto* recentLayout = new QVBoxLayout(m_recentBox);
    recentLayout->setContentsMargins(0, 14, 0, 0);
    recentLayout->setSpacing(2);
    recentLayout->addWidget(heading(tr("Recently opened"), 1.1, m_recentBox));
    m_recentRows = new QVBoxLayout;
    m_recentRows->setSpacing(0);
    recentLayout->addLayout(m_recentRows);
    m_recentBox->hide();
    layout->addWidget(m_recentBox);

    layout->addSpacing(10);
    const QString guideLink = u"<a href=\"guide\" style=\"color: #1f5fae;\">%1</a>"_s.arg(tr("guide"));
    auto* guide = new QLabel(tr("New to Buurtsignaal? Read the %1 (F1, or Help ▸ Guide).").arg(guideLink), column);
    guide->setObjectName(u"startGuide"_s);
    guide->setTextFormat(Qt::RichText);
    guide->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    guide->setStyleSheet(u"color: %1;"_s.arg(muted));
    connect(guide, &QLabel::linkActivated, this, &StartPage::guideRequested);
    layout->addWidget(guide);
    layout->addStretch(2);

    // A column in the middle; scrolls rather than squeezes on a small screen.
    auto* centred = new QWidget(this);
    auto* row = new QHBoxLayout(centred);
    row->setContentsMargins(0, 0, 0, 0);
    row->addStretch();
    row->addWidget(column, 100);
    row->addStretch();
    auto* scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(centred);
    scroll->viewport()->setAutoFillBackground(false);
    centred->setAutoFillBackground(false);
    auto* page = new QVBoxLayout(this);
    page->setContentsMargins(0, 0, 0, 0);
    page->addWidget(scroll);
}

QPushButton* StartPage::addChoice(Choice choice, const QString& title, const QString& explanation, const QString& accent)
{
    static const char* const names[] = {"startNewRegistry", "startOpenFile", "startServer", "startDemo"};
    auto* button = new ChoiceButton(title, explanation, accent, this);
    button->setObjectName(QString::fromLatin1(names[int(choice)]));
    connect(button, &QPushButton::clicked, this, [this, choice]() { emit chosen(choice); });
    m_choices.at(std::size_t(choice)) = button;
    return button;
}

QAbstractButton* StartPage::choiceButton(Choice choice) const
{
    return m_choices.at(std::size_t(choice));
}

void StartPage::setRecent(const QStringList& entries)
{
    m_recentButtons.clear();
    while (QLayoutItem* item = m_recentRows->takeAt(0)) {
        // Later: the list is rebuilt while a click on one of its buttons is being handled.
        item->widget()->hide();
        item->widget()->deleteLater();
        delete item;
    }
    for (const QString& entry : entries.mid(0, recentShown)) {
        const bool server = Location::looksLikeServer(entry);
        const QFileInfo file(entry);
        auto* row = new QWidget(m_recentBox);
        auto* open = new QPushButton(server ? entry : file.fileName(), row);
        open->setObjectName(u"startRecent"_s);
        open->setProperty("entry", entry);
        open->setFlat(true);
        open->setCursor(Qt::PointingHandCursor);
        open->setToolTip(server ? tr("Log in to %1").arg(entry) : tr("Open %1").arg(QDir::toNativeSeparators(entry)));
        open->setStyleSheet(u"QPushButton { color: #1f5fae; text-align: left; border: none; padding: 3px 0px; }"
                            " QPushButton:hover, QPushButton:focus { text-decoration: underline; }"_s);
        connect(open, &QPushButton::clicked, this, [this, entry]() { emit recentChosen(entry); });
        const bool missing = !server && !file.exists();
        QString where;
        if (server)
            where = tr("server of the team — asks for your password");
        else if (missing)
            where = tr("%1 — not found").arg(QDir::toNativeSeparators(file.absolutePath()));
        else
            where = QDir::toNativeSeparators(file.absolutePath());
        auto* detail = new QLabel(where, row);
        detail->setStyleSheet(u"color: %1;"_s.arg(missing ? u"#8c1d18"_s : muted));
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->setSpacing(12);
        rowLayout->addWidget(open);
        rowLayout->addWidget(detail, 1);
        m_recentRows->addWidget(row);
        m_recentButtons.append(open);
    }
    m_recentBox->setVisible(!m_recentButtons.isEmpty());
}

QList<QPushButton*> StartPage::recentButtons() const
{
    return m_recentButtons;
}

void StartPage::setReason(const QString& reason, const QString& forgettable)
{
    m_reasonText->setText(reason);
    m_forgettable = forgettable;
    m_forget->setVisible(!forgettable.isEmpty());
    m_reasonBox->setVisible(!reason.isEmpty());
}

QString StartPage::reason() const
{
    return m_reasonBox->isHidden() ? QString() : m_reasonText->text();
}

}  // namespace bs
