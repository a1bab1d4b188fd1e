#include "Period.h"

#include "Clock.h"
#include "domain/Validation.h"

using namespace Qt::StringLiterals;

namespace bs {

Result<Period> Period::parse(const QString& from, const QString& to)
{
    auto start = Validation::date(from, u"from"_s, u"Begindatum"_s);
    if (!start.ok())
        return start.error();
    auto end = Validation::date(to, u"to"_s, u"Einddatum"_s);
    if (!end.ok())
        return end.error();
    if (end.value() < start.value())
        return Error::invalid(u"to"_s, u"Einddatum %1 ligt vóór begindatum %2; kies een einddatum op of na de begindatum."_s.arg(to, from));
    if (start->daysTo(end.value()) > 3660)
        return Error::invalid(u"to"_s, u"Periode is langer dan tien jaar; kies een kortere periode."_s);
    return Period{start.value(), end.value()};
}

QString Period::startTimestamp() const
{
    return from.startOfDay(registryTimeZone()).toUTC().toString(Qt::ISODate);
}

QString Period::endTimestamp() const
{
    return to.addDays(1).startOfDay(registryTimeZone()).toUTC().toString(Qt::ISODate);
}

Period Period::month(int year, int month)
{
    const QDate first(year, month, 1);
    return {first, first.addMonths(1).addDays(-1)};
}

Period Period::quarter(int year, int quarter)
{
    const QDate first(year, 3 * (quarter - 1) + 1, 1);
    return {first, first.addMonths(3).addDays(-1)};
}

Period Period::year(int year)
{
    return {QDate(year, 1, 1), QDate(year, 12, 31)};
}

bool Period::wholeMonths() const
{
    return from.day() == 1 && to.addDays(1).day() == 1;
}

Period Period::previous() const
{
    if (wholeMonths()) {
        const int months = (to.year() - from.year()) * 12 + to.month() - from.month() + 1;
        return {from.addMonths(-months), from.addDays(-1)};
    }
    return {from.addDays(-days()), from.addDays(-1)};
}

Period Period::elapsed(const QDate& today) const
{
    return runsOn(today) ? Period{from, today} : *this;
}

Period Period::comparedWith(const QDate& today) const
{
    if (!runsOn(today))
        return previous();
    if (wholeMonths()) {
        const int months = (to.year() - from.year()) * 12 + to.month() - from.month() + 1;
        // addMonths keeps the day where the month has it, and takes the month's last day where it
        // has not (31 March compares with 28 February).
        return {from.addMonths(-months), today.addMonths(-months)};
    }
    const Period whole = previous();
    return {whole.from, whole.from.addDays(from.daysTo(today))};
}

CountSources::Bounds Period::countBounds() const
{
    // The first day of the first whole month, and the first day after the last one.
    const QDate monthsFrom = from.day() == 1 ? from : QDate(from.year(), from.month(), 1).addMonths(1);
    const QDate monthsEnd = to.addDays(1).day() == 1 ? to.addDays(1) : QDate(to.year(), to.month(), 1);
    auto bound = [](const QString& text) { return CountSources::Bound{u"?"_s, text}; };
    const QString never = u"9999-12-31"_s;  // a range starting here holds nothing
    const QString none = u"0000-01-01"_s;
    if (monthsFrom >= monthsEnd) {
        return {bound(never), bound(none), bound(fromText()), bound(toText()), bound(never), bound(none)};
    }
    return {bound(monthsFrom.toString(u"yyyy-MM"_s)), bound(monthsEnd.addDays(-1).toString(u"yyyy-MM"_s)),
            bound(fromText()), bound(monthsFrom.addDays(-1).toString(Qt::ISODate)),
            bound(monthsEnd.toString(Qt::ISODate)), bound(toText())};
}

CountSources::Bounds Period::stepBounds() const
{
    const QString start = startTimestamp();
    const QString end = endTimestamp();
    const QDate startDay = QDate::fromString(start.left(10), Qt::ISODate);
    const QDate firstDay = start.mid(11) == u"00:00:00Z"_s ? startDay : startDay.addDays(1);
    const QDate lastDay = QDate::fromString(end.left(10), Qt::ISODate).addDays(-1);
    auto bound = [](const QString& text) { return CountSources::Bound{u"?"_s, text}; };
    if (firstDay > lastDay)
        return {bound(u"9999-12-31"_s), bound(u"0000-01-01"_s), bound(start), bound(end), bound(u"9999"_s), bound(u"0000"_s)};
    return {bound(firstDay.toString(Qt::ISODate)), bound(lastDay.toString(Qt::ISODate)), bound(start),
            bound(firstDay.toString(Qt::ISODate) + u"T00:00:00Z"_s), bound(lastDay.addDays(1).toString(Qt::ISODate) + u"T00:00:00Z"_s),
            bound(end)};
}

}  // namespace bs
