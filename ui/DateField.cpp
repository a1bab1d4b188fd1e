#include "DateField.h"

#include "domain/DutchDates.h"

#include <QAction>
#include <QCalendarWidget>
#include <QPainter>
#include <QRegularExpressionValidator>
#include <QScreen>

using namespace Qt::StringLiterals;

namespace bs {

namespace {
// Drawn rather than taken from the icon theme, which an offscreen or bare desktop may lack.
QIcon calendarIcon(const QPalette& palette)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor ink = palette.color(QPalette::Text);
    p.setPen(QPen(ink, 2));
    p.setBrush(palette.color(QPalette::Base));
    p.drawRoundedRect(QRectF(4, 6, 24, 22), 3, 3);
    p.fillRect(QRectF(5, 7, 22, 6), QColor(0x1f, 0x5f, 0x99));
    p.drawLine(QPointF(10, 3), QPointF(10, 9));
    p.drawLine(QPointF(22, 3), QPointF(22, 9));
    p.setPen(Qt::NoPen);
    p.setBrush(ink);
    for (int row = 0; row < 2; ++row) {
        for (int column = 0; column < 3; ++column)
            p.drawRect(QRectF(8 + column * 6, 16 + row * 6, 3, 3));
    }
    return QIcon(pixmap);
}
}  // namespace

DateField::DateField(QWidget* parent) : QLineEdit(parent)
{
    setPlaceholderText(tr("dd-mm-yyyy"));
    setToolTip(tr("A date such as 27-11-2026 (also 7-1-2026 or 2026-11-27); empty: none."));
    // Digits and dashes only; whether it is a real day is decided when the field is left.
    setValidator(new QRegularExpressionValidator(QRegularExpression(u"[0-9]{0,4}(-[0-9]{0,2}(-[0-9]{0,4})?)?"_s), this));
    setMaxLength(10);
    QAction* pick = addAction(calendarIcon(palette()), QLineEdit::TrailingPosition);
    pick->setObjectName(u"pickDate"_s);
    pick->setToolTip(tr("Choose a date in the calendar"));
    connect(pick, &QAction::triggered, this, &DateField::showCalendar);
    connect(this, &QLineEdit::editingFinished, this, &DateField::settle);
    connect(this, &QLineEdit::textEdited, this, [this]() { markInvalid(false); });
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

QSize DateField::sizeHint() const
{
    const QFontMetrics metrics(font());
    QSize size = QLineEdit::sizeHint();
    size.setWidth(metrics.horizontalAdvance(u"00-00-00000"_s) + 2 * metrics.height() + 16);
    return size;
}

QDate DateField::date() const
{
    return DutchDates::parse(text());
}

void DateField::setDate(const QDate& date)
{
    setText(DutchDates::format(date));
    m_lastDate = date.isValid() ? date : QDate();
    markInvalid(false);
}

QString DateField::isoDate() const
{
    if (isEmpty())
        return {};
    const QDate day = date();
    return day.isValid() ? day.toString(Qt::ISODate) : text().trimmed();
}

void DateField::showCalendar()
{
    if (!m_calendar) {
        m_calendar = new QCalendarWidget(this);
        m_calendar->setObjectName(u"dateFieldCalendar"_s);
        m_calendar->setWindowFlags(Qt::Popup);
        m_calendar->setFirstDayOfWeek(Qt::Monday);
        m_calendar->setGridVisible(true);
        auto pick = [this](const QDate& picked) {
            m_calendar->hide();
            setText(DutchDates::format(picked));
            settle();
            setFocus();
        };
        connect(m_calendar, &QCalendarWidget::clicked, this, pick);
        connect(m_calendar, &QCalendarWidget::activated, this, pick);  // Enter or a double click
    }
    if (m_maximum.isValid())
        m_calendar->setMaximumDate(m_maximum);
    const QDate shown = date().isValid() ? date() : QDate::currentDate();
    m_calendar->setSelectedDate(shown);
    m_calendar->adjustSize();
    QPoint below = mapToGlobal(QPoint(0, height()));
    if (const QScreen* here = screen()) {
        const QRect room = here->availableGeometry();
        below.setX(qMin(below.x(), room.right() - m_calendar->width()));
        if (below.y() + m_calendar->height() > room.bottom())
            below.setY(mapToGlobal(QPoint(0, 0)).y() - m_calendar->height());
    }
    m_calendar->move(below);
    m_calendar->show();
    m_calendar->setFocus();
}

void DateField::settle()
{
    const QDate day = date();
    if (day.isValid())
        setText(DutchDates::format(day));  // 7-1-2026 and 2026-01-07 read back as 07-01-2026
    markInvalid(!isEmpty() && !day.isValid());
    if (day != m_lastDate) {
        m_lastDate = day;
        emit dateChanged(day);
    }
}

void DateField::markInvalid(bool invalid)
{
    if (property("invalid").toBool() == invalid)
        return;
    setProperty("invalid", invalid);
    setStyleSheet(invalid ? u"QLineEdit { border: 1px solid #b01c1c; background: #fdecea; }"_s : QString());
}

}  // namespace bs
