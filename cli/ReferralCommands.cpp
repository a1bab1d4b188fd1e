// referral add|accept|reject|complete|withdraw|list, escalate, stalled
#include "CommandContext.h"
#include "Json.h"
#include "domain/Codes.h"
#include "domain/DutchDates.h"
#include "services/Escalations.h"
#include "services/Referrals.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace bs::cli {

namespace {

int add(Context& c)
{
    NewReferral input{c.positional.at(0), c.value(u"to"_s), c.value(u"from"_s), c.value(u"reason"_s),
                      c.value(u"override"_s), c.value(u"override-reason"_s)};
    auto id = Referrals::add(*c.registry, input);
    if (!id.ok())
        return c.fail(id.error());
    c.out << id.value() << Qt::endl;
    return 0;
}

Result<qint64> referralId(const QString& text)
{
    bool ok = false;
    const qint64 id = QString(text).remove(u'#').toLongLong(&ok);
    if (!ok || id <= 0)
        return Error::invalid(u"id"_s, u"Ongeldig nummer van doorverwijzing '%1'; verwacht een getal zoals 12."_s.arg(text));
    return id;
}

int move(Context& c, const QString& toStatus, const Workflow::TransitionInput& input)
{
    auto id = referralId(c.positional.at(0));
    if (!id.ok())
        return c.fail(id.error());
    Status done = Referrals::transition(*c.registry, id.value(), toStatus, input);
    return done.ok() ? 0 : c.fail(done.error());
}

int accept(Context& c)
{
    return move(c, u"geaccepteerd"_s, {{}, c.value(u"note"_s), {}});
}

int reject(Context& c)
{
    return move(c, u"afgewezen"_s, {c.value(u"reason"_s), c.value(u"note"_s), {}});
}

int complete(Context& c)
{
    return move(c, u"afgerond"_s, {c.value(u"outcome"_s), c.value(u"note"_s), c.value(u"reason"_s)});
}

int withdraw(Context& c)
{
    // Withdrawing needs a reason; either option carries it.
    const QString why = c.isSet(u"note"_s) ? c.value(u"note"_s) : c.value(u"reason"_s);
    return move(c, u"ingetrokken"_s, {{}, why, {}});
}

int list(Context& c)
{
    ReferralFilter filter;
    filter.onlyOpen = c.isSet(u"open"_s);
    filter.onlyLate = c.isSet(u"late"_s);
    if (c.isSet(u"limit"_s))
        filter.limit = c.value(u"limit"_s).toInt();
    auto referrals = Referrals::list(*c.registry, filter);
    if (!referrals.ok())
        return c.fail(referrals.error());
    if (c.isSet(u"json"_s)) {
        QJsonArray array;
        for (const ReferralInfo& r : referrals.value())
            array.append(Json::referral(r));
        c.printJson(array);
        return 0;
    }
    c.out << u"%1 %2 %3 %4 %5 %6\n"_s.arg(u"Nr"_s.leftJustified(7), u"Signaal"_s.leftJustified(14), u"Naar"_s.leftJustified(34),
                                         u"Status"_s.leftJustified(13), u"Verstuurd"_s.leftJustified(10), u"Reactie voor"_s);
    for (const ReferralInfo& r : referrals.value()) {
        c.out << u"%1 %2 %3 %4 %5 %6%7\n"_s.arg((u"#"_s + QString::number(r.id)).leftJustified(7), r.signalReference.leftJustified(14),
                                                r.toPartner.leftJustified(34, u' ', true),
                                                Codes::referralStatus().label(r.status).leftJustified(13),
                                                DutchDates::formatIso(r.sentOn).leftJustified(10),
                                                DutchDates::formatIso(r.status == u"geaccepteerd"_s ? r.completeBy : r.respondBy),
                                                r.late ? u"  TE LAAT"_s : QString());
    }
    c.out.flush();
    return 0;
}

int escalate(Context& c)
{
    bool ok = false;
    const int level = c.value(u"to"_s).toInt(&ok);
    if (!ok)
        return c.fail(Error::invalid(u"to"_s, u"Ongeldige escalatietrede '%1'; geef een getal van 0 tot en met 4."_s.arg(c.value(u"to"_s))));
    Status done = Escalations::step(*c.registry, c.positional.at(0), level, c.value(u"trigger"_s), c.value(u"reason"_s));
    return done.ok() ? 0 : c.fail(done.error());
}

int stalled(Context& c)
{
    auto list = Escalations::stalled(*c.registry);
    if (!list.ok())
        return c.fail(list.error());
    if (c.isSet(u"json"_s)) {
        QJsonArray array;
        for (const StalledSignal& s : list.value()) {
            array.append(QJsonObject{{u"reference"_s, s.reference}, {u"buurt"_s, s.buurt}, {u"level"_s, s.level},
                                     {u"since"_s, s.levelSince}, {u"due_on"_s, s.dueOn}, {u"working_days_over"_s, s.workingDaysOver}});
        }
        c.printJson(array);
        return 0;
    }
    for (const StalledSignal& s : list.value()) {
        c.out << u"%1 %2 trede %3 (%4) sinds %5, termijn %6 — %7 werkdagen over tijd\n"_s.arg(
            s.reference.leftJustified(14), s.buurt.leftJustified(18, u' ', true)).arg(s.level).arg(s.levelName, DutchDates::formatIso(s.levelSince), DutchDates::formatIso(s.dueOn)).arg(s.workingDaysOver);
    }
    c.out.flush();
    return 0;
}

}  // namespace

QList<Command> referralCommands()
{
    const auto note = opt(u"note"_s, u"Toelichting of terugkoppeling."_s, u"TEKST"_s);
    return {
        {{u"referral"_s, u"add"_s}, u"REF"_s, 1, u"Signaal doorverwijzen naar een partner; toont het nummer."_s,
         {opt(u"to"_s, u"Partner (naam of nummer)."_s, u"PARTNER"_s), opt(u"from"_s, u"Verwijzende partner (optioneel)."_s, u"PARTNER"_s),
          opt(u"reason"_s, u"Reden van doorverwijzing."_s, u"TEKST"_s),
          opt(u"override"_s, u"Grond om zonder toestemming te delen: %1."_s.arg(Codes::overrideGround().allowedText()), u"GROUND"_s),
          opt(u"override-reason"_s, u"Reden om zonder toestemming te delen."_s, u"TEKST"_s)},
         Registry::Create::No, true, add},
        {{u"referral"_s, u"accept"_s}, u"ID"_s, 1, u"Doorverwijzing accepteren (door de partner)."_s, {note},
         Registry::Create::No, true, accept},
        {{u"referral"_s, u"reject"_s}, u"ID"_s, 1, u"Doorverwijzing afwijzen met reden."_s,
         {opt(u"reason"_s, u"Reden: %1."_s.arg(Codes::rejectionReason().allowedText()), u"CODE"_s), note},
         Registry::Create::No, true, reject},
        {{u"referral"_s, u"complete"_s}, u"ID"_s, 1, u"Doorverwijzing afronden met terugkoppeling."_s,
         {opt(u"outcome"_s, u"Resultaat: %1."_s.arg(Codes::referralOutcome().allowedText()), u"CODE"_s), note,
          opt(u"reason"_s, u"Waarom niet geholpen."_s, u"TEKST"_s)},
         Registry::Create::No, true, complete},
        {{u"referral"_s, u"withdraw"_s}, u"ID"_s, 1, u"Doorverwijzing intrekken (door de verwijzer)."_s,
         {note, opt(u"reason"_s, u"Reden van intrekken."_s, u"TEKST"_s)}, Registry::Create::No, true, withdraw},
        {{u"referral"_s, u"list"_s}, {}, 0, u"Doorverwijzingen tonen, oudste eerst."_s,
         {opt(u"open"_s, u"Alleen open (verstuurd of geaccepteerd)."_s), opt(u"late"_s, u"Alleen te laat."_s),
          opt(u"limit"_s, u"Ten hoogste N regels (standaard 500)."_s, u"N"_s), opt(u"json"_s, u"Uitvoer als JSON."_s)},
         Registry::Create::No, true, list},
        {{u"escalate"_s}, u"REF"_s, 1, u"Naar een andere trede van de escalatieladder (ook afschalen)."_s,
         {opt(u"to"_s, u"Trede 0 t/m 4."_s, u"LEVEL"_s),
          opt(u"trigger"_s, u"Aanleiding bij opschalen: %1."_s.arg(Codes::escalationTrigger().allowedText()), u"CODE"_s),
          opt(u"reason"_s, u"Reden."_s, u"TEKST"_s)},
         Registry::Create::No, true, escalate},
        {{u"escalation"_s, u"stalled"_s}, {}, 0, u"Gestagneerde escalaties: langer op een trede dan de termijn."_s,
         {opt(u"json"_s, u"Uitvoer als JSON."_s)}, Registry::Create::No, true, stalled},
    };
}

}  // namespace bs::cli
