#pragma once
// Terms in the Buurtaanpak are counted in working days: weekends and Dutch public holidays
// do not count. Goede Vrijdag is not a public holiday for municipal offices and counts as a
// working day; Bevrijdingsdag (5 May) is a day off every year under the CAO Gemeenten.

#include <QDate>

namespace bs::WorkingDays {

QDate easterSunday(int year);
bool isPublicHoliday(const QDate& day);
bool isWorkingDay(const QDate& day);

// The date that lies `days` working days after `start`. With days == 0 the term is
// "immediately": the start date itself.
QDate add(const QDate& start, int days);

// Working days after `from` up to and including `to` (negative when `to` lies before `from`).
int between(const QDate& from, const QDate& to);

}  // namespace bs::WorkingDays
