// backup, backup list, restore, check
#include "Cli.h"
#include "CommandContext.h"
#include "access/Access.h"
#include "domain/DataSize.h"
#include "domain/DutchDates.h"
#include "storage/Backups.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace bs::cli {

namespace {

QString registryPath(Context& c)
{
    return c.isSet(u"db"_s) ? c.value(u"db"_s) : Registry::defaultPath();
}

int backup(Context& c)
{
    auto made = Backups::create(*c.registry, u"handmatig"_s, c.value(u"out"_s));
    if (!made.ok())
        return c.fail(made.error());
    c.out << u"Back-up gemaakt en gecontroleerd: %1 (%2)"_s.arg(made->path, DataSize::text(made->bytes)) << Qt::endl;
    return ExitCode::Done;
}

int backupList(Context& c)
{
    auto backups = Backups::list(c.registry->path());
    if (!backups.ok())
        return c.fail(backups.error());
    if (backups->isEmpty())
        c.out << u"Nog geen back-ups in %1."_s.arg(Backups::folderFor(c.registry->path())) << Qt::endl;
    for (const BackupInfo& b : backups.value())
        c.out << u"%1  %2  %3  %4\n"_s.arg(b.madeAt.toString(u"dd-MM-yyyy HH:mm:ss"_s), Backups::reasonLabel(b.reason).leftJustified(30),
                                           DataSize::text(b.bytes).rightJustified(10), b.path);
    c.out.flush();
    return ExitCode::Done;
}

int restore(Context& c)
{
    const QString path = registryPath(c);
    // Only a beheerder of the registry being replaced may replace it; a file that cannot be
    // opened at all has nothing left to protect.
    if (QFileInfo::exists(path)) {
        auto current = Registry::open(path, Registry::Create::No, c.clock, currentLogin());
        if (current.ok()) {
            if (auto allowed = Access::require(*current.value(), Permission::Backups); !allowed.ok())
                return c.fail(allowed.error());
        }
    }
    auto safety = Backups::restore(path, c.positional.at(0), c.clock);
    if (!safety.ok())
        return c.fail(safety.error());
    c.out << u"Teruggezet: %1 uit %2."_s.arg(path, c.positional.at(0));
    if (!safety->isEmpty())
        c.out << u" Het vervangen register staat in %1."_s.arg(safety.value());
    c.out << Qt::endl;
    return ExitCode::Done;
}

int check(Context& c)
{
    const QString path = c.isSet(u"file"_s) ? c.value(u"file"_s) : registryPath(c);
    auto report = Backups::check(path);
    if (!report.ok())
        return c.fail(report.error());
    if (report->onServer) {
        // The engine checks of a file (integrity_check, foreign_key_check) have no counterpart to run here.
        c.out << u"Databasecontrole en controle van de verwijzingen: niet nodig op de server; die waarborgt ze zelf met de "
                 "beperkingen (constraints) van de database en het write-ahead log."_s
              << Qt::endl;
        if (report->ok) {
            c.out << u"In orde: %1 (schemaversie %2, %3 signalen; tellingen per dag, escalatieniveaus en verwijzingen zonder bevindingen)."_s
                         .arg(path)
                         .arg(report->schemaVersion)
                         .arg(report->signalCount)
                  << Qt::endl;
            return ExitCode::Done;
        }
    }
    if (report->ok) {
        c.out << u"In orde: %1 (schemaversie %2, %3 signalen; databasecontrole en controle van de verwijzingen zonder bevindingen)."_s.arg(path)
                     .arg(report->schemaVersion)
                     .arg(report->signalCount)
              << Qt::endl;
        return ExitCode::Done;
    }
    c.err << u"Niet in orde: %1\n  %2"_s.arg(path, report->problems.join(u"\n  "_s)) << Qt::endl;
    return ExitCode::Refused;
}

}  // namespace

QList<Command> adminCommands()
{
    return {
        {{u"backup"_s}, {}, 0, u"Back-up maken (gecontroleerd; oude generaties opgeruimd)."_s,
         {opt(u"out"_s, u"Naar dit bestand in plaats van de back-upmap."_s, u"FILE"_s)}, Registry::Create::No, true, backup},
        {{u"backup"_s, u"list"_s}, {}, 0, u"Back-ups van het register tonen, nieuwste eerst."_s, {}, Registry::Create::No, true, backupList},
        {{u"restore"_s}, u"BACKUP"_s, 1, u"Register terugzetten uit een back-up (maakt eerst een back-up van het huidige)."_s, {},
         Registry::Create::No, false, restore},
        {{u"check"_s}, {}, 0, u"Register (of met --file een back-up) controleren op beschadiging."_s,
         {opt(u"file"_s, u"Dit bestand controleren in plaats van het register."_s, u"FILE"_s)}, Registry::Create::No, false, check},
    };
}

}  // namespace bs::cli
