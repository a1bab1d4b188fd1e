#pragma once
// Dates and times as people in the Netherlands read and type them. Storage keeps ISO dates
// (2026-11-27) and UTC timestamps (2026-11-27T13:05:00Z); people see 27-11-2026 and Dutch local
// time, and may type a date the way it is shown. Machine output (JSON) keeps ISO 8601, with the
// Dutch offset on timestamps.

#include <QDate>
#include <QDateTime>
#include <QString>

namespace bs::DutchDates {

// dd-mm-jjjj, d-m-jjjj or jjjj-mm-dd (surrounding spaces ignored). An invalid QDate when the text
// has none of these forms or names a day that does not exist (31-02-2026).
QDate parse(const QString& text);

// A day as other systems export it, for imports: ISO 8601 in full (jjjj-mm-dd, with a `T` or a
// space before the time, fractions of seconds, and `Z`, `+hh`, `+hhmm` or `+hh:mm`), the Dutch
// dd-mm-jjjj, dd/mm/jjjj, dd.mm.jjjj and jjjj/mm/dd, with one or two digits for day and month.
// A moment with an offset is the day it was in the Netherlands (Europe/Amsterdam): 23:30 UTC on a
// summer day is the next Dutch day. A time without an offset is taken as Dutch time. Invalid
// QDate for anything else.
QDate parseExported(const QString& text);

// The forms parseExported() accepts, for messages.
QString exportedForms();

// True when the text has one of those forms, whether or not the day exists.
bool hasDateForm(const QString& text);

// The forms parse() accepts, for messages: "dd-mm-jjjj (bijvoorbeeld 14-03-2026), d-m-jjjj of jjjj-mm-dd".
QString allowedForms();

// 27-11-2026; an ISO date text is shown the same way, any other text unchanged.
QString format(const QDate& date);
QString formatIso(const QString& isoDate);

// A moment as Dutch local time (Europe/Amsterdam, summer time included): "27-11-2026 14:05".
QString localTime(const QDateTime& at, bool withSeconds = false);
// The same for a stored UTC timestamp; text that is not a timestamp comes back unchanged.
QString localTime(const QString& storedUtc, bool withSeconds = false);

// A stored UTC timestamp as ISO 8601 in Dutch local time with its offset:
// "2026-11-27T14:05:00+01:00"; text that is not a timestamp comes back unchanged.
QString isoWithOffset(const QString& storedUtc);

}  // namespace bs::DutchDates
