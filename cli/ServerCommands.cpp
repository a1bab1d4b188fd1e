// server init
#include "Cli.h"
#include "CommandContext.h"
#include "storage/Location.h"
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

}  // namespace

QList<Command> serverCommands()
{
    return {
        {{u"server"_s, u"init"_s}, {}, 0,
         u"Register op een PostgreSQL-server inrichten: eigenaarsrol, groepsrollen, rijbeveiliging; u wordt de eerste beheerder."_s,
         {}, Registry::Create::No, false, serverInit},
    };
}

}  // namespace bs::cli
