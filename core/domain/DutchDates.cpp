#include "DutchDates.h"

#include "Clock.h"

#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace bs::DutchDates {

namespace {
const QRegularExpression& dutchForm()
{
    static const QRegularExpression form(u"^([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})$"_s);
    return form;
}

const QRegularExpression& isoForm()
{
    static const QRegularExpression form(u"^([0-9]{4})-([0-9]{2})-([0-9]{2})$"_s);
    return form;
}
}  // namespace

QDate parse(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (const auto m = dutchForm().match(trimmed); m.hasMatch())
        return QDate(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt());
    if (const auto m = isoForm().match(trimmed); m.hasMatch())
        return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    return {};
}

QDate parseExported(const QString& text)
{
    // Day first (Dutch) or year first (ISO and jjjj/mm/dd); then an optional time, then an
    // optional offset that only means something after a time.
    static const QRegularExpression form(
        u"^(?:([0-9]{4})([-/])([0-9]{1,2})\\2([0-9]{1,2})|([0-9]{1,2})([-/.])([0-9]{1,2})\\6([0-9]{4}))"
        "(?:[T ]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]{1,9})?)?"
        "\\s*(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?$"_s);
    const auto m = form.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    const bool yearFirst = !m.captured(1).isEmpty();
    const QDate day = yearFirst ? QDate(m.captured(1).toInt(), m.captured(3).toInt(), m.captured(4).toInt())
                                : QDate(m.captured(8).toInt(), m.captured(7).toInt(), m.captured(5).toInt());
    if (!day.isValid())
        return {};
    if (m.captured(9).isEmpty())
        return day;
    const QTime time(m.captured(9).toInt(), m.captured(10).toInt(), m.captured(11).isEmpty() ? 0 : m.captured(11).toInt());
    if (!time.isValid())
        return {};
    const QString zone = m.captured(12);
    if (zone.isEmpty())
        return day;  // already Dutch time
    int offsetSeconds = 0;
    if (zone != u"Z"_s) {
        const QString digits = QString(zone).remove(u':');
        const int hours = digits.mid(1, 2).toInt();
        const int minutes = digits.size() > 3 ? digits.mid(3, 2).toInt() : 0;
        if (hours > 14 || minutes > 59)
            return {};
        offsetSeconds = (hours * 3600 + minutes * 60) * (zone.startsWith(u'-') ? -1 : 1);
    }
    const QDateTime instant(day, time, QTimeZone(offsetSeconds));
    return instant.toTimeZone(QTimeZone("Europe/Amsterdam")).date();
}

QString exportedForms()
{
    return u"jjjj-mm-dd (ISO 8601, eventueel met tijd en tijdzone), dd-mm-jjjj, dd/mm/jjjj, dd.mm.jjjj of jjjj/mm/dd"_s;
}

bool hasDateForm(const QString& text)
{
    const QString trimmed = text.trimmed();
    return dutchForm().match(trimmed).hasMatch() || isoForm().match(trimmed).hasMatch();
}

QString allowedForms()
{
    return u"dd-mm-jjjj (bijvoorbeeld 14-03-2026), d-m-jjjj of jjjj-mm-dd"_s;
}

QString format(const QDate& date)
{
    return date.isValid() ? date.toString(u"dd-MM-yyyy"_s) : QString();
}

QString formatIso(const QString& isoDate)
{
    const QDate date = QDate::fromString(isoDate, Qt::ISODate);
    return date.isValid() ? format(date) : isoDate;
}

namespace {
QDateTime fromStored(const QString& storedUtc)
{
    QDateTime at = QDateTime::fromString(storedUtc, Qt::ISODate);
    // A timestamp stored without zone designator is UTC too, never the computer's own zone.
    if (at.isValid() && at.timeSpec() == Qt::LocalTime)
        at.setTimeSpec(Qt::UTC);
    return at;
}
}  // namespace

QString localTime(const QDateTime& at, bool withSeconds)
{
    if (!at.isValid())
        return {};
    return at.toTimeZone(registryTimeZone()).toString(withSeconds ? u"dd-MM-yyyy HH:mm:ss"_s : u"dd-MM-yyyy HH:mm"_s);
}

QString localTime(const QString& storedUtc, bool withSeconds)
{
    const QDateTime at = fromStored(storedUtc);
    return at.isValid() ? localTime(at, withSeconds) : storedUtc;
}

QString isoWithOffset(const QString& storedUtc)
{
    const QDateTime at = fromStored(storedUtc);
    if (!at.isValid())
        return storedUtc;
    // As a fixed offset, Qt::ISODate writes it out (+01:00, +02:00 in summer).
    const QDateTime local = at.toTimeZone(registryTimeZone());
    return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODate);
}

}  // namespace bs::DutchDates
