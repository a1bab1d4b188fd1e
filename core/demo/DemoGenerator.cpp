#include "DemoGenerator.h"

#include "demo/DemoCasework.h"

#include "Registry.h"
#include "demo/DemoTexts.h"
#include "domain/Codes.h"
#include "domain/WorkingDays.h"
#include "services/History.h"
#include "services/Lookups.h"
#include "services/SignalWriter.h"
#include "storage/InsertedId.h"
#include "storage/Schema.h"

#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bs::DemoGenerator {

namespace {

// Relative frequencies. Loneliness, litter and nuisance are what workers see most often.
const QList<QPair<QString, int>> categoryWeights = {
    {u"eenzaamheid"_s, 14}, {u"armoede"_s, 6},       {u"schulden"_s, 9},         {u"energiearmoede"_s, 3},
    {u"psychosociaal"_s, 5}, {u"zorgmijding"_s, 3},  {u"vervuiling"_s, 12},      {u"portiek"_s, 6},
    {u"onderhoud"_s, 5},    {u"ontmoetingsplek"_s, 2}, {u"groen_klimaat"_s, 2},  {u"melding_afhandeling"_s, 3},
    {u"jongerenoverlast"_s, 7}, {u"woonfraude"_s, 3}, {u"dealen"_s, 2},          {u"ondermijning"_s, 1},
    {u"vernieling"_s, 3},   {u"diefstal"_s, 2},      {u"geluidsoverlast"_s, 6},  {u"onveilige_plek"_s, 2},
    {u"huiselijk_geweld"_s, 1}, {u"burenconflict"_s, 6}, {u"verharding"_s, 2},   {u"intolerantie"_s, 1},
    {u"ontwikkelperspectief"_s, 2}, {u"hulp_ontoegankelijk"_s, 2}};
const QList<QPair<QString, int>> sourceWeights = {
    {u"eigen_waarneming"_s, 25}, {u"inloop"_s, 12}, {u"huisbezoek"_s, 10}, {u"netwerkpartner"_s, 15}, {u"bewoner"_s, 14},
    {u"telefoon_email"_s, 8},    {u"buurtpreventie"_s, 5}, {u"fixie"_s, 8}, {u"politie"_s, 3}};
const QList<QPair<QString, int>> urgencyWeights = {{u"laag"_s, 20}, {u"normaal"_s, 58}, {u"hoog"_s, 19}, {u"acuut"_s, 3}};
const QStringList personalCategories = {u"eenzaamheid"_s, u"armoede"_s, u"schulden"_s, u"energiearmoede"_s,
                                        u"psychosociaal"_s, u"zorgmijding"_s, u"huiselijk_geweld"_s, u"burenconflict"_s,
                                        u"ontwikkelperspectief"_s, u"hulp_ontoegankelijk"_s};
// Partners by kind that usually receive referrals per theme.
const QHash<QString, QStringList> partnerKindsByTheme = {
    {u"T1"_s, {u"welzijn"_s, u"woningcorporatie"_s, u"ggd_cjg"_s}},
    {u"T2"_s, {u"welzijn"_s, u"werk_inkomen"_s, u"vrijwilligersorganisatie"_s, u"ggd_cjg"_s, u"geloofsgemeenschap"_s, u"zorg"_s}},
    {u"T3"_s, {u"gemeente"_s, u"woningcorporatie"_s, u"bewonersinitiatief"_s}},
    {u"T4"_s, {u"politie_handhaving"_s, u"gemeente"_s, u"woningcorporatie"_s}}};

template <typename T>
const T& pick(QRandomGenerator& rng, const QList<QPair<T, int>>& weighted)
{
    int total = 0;
    for (const auto& entry : weighted)
        total += entry.second;
    int roll = int(rng.bounded(total));
    for (const auto& entry : weighted) {
        roll -= entry.second;
        if (roll < 0)
            return entry.first;
    }
    return weighted.last().first;
}

bool chance(QRandomGenerator& rng, double p)
{
    return rng.generateDouble() < p;
}

QString iso(const QDate& d)
{
    return d.toString(Qt::ISODate);
}

QString stamp(const QDate& d, QRandomGenerator& rng)
{
    return iso(d) + u"T%1:%2:00Z"_s.arg(8 + rng.bounded(9), 2, 10, QLatin1Char('0')).arg(rng.bounded(60), 2, 10, QLatin1Char('0'));
}

Status exec(QSqlQuery& query, const QVariantList& values)
{
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec())
        return Error::storage(u"Demogegevens konden niet worden geschreven."_s, query.lastError().text());
    return {};
}

// Binds a statement whose new row's id is read by execReturningId.
void bind(QSqlQuery& query, const QVariantList& values)
{
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
}

struct Statements {
    std::optional<SignalWriter::Inserter> signal;
    std::optional<History::Writer> history;
    QSqlQuery referral, escalation, subject, consent, activity, activityPartner;
};

Result<Statements> prepare(Database& db)
{
    Statements s;
    auto signal = SignalWriter::Inserter::prepare(db, SignalWriter::Inserter::Id::Returned, u"demosignaal schrijven"_s);
    if (!signal.ok())
        return signal.error();
    s.signal.emplace(std::move(signal).value());
    auto history = History::Writer::prepare(db);
    if (!history.ok())
        return history.error();
    s.history.emplace(std::move(history).value());
    const QList<QPair<QSqlQuery*, QString>> all = {
        {&s.referral, returningId(u"INSERT INTO referrals (signal_id, to_partner_id, reason, status, sent_on, sent_by, respond_by,"
                                  " accepted_on, complete_by, closed_on, rejection_reason, outcome, feedback, carries_subject,"
                                  " override_ground, override_reason, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"_s)},
        {&s.escalation, u"INSERT INTO escalations (signal_id, from_level, to_level, trigger_code, reason, at, by_user)"
                        " VALUES (?,?,?,?,?,?,?)"_s},
        {&s.subject, u"INSERT INTO subjects (signal_id, name, address, phone, birth_year, recorded_at, recorded_by)"
                     " VALUES (?,?,?,?,?,?,?)"_s},
        {&s.consent, u"INSERT INTO consent_scopes (signal_id, partner_kind) VALUES (?,?)"_s},
        {&s.activity, returningId(u"INSERT INTO activities (held_on, buurt_id, kind, title, participants, organisations,"
                                  " self_organised, budget_cents, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?)"_s)},
        {&s.activityPartner, u"INSERT INTO activity_partners (activity_id, partner_id) VALUES (?,?)"_s},
    };
    for (const auto& [query, sql] : all) {
        *query = QSqlQuery(db.connection());
        if (!query->prepare(sql))
            return Error::storage(u"Demogegevens konden niet worden voorbereid."_s, query->lastError().text());
    }
    return s;
}

}  // namespace

namespace {

struct Context {
    Context(Registry& r, quint32 seed) : registry(r), rng(seed), today(r.clock().today()) {}
    Registry& registry;
    QRandomGenerator rng;
    Statements q;
    QDate today;
    QList<Buurt> buurten;
    QList<QPair<qint64, int>> buurtWeights;
    QHash<QString, QString> themeOfCategory;
    QHash<QString, QList<Partner>> partnersByKind;
    QList<Partner> partners;
    QList<int> termDays;
    std::optional<SignalWriter::ReferenceNumbers> numbers;
    DemoSummary summary;
    int externalCounter = 0;
};

Status history(Context& c, qint64 signalId, const QString& at, const QString& action, const QString& detail,
               const QString& reason = {}, qint64 referralId = 0)
{
    return c.q.history->add(at, u"demo"_s, {signalId, action, detail, reason, referralId});
}

const Partner& partnerFor(Context& c, const QString& theme)
{
    const QStringList kinds = partnerKindsByTheme.value(theme);
    for (int attempt = 0; attempt < 4; ++attempt) {
        const QString kind = kinds.at(int(c.rng.bounded(int(kinds.size()))));
        const auto& list = c.partnersByKind.value(kind);
        if (!list.isEmpty())
            return list.at(int(c.rng.bounded(int(list.size()))));
    }
    return c.partners.at(int(c.rng.bounded(int(c.partners.size()))));
}

// One referral of a signal; its state follows the signal's: closed signals only have closed referrals.
// `openTo` holds the partners this signal has an open referral to: a second one to the same
// partner is the duplicate the registry refuses, so here it is one sent twice and withdrawn.
Status addReferral(Context& c, qint64 signalId, const QString& theme, const QDate& start, bool signalOpen,
                   bool carriesSubject, bool consentGiven, QSet<qint64>& openTo)
{
    const Partner& to = partnerFor(c, theme);
    const QDate sent = std::min(start.addDays(c.rng.bounded(4)), c.today);
    const QDate respondBy = WorkingDays::add(sent, to.responseDays);
    const qint64 age = sent.daysTo(c.today);
    QString status;
    const double roll = c.rng.generateDouble();
    if (!signalOpen)
        status = roll < 0.72 ? u"afgerond"_s : roll < 0.88 ? u"afgewezen"_s : u"ingetrokken"_s;
    else if (age < 10)
        status = roll < 0.6 ? u"verstuurd"_s : u"geaccepteerd"_s;
    else
        status = roll < 0.15 ? u"verstuurd"_s : roll < 0.55 ? u"geaccepteerd"_s : roll < 0.85 ? u"afgerond"_s : u"afgewezen"_s;
    const bool open = status == u"verstuurd"_s || status == u"geaccepteerd"_s;
    if (open && openTo.contains(to.id))
        status = u"ingetrokken"_s;
    else if (open)
        openTo.insert(to.id);
    QVariant acceptedOn, completeBy, closedOn, rejection, outcome, feedback;
    const QDate accepted = std::min(sent.addDays(1 + c.rng.bounded(12)), c.today);
    if (status == u"geaccepteerd"_s || status == u"afgerond"_s) {
        acceptedOn = iso(accepted);
        completeBy = iso(WorkingDays::add(accepted, 20));
    }
    if (status == u"afgerond"_s || status == u"afgewezen"_s || status == u"ingetrokken"_s) {
        const QDate closed = std::min(accepted.addDays(c.rng.bounded(30)), c.today);
        closedOn = iso(closed);
        if (status == u"afgerond"_s) {
            outcome = chance(c.rng, 0.8) ? u"geholpen"_s : u"niet_geholpen"_s;
            // Not every partner closes the loop: some completions come without feedback.
            feedback = chance(c.rng, 0.85) ? QVariant(u"Contact gelegd en afspraken gemaakt; bewoner neemt deel aan het aanbod."_s) : QVariant();
        } else if (status == u"afgewezen"_s) {
            static const QStringList reasons = {u"geen_capaciteit"_s, u"past_niet"_s, u"bewoner_wil_niet"_s, u"niet_bereikbaar"_s};
            rejection = reasons.at(int(c.rng.bounded(int(reasons.size()))));
        } else {
            feedback = u"Ingetrokken: situatie via een andere partner opgelost."_s;
        }
    }
    const bool override = carriesSubject && !consentGiven;
    bind(c.q.referral, {signalId, to.id, u"Graag contact opnemen en ondersteuning bieden."_s, status, iso(sent), u"demo"_s,
                        iso(respondBy), acceptedOn, completeBy, closedOn, rejection, outcome, feedback, carriesSubject ? 1 : 0,
                        override ? QVariant(u"veiligheidsrisico"_s) : QVariant(),
                        override ? QVariant(u"Zorgen over de veiligheid van de bewoner."_s) : QVariant(), iso(c.today)});
    auto referralId = execReturningId(c.registry.db(), c.q.referral, u"demodoorverwijzing schrijven"_s);
    if (!referralId.ok())
        return referralId.error();
    const qint64 id = referralId.value();
    ++c.summary.referrals;
    BS_TRY(history(c, signalId, stamp(sent, c.rng), u"doorverwijzing"_s, u"Doorverwezen naar %1 (#%2)"_s.arg(to.name).arg(id), {}, id));
    if (status != u"verstuurd"_s) {
        const QDate when = closedOn.isNull() ? accepted : QDate::fromString(closedOn.toString(), Qt::ISODate);
        BS_TRY(history(c, signalId, stamp(when, c.rng), u"doorverwijzing"_s,
                       u"Doorverwijzing #%1 naar %2: verstuurd → %3"_s.arg(id).arg(to.name, Codes::referralStatus().label(status).toLower()), {}, id));
    }
    return {};
}

struct Escalation {
    int level = 0;
    QDate since;
};

// Walks a signal up the ladder (sometimes skipping to 4 for safety, sometimes stepping down again).
Result<Escalation> addEscalations(Context& c, qint64 signalId, const QDate& start, bool open, bool longRunning)
{
    Escalation e{0, start};
    // A case still open after weeks has usually moved past "gesignaleerd".
    const double roll = longRunning ? c.rng.generateDouble() * 0.2 : c.rng.generateDouble();
    int target = 0;
    if (roll < 0.005)
        target = 4;
    else if (roll < 0.02)
        target = 3;
    else if (roll < 0.065)
        target = 2;
    else if (roll < 0.165)
        target = 1;
    QDate when = start;
    static const QStringList triggers = {u"termijn_verstreken"_s, u"samenwerking_stagneert"_s, u"meerdere_leefgebieden"_s};
    while (e.level < target) {
        when = std::min(WorkingDays::add(when, 1 + int(c.rng.bounded(longRunning ? 5 : 12))), c.today);
        const bool safety = target == 4 && e.level >= 1;
        const int to = safety ? 4 : e.level + 1;
        const QString trigger = safety ? u"veiligheid"_s : triggers.at(int(c.rng.bounded(int(triggers.size()))));
        BS_TRY(exec(c.q.escalation, {signalId, e.level, to, trigger, u"Voortgang blijft uit; casus opschalen."_s, stamp(when, c.rng), u"demo"_s}));
        BS_TRY(history(c, signalId, stamp(when, c.rng), u"escalatie"_s,
                       u"Geëscaleerd van trede %1 naar trede %2, aanleiding: %3"_s.arg(e.level).arg(to).arg(trigger)));
        ++c.summary.escalations;
        e = {to, when};
    }
    if (e.level > 0 && e.level < 4 && (!open || chance(c.rng, 0.15))) {
        when = std::min(WorkingDays::add(when, 5 + int(c.rng.bounded(10))), c.today);
        BS_TRY(exec(c.q.escalation, {signalId, e.level, e.level - 1, QVariant(), u"Afspraken lopen; terug naar het team."_s, stamp(when, c.rng), u"demo"_s}));
        BS_TRY(history(c, signalId, stamp(when, c.rng), u"escalatie"_s, u"Afgeschaald van trede %1 naar trede %2"_s.arg(e.level).arg(e.level - 1)));
        ++c.summary.escalations;
        e = {e.level - 1, when};
    }
    return e;
}

Status addSignal(Context& c, const QDate& observed)
{
    QRandomGenerator& rng = c.rng;
    const QString category = pick(rng, categoryWeights);
    const QString theme = c.themeOfCategory.value(category);
    const QString source = pick(rng, sourceWeights);
    const QString urgency = pick(rng, urgencyWeights);
    const bool personal = personalCategories.contains(category);
    static const QList<QPair<QString, int>> personalImpact = {{u"individu"_s, 6}, {u"huishouden"_s, 4}};
    static const QList<QPair<QString, int>> sharedImpact = {{u"gebouw"_s, 3}, {u"straat"_s, 5}, {u"buurt"_s, 3}, {u"wijk"_s, 1}};
    const QString impact = pick(rng, personal ? personalImpact : sharedImpact);
    const QDate registered = std::min(observed.addDays(rng.bounded(3)), c.today);
    const qint64 age = registered.daysTo(c.today);

    // Final status by age: old signals are mostly handled, recent ones mostly still open.
    const double roll = rng.generateDouble();
    QString status;
    if (age > 90)
        status = roll < 0.86 ? u"afgehandeld"_s : roll < 0.94 ? u"geannuleerd"_s : roll < 0.96 ? u"heropend"_s : u"in_behandeling"_s;
    else if (age > 21)
        status = roll < 0.45 ? u"afgehandeld"_s : roll < 0.50 ? u"geannuleerd"_s : roll < 0.92 ? u"in_behandeling"_s : u"nieuw"_s;
    else
        status = roll < 0.12 ? u"afgehandeld"_s : roll < 0.15 ? u"geannuleerd"_s : roll < 0.55 ? u"in_behandeling"_s : u"nieuw"_s;
    const bool open = status != u"afgehandeld"_s && status != u"geannuleerd"_s;

    auto numbered = c.numbers->next(registered.year());
    if (!numbered.ok())
        return numbered.error();
    const QString reference = numbered.value();
    const qint64 buurtId = pick(rng, c.buurtWeights);
    const QStringList texts = DemoTexts::descriptions(category);
    const QString description = texts.at(int(rng.bounded(int(texts.size()))));
    const QString street = chance(rng, 0.7) ? DemoTexts::streets().at(int(rng.bounded(int(DemoTexts::streets().size())))) : QString();
    const bool external = source == u"fixie"_s || source == u"politie"_s;
    const QVariant externalId = external ? QVariant(u"%1-%2"_s.arg(source == u"fixie"_s ? u"FX"_s : u"POL"_s).arg(++c.externalCounter, 7, 10, QLatin1Char('0'))) : QVariant();
    const bool hasSubject = personal && chance(rng, 0.3);
    const double consentRoll = rng.generateDouble();
    const QString consent = !hasSubject ? u"niet_gevraagd"_s : consentRoll < 0.7 ? u"gegeven"_s : consentRoll < 0.8 ? u"geweigerd"_s : u"niet_gevraagd"_s;
    const QDate closed = std::min(registered.addDays(5 + rng.bounded(60)), c.today);
    QVariant outcome, outcomeText, closedOn;
    if (status == u"afgehandeld"_s) {
        static const QList<QPair<QString, int>> outcomes = {{u"opgelost"_s, 55}, {u"deels_opgelost"_s, 25}, {u"niet_opgelost"_s, 12}, {u"geen_actie_nodig"_s, 8}};
        outcome = pick(rng, outcomes);
        outcomeText = u"Afgestemd met de betrokken partners; situatie besproken en afgerond."_s;
        closedOn = iso(closed);
    } else if (status == u"geannuleerd"_s) {
        static const QList<QPair<QString, int>> reasons = {{u"dubbel"_s, 5}, {u"niet_voor_ons"_s, 3}, {u"onterecht"_s, 2}};
        outcome = pick(rng, reasons);
        closedOn = iso(closed);
    }

    SignalWriter::NewSignalRow row;
    row.reference = reference;
    row.observedOn = iso(observed);
    row.registeredAt = stamp(registered, rng);
    row.registeredBy = u"demo"_s;
    row.buurtId = buurtId;
    row.street = street;
    row.impact = impact;
    row.category = category;
    row.source = source;
    row.externalId = externalId.toString();
    row.urgency = urgency;
    row.description = description;
    row.consent = consent;
    if (consent == u"gegeven"_s) {
        row.consentBy = u"betrokkene"_s;
        row.consentOn = iso(registered);
    }
    row.status = status;
    row.levelSince = iso(registered);
    row.levelDueOn = iso(WorkingDays::add(registered, c.termDays.value(0)));
    row.outcome = outcome.toString();
    row.outcomeText = outcomeText.toString();
    row.closedOn = closedOn.toString();
    row.updatedAt = row.registeredAt;
    const QString& registeredAt = row.registeredAt;
    auto inserted = c.q.signal->insert(row);
    if (!inserted.ok())
        return inserted.error();
    const qint64 id = inserted.value();
    ++c.summary.signalCount;
    BS_TRY(history(c, id, registeredAt, u"aangemaakt"_s, u"Signaal %1 geregistreerd"_s.arg(reference)));
    if (hasSubject) {
        // Two statements: the order of the random draws must not depend on the compiler.
        const QString firstName = DemoTexts::firstNames().at(int(rng.bounded(int(DemoTexts::firstNames().size()))));
        const QString name = firstName + u' ' + DemoTexts::lastNames().at(int(rng.bounded(int(DemoTexts::lastNames().size()))));
        BS_TRY(exec(c.q.subject, {id, name, u"%1 %2"_s.arg(street.isEmpty() ? u"Dam"_s : street).arg(1 + rng.bounded(180)),
                                  QVariant(), 1935 + int(rng.bounded(70)), registeredAt, u"demo"_s}));
        if (consent == u"gegeven"_s) {
            for (const QString& kind : partnerKindsByTheme.value(theme))
                BS_TRY(exec(c.q.consent, {id, kind}));
        }
    }
    if (status != u"nieuw"_s)
        BS_TRY(history(c, id, stamp(std::min(registered.addDays(1), c.today), rng), u"status"_s, u"Nieuw → in behandeling"_s));

    // Work on a long-open signal happens recently (it was picked up again), not on the day it came in.
    const QDate workStart = open && age > 30 ? c.today.addDays(-(5 + qint64(rng.bounded(25)))) : registered;
    const int referralCount = status == u"nieuw"_s || status == u"geannuleerd"_s ? 0 : chance(rng, 0.3) ? (chance(rng, 0.25) ? 2 : 1) : 0;
    const bool signalOpenForReferrals = open;
    QSet<qint64> openTo;
    for (int i = 0; i < referralCount; ++i)
        BS_TRY(addReferral(c, id, theme, workStart, signalOpenForReferrals, hasSubject, consent == u"gegeven"_s, openTo));

    Escalation escalation{0, registered};
    if (status != u"nieuw"_s && status != u"geannuleerd"_s) {
        auto walked = addEscalations(c, id, workStart, open, open && ((age > 30 && chance(rng, 0.8)) || (age > 10 && chance(rng, 0.5))));
        if (!walked.ok())
            return walked.error();
        escalation = walked.value();
    }
    if (status == u"afgehandeld"_s || status == u"heropend"_s)
        BS_TRY(history(c, id, stamp(closed, rng), u"status"_s, u"In behandeling → afgehandeld (%1)"_s.arg(Codes::signalOutcome().label(outcome.toString()).toLower())));
    if (status == u"heropend"_s)
        BS_TRY(history(c, id, stamp(std::min(closed.addDays(14), c.today), rng), u"status"_s, u"Afgehandeld → heropend"_s, u"Situatie is teruggekomen."_s));
    if (status == u"geannuleerd"_s)
        BS_TRY(history(c, id, stamp(closed, rng), u"status"_s, u"→ geannuleerd (%1)"_s.arg(Codes::cancellationReason().label(outcome.toString()).toLower())));
    if (escalation.level > 0) {
        const int term = c.termDays.value(escalation.level);
        QSqlQuery update(c.registry.db().connection());
        update.prepare(u"UPDATE signals SET escalation_level = ?, level_since = ?, level_due_on = ? WHERE id = ?"_s);
        BS_TRY(exec(update, {escalation.level, iso(escalation.since),
                             term > 0 ? QVariant(iso(WorkingDays::add(escalation.since, term))) : QVariant(), id}));
    }
    return {};
}

Status addActivities(Context& c)
{
    static const QList<QPair<QString, int>> kinds = {{u"buurtevenement"_s, 4}, {u"themabijeenkomst"_s, 2}, {u"netwerkbijeenkomst"_s, 2},
                                                     {u"opruimactie"_s, 3}, {u"spreekuur"_s, 8}, {u"voorlichting"_s, 2},
                                                     {u"bewonersinitiatief"_s, 3}};
    for (int month = 0; month < 24; ++month) {
        const QDate first = QDate(c.today.year(), c.today.month(), 1).addMonths(-month);
        for (const Buurt& buurt : c.buurten) {
            const int count = 1 + int(c.rng.bounded(buurt.prioritised ? 4 : 2));
            for (int i = 0; i < count; ++i) {
                const QDate held = first.addDays(c.rng.bounded(first.daysInMonth()));
                if (held > c.today)
                    continue;
                const QString kind = pick(c.rng, kinds);
                const bool residents = kind == u"buurtevenement"_s || kind == u"bewonersinitiatief"_s;
                const int participants = kind == u"spreekuur"_s ? 3 + int(c.rng.bounded(15)) : 8 + int(c.rng.bounded(70));
                bind(c.q.activity, {iso(held), buurt.id, kind, QVariant(), participants, 1 + int(c.rng.bounded(4)),
                                    residents && chance(c.rng, 0.4) ? 1 : 0,
                                    kind == u"bewonersinitiatief"_s ? QVariant(100 * (100 + int(c.rng.bounded(650)))) : QVariant(),
                                    stamp(held, c.rng), u"demo"_s});
                auto activityId = execReturningId(c.registry.db(), c.q.activity, u"demoactiviteit schrijven"_s);
                if (!activityId.ok())
                    return activityId.error();
                const Partner& partner = c.partners.at(int(c.rng.bounded(int(c.partners.size()))));
                BS_TRY(exec(c.q.activityPartner, {activityId.value(), partner.id}));
                ++c.summary.activities;
            }
        }
    }
    return {};
}

}  // namespace

Result<DemoSummary> generate(Registry& registry, const DemoOptions& options)
{
    Database& db = registry.db();
    auto buurten = Lookups::buurten(registry);
    auto categories = Lookups::categories(registry);
    auto partners = Lookups::partners(registry);
    auto levels = Lookups::escalationLevels(registry);
    for (const Status& loaded : {Status(buurten.ok() ? Status() : buurten.error()), Status(categories.ok() ? Status() : categories.error()),
                                 Status(partners.ok() ? Status() : partners.error()), Status(levels.ok() ? Status() : levels.error())}) {
        if (!loaded.ok())
            return loaded.error();
    }
    if (buurten->isEmpty() || partners->isEmpty())
        return Error::rule(u"Het register heeft geen buurten of partners; demogegevens hebben die nodig."_s);

    Context c(registry, options.seed);
    c.buurten = buurten.value();
    c.partners = partners.value();
    for (const Buurt& b : c.buurten)
        c.buurtWeights << qMakePair(b.id, b.prioritised ? 3 : 1);
    for (const Category& category : categories.value())
        c.themeOfCategory.insert(category.code, category.themeCode);
    for (const Partner& p : c.partners)
        c.partnersByKind[p.kind] << p;
    for (const EscalationLevel& level : levels.value())
        c.termDays << level.termDays;

    // Observation dates over the last two years, a little busier on weekdays, in time order so
    // references rise with the dates as they would in a real registry.
    QList<QDate> dates;
    dates.reserve(options.signalCount);
    while (dates.size() < options.signalCount) {
        const QDate day = c.today.addDays(-qint64(c.rng.bounded(730)));
        if (day.dayOfWeek() >= Qt::Saturday && !chance(c.rng, 0.35))
            continue;
        dates << day;
    }
    std::sort(dates.begin(), dates.end());

    for (const QString& statement : db.dialect().bulkWriteSetup() + db.dialect().bulkReturningSetup())
        BS_TRY(db.execute(statement));
    BS_TRY(db.write([&]() -> Status {
        // Checked under the write lock together with the writes: demo data never lands beside
        // real signals, not even ones another program saved a moment ago.
        auto existing = db.scalar(u"SELECT count(*) FROM signals"_s);
        if (!existing.ok())
            return existing.error();
        if (existing.value().toLongLong() > 0) {
            return Error::rule(u"Het register %1 bevat al signalen (%2). Demogegevens komen alleen in een nieuw bestand of een "
                               "register zonder signalen, zodat ze nooit met echte gegevens mengen. Er is niets gewijzigd; "
                               "kies een nieuw bestand voor de demo."_s.arg(registry.path()).arg(existing.value().toLongLong()));
        }
        // Real activities or success-factor figures count as real data too.
        auto recorded = db.scalar(u"SELECT (SELECT count(*) FROM activities) + (SELECT count(*) FROM indicator_entries)"_s);
        if (!recorded.ok())
            return recorded.error();
        if (recorded.value().toLongLong() > 0) {
            return Error::rule(u"Het register %1 bevat al activiteiten of cijfers van succesfactoren (%2). Demogegevens komen "
                               "alleen in een nieuw bestand of een leeg register, zodat ze nooit met echte gegevens mengen. Er is "
                               "niets gewijzigd; kies een nieuw bestand voor de demo."_s.arg(registry.path()).arg(recorded.value().toLongLong()));
        }
        BS_TRY(db.execute(u"INSERT INTO settings (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET value = '1'"_s,
                          {demoSettingKey}));
        auto statements = prepare(db);
        if (!statements.ok())
            return statements.error();
        c.q = std::move(statements).value();
        c.numbers.emplace(db);
        for (const QString& statement : Schema::suspendDayCounts(db.dialect()))
            BS_TRY(db.execute(statement));
        for (const QDate& day : dates)
            BS_TRY(addSignal(c, day));
        BS_TRY(c.numbers->save());
        BS_TRY(addActivities(c));
        BS_TRY(DemoCasework::add(db, History::timestamp(registry.clock().now()), registry.clock().today()));
        for (const QString& statement : Schema::rebuildDayCounts(db.dialect()))
            BS_TRY(db.execute(statement));
        return {};
    }));
    return c.summary;
}

Result<bool> isDemo(const Registry& registry)
{
    auto value = registry.setting(demoSettingKey);
    if (!value.ok())
        return value.error();
    return value.value() == u"1"_s;
}

}  // namespace bs::DemoGenerator
