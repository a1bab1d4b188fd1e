#include "WorkingDays.h"

namespace bs::WorkingDays {

QDate easterSunday(int year)
{
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = ((h + l - 7 * m + 114) % 31) + 1;
    return QDate(year, month, day);
}

bool isPublicHoliday(const QDate& day)
{
    const int y = day.year();
    const int m = day.month();
    const int d = day.day();
    if ((m == 1 && d == 1) || (m == 12 && (d == 25 || d == 26)) || (m == 5 && d == 5))
        return true;
    // Koningsdag moves to the Saturday before when 27 April is a Sunday.
    const QDate kingsDay(y, 4, 27);
    const QDate observedKingsDay = kingsDay.dayOfWeek() == Qt::Sunday ? kingsDay.addDays(-1) : kingsDay;
    if (day == observedKingsDay)
        return true;
    const QDate easter = easterSunday(y);
    const qint64 offset = easter.daysTo(day);
    // Eerste en Tweede Paasdag, Hemelvaartsdag, Eerste en Tweede Pinksterdag.
    return offset == 0 || offset == 1 || offset == 39 || offset == 49 || offset == 50;
}

bool isWorkingDay(const QDate& day)
{
    return day.dayOfWeek() < Qt::Saturday && !isPublicHoliday(day);
}

QDate add(const QDate& start, int days)
{
    QDate day = start;
    const int step = days < 0 ? -1 : 1;
    for (int remaining = days < 0 ? -days : days; remaining > 0;) {
        day = day.addDays(step);
        if (isWorkingDay(day))
            --remaining;
    }
    return day;
}

int between(const QDate& from, const QDate& to)
{
    if (to < from)
        return -between(to, from);
    int count = 0;
    for (QDate day = from.addDays(1); day <= to; day = day.addDays(1)) {
        if (isWorkingDay(day))
            ++count;
    }
    return count;
}

}  // namespace bs::WorkingDays
