// server init, server import-file
#include "Cli.h"
#include "CommandContext.h"
#include "storage/Location.h"
#include "storage/ServerImport.h"
#include "storage/ServerSetup.h"

using namespace Qt::StringLiterals;

namespace bs::cli {

namespace {

int serverInit(Context& c)
{
    if (!c.isSet(u"db"_s))
        return c.usage(u"'server init' heeft --db postgresql://beheerlogin@server/database nodig."_s, u"server init"_s);
    auto location = Location::parse(c.value(u"db"_s));
    if (!location.ok())
        return c.fail(location.error());
    if (!location->isServer())
        return c.fail(Error::invalid(u"db"_s, u"'server init' richt een database op een PostgreSQL-server in; %1 is een bestand. "
                                              "Een registerbestand maakt u met 'init'."_s.arg(location->path)));
    if (auto done = ServerSetup::initialise(location->server, c.clock); !done.ok())
        return c.fail(done.error());
    c.out << u"Server ingericht: %1. Tabellen zijn van %2 (kan niet inloggen); groepsrollen %3; u bent de eerste beheerder."_s
                 .arg(location->display(), ServerSetup::ownerRole(), ServerSetup::groupRoles().join(u", "_s))
          << Qt::endl;
    return ExitCode::Done;
}

int serverImportFile(Context& c)
{
    if (!c.isSet(u"db"_s))
        return c.usage(u"'server import-file' heeft --db postgresql://beheerlogin@server/database nodig."_s, u"server import-file"_s);
    auto location = Location::parse(c.value(u"db"_s));
    if (!location.ok())
        return c.fail(location.error());
    if (!location->isServer())
        return c.fail(Error::invalid(u"db"_s, u"'server import-file' zet een registerbestand over naar een PostgreSQL-server; %1 is een "
                                              "bestand. Geef met --db het adres van het register op de server."_s.arg(location->path)));
    const QString file = c.positional.at(0);
    auto report = ServerImport::importFile(file, location->server, [&c](const QString& table, qint64 rows) {
        c.err << u"  %1: %2 rijen"_s.arg(table).arg(rows) << Qt::endl;
    });
    if (!report.ok())
        return c.fail(report.error());
    c.out << ServerImport::countsText(report.value()) << Qt::endl;
    c.out << u"Overgezet in één transactie: %1 → %2. De aantallen op beide kanten zijn gelijk."_s.arg(file, location->display()) << Qt::endl;
    if (!report->loginsWithoutServerRole.isEmpty()) {
        c.out << u"Deze gebruikers van het bestand hebben nog geen login op de server; maak die met 'user add LOGIN --role ROL': %1"_s
                     .arg(report->loginsWithoutServerRole.join(u", "_s))
              << Qt::endl;
    }
    return ExitCode::Done;
}

}  // namespace

QList<Command> serverCommands()
{
    return {
        {{u"server"_s, u"init"_s}, {}, 0,
         u"Register op een PostgreSQL-server inrichten: eigenaarsrol, groepsrollen, rijbeveiliging; u wordt de eerste beheerder."_s,
         {}, Registry::Create::No, false, serverInit},
        {{u"server"_s, u"import-file"_s}, u"FILE"_s, 1,
         u"Een registerbestand overzetten naar een leeg register op de server (alles of niets; aantallen vergeleken)."_s,
         {}, Registry::Create::No, false, serverImportFile},
    };
}

}  // namespace bs::cli
