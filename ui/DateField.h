#pragma once
// A date field that takes a date the way the app shows it: 27-11-2026, 7-1-2026 or 2026-11-27,
// with a calendar behind the button at its end. Empty is allowed (a filter without a limit, a
// follow-up date that is not set). A typed date that is no day at all stays as typed, marked red,
// so the core can refuse it with its message next to the field.

#include <QDate>
#include <QLineEdit>

class QCalendarWidget;

namespace bs {

class DateField : public QLineEdit {
    Q_OBJECT

public:
    explicit DateField(QWidget* parent = nullptr);

    // The day typed or picked; invalid when the field is empty or holds no real day.
    QDate date() const;
    void setDate(const QDate& date);  // an invalid date empties the field; emits nothing
    // For the core: 2026-11-27, empty when empty, and what was typed when it is no date.
    QString isoDate() const;
    bool isEmpty() const { return text().trimmed().isEmpty(); }
    bool holdsDate() const { return date().isValid(); }
    // The latest day the calendar offers (e.g. today for an observation date).
    void setMaximumDate(const QDate& date) { m_maximum = date; }

    // As wide as a date and the calendar button; a row of fields may still stretch it.
    QSize sizeHint() const override;

public slots:
    void showCalendar();

signals:
    // A different day (or none) was typed and confirmed, or picked in the calendar.
    void dateChanged(const QDate& date);

private:
    void settle();
    void markInvalid(bool invalid);

    QCalendarWidget* m_calendar = nullptr;
    QDate m_maximum;
    QDate m_lastDate;
};

}  // namespace bs
