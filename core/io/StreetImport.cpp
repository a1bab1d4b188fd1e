#include "StreetImport.h"

#include "Registry.h"
#include "io/Csv.h"
#include "io/TextDecoding.h"
#include "services/Lookups.h"

#include <QHash>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace bs::StreetImport {

Result<int> replaceAll(Registry& registry, const QByteArray& file)
{
    const QString text = TextDecoding::decode(file);
    const Csv::Parsed parsed = Csv::parseChecked(text, Csv::detectSeparator(text));
    if (!parsed.error.isEmpty())
        return Error::invalid(u"file"_s, u"Het bestand kan niet worden gelezen: regel %1: %2."_s.arg(parsed.errorLine).arg(parsed.error));
    if (parsed.rows.isEmpty())
        return Error::invalid(u"file"_s, u"Het bestand is leeg: er is geen kopregel (straat;buurt)."_s);
    QStringList header = parsed.rows.first();
    for (QString& name : header)
        name = name.trimmed().toLower();
    const qsizetype streetColumn = header.indexOf(u"straat"_s);
    const qsizetype buurtColumn = header.indexOf(u"buurt"_s);
    if (streetColumn < 0 || buurtColumn < 0)
        return Error::invalid(u"file"_s, u"De kopregel moet de kolommen straat en buurt hebben (gevonden: %1)."_s.arg(parsed.rows.first().join(u", "_s)));

    auto buurten = Lookups::buurten(registry);
    if (!buurten.ok())
        return buurten.error();
    QHash<QString, qint64> buurtByName;
    for (const Buurt& b : buurten.value()) {
        buurtByName.insert(b.name.toLower(), b.id);
        if (!b.cbsCode.isEmpty())
            buurtByName.insert(b.cbsCode.toLower(), b.id);
    }
    QHash<QString, qint64> streets;  // lower case -> buurt
    QHash<QString, QString> spelling;
    QStringList unknown;
    QStringList problems;
    for (qsizetype r = 1; r < parsed.rows.size(); ++r) {
        const QStringList& row = parsed.rows.at(r);
        const QString street = streetColumn < row.size() ? row.at(streetColumn).simplified() : QString();
        const QString buurt = buurtColumn < row.size() ? row.at(buurtColumn).trimmed() : QString();
        if (street.isEmpty() && buurt.isEmpty())
            continue;
        if (street.isEmpty() || street.size() > 120) {
            problems << u"regel %1: de straat is leeg of langer dan 120 tekens"_s.arg(parsed.lineOfRow.at(r));
            continue;
        }
        const qint64 id = buurtByName.value(buurt.toLower(), 0);
        if (id == 0) {
            if (!unknown.contains(buurt))
                unknown << buurt;
            continue;
        }
        const QString key = street.toLower();
        if (streets.contains(key) && streets.value(key) != id) {
            problems << u"regel %1: %2 staat al in het bestand met een andere buurt (één buurt per straat)"_s.arg(parsed.lineOfRow.at(r)).arg(street);
            continue;
        }
        streets.insert(key, id);
        spelling.insert(key, street);
    }
    if (!unknown.isEmpty())
        problems.prepend(u"onbekende buurten: %1"_s.arg(unknown.join(u", "_s)));
    if (!problems.isEmpty())
        return Error::invalid(u"file"_s, u"De stratenlijst is niet ingelezen (er is niets veranderd): %1."_s.arg(problems.mid(0, 50).join(u"; "_s)));

    Database& db = registry.db();
    BS_TRY(db.write([&]() -> Status {
        BS_TRY(db.execute(u"DELETE FROM street_buurten"_s));
        auto insert = db.prepare(u"INSERT INTO street_buurten (street, buurt_id) VALUES (?, ?)"_s);
        if (!insert.ok())
            return insert.error();
        for (auto it = streets.cbegin(); it != streets.cend(); ++it) {
            insert->bindValue(0, spelling.value(it.key()));
            insert->bindValue(1, it.value());
            BS_TRY(db.exec(insert.value(), u"stratenlijst opslaan"_s));
        }
        return {};
    }));
    return int(streets.size());
}

}  // namespace bs::StreetImport
