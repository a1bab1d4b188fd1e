// retention, subject search/inzage/erase, user list/set/add, access-log
#include "Cli.h"
#include "CommandContext.h"
#include "access/Access.h"
#include "access/AccessLog.h"
#include "domain/Codes.h"
#include "domain/DutchDates.h"
#include "domain/DutchLocale.h"
#include "domain/Validation.h"
#include "privacy/Retention.h"
#include "privacy/SubjectRights.h"

using namespace Qt::StringLiterals;

namespace bs::cli {

namespace {

int retention(Context& c)
{
    const bool dryRun = c.isSet(u"dry-run"_s);
    auto report = Retention::run(*c.registry, dryRun);
    if (!report.ok())
        return c.fail(report.error());
    const RetentionReport& r = report.value();
    c.out << u"Bewaartermijn %1 maanden: signalen afgesloten voor %2 met betrokkenegegevens: %3 — %4."_s.arg(r.months)
                 .arg(r.cutoff.toString(u"dd-MM-yyyy"_s))
                 .arg(r.signalCount)
                 .arg(dryRun ? u"niets gewist (--dry-run)"_s : (r.written ? u"gegevens gewist, cijfers ongewijzigd"_s : u"niets te wissen"_s))
          << Qt::endl;
    if (dryRun && !r.references.isEmpty())
        c.out << u"Eerste kenmerken: "_s << r.references.mid(0, 20).join(u", "_s) << Qt::endl;
    return ExitCode::Done;
}

int subjectSearch(Context& c)
{
    auto matches = SubjectRights::search(*c.registry, c.positional.at(0));
    if (!matches.ok())
        return c.fail(matches.error());
    for (const SubjectMatch& m : matches.value())
        c.out << u"%1  %2  %3  %4  %5\n"_s.arg(m.reference, DutchDates::formatIso(m.observedOn),
                                               Codes::signalStatus().label(m.status).leftJustified(14), m.name, m.address);
    c.out << u"%1 gevonden."_s.arg(countOf(matches->size(), u"signaal"_s, u"signalen"_s)) << Qt::endl;
    return ExitCode::Done;
}

int subjectInzage(Context& c)
{
    const QStringList references = c.positional.at(0).split(u',', Qt::SkipEmptyParts);
    if (auto done = SubjectRights::inzage(*c.registry, references, c.value(u"out"_s)); !done.ok())
        return c.fail(done.error());
    c.out << u"Inzage van %1 geschreven naar %2."_s.arg(countOf(references.size(), u"signaal"_s, u"signalen"_s), c.value(u"out"_s)) << Qt::endl;
    return ExitCode::Done;
}

int subjectErase(Context& c)
{
    const QStringList references = c.positional.at(0).split(u',', Qt::SkipEmptyParts);
    if (auto done = SubjectRights::erase(*c.registry, references, c.value(u"reason"_s)); !done.ok())
        return c.fail(done.error());
    c.out << u"Gegevens van de betrokkene gewist bij %1; de cijfers blijven gelijk."_s.arg(countOf(references.size(), u"signaal"_s, u"signalen"_s)) << Qt::endl;
    return ExitCode::Done;
}

int userList(Context& c)
{
    auto users = Access::users(*c.registry);
    if (!users.ok())
        return c.fail(users.error());
    for (const User& u : users.value())
        c.out << u"%1  %2  %3  %4\n"_s.arg(u.login.leftJustified(20), Codes::role().label(Access::roleCode(u.role)).leftJustified(12),
                                           u.active ? u"actief"_s : u"inactief"_s, u.displayName);
    c.out.flush();
    return ExitCode::Done;
}

int userDisable(Context& c)
{
    const QString login = c.positional.at(0);
    if (auto done = Access::disableUser(*c.registry, login); !done.ok())
        return c.fail(done.error());
    c.out << u"Gebruiker %1 is inactief%2."_s.arg(login, c.registry->db().enforcesAccess() ? u"; de login kan niet meer inloggen op de server"_s
                                                                                             : QString())
          << Qt::endl;
    return ExitCode::Done;
}

int userSet(Context& c)
{
    const QString login = c.positional.at(0);
    if (auto done = Access::setUser(*c.registry, login, c.value(u"name"_s), c.positional.at(1), !c.isSet(u"inactive"_s),
                                    c.value(u"partner"_s));
        !done.ok())
        return c.fail(done.error());
    c.out << u"Gebruiker %1: rol %2%3."_s.arg(login, c.positional.at(1), c.isSet(u"inactive"_s) ? u", inactief"_s : QString()) << Qt::endl;
    return ExitCode::Done;
}

int userAdd(Context& c)
{
    if (!c.isSet(u"role"_s))
        return c.usage(u"'user add' heeft --role ROL nodig (medewerker, coordinator, stuurgroep, beheerder, partner)."_s, u"user add"_s);
    const QString login = c.positional.at(0);
    // Only from the environment, never from the command line (which other users can see).
    const QString password = qEnvironmentVariable("BUURTSIGNAAL_NEW_PASSWORD");
    if (auto done = Access::addUser(*c.registry, login, c.value(u"name"_s), c.value(u"role"_s), password, c.value(u"partner"_s));
        !done.ok())
        return c.fail(done.error());
    c.out << u"Gebruiker %1 toegevoegd met rol %2."_s.arg(login, c.value(u"role"_s));
    if (c.registry->db().enforcesAccess())
        c.out << (password.isEmpty() ? u" Inloggen op de server zonder wachtwoord (peer, LDAP of GSSAPI volgens pg_hba.conf)."_s
                                     : u" Inloggen op de server met het wachtwoord uit BUURTSIGNAAL_NEW_PASSWORD."_s);
    c.out << Qt::endl;
    return ExitCode::Done;
}

int accessLog(Context& c)
{
    AccessFilter filter;
    filter.actor = c.value(u"user"_s);
    filter.action = c.value(u"action"_s);
    filter.reference = c.value(u"signal"_s);
    if (c.isSet(u"from"_s)) {
        auto from = Validation::date(c.value(u"from"_s), u"from"_s, u"Begindatum"_s);
        if (!from.ok())
            return c.fail(from.error());
        filter.from = from.value();
    }
    if (c.isSet(u"to"_s)) {
        auto to = Validation::date(c.value(u"to"_s), u"to"_s, u"Einddatum"_s);
        if (!to.ok())
            return c.fail(to.error());
        filter.to = to.value();
    }
    if (c.isSet(u"limit"_s))
        filter.limit = c.value(u"limit"_s).toInt();
    if (c.isSet(u"purge"_s)) {
        auto removed = AccessLog::purge(*c.registry);
        if (!removed.ok())
            return c.fail(removed.error());
        c.out << u"%1 regels ouder dan de bewaartermijn van het logboek verwijderd."_s.arg(removed.value()) << Qt::endl;
        return ExitCode::Done;
    }
    auto entries = AccessLog::list(*c.registry, filter);
    if (!entries.ok())
        return c.fail(entries.error());
    for (const AccessEntry& e : entries.value())
        c.out << u"%1  %2  %3  %4  %5  %6\n"_s.arg(DutchDates::localTime(e.at, true), e.actor.leftJustified(14),
                                                   Codes::role().label(e.role).leftJustified(11),
                                                   Codes::accessAction().label(e.action).leftJustified(12),
                                                   e.reference.leftJustified(13), e.detail);
    c.out.flush();
    return ExitCode::Done;
}

}  // namespace

QList<Command> privacyCommands()
{
    return {
        {{u"retention"_s}, {}, 0, u"Bewaartermijn toepassen: betrokkenegegevens van lang afgesloten signalen wissen."_s,
         {opt(u"dry-run"_s, u"Alleen tellen wat gewist zou worden."_s)}, Registry::Create::No, true, retention},
        {{u"subject"_s, u"search"_s}, u"TEKST"_s, 1, u"Signalen zoeken op naam, adres of telefoon van de betrokkene."_s, {},
         Registry::Create::No, true, subjectSearch},
        {{u"subject"_s, u"inzage"_s}, u"REF[,REF...]"_s, 1, u"Alles over de betrokkene bij deze signalen naar een JSON-bestand."_s,
         {opt(u"out"_s, u"Uitvoerbestand (JSON)."_s, u"FILE"_s)}, Registry::Create::No, true, subjectInzage},
        {{u"subject"_s, u"erase"_s}, u"REF[,REF...]"_s, 1, u"Betrokkenegegevens en vrije teksten wissen op verzoek."_s,
         {opt(u"reason"_s, u"Het verzoek (verplicht)."_s, u"TEKST"_s)}, Registry::Create::No, true, subjectErase},
        {{u"user"_s, u"list"_s}, {}, 0, u"Gebruikers en hun rol."_s, {}, Registry::Create::No, true, userList},
        {{u"user"_s, u"set"_s}, u"LOGIN ROL"_s, 2,
         u"Gebruiker toevoegen of rol wijzigen (medewerker, coordinator, stuurgroep, beheerder, partner); op een server ook de login."_s,
         {opt(u"name"_s, u"Weergavenaam."_s, u"NAAM"_s), opt(u"inactive"_s, u"Gebruiker op inactief zetten."_s),
          opt(u"partner"_s, u"Partnerorganisatie (alleen bij rol partner)."_s, u"NAAM"_s)},
         Registry::Create::No, true, userSet},
        {{u"user"_s, u"disable"_s}, u"LOGIN"_s, 1, u"Gebruiker op inactief zetten; op een server kan de login dan niet meer inloggen."_s, {},
         Registry::Create::No, true, userDisable},
        {{u"user"_s, u"add"_s}, u"LOGIN"_s, 1,
         u"Gebruiker toevoegen; op een server ook een eigen login (wachtwoord uit BUURTSIGNAAL_NEW_PASSWORD)."_s,
         {opt(u"role"_s, u"Rol: medewerker, coordinator, stuurgroep, beheerder of partner."_s, u"ROL"_s),
          opt(u"name"_s, u"Weergavenaam."_s, u"NAAM"_s), opt(u"partner"_s, u"Partnerorganisatie (verplicht bij rol partner)."_s, u"NAAM"_s)},
         Registry::Create::No, true, userAdd},
        {{u"access-log"_s}, {}, 0, u"Toegangslogboek (NEN 7513): wie zag of wijzigde wat, wanneer."_s,
         {opt(u"user"_s, u"Alleen deze gebruiker."_s, u"LOGIN"_s), opt(u"action"_s, u"Alleen deze handeling: %1."_s.arg(Codes::accessAction().allowedText()), u"CODE"_s),
          opt(u"signal"_s, u"Alleen dit signaal."_s, u"REF"_s), opt(u"from"_s, u"Vanaf datum dd-mm-jjjj."_s, u"DATUM"_s),
          opt(u"to"_s, u"Tot en met datum dd-mm-jjjj."_s, u"DATUM"_s), opt(u"limit"_s, u"Aantal regels (standaard 500)."_s, u"N"_s),
          opt(u"purge"_s, u"Regels ouder dan de bewaartermijn van het logboek verwijderen."_s)},
         Registry::Create::No, true, accessLog},
    };
}

}  // namespace bs::cli
