// signal add|list|show|status|edit, consent, subject set|clear
#include "CommandContext.h"
#include "Json.h"
#include "domain/Codes.h"
#include "domain/DutchDates.h"
#include "domain/DutchLocale.h"
#include "services/Export.h"
#include "services/SignalDetail.h"
#include "services/Signals.h"
#include "services/Subjects.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace bs::cli {

namespace {

int add(Context& c)
{
    NewSignal input;
    input.buurt = c.value(u"buurt"_s);
    input.category = c.value(u"category"_s);
    input.source = c.value(u"source"_s);
    if (c.isSet(u"impact"_s))
        input.impact = c.value(u"impact"_s);
    if (c.isSet(u"urgency"_s))
        input.urgency = c.value(u"urgency"_s);
    input.observedOn = c.value(u"observed"_s);
    input.street = c.value(u"street"_s);
    input.description = c.value(u"description"_s);
    input.externalId = c.value(u"external-id"_s);
    input.followUpOn = c.value(u"follow-up"_s);
    if (c.isSet(u"handler"_s))
        input.handler = c.value(u"handler"_s) == u"-"_s ? QString() : c.value(u"handler"_s);
    auto reference = Signals::add(*c.registry, input);
    if (!reference.ok())
        return c.fail(reference.error());
    c.out << reference.value() << Qt::endl;
    if (input.urgency == u"acuut"_s) {
        c.err << u"Let op: urgentie acuut. Buurtsignaal is geen meldkanaal voor noodgevallen: bel bij direct gevaar "
                 "112, en bij huiselijk geweld of kindermishandeling Veilig Thuis (0800-2000)."_s
              << Qt::endl;
    }
    return 0;
}

SignalFilter filterFrom(Context& c)
{
    SignalFilter filter;
    filter.status = c.value(u"status"_s);
    filter.buurt = c.value(u"buurt"_s);
    filter.category = c.value(u"category"_s);
    filter.from = c.value(u"from"_s);
    filter.to = c.value(u"to"_s);
    filter.onlyOpen = c.isSet(u"open"_s);
    filter.onlyLate = c.isSet(u"late"_s);
    filter.handler = c.value(u"handler"_s);
    if (c.isSet(u"mine"_s))
        filter.queue = SignalQueue::MyWork;
    else if (c.isSet(u"unassigned"_s))
        filter.queue = SignalQueue::Unassigned;
    else if (c.isSet(u"follow-up-today"_s))
        filter.queue = SignalQueue::FollowUpToday;
    // One's own work and the follow-up queue in the order of the follow-up dates.
    if (filter.queue == SignalQueue::MyWork || filter.queue == SignalQueue::FollowUpToday) {
        filter.sort = SignalSort::ByFollowUp;
        filter.descending = false;
    }
    if (c.isSet(u"limit"_s))
        filter.limit = c.value(u"limit"_s).toInt();
    if (c.isSet(u"offset"_s))
        filter.offset = c.value(u"offset"_s).toInt();
    return filter;
}

int exportCsv(Context& c, const SignalFilter& filter)
{
    ExportOptions options;
    if (c.isSet(u"comma"_s))
        options.separator = u',';
    auto rows = Export::signalList(*c.registry, filter, c.value(u"csv"_s), options);
    if (!rows.ok())
        return c.fail(rows.error());
    c.err << u"%1 geëxporteerd naar %2."_s.arg(countOf(rows.value(), u"signaal"_s, u"signalen"_s), c.value(u"csv"_s)) << Qt::endl;
    return 0;
}

int list(Context& c)
{
    const SignalFilter filter = filterFrom(c);
    if (c.isSet(u"csv"_s))
        return exportCsv(c, filter);
    auto rows = Signals::list(*c.registry, filter);
    if (!rows.ok())
        return c.fail(rows.error());
    if (auto logged = Signals::recordSearch(*c.registry, filter); !logged.ok())
        return c.fail(logged.error());
    auto total = Signals::count(*c.registry, filter);
    if (!total.ok())
        return c.fail(total.error());
    if (c.isSet(u"json"_s)) {
        QJsonArray array;
        for (const SignalRow& row : rows.value())
            array.append(Json::signalRow(row));
        c.printJson(array);
    } else {
        c.out << u"%1 %2 %3 %4 %5 %6 %7 %8 %9\n"_s.arg(u"Kenmerk"_s.leftJustified(14), u"Datum"_s.leftJustified(10),
                                                      u"Buurt"_s.leftJustified(18), u"Categorie"_s.leftJustified(20),
                                                      u"Urgentie"_s.leftJustified(8), u"Status"_s.leftJustified(14),
                                                      u"Trede"_s, u"Open/te laat"_s.leftJustified(12), u"Behandelaar"_s);
        for (const SignalRow& row : rows.value()) {
            c.out << u"%1 %2 %3 %4 %5 %6 %7 %8 %9\n"_s.arg(row.reference.leftJustified(14), DutchDates::formatIso(row.observedOn).leftJustified(10),
                                                       row.buurt.leftJustified(18, u' ', true),
                                                       (row.categoryName.isEmpty() ? row.category : row.categoryName).leftJustified(20, u' ', true),
                                                       Codes::urgency().label(row.urgency).leftJustified(8),
                                                       Codes::signalStatus().label(row.status).leftJustified(14),
                                                       QString::number(row.level).leftJustified(5),
                                                       u"%1%2"_s.arg(row.openReferrals).arg(row.late ? u" TE LAAT"_s : QString()).leftJustified(12),
                                                       row.handler.isEmpty() ? u"—"_s : row.handler);
        }
        c.out.flush();
    }
    if (total.value() > filter.offset + rows->size()) {
        c.err << u"%1 van %2 signalen getoond; gebruik --limit en --offset voor meer."_s.arg(rows->size()).arg(total.value())
              << Qt::endl;
    }
    return 0;
}

void printDetail(QTextStream& out, const SignalDetail& d)
{
    using DutchDates::formatIso;
    out << u"Signaal %1 — %2\n"_s.arg(d.reference, Codes::signalStatus().label(d.status));
    out << u"  Waargenomen: %1   Geregistreerd: %2 door %3\n"_s.arg(formatIso(d.observedOn), DutchDates::localTime(d.registeredAt),
                                                                   d.registeredBy);
    out << u"  Buurt: %1%2   Impact: %3   Urgentie: %4\n"_s.arg(d.buurt, d.street.isEmpty() ? QString() : u", "_s + d.street,
                                                                 Codes::impactLevel().label(d.impact), Codes::urgency().label(d.urgency));
    out << u"  Thema: %1   Categorie: %2   Bron: %3%4\n"_s.arg(d.themeName, d.categoryName, d.sourceName,
                                                              d.externalId.isEmpty() ? QString() : u" ("_s + d.externalId + u')');
    out << u"  Behandelaar: %1%2\n"_s.arg(d.handler.isEmpty() ? u"geen"_s : d.handlerName,
                                            d.handedOverBy.isEmpty() ? QString() : u" (overgedragen door %1)"_s.arg(d.handedOverByName));
    if (!d.followUpOn.isEmpty())
        out << u"  Opvolgen op: %1\n"_s.arg(formatIso(d.followUpOn));
    out << u"  Escalatie: trede %1 (%2) sinds %3%4\n"_s.arg(d.level).arg(d.levelName, formatIso(d.levelSince),
                                                              d.levelDueOn.isEmpty() ? QString()
                                                              : d.stalled ? u", termijn verstreken op %1 — GESTAGNEERD"_s.arg(formatIso(d.levelDueOn))
                                                                          : u", termijn tot %1"_s.arg(formatIso(d.levelDueOn)));
    if (!d.outcome.isEmpty()) {
        const CodeList& outcomes = d.status == u"geannuleerd"_s ? Codes::cancellationReason() : Codes::signalOutcome();
        out << u"  Uitkomst: %1 — %2 (%3)\n"_s.arg(outcomes.label(d.outcome), d.outcomeText, formatIso(d.closedOn));
    }
    out << u"  Toestemming: %1%2\n"_s.arg(Codes::consent().label(d.consent.status),
                                           d.consent.scope.isEmpty() ? QString() : u" (bereik: %1)"_s.arg(d.consent.scope.join(u", "_s)));
    if (d.subject)
        out << u"  Betrokkene: %1\n"_s.arg(QStringList{d.subject->name, d.subject->address}.join(u", "_s));
    else if (d.subjectHidden)
        out << u"  Betrokkene: vastgelegd, niet zichtbaar voor uw rol\n"_s;
    out << u"\n  Omschrijving:\n    %1\n"_s.arg(QString(d.description).replace(u'\n', u"\n    "_s));
    if (!d.referrals.isEmpty()) {
        out << u"\n  Doorverwijzingen:\n"_s;
        for (const ReferralInfo& r : d.referrals) {
            out << u"    #%1 naar %2: %3, verstuurd %4, reactie voor %5%6\n"_s.arg(r.id).arg(
                r.toPartner, Codes::referralStatus().label(r.status).toLower(), formatIso(r.sentOn), formatIso(r.respondBy),
                r.late ? u" — TE LAAT"_s : QString());
        }
    }
    if (!d.escalations.isEmpty()) {
        out << u"\n  Escalaties:\n"_s;
        for (const EscalationStepInfo& e : d.escalations) {
            const QString trigger = e.trigger.isEmpty() ? u"afschalen"_s : Codes::escalationTrigger().label(e.trigger).toLower();
            out << u"    %1  trede %2 → %3 %4 — %5\n"_s.arg(DutchDates::localTime(e.at)).arg(e.fromLevel).arg(e.toLevel).arg(trigger, e.reason);
        }
    }
    if (!d.journal.isEmpty()) {
        out << u"\n  Journaal:\n"_s;
        for (const JournalEntry& e : d.journal) {
            out << u"    %1  %2  %3: %4\n"_s.arg(formatIso(e.happenedOn), Journal::kindLabel(e.kind).leftJustified(12), e.authorName,
                                                e.text.isEmpty() ? u"[tekst gewist]"_s : e.text);
        }
    }
    out << u"\n  Geschiedenis:\n"_s;
    for (const HistoryEntry& h : d.history) {
        out << u"    %1  %2  %3%4\n"_s.arg(DutchDates::localTime(h.at), h.actor.leftJustified(10), h.detail,
                                           h.reason.isEmpty() ? QString() : u" — "_s + h.reason);
    }
    out.flush();
}

int show(Context& c)
{
    auto detail = Signals::detail(*c.registry, c.positional.at(0));
    if (!detail.ok())
        return c.fail(detail.error());
    if (c.isSet(u"json"_s))
        c.printJson(Json::signalDetail(detail.value()));
    else
        printDetail(c.out, detail.value());
    return 0;
}

int status(Context& c)
{
    Workflow::TransitionInput input;
    input.code = c.value(u"outcome"_s);
    input.text = c.value(u"reason"_s);
    Status done = Signals::changeStatus(*c.registry, c.positional.at(0), c.positional.at(1), input);
    if (!done.ok())
        return c.fail(done.error());
    return 0;
}

int edit(Context& c)
{
    SignalEdit change;
    auto take = [&](const QString& option, std::optional<QString>& field) {
        if (c.isSet(option))
            field = c.value(option);
    };
    take(u"buurt"_s, change.buurt);
    take(u"category"_s, change.category);
    take(u"impact"_s, change.impact);
    take(u"urgency"_s, change.urgency);
    take(u"street"_s, change.street);
    take(u"description"_s, change.description);
    take(u"follow-up"_s, change.followUpOn);
    change.reason = c.value(u"reason"_s);
    Status done = Signals::edit(*c.registry, c.positional.at(0), change);
    return done.ok() ? 0 : c.fail(done.error());
}

int consent(Context& c)
{
    ConsentInput input;
    input.status = c.value(u"status"_s);
    input.givenBy = c.value(u"by"_s);
    input.givenOn = c.value(u"on"_s);
    for (const QString& scope : c.parser.values(u"scope"_s)) {
        for (const QString& part : scope.split(u',', Qt::SkipEmptyParts))
            input.scope << part.trimmed();
    }
    Status done = Subjects::setConsent(*c.registry, c.positional.at(0), input);
    return done.ok() ? 0 : c.fail(done.error());
}

int subjectSet(Context& c)
{
    SubjectInput input{c.value(u"name"_s), c.value(u"address"_s), c.value(u"phone"_s), c.value(u"birth-year"_s)};
    Status done = Subjects::set(*c.registry, c.positional.at(0), input);
    return done.ok() ? 0 : c.fail(done.error());
}

int subjectClear(Context& c)
{
    Status done = Subjects::clear(*c.registry, c.positional.at(0), c.value(u"reason"_s));
    return done.ok() ? 0 : c.fail(done.error());
}

}  // namespace

QList<Command> signalCommands()
{
    const auto json = opt(u"json"_s, u"Uitvoer als JSON."_s);
    const QString levels = Codes::impactLevel().allowedText();
    const QString urgencies = Codes::urgency().allowedText();
    return {
        {{u"signal"_s, u"add"_s}, {}, 0, u"Nieuw signaal registreren; toont het kenmerk."_s,
         {opt(u"buurt"_s, u"Buurt (naam)."_s, u"NAAM"_s), opt(u"category"_s, u"Categoriecode, zie 'category list'."_s, u"CODE"_s),
          opt(u"source"_s, u"Broncode (eigen_waarneming, inloop, huisbezoek, …)."_s, u"CODE"_s),
          opt(u"impact"_s, u"Impactniveau: %1 (standaard buurt)."_s.arg(levels), u"LEVEL"_s),
          opt(u"urgency"_s, u"Urgentie: %1 (standaard normaal)."_s.arg(urgencies), u"LEVEL"_s),
          opt(u"observed"_s, u"Datum waarneming dd-mm-jjjj (standaard vandaag)."_s, u"DATUM"_s),
          opt(u"street"_s, u"Straat (optioneel)."_s, u"TEKST"_s), opt(u"description"_s, u"Omschrijving."_s, u"TEKST"_s),
          opt(u"external-id"_s, u"Extern nummer (FIXIE, politie)."_s, u"ID"_s),
          opt(u"follow-up"_s, u"Opvolgdatum dd-mm-jjjj."_s, u"DATUM"_s),
          opt(u"handler"_s, u"Behandelaar (login; - voor geen; standaard uzelf)."_s, u"LOGIN"_s)},
         Registry::Create::No, true, add},
        {{u"signal"_s, u"list"_s}, {}, 0, u"Signalen tonen, nieuwste eerst."_s,
         {opt(u"status"_s, u"Status: %1."_s.arg(Codes::signalStatus().allowedText()), u"S"_s),
          opt(u"buurt"_s, u"Buurt (naam)."_s, u"NAAM"_s), opt(u"category"_s, u"Categoriecode."_s, u"CODE"_s),
          opt(u"from"_s, u"Waargenomen vanaf dd-mm-jjjj."_s, u"DATUM"_s),
          opt(u"to"_s, u"Waargenomen tot en met dd-mm-jjjj."_s, u"DATUM"_s),
          opt(u"open"_s, u"Alleen open signalen."_s), opt(u"late"_s, u"Alleen signalen met een verstreken termijn."_s),
          opt(u"handler"_s, u"Alleen de open signalen van deze behandelaar."_s, u"LOGIN"_s),
          opt(u"mine"_s, u"Mijn werkvoorraad: wat ik behandel, en wat ik registreerde zonder behandelaar."_s),
          opt(u"unassigned"_s, u"Open signalen zonder behandelaar."_s),
          opt(u"follow-up-today"_s, u"Vandaag opvolgen: opvolgdatum vandaag of eerder (of in het komende weekend)."_s),
          opt(u"limit"_s, u"Ten hoogste N regels (standaard 200)."_s, u"N"_s), opt(u"offset"_s, u"Sla de eerste N over."_s, u"N"_s),
          json, opt(u"csv"_s, u"Hele gefilterde lijst naar een CSV-bestand (UTF-8, ; voor Nederlandse Excel)."_s, u"FILE"_s),
          opt(u"comma"_s, u"Komma als scheidingsteken in de CSV."_s)},
         Registry::Create::No, true, list},
        {{u"signal"_s, u"show"_s}, u"REF"_s, 1, u"Eén signaal met geschiedenis, doorverwijzingen en escalaties."_s,
         {json}, Registry::Create::No, true, show},
        {{u"signal"_s, u"status"_s}, u"REF STATUS"_s, 2, u"Status wijzigen (in_behandeling, afgehandeld, heropend, geannuleerd)."_s,
         {opt(u"outcome"_s, u"Uitkomst bij afhandelen (%1) of reden bij annuleren (%2)."_s.arg(
                                Codes::signalOutcome().allowedText(), Codes::cancellationReason().allowedText()),
              u"CODE"_s),
          opt(u"reason"_s, u"Toelichting of reden."_s, u"TEKST"_s)},
         Registry::Create::No, true, status},
        {{u"signal"_s, u"edit"_s}, u"REF"_s, 1, u"Velden van een open signaal wijzigen."_s,
         {opt(u"buurt"_s, u"Buurt."_s, u"NAAM"_s), opt(u"category"_s, u"Categoriecode."_s, u"CODE"_s),
          opt(u"impact"_s, u"Impactniveau."_s, u"LEVEL"_s), opt(u"urgency"_s, u"Urgentie."_s, u"LEVEL"_s),
          opt(u"street"_s, u"Straat."_s, u"TEKST"_s), opt(u"description"_s, u"Omschrijving."_s, u"TEKST"_s),
          opt(u"follow-up"_s, u"Opvolgdatum dd-mm-jjjj (leeg: geen)."_s, u"DATUM"_s), opt(u"reason"_s, u"Reden van de wijziging."_s, u"TEKST"_s)},
         Registry::Create::No, true, edit},
        {{u"consent"_s}, u"REF"_s, 1, u"Toestemming vastleggen (gegeven, geweigerd, niet_gevraagd)."_s,
         {opt(u"status"_s, u"gegeven, geweigerd of niet_gevraagd."_s, u"S"_s),
          opt(u"scope"_s, u"Partner of soort partner waarmee gedeeld mag worden (herhaalbaar)."_s, u"PARTNER_OR_KIND"_s),
          opt(u"by"_s, u"Gegeven door (standaard: betrokkene)."_s, u"TEKST"_s), opt(u"on"_s, u"Datum dd-mm-jjjj (standaard vandaag)."_s, u"DATUM"_s)},
         Registry::Create::No, true, consent},
        {{u"subject"_s, u"set"_s}, u"REF"_s, 1, u"Gegevens van de betrokkene vastleggen (geen BSN)."_s,
         {opt(u"name"_s, u"Naam."_s, u"TEKST"_s), opt(u"address"_s, u"Adres en huisnummer."_s, u"TEKST"_s),
          opt(u"phone"_s, u"Telefoon."_s, u"TEKST"_s), opt(u"birth-year"_s, u"Geboortejaar."_s, u"JAAR"_s)},
         Registry::Create::No, true, subjectSet},
        {{u"subject"_s, u"clear"_s}, u"REF"_s, 1, u"Gegevens van de betrokkene wissen."_s,
         {opt(u"reason"_s, u"Reden (bv. verzoek betrokkene)."_s, u"TEKST"_s)}, Registry::Create::No, true, subjectClear},
    };
}

}  // namespace bs::cli
