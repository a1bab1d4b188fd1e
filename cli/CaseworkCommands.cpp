// signal assign, journal add|list: the handler of a signal and its contact journal
#include "CommandContext.h"
#include "Json.h"
#include "access/AccessLog.h"
#include "domain/Codes.h"
#include "domain/DutchDates.h"
#include "services/Handlers.h"
#include "services/Journal.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace bs::cli {

namespace {

int assign(Context& c)
{
    // "-" hands the signal to nobody (back to the team's queue Zonder behandelaar).
    const QString login = c.positional.at(1) == u"-"_s ? QString() : c.positional.at(1);
    const Status done = Handlers::assign(*c.registry, {c.positional.at(0), login, c.value(u"note"_s), std::nullopt});
    if (!done.ok())
        return c.fail(done.error());
    c.err << (login.isEmpty() ? u"Signaal %1 heeft geen behandelaar meer."_s.arg(c.positional.at(0).toUpper())
                              : u"Signaal %1 overgedragen aan %2."_s.arg(c.positional.at(0).toUpper(), login))
          << Qt::endl;
    return 0;
}

int journalAdd(Context& c)
{
    NewJournalEntry entry;
    entry.reference = c.positional.at(0);
    entry.kind = c.value(u"kind"_s);
    entry.happenedOn = c.value(u"on"_s);
    entry.text = c.value(u"text"_s);
    entry.namesPerson = c.isSet(u"names-person"_s);
    if (c.isSet(u"corrects"_s)) {
        bool number = false;
        entry.corrects = c.value(u"corrects"_s).toLongLong(&number);
        if (!number || entry.corrects <= 0)
            return c.fail(Error::invalid(u"corrects"_s, u"Ongeldig regelnummer '%1' bij --corrects; gebruik het nummer uit 'journal list'."_s.arg(
                                                         c.value(u"corrects"_s))));
    }
    auto id = Journal::add(*c.registry, entry);
    if (!id.ok())
        return c.fail(id.error());
    c.out << id.value() << Qt::endl;
    return 0;
}

int journalList(Context& c)
{
    auto entries = Journal::forSignal(*c.registry, c.positional.at(0));
    if (!entries.ok())
        return c.fail(entries.error());
    if (c.isSet(u"json"_s)) {
        QJsonArray array;
        for (const JournalEntry& e : entries.value())
            array.append(Json::journalEntry(e));
        c.printJson(array);
        return 0;
    }
    if (entries->isEmpty())
        c.err << u"Signaal %1 heeft nog geen journaal."_s.arg(c.positional.at(0).toUpper()) << Qt::endl;
    for (const JournalEntry& e : entries.value()) {
        c.out << u"#%1  %2  %3  %4%5%6\n"_s.arg(e.id)
                     .arg(DutchDates::formatIso(e.happenedOn), Journal::kindLabel(e.kind).leftJustified(12), e.authorName,
                          e.corrects != 0 ? u"  (correctie op #%1)"_s.arg(e.corrects) : QString(),
                          e.correctedBy != 0 ? u"  (gecorrigeerd in #%1)"_s.arg(e.correctedBy) : QString());
        c.out << u"    %1\n"_s.arg(e.text.isEmpty() ? u"[tekst gewist]"_s : QString(e.text).replace(u'\n', u"\n    "_s));
    }
    c.out.flush();
    return 0;
}

}  // namespace

QList<Command> caseworkCommands()
{
    return {
        {{u"signal"_s, u"assign"_s}, u"REF LOGIN"_s, 2,
         u"Signaal overdragen aan een medewerker of coördinator (LOGIN; - voor geen behandelaar), met toelichting."_s,
         {opt(u"note"_s, u"Toelichting bij het overdragen (verplicht, tot %1 tekens)."_s.arg(Handlers::maxNoteLength), u"TEKST"_s)},
         Registry::Create::No, true, assign},
        {{u"journal"_s, u"add"_s}, u"REF"_s, 1, u"Contact vastleggen in het journaal van een signaal; toont het regelnummer."_s,
         {opt(u"kind"_s, u"Soort contact: %1."_s.arg(Codes::journalKind().allowedText()), u"SOORT"_s),
          opt(u"on"_s, u"Datum van het contact dd-mm-jjjj (standaard vandaag; niet in de toekomst)."_s, u"DATUM"_s),
          opt(u"text"_s, u"Wat er gebeurde (tot %1 tekens)."_s.arg(Journal::maxTextLength), u"TEKST"_s),
          opt(u"names-person"_s, u"De tekst noemt de betrokkene: wordt ook gewist na de bewaartermijn."_s),
          opt(u"corrects"_s, u"Correctie op journaalregel N (de oude regel blijft staan)."_s, u"N"_s)},
         Registry::Create::No, true, journalAdd},
        {{u"journal"_s, u"list"_s}, u"REF"_s, 1, u"Het journaal van een signaal, nieuwste eerst."_s,
         {opt(u"json"_s, u"Uitvoer als JSON."_s)}, Registry::Create::No, true, journalList},
    };
}

}  // namespace bs::cli
