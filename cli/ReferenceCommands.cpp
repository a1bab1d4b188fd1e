// init, demo, partner|buurt|category list, source add
#include "CommandContext.h"
#include "Json.h"
#include "demo/DemoGenerator.h"
#include "domain/Codes.h"
#include "services/Lookups.h"
#include "services/ReferenceAdmin.h"

#include <QElapsedTimer>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace bs::cli {

namespace {

int init(Context& c)
{
    if (c.registry->wasCreated())
        c.out << u"Nieuw register aangemaakt met referentiegegevens: %1"_s.arg(c.registry->path()) << Qt::endl;
    else
        c.out << u"Register bestaat al; niets gewijzigd: %1"_s.arg(c.registry->path()) << Qt::endl;
    return 0;
}

int demo(Context& c)
{
    bool ok = false;
    const int count = c.value(u"signals"_s).toInt(&ok);
    if (!ok || count < 1 || count > 5'000'000)
        return c.fail(Error::invalid(u"signals"_s, u"Ongeldig aantal signalen '%1'; toegestaan: 1 t/m 5000000."_s.arg(c.value(u"signals"_s))));
    quint32 seed = 1;
    if (c.isSet(u"seed"_s)) {
        seed = c.value(u"seed"_s).toUInt(&ok);
        if (!ok)
            return c.fail(Error::invalid(u"seed"_s, u"Ongeldige seed '%1'; geef een positief geheel getal."_s.arg(c.value(u"seed"_s))));
    }
    QElapsedTimer timer;
    timer.start();
    auto summary = DemoGenerator::generate(*c.registry, {count, seed});
    if (!summary.ok())
        return c.fail(summary.error());
    c.out << u"Demogegevens toegevoegd aan %1: %2 signalen, %3 doorverwijzingen, %4 escalatiestappen, %5 activiteiten in %6 s."_s
                 .arg(c.registry->path())
                 .arg(summary->signalCount)
                 .arg(summary->referrals)
                 .arg(summary->escalations)
                 .arg(summary->activities)
                 .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2)
          << Qt::endl;
    return 0;
}

template <typename T, typename ToJson, typename ToText>
int printList(Context& c, const Result<QList<T>>& items, ToJson toJson, ToText toText)
{
    if (!items.ok())
        return c.fail(items.error());
    if (c.isSet(u"json"_s)) {
        QJsonArray array;
        for (const T& item : items.value())
            array.append(toJson(item));
        c.printJson(array);
        return 0;
    }
    for (const T& item : items.value())
        c.out << toText(item) << u'\n';
    c.out.flush();
    return 0;
}

int partners(Context& c)
{
    return printList(c, Lookups::partners(*c.registry), Json::partner, [](const Partner& p) {
        const QString line = u"%1 %2 %3 %4 reactie binnen %5 werkdagen"_s
                                 .arg(QString::number(p.id).leftJustified(4), p.name.leftJustified(44, u' ', true),
                                      (p.formal ? u"formeel"_s : u"informeel"_s).leftJustified(10),
                                      Codes::partnerKind().label(p.kind).leftJustified(24, u' ', true))
                                 .arg(p.responseDays);
        return p.active ? line : line + u" (niet actief)"_s;
    });
}

int buurten(Context& c)
{
    return printList(c, Lookups::buurten(*c.registry), Json::buurt, [](const Buurt& b) {
        return u"%1 %2 %3 %4%5"_s.arg(b.name.leftJustified(22), (b.cbsCode.isEmpty() ? u"(CBS-code onbekend)"_s : b.cbsCode).leftJustified(20),
                                     (b.wijkCode.isEmpty() ? u"-"_s : b.wijkCode).leftJustified(9),
                                     b.population ? u"%1 inwoners"_s.arg(*b.population) : u"inwonertal onbekend"_s,
                                     b.prioritised ? u", prioritair"_s : QString());
    });
}

int categories(Context& c)
{
    return printList(c, Lookups::categories(*c.registry), Json::category, [](const Category& cat) {
        return u"%1 %2 %3%4"_s.arg(cat.themeCode.leftJustified(3), cat.code.leftJustified(22), cat.name,
                                  cat.active ? QString() : u" (niet meer in gebruik)"_s);
    });
}

int addSource(Context& c)
{
    const Status added = ReferenceAdmin::addSource(*c.registry, c.positional.at(0), c.value(u"name"_s));
    if (!added.ok())
        return c.fail(added.error());
    c.out << u"Bron %1 toegevoegd."_s.arg(c.positional.at(0)) << Qt::endl;
    return 0;
}

}  // namespace

QList<Command> referenceCommands()
{
    const auto json = opt(u"json"_s, u"Uitvoer als JSON."_s);
    return {
        {{u"init"_s}, {}, 0, u"Nieuw register aanmaken met referentiegegevens (niets als het al bestaat)."_s, {},
         Registry::Create::IfMissing, true, init},
        {{u"demo"_s}, {}, 0, u"Een nieuw bestand (of een register zonder signalen) vullen met realistische, reproduceerbare "
                               "demogegevens over twee jaar; het register wordt gemarkeerd als demo."_s,
         {opt(u"signals"_s, u"Aantal signalen."_s, u"N"_s), opt(u"seed"_s, u"Startwaarde (standaard 1)."_s, u"S"_s)},
         Registry::Create::IfMissing, true, demo},
        {{u"partner"_s, u"list"_s}, {}, 0, u"Partners tonen."_s, {json}, Registry::Create::No, true, partners},
        {{u"buurt"_s, u"list"_s}, {}, 0, u"Buurten tonen."_s, {json}, Registry::Create::No, true, buurten},
        {{u"category"_s, u"list"_s}, {}, 0, u"Thema's en categorieën tonen."_s, {json}, Registry::Create::No, true, categories},
        {{u"source"_s, u"add"_s}, u"CODE"_s, 1, u"Een bron van meldingen toevoegen (bijvoorbeeld een ander meldsysteem)."_s,
         {opt(u"name"_s, u"Naam van de bron."_s, u"NAAM"_s)}, Registry::Create::No, true, addSource},
    };
}

}  // namespace bs::cli
