#include "Migrations.h"

#include "Clock.h"
#include "storage/Database.h"
#include "storage/Location.h"
#include "storage/Schema.h"

using namespace Qt::StringLiterals;

namespace bs {

const MigrationLadder& standardLadder()
{
    static const MigrationLadder ladder = {
        {1, u"Eerste schema: referentiegegevens, signalen, doorverwijzingen, escalaties, geschiedenis"_s,
         &Schema::version1},
        {2, u"Indexen voor werkvoorraden en filters van de desktopapplicatie"_s, &Schema::version2},
        {3, u"Succesfactoren: indicatoren en ingevoerde cijfers per periode"_s, &Schema::version3},
        {4, u"Tellingen per dag voor de cijfers; indexen voor doorverwijzingen, escalaties en open signalen"_s, &Schema::version4},
        {5, u"Tellingen per dag voor de doorverwijzingscijfers"_s, &Schema::version5},
        {6, u"Logboek van exports en imports"_s, &Schema::version6},
        {7, u"Toegangslogboek, logboek van bewaartermijn en wissen"_s, &Schema::version7},
        {8, u"Eén open doorverwijzing per signaal en partner (dubbele open doorverwijzingen ingetrokken)"_s, &Schema::version8,
         &Schema::withdrawDuplicateOpenReferrals},
        {9, u"Gebruikers van partnerorganisaties: rol partner met hun organisatie"_s, &Schema::version9},
        {10, u"Indexen voor de lijst op urgentie, en voor lijsten en cijfers op de server"_s, &Schema::version10},
        {11, u"Tellingen per maand naast die per dag, voor snelle cijfers over een kwartaal of jaar"_s, &Schema::version11},
        {12, u"Behandelaar per signaal, opvolgen, en het journaal van contacten"_s, &Schema::version12},
        {13, u"Buurtkaart (omtrekken van buurten en wijken), straten per buurt, bronnen Signalen en FixMyStreet"_s, &Schema::version13},
        {14, u"Index op de termijnen van open doorverwijzingen (te laat)"_s, &Schema::version14},
        {15, u"Open signalen geteld per buurt, niveau en termijnen, voor snelle cijfers van open, te laat en vastgelopen"_s,
         &Schema::version15},
    };
    return ladder;
}

int latestVersion(const MigrationLadder& ladder)
{
    return ladder.isEmpty() ? 0 : ladder.last().version;
}

Result<int> schemaVersion(Database& db)
{
    auto hasTable = db.scalar(db.dialect().countTablesSql(true), {u"schema_migrations"_s});
    if (!hasTable.ok())
        return hasTable.error();
    if (hasTable.value().toInt() == 0) {
        auto anyTable = db.scalar(db.dialect().countTablesSql(false));
        if (!anyTable.ok())
            return anyTable.error();
        if (anyTable.value().toInt() > 0 && db.isServer()) {
            return Error::storage(u"De database %1 bevat tabellen van een ander programma en geen Buurtsignaal-register. "
                                  "Er is niets gewijzigd; kies een lege database."_s.arg(db.path()));
        }
        if (anyTable.value().toInt() > 0) {
            return Error::storage(u"Het bestand %1 is een SQLite-database van een ander programma, geen "
                                  "Buurtsignaal-register. Er is niets gewijzigd."_s.arg(db.path()));
        }
        return 0;
    }
    auto version = db.scalar(u"SELECT coalesce(max(version), 0) FROM schema_migrations"_s);
    if (!version.ok())
        return version.error();
    return version.value().toInt();
}

Status checkVersionKnown(int version, const MigrationLadder& ladder, const QString& path)
{
    if (version > latestVersion(ladder)) {
        return Error::storage(u"Het register %1 heeft schemaversie %2, nieuwer dan deze versie van Buurtsignaal "
                              "kent (%3). Werk Buurtsignaal bij; %4 is niet aangeraakt."_s
                                  .arg(path)
                                  .arg(version)
                                  .arg(latestVersion(ladder))
                                  .arg(Location::looksLikeServer(path) ? u"de database"_s : u"het bestand"_s));
    }
    return {};
}

Status migrate(Database& db, const MigrationLadder& ladder, const Clock& clock)
{
    auto current = schemaVersion(db);
    if (!current.ok())
        return current.error();
    BS_TRY(checkVersionKnown(current.value(), ladder, db.path()));
    for (const Migration& step : ladder) {
        if (step.version <= current.value())
            continue;
        BS_TRY(db.write([&]() -> Status {
            const auto failed = [&](Error error) {
                error.message = u"Bijwerken van het register naar versie %1 mislukte; het register is "
                                "ongewijzigd gebleven. %2"_s.arg(step.version).arg(error.message);
                return error;
            };
            if (step.prepare) {
                if (Status prepared = step.prepare(db, clock); !prepared.ok())
                    return failed(prepared.error());
            }
            for (const QString& statement : step.statements(db.dialect())) {
                auto result = db.run(statement);
                if (!result.ok())
                    return failed(result.error());
            }
            BS_TRY(db.execute(u"INSERT INTO schema_migrations (version, summary, applied_at) VALUES (?, ?, ?)"_s,
                                   {step.version, step.summary, clock.now().toString(Qt::ISODate)}));
            return {};
        }));
    }
    return {};
}

}  // namespace bs
