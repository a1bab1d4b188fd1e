// import kaart
#include "Cli.h"
#include "CommandContext.h"
#include "io/KaartImport.h"

using namespace Qt::StringLiterals;

namespace bs::cli {

namespace {

int importKaart(Context& c)
{
    std::optional<int> year;
    if (c.isSet(u"jaar"_s)) {
        bool ok = false;
        year = c.value(u"jaar"_s).toInt(&ok);
        if (!ok)
            return c.fail(Error::invalid(u"jaar"_s, u"--jaar verwacht een jaartal (JJJJ), niet '%1'."_s.arg(c.value(u"jaar"_s))));
    }
    auto plan = KaartImport::plan(*c.registry, c.positional.at(0), year);
    if (!plan.ok())
        return c.fail(plan.error());
    for (const QString& line : plan->describe())
        c.out << line << u'\n';
    if (c.isSet(u"dry-run"_s)) {
        c.out << u"Niets opgeslagen (--dry-run)."_s << Qt::endl;
        return 0;
    }
    const Status applied = KaartImport::apply(*c.registry, plan.value());
    if (!applied.ok())
        return c.fail(applied.error());
    c.out << u"Buurtkaart %1 opgeslagen: %2 buurt(en), %3 wijk(en)."_s.arg(plan->mapYear).arg(plan->buurten.size()).arg(plan->wijken.size())
          << Qt::endl;
    return 0;
}

}  // namespace

QList<Command> kaartCommands()
{
    return {
        {{u"import"_s, u"kaart"_s}, u"FILE.gpkg"_s, 1,
         u"De Wijk- en buurtkaart van het CBS (GeoPackage) inlezen als buurtkaart van de gemeente van het register."_s,
         {opt(u"jaar"_s, u"Jaar van de kaart (anders uit de bestandsnaam of het bestand)."_s, u"JJJJ"_s),
          opt(u"dry-run"_s, u"Alleen het plan tonen, niets opslaan."_s)},
         Registry::Create::No, true, importKaart},
    };
}

}  // namespace bs::cli
