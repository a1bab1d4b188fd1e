// server init, server upgrade, server import-file
#include "Cli.h"
#include "CommandContext.h"
#include "storage/Location.h"
#include "storage/ServerImport.h"
#include "storage/ServerSetup.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace bs::cli {

namespace {

// The server address of --db, or why the command cannot run (then `c` has said so: the exit code).
std::optional<Location> serverLocation(Context& c, const QString& command, int& exitCode)
{
    if (!c.isSet(u"db"_s)) {
        exitCode = c.usage(u"'%1' heeft --db postgresql://beheerlogin@server/database nodig."_s.arg(command), command);
        return std::nullopt;
    }
    auto location = Location::parse(c.value(u"db"_s));
    if (!location.ok()) {
        exitCode = c.fail(location.error());
        return std::nullopt;
    }
    if (!location->isServer()) {
        exitCode = c.fail(Error::invalid(u"db"_s, u"'%1' werkt op een database op een PostgreSQL-server; %2 is een bestand. "
                                                  "Een registerbestand maakt u met 'init' en het wordt bij het openen bijgewerkt."_s
                                                      .arg(command, location->path)));
        return std::nullopt;
    }
    return location.value();
}

int serverInit(Context& c)
{
    int exitCode = ExitCode::Done;
    const auto location = serverLocation(c, u"server init"_s, exitCode);
    if (!location)
        return exitCode;
    if (auto done = ServerSetup::initialise(location->server, c.clock); !done.ok())
        return c.fail(done.error());
    c.out << u"Server ingericht: %1. Tabellen zijn van %2 (kan niet inloggen); groepsrollen %3; u bent de eerste beheerder."_s
                 .arg(location->display(), ServerSetup::ownerRole(), ServerSetup::groupRoles().join(u", "_s))
          << Qt::endl;
    return ExitCode::Done;
}

int serverImportFile(Context& c)
{
    int exitCode = ExitCode::Done;
    const auto location = serverLocation(c, u"server import-file"_s, exitCode);
    if (!location)
        return exitCode;
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

int serverUpgrade(Context& c)
{
    int exitCode = ExitCode::Done;
    const auto location = serverLocation(c, u"server upgrade"_s, exitCode);
    if (!location)
        return exitCode;
    auto done = ServerSetup::upgrade(location->server, c.clock);
    if (!done.ok())
        return c.fail(done.error());
    if (done->from == done->to)
        c.out << u"Register %1 had al schemaversie %2; rechten, rijbeveiliging en functies opnieuw toegepast."_s.arg(location->display()).arg(done->to);
    else
        c.out << u"Register %1 bijgewerkt van schemaversie %2 naar %3; rechten, rijbeveiliging en functies opnieuw toegepast."_s
                     .arg(location->display())
                     .arg(done->from)
                     .arg(done->to);
    c.out << Qt::endl;
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
        {{u"server"_s, u"upgrade"_s}, {}, 0,
         u"Register op de server bijwerken naar deze versie (als beheerlogin van de database) en de rechten opnieuw toepassen."_s,
         {}, Registry::Create::No, false, serverUpgrade},
    };
}

}  // namespace bs::cli
