#pragma once
// "Today" decides terms, late flags and stalled escalations, so it is injectable:
// tests and the demo generator use a fixed clock, the programs use the system clock.

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace bs {

// The registry's days are Dutch days, whatever the computer's own time zone: "today", terms and
// the periods of the figures follow Europe/Amsterdam (with its summer time).
const QTimeZone& registryTimeZone();

class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;  // UTC
    QDate today() const { return now().toTimeZone(registryTimeZone()).date(); }
};

class SystemClock final : public Clock {
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

class FixedClock final : public Clock {
public:
    explicit FixedClock(QDateTime utc) : m_now(std::move(utc)) {}
    explicit FixedClock(QDate day) : m_now(day.startOfDay(Qt::UTC).addSecs(12 * 3600)) {}
    QDateTime now() const override { return m_now; }
    void set(const QDateTime& utc) { m_now = utc; }
    void advanceDays(int days) { m_now = m_now.addDays(days); }

private:
    QDateTime m_now;
};

// The clock of a program: the system clock, or the day named in BUURTSIGNAAL_TODAY
// (YYYY-MM-DD) so demonstrations and process-level tests can pin "today".
const Clock& programClock();

}  // namespace bs
