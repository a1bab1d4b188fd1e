// stats, indicator set, import cbs
#include "CommandContext.h"
#include "domain/Codes.h"
#include "domain/DutchDates.h"
#include "io/CbsImport.h"
#include "io/FileErrors.h"
#include "stats/Indicators.h"
#include "stats/Statistics.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace bs::cli {

namespace {

QJsonValue optional(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonObject counts(const QMap<QString, int>& map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QJsonObject toJson(const Statistics& s, const QList<IndicatorFigure>& indicators)
{
    QJsonArray buurten;
    for (const BuurtFigures& b : s.buurten) {
        buurten.append(QJsonObject{{u"buurt"_s, b.buurt},
                                   {u"population"_s, b.population ? QJsonValue(*b.population) : QJsonValue()},
                                   {u"signals"_s, b.total},
                                   {u"previous_signals"_s, b.previousTotal},
                                   {u"per_1000"_s, optional(b.per1000)},
                                   {u"by_theme"_s, counts(b.byTheme)},
                                   {u"open_now"_s, b.open},
                                   {u"late_now"_s, b.late}});
    }
    QJsonArray months;
    for (const MonthFigures& m : s.months)
        months.append(QJsonObject{{u"month"_s, m.month}, {u"by_theme"_s, counts(m.byTheme)}});
    QJsonArray partners;
    for (const PartnerFigures& p : s.partners) {
        partners.append(QJsonObject{{u"partner"_s, p.partner},           {u"formal"_s, p.formal},
                                    {u"sent"_s, p.sent},                 {u"accepted"_s, p.accepted},
                                    {u"completed"_s, p.completed},       {u"rejected"_s, p.rejected},
                                    {u"withdrawn"_s, p.withdrawn},       {u"open"_s, p.open},
                                    {u"late"_s, p.late},                 {u"closed"_s, p.closed},
                                    {u"loop_closed"_s, p.loopClosed},    {u"closed_loop_rate"_s, optional(p.closedLoopRate)},
                                    {u"median_days_to_accept"_s, optional(p.medianDaysToAccept)},
                                    {u"median_days_to_complete"_s, optional(p.medianDaysToComplete)},
                                    {u"rejection_reasons"_s, counts(p.rejectionReasons)}});
    }
    QJsonArray levels;
    for (const LevelFigures& l : s.levels) {
        levels.append(QJsonObject{{u"level"_s, l.level}, {u"name"_s, l.name}, {u"open_now"_s, l.current},
                                  {u"stalled_now"_s, l.stalled}, {u"steps_up"_s, l.stepsUp}, {u"steps_down"_s, l.stepsDown}});
    }
    QJsonArray trends;
    for (const TrendSignal& t : s.trends) {
        trends.append(QJsonObject{{u"buurt"_s, t.buurt}, {u"category"_s, t.category}, {u"signals"_s, t.count},
                                  {u"previous_signals"_s, t.previous}, {u"growth_pct"_s, t.growthPct},
                                  {u"municipality_growth_pct"_s, t.municipalityGrowthPct}});
    }
    QJsonArray activities;
    for (const ActivityFigures& a : s.activities) {
        activities.append(QJsonObject{{u"kind"_s, a.kind}, {u"count"_s, a.count}, {u"participants"_s, a.participants},
                                      {u"self_organised"_s, a.selfOrganised}});
    }
    QJsonArray success;
    for (const IndicatorFigure& f : indicators) {
        success.append(QJsonObject{{u"code"_s, f.code}, {u"group"_s, f.group}, {u"label"_s, f.label}, {u"measure"_s, f.measure},
                                   {u"value"_s, optional(f.value)}, {u"previous"_s, optional(f.previous)},
                                   {u"target_kind"_s, f.targetKind}, {u"target"_s, optional(f.target)},
                                   {u"status"_s, f.status}, {u"note"_s, f.note.isEmpty() ? QJsonValue() : QJsonValue(f.note)}});
    }
    return {{u"period"_s, QJsonObject{{u"from"_s, s.filter.period.fromText()}, {u"to"_s, s.filter.period.toText()}}},
            {u"previous_period"_s, QJsonObject{{u"from"_s, s.previous.fromText()}, {u"to"_s, s.previous.toText()}}},
            {u"buurt"_s, s.filter.buurt.isEmpty() ? QJsonValue() : QJsonValue(s.filter.buurt)},
            {u"theme"_s, s.filter.theme.isEmpty() ? QJsonValue() : QJsonValue(s.filter.theme)},
            {u"today"_s, s.today},
            {u"signals"_s, s.signalCount},
            {u"previous_signals"_s, s.previousSignalCount},
            {u"open_now"_s, s.openNow},
            {u"late_now"_s, s.lateNow},
            {u"buurten"_s, buurten},
            {u"months"_s, months},
            {u"partners"_s, partners},
            {u"escalation_levels"_s, levels},
            {u"indicators"_s, success},
            {u"trends"_s, trends},
            {u"activities"_s, activities},
            {u"referrals_shared_without_consent"_s, s.overrides}};
}

void printText(QTextStream& out, const Statistics& s, const QList<IndicatorFigure>& indicators)
{
    using DutchDates::format;
    out << u"Periode %1 t/m %2 (vorige: %3 t/m %4)\n"_s.arg(format(s.filter.period.from), format(s.filter.period.to),
                                                            format(s.previous.from), format(s.previous.to));
    out << u"Signalen: %1 (vorige periode %2) · nu open %3, te laat %4\n\n"_s.arg(s.signalCount).arg(s.previousSignalCount).arg(s.openNow).arg(s.lateNow);
    out << u"%1 %2 %3 %4\n"_s.arg(u"Buurt"_s.leftJustified(22), u"Signalen"_s.rightJustified(9), u"Vorige"_s.rightJustified(7), u"Per 1.000"_s.rightJustified(10));
    for (const BuurtFigures& b : s.buurten) {
        out << u"%1 %2 %3 %4\n"_s.arg(b.buurt.leftJustified(22)).arg(b.total, 9).arg(b.previousTotal, 7)
                   .arg(b.per1000 ? QString::number(*b.per1000, 'f', 1).rightJustified(10) : u"onbekend"_s.rightJustified(10));
    }
    out << u"\nSuccesfactoren:\n"_s;
    for (const IndicatorFigure& f : indicators) {
        out << u"  %1 %2 %3 %4\n"_s.arg(f.label.leftJustified(52, u' ', true),
                                       (f.value ? QString::number(*f.value, 'f', 1) : u"-"_s).rightJustified(8),
                                       (f.previous ? QString::number(*f.previous, 'f', 1) : u"-"_s).rightJustified(8),
                                       Codes::indicatorStatus().label(f.status));
    }
    out.flush();
}

int stats(Context& c)
{
    auto period = Period::parse(c.value(u"from"_s), c.value(u"to"_s));
    if (!period.ok())
        return c.fail(period.error());
    const StatsFilter filter{period.value(), c.value(u"buurt"_s), c.value(u"theme"_s)};
    auto figures = Stats::compute(*c.registry, filter);
    if (!figures.ok())
        return c.fail(figures.error());
    auto indicators = Indicators::compute(*c.registry, period.value(), filter.buurt);
    if (!indicators.ok())
        return c.fail(indicators.error());
    if (c.isSet(u"json"_s))
        c.printJson(toJson(figures.value(), indicators.value()));
    else
        printText(c.out, figures.value(), indicators.value());
    return 0;
}

int indicatorSet(Context& c)
{
    const IndicatorEntry entry{c.positional.at(0), c.value(u"from"_s), c.value(u"to"_s), c.value(u"buurt"_s),
                               c.value(u"value"_s), c.value(u"note"_s)};
    const Status done = Indicators::enter(*c.registry, entry);
    return done.ok() ? 0 : c.fail(done.error());
}

int importCbs(Context& c)
{
    QFile file(c.positional.at(0));
    if (!file.open(QIODevice::ReadOnly))
        return c.fail(Error::invalid(u"file"_s, u"Het bestand %1 kan niet worden gelezen: %2."_s.arg(file.fileName(), FileErrors::reason(file, FileErrors::Purpose::Read))));
    auto changes = CbsImport::plan(*c.registry, file.readAll(), c.value(u"municipality"_s));
    if (!changes.ok())
        return c.fail(changes.error());
    int changed = 0;
    for (const CbsChange& change : changes.value()) {
        c.out << change.describe() << u'\n';
        changed += change.action != u"ongewijzigd"_s;
    }
    if (c.isSet(u"dry-run"_s)) {
        c.out << u"%1 wijzigingen; niets opgeslagen (--dry-run)."_s.arg(changed) << Qt::endl;
        return 0;
    }
    const Status applied = CbsImport::apply(*c.registry, changes.value());
    if (!applied.ok())
        return c.fail(applied.error());
    c.out << u"%1 wijzigingen opgeslagen."_s.arg(changed) << Qt::endl;
    return 0;
}

}  // namespace

QList<Command> statsCommands()
{
    return {
        {{u"stats"_s}, {}, 0, u"Cijfers van het dashboard voor een periode (per buurt, partner, trede; succesfactoren; trends)."_s,
         {opt(u"from"_s, u"Begindatum dd-mm-jjjj (inclusief)."_s, u"DATUM"_s),
          opt(u"to"_s, u"Einddatum dd-mm-jjjj (inclusief)."_s, u"DATUM"_s),
          opt(u"buurt"_s, u"Alleen deze buurt."_s, u"NAAM"_s), opt(u"theme"_s, u"Alleen dit thema (T1–T4)."_s, u"T"_s),
          opt(u"json"_s, u"Uitvoer als JSON."_s)},
         Registry::Create::No, true, stats},
        {{u"indicator"_s, u"set"_s}, u"CODE"_s, 1, u"Cijfer of toelichting van een succesfactor voor een periode vastleggen."_s,
         {opt(u"from"_s, u"Begindatum dd-mm-jjjj."_s, u"DATUM"_s),
          opt(u"to"_s, u"Einddatum dd-mm-jjjj."_s, u"DATUM"_s), opt(u"buurt"_s, u"Buurt (leeg: gemeente)."_s, u"NAAM"_s),
          opt(u"value"_s, u"Cijfer."_s, u"GETAL"_s), opt(u"note"_s, u"Toelichting."_s, u"TEKST"_s)},
         Registry::Create::No, true, indicatorSet},
        {{u"import"_s, u"cbs"_s}, u"FILE.csv"_s, 1, u"Buurten en wijken met codes en inwonertal laden uit CBS 'Kerncijfers wijken en buurten'."_s,
         {opt(u"dry-run"_s, u"Alleen tonen wat er zou veranderen."_s), opt(u"municipality"_s, u"Gemeentenaam (standaard: die van de bekende wijken)."_s, u"NAAM"_s)},
         Registry::Create::No, true, importCbs},
    };
}

}  // namespace bs::cli
