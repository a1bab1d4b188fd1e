// The mapping of an export's columns and values to the registry, and the presets shipped as
// resources (resources/presets/*.json).
#include "MeldingImport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace bs {

QStringList MeldingMapping::fields()
{
    return {u"external_id"_s, u"date"_s,     u"buurt"_s,     u"category"_s,  u"description"_s, u"status"_s,
            u"closed"_s,      u"street"_s,   u"latitude"_s,  u"longitude"_s, u"x"_s,           u"y"_s};
}

QStringList MeldingMapping::statusCodes()
{
    return {u"nieuw"_s, u"in_behandeling"_s, u"afgehandeld"_s, u"geannuleerd"_s};
}

QStringList MeldingMapping::presets()
{
    QStringList names;
    for (const QString& file : QDir(u":/presets"_s).entryList({u"*.json"_s}, QDir::Files, QDir::Name))
        names << file.chopped(5);
    return names;
}

Result<MeldingMapping> MeldingMapping::preset(const QString& name)
{
    QFile file(u":/presets/%1.json"_s.arg(name));
    if (name.contains(u'/') || !file.open(QIODevice::ReadOnly))
        return Error::notFound(u"preset"_s, u"Onbekende voorinstelling '%1'. Beschikbaar: %2."_s.arg(name, presets().join(u", "_s)));
    auto mapping = fromJson(file.readAll());
    if (!mapping.ok())
        return mapping.error();
    mapping->presetName = name;
    return mapping;
}

namespace {

// A column, or a list of columns of which the first non-empty one counts.
Result<QStringList> columnList(const QString& field, const QJsonValue& value)
{
    QStringList names;
    if (value.isString()) {
        names << value.toString().trimmed();
    } else if (value.isArray()) {
        for (const QJsonValue& item : value.toArray()) {
            if (!item.isString())
                return Error::invalid(u"mapping"_s, u"Veld '%1' in het koppelbestand: een lijst van kolommen bevat alleen namen."_s.arg(field));
            names << item.toString().trimmed();
        }
    } else {
        return Error::invalid(u"mapping"_s, u"Veld '%1' in het koppelbestand: geef een kolomnaam of een lijst van kolomnamen."_s.arg(field));
    }
    names.removeAll(QString());
    if (names.isEmpty())
        return Error::invalid(u"mapping"_s, u"Veld '%1' in het koppelbestand noemt geen kolom."_s.arg(field));
    return names;
}

}  // namespace

Result<MeldingMapping> MeldingMapping::fromJson(const QByteArray& json, const MeldingMapping* base)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Error::invalid(u"mapping"_s, u"Het koppelbestand is geen geldige JSON (%1, positie %2)."_s.arg(error.errorString()).arg(error.offset));
    const QJsonObject root = document.object();
    MeldingMapping mapping = base ? *base : MeldingMapping();
    if (root.contains(u"source"_s))
        mapping.source = root.value(u"source"_s).toString();
    const QJsonObject columns = root.value(u"columns"_s).toObject();
    for (auto it = columns.begin(); it != columns.end(); ++it) {
        if (!fields().contains(it.key()))
            return Error::invalid(u"mapping"_s, u"Onbekend veld '%1' in het koppelbestand. Toegestaan: %2."_s.arg(it.key(), fields().join(u", "_s)));
        auto names = columnList(it.key(), it.value());
        if (!names.ok())
            return names.error();
        mapping.columns.insert(it.key(), names.value());
    }
    const QJsonObject categories = root.value(u"categories"_s).toObject();
    for (auto it = categories.begin(); it != categories.end(); ++it)
        mapping.categories.insert(it.key().trimmed().toLower(), it.value().toString());
    const QJsonObject statuses = root.value(u"statuses"_s).toObject();
    for (auto it = statuses.begin(); it != statuses.end(); ++it) {
        const QString code = it.value().toString();
        if (!statusCodes().contains(code))
            return Error::invalid(u"mapping"_s, u"Status '%1' in het koppelbestand: toegestaan zijn %2."_s.arg(code, statusCodes().join(u", "_s)));
        mapping.statuses.insert(it.key().trimmed().toLower(), code);
    }
    const QJsonObject skip = root.value(u"skip"_s).toObject();
    for (auto it = skip.begin(); it != skip.end(); ++it) {
        if (!fields().contains(it.key()))
            return Error::invalid(u"mapping"_s, u"Onbekend veld '%1' onder 'skip' in het koppelbestand. Toegestaan: %2."_s.arg(it.key(), fields().join(u", "_s)));
        if (!it.value().isArray())
            return Error::invalid(u"mapping"_s, u"'skip' → '%1' in het koppelbestand: geef een lijst van waarden."_s.arg(it.key()));
        for (const QJsonValue& value : it.value().toArray())
            mapping.skip[it.key()].insert(value.toString().trimmed().toLower());
    }
    if (root.contains(u"impact"_s))
        mapping.impact = root.value(u"impact"_s).toString();
    if (root.contains(u"swap_lat_lng"_s))
        mapping.swapLatLng = root.value(u"swap_lat_lng"_s).toBool();
    const QString separator = root.value(u"separator"_s).toString();
    if (separator == u";"_s || separator == u","_s)
        mapping.separator = separator.front();

    if (mapping.source.isEmpty())
        return Error::invalid(u"mapping"_s, u"Het koppelbestand noemt geen bron ('source', bijvoorbeeld signalen of fixie)."_s);
    for (const QString& required : {u"external_id"_s, u"date"_s, u"category"_s}) {
        if (!mapping.columns.contains(required))
            return Error::invalid(u"mapping"_s, u"Het koppelbestand noemt geen kolom voor '%1' (verplicht: external_id, date, category, en de buurt:"
                                                 " buurt, latitude en longitude, x en y, of street)."_s.arg(required));
    }
    auto has = [&mapping](const QString& field) { return mapping.columns.contains(field); };
    if (has(u"latitude"_s) != has(u"longitude"_s) || has(u"x"_s) != has(u"y"_s))
        return Error::invalid(u"mapping"_s, u"Het koppelbestand noemt maar één van de twee coördinaten (latitude en longitude, of x en y)."_s);
    if (!has(u"buurt"_s) && !has(u"latitude"_s) && !has(u"x"_s) && !has(u"street"_s))
        return Error::invalid(u"mapping"_s, u"Het koppelbestand noemt geen kolom waaruit de buurt volgt: buurt, latitude en longitude, x en y, of street."_s);
    return mapping;
}

}  // namespace bs
