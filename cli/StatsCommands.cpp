// stats, indicator set, import cbs
#include "CommandContext.h"
#include "domain/Codes.h"
#include "domain/DutchDates.h"
#include "io/CbsImport.h"
#include "io/FileErrors.h"
#include "services/Journal.h"
#include "stats/CaseworkFigures.h"
#include "stats/Indicators.h"
#include "stats/Publication.h"
#include "stats/Statistics.h"

#include <QFile>
#include <QHash>

#include <cmath>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace bs::cli {

namespace {

QJsonObject figures(const QMap<QString, Figure>& map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value().json());
    return object;
}

// Every figure as Publication gave it: a number when shown, otherwise "<5", "x" or "–".
QJsonObject toJson(const Published& s)
{
    QJsonArray buurten;
    for (const PublishedBuurt& b : s.buurten) {
        buurten.append(QJsonObject{{u"buurt"_s, b.buurt},
                                   {u"population"_s, b.population ? QJsonValue(*b.population) : QJsonValue()},
                                   {u"signals"_s, b.total.json()},
                                   {u"previous_signals"_s, b.previous.json()},
                                   {u"per_1000"_s, b.population ? b.per1000.json() : QJsonValue()},
                                   {u"by_theme"_s, figures(b.byTheme)},
                                   {u"open_now"_s, b.open.json()},
                                   {u"late_now"_s, b.late.json()}});
    }
    QJsonArray months;
    for (const PublishedMonth& m : s.months)
        months.append(QJsonObject{{u"month"_s, m.month}, {u"by_theme"_s, figures(m.byTheme)}, {u"signals"_s, m.total.json()}});
    QJsonArray partners;
    for (const PublishedPartner& p : s.partners) {
        partners.append(QJsonObject{{u"partner"_s, p.partner},           {u"formal"_s, p.formal},
                                    {u"sent"_s, p.sent.json()},          {u"accepted"_s, p.accepted.json()},
                                    {u"completed"_s, p.completed.json()}, {u"rejected"_s, p.rejected.json()},
                                    {u"withdrawn"_s, p.withdrawn.json()}, {u"open"_s, p.open.json()},
                                    {u"late"_s, p.late.json()},          {u"closed"_s, p.closed.json()},
                                    {u"loop_closed"_s, p.loopClosed.json()}, {u"closed_loop_rate"_s, p.closedLoopRate.json()},
                                    {u"median_days_to_accept"_s, p.medianDaysToAccept.json()},
                                    {u"median_days_to_complete"_s, p.medianDaysToComplete.json()},
                                    {u"rejection_reasons"_s, figures(p.rejectionReasons)}});
    }
    QJsonArray levels;
    for (const PublishedLevel& l : s.levels) {
        levels.append(QJsonObject{{u"level"_s, l.level}, {u"name"_s, l.name}, {u"open_now"_s, l.current.json()},
                                  {u"stalled_now"_s, l.stalled.json()}, {u"steps_up"_s, l.stepsUp.json()},
                                  {u"steps_down"_s, l.stepsDown.json()}});
    }
    QJsonArray trends;
    for (const PublishedTrend& t : s.trends) {
        trends.append(QJsonObject{{u"buurt"_s, t.buurt}, {u"category"_s, t.category}, {u"signals"_s, t.count.json()},
                                  {u"previous_signals"_s, t.previous.json()}, {u"growth_pct"_s, t.growthPct.json()},
                                  {u"municipality_growth_pct"_s, t.municipalityGrowthPct.json()}});
    }
    QJsonArray activities;
    for (const ActivityFigures& a : s.activities) {
        activities.append(QJsonObject{{u"kind"_s, a.kind}, {u"count"_s, a.count}, {u"participants"_s, a.participants},
                                      {u"self_organised"_s, a.selfOrganised}});
    }
    QJsonArray success;
    for (const PublishedIndicator& i : s.indicators) {
        const IndicatorFigure& f = i.source;
        success.append(QJsonObject{{u"code"_s, f.code}, {u"group"_s, f.group}, {u"label"_s, f.label}, {u"measure"_s, f.measure},
                                   {u"value"_s, f.value ? i.value.json() : QJsonValue()},
                                   {u"previous"_s, f.previous ? i.previous.json() : QJsonValue()},
                                   {u"basis"_s, f.basisWords.isEmpty() ? QJsonValue() : QJsonValue(f.basisWords)},
                                   {u"target_kind"_s, f.targetKind}, {u"target"_s, f.target ? QJsonValue(*f.target) : QJsonValue()},
                                   {u"status"_s, i.status.isEmpty() ? QJsonValue(u"–"_s) : QJsonValue(i.status)},
                                   {u"note"_s, f.note.isEmpty() ? QJsonValue() : QJsonValue(f.note)}});
    }
    const QJsonObject totals{{u"by_theme"_s, figures(s.themeTotals)}, {u"signals"_s, s.buurtTotal.json()},
                             {u"previous_signals"_s, s.previousBuurtTotal.json()}};
    const QJsonObject partnerTotals{{u"sent"_s, s.partnerSent.json()}, {u"accepted"_s, s.partnerAccepted.json()},
                                    {u"completed"_s, s.partnerCompleted.json()}, {u"rejected"_s, s.partnerRejected.json()},
                                    {u"closed"_s, s.referralsClosed.json()}, {u"loop_closed"_s, s.referralsLoopClosed.json()},
                                    {u"closed_loop_rate"_s, s.closedLoopRate.json()}, {u"rejection_reasons"_s, figures(s.rejectionReasons)}};
    const QJsonObject levelTotals{{u"open_now"_s, s.levelCurrent.json()}, {u"stalled_now"_s, s.levelStalled.json()},
                                  {u"steps_up"_s, s.levelStepsUp.json()}, {u"steps_down"_s, s.levelStepsDown.json()}};
    return {{u"figures"_s, s.isProtected ? u"beschermd"_s : u"exact"_s},
            {u"legend"_s, s.isProtected ? QJsonValue(Publication::legend()) : QJsonValue()},
            {u"period"_s, QJsonObject{{u"from"_s, s.filter.period.fromText()}, {u"to"_s, s.filter.period.toText()}}},
            {u"counted_period"_s, QJsonObject{{u"from"_s, s.elapsed.fromText()}, {u"to"_s, s.elapsed.toText()}}},
            {u"previous_period"_s, QJsonObject{{u"from"_s, s.previous.fromText()}, {u"to"_s, s.previous.toText()}}},
            {u"buurt"_s, s.filter.buurt.isEmpty() ? QJsonValue() : QJsonValue(s.filter.buurt)},
            {u"theme"_s, s.filter.theme.isEmpty() ? QJsonValue() : QJsonValue(s.filter.theme)},
            {u"today"_s, s.today},
            {u"signals"_s, s.signalCount.json()},
            {u"previous_signals"_s, s.previousSignalCount.json()},
            {u"signals_change_pct"_s, s.signalChangePct.json()},
            {u"open_now"_s, s.openNow.json()},
            {u"late_now"_s, s.lateNow.json()},
            {u"buurten"_s, buurten},
            {u"buurten_total"_s, totals},
            {u"months"_s, months},
            {u"partners"_s, partners},
            {u"partners_total"_s, partnerTotals},
            {u"escalation_levels"_s, levels},
            {u"escalation_total"_s, levelTotals},
            {u"indicators"_s, success},
            {u"trends"_s, trends},
            {u"activities"_s, activities},
            {u"referrals_shared_without_consent"_s, s.overrides.json()}};
}

// People read words, not codes; "–" where the status would follow from a hidden figure.
QString statusWords(const QString& status)
{
    return status.isEmpty() ? u"–"_s : Codes::indicatorStatus().label(status);
}

void printText(QTextStream& out, const Published& s)
{
    const bool running = s.elapsed.to < s.filter.period.to;
    out << u"Periode %1 t/m %2%3\nVergeleken met %4 t/m %5%6\n"_s.arg(
        DutchDates::format(s.filter.period.from), DutchDates::format(s.filter.period.to),
        running ? u" (loopt nog: geteld t/m %1)"_s.arg(DutchDates::format(s.elapsed.to)) : QString(), DutchDates::format(s.previous.from),
        DutchDates::format(s.previous.to), running ? u" (dezelfde dagen van de vorige periode)"_s : QString());
    out << u"Signalen: %1 (vorige periode %2, verandering %3) · nu open %4, te laat %5\n\n"_s.arg(
        s.signalCount.text(), s.previousSignalCount.text(), s.signalChangePct.shown() ? s.signalChangePct.text(1) + u" %"_s : s.signalChangePct.text(),
        s.openNow.text(), s.lateNow.text());
    out << u"%1 %2 %3 %4\n"_s.arg(u"Buurt"_s.leftJustified(22), u"Signalen"_s.rightJustified(9), u"Vorige"_s.rightJustified(7), u"Per 1.000"_s.rightJustified(10));
    for (const PublishedBuurt& b : s.buurten) {
        out << u"%1 %2 %3 %4\n"_s.arg(b.buurt.leftJustified(22), b.total.text().rightJustified(9), b.previous.text().rightJustified(7),
                                     (b.population ? b.per1000.text(1) : u"onbekend"_s).rightJustified(10));
    }
    out << u"\nSuccesfactoren:\n"_s;
    for (const PublishedIndicator& i : s.indicators) {
        const IndicatorFigure& f = i.source;
        // Whole numbers as counts, others (averages, medians, rates) with one decimal.
        auto figure = [](bool present, const Figure& v) {
            return present ? v.text(v.shown() && v.value != std::floor(v.value) ? 1 : 0) : u"-"_s;
        };
        out << u"  %1 %2 %3 %4\n"_s.arg(f.label.leftJustified(52, u' ', true), figure(f.value.has_value(), i.value).rightJustified(8),
                                       figure(f.previous.has_value(), i.previous).rightJustified(8), statusWords(i.status));
    }
    if (s.isProtected)
        out << u"\n"_s << Publication::legend() << u"\n"_s;
    out.flush();
}

QJsonObject caseworkJson(const CaseworkFigures& f)
{
    QJsonArray handlers;
    for (const HandlerLoad& h : f.handlers) {
        handlers.append(QJsonObject{{u"login"_s, h.login}, {u"name"_s, h.name}, {u"open"_s, h.open}, {u"late"_s, h.late},
                                    {u"follow_up_due"_s, h.followUpDue}});
    }
    QJsonObject kinds;
    for (auto it = f.contactsByKind.cbegin(); it != f.contactsByKind.cend(); ++it)
        kinds.insert(it.key(), it.value());
    return {{u"handlers"_s, handlers}, {u"open_without_handler"_s, f.openWithoutHandler}, {u"contacts_by_kind"_s, kinds},
            {u"contacts"_s, f.contacts}};
}

void printCasework(QTextStream& out, const CaseworkFigures& f)
{
    out << u"\nWerkvoorraad per behandelaar (alleen voor coördinatie, niet in de rapportage):\n"_s;
    out << u"  %1 %2 %3 %4\n"_s.arg(u"Behandelaar"_s.leftJustified(28), u"Open"_s.rightJustified(6), u"Te laat"_s.rightJustified(8),
                                  u"Opvolgen"_s.rightJustified(9));
    for (const HandlerLoad& h : f.handlers) {
        out << u"  %1 %2 %3 %4\n"_s.arg(h.name.leftJustified(28, u' ', true), QString::number(h.open).rightJustified(6),
                                      QString::number(h.late).rightJustified(8), QString::number(h.followUpDue).rightJustified(9));
    }
    out << u"  %1 %2\n"_s.arg(u"Zonder behandelaar"_s.leftJustified(28), QString::number(f.openWithoutHandler).rightJustified(6));
    out << u"\nJournaal: %1 contacten in de periode"_s.arg(f.contacts);
    QStringList kinds;
    for (auto it = f.contactsByKind.cbegin(); it != f.contactsByKind.cend(); ++it)
        kinds << u"%1 %2"_s.arg(Journal::kindLabel(it.key()).toLower()).arg(it.value());
    out << (kinds.isEmpty() ? u"\n"_s : u" (%1)\n"_s.arg(kinds.join(u", "_s)));
    out.flush();
}

int stats(Context& c)
{
    auto period = Period::parse(c.value(u"from"_s), c.value(u"to"_s));
    if (!period.ok())
        return c.fail(period.error());
    const StatsFilter filter{period.value(), c.value(u"buurt"_s), c.value(u"theme"_s)};
    auto computed = Stats::compute(*c.registry, filter);
    if (!computed.ok())
        return c.fail(computed.error());
    auto indicators = Indicators::compute(*c.registry, period.value(), filter.buurt);
    if (!indicators.ok())
        return c.fail(indicators.error());
    auto role = Access::role(*c.registry);
    if (!role.ok())
        return c.fail(role.error());
    // The steering group sees the same protected figures as in its report.
    const Published published = Publication::publish(computed.value(), indicators.value(), Publication::modeFor(role.value()));
    // The team's own casework, for those who coordinate it; never part of the published figures.
    std::optional<CaseworkFigures> casework;
    if (Access::allows(role.value(), Permission::Coordinate)) {
        auto figures = Stats::casework(*c.registry, period.value());
        if (!figures.ok())
            return c.fail(figures.error());
        casework = figures.value();
    }
    if (c.isSet(u"json"_s)) {
        QJsonObject json = toJson(published);
        if (casework)
            json.insert(u"casework"_s, caseworkJson(*casework));
        c.printJson(json);
    } else {
        printText(c.out, published);
        if (casework)
            printCasework(c.out, *casework);
    }
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
