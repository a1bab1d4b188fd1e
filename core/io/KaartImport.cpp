#include "KaartImport.h"

#include "Registry.h"
#include "access/Access.h"
#include "geo/GeoPackageGeometry.h"
#include "services/Lookups.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <map>

using namespace Qt::StringLiterals;

namespace bs {

QStringList KaartPlan::describe() const
{
    QStringList lines;
    lines << u"Wijk- en buurtkaart %1 van gemeente %2 (laag %3%4)."_s.arg(mapYear).arg(municipality, buurtLayer,
                                                                             wijkLayer.isEmpty() ? QString() : u", wijken: "_s + wijkLayer);
    lines << u"%1 buurt(en) met een omtrek:"_s.arg(buurten.size());
    for (const KaartMatch& m : buurten) {
        lines << u"  %1 ← %2 %3%4"_s.arg(m.registryName, m.code, m.fileName,
                                         m.byName ? u" (op naam)"_s : QString());
    }
    if (!wijken.isEmpty())
        lines << u"%1 wijk(en) met een omtrek."_s.arg(wijken.size());
    lines << u"Buurten van het register zonder omtrek: %1"_s.arg(buurtenWithoutOutline.isEmpty() ? u"geen"_s : buurtenWithoutOutline.join(u", "_s));
    lines << u"Buurten in het bestand die niet bij een buurt van het register passen: %1"_s.arg(
        notMatched.isEmpty() ? u"geen"_s : notMatched.join(u", "_s));
    return lines;
}

namespace KaartImport {

namespace {

Error refused(const QString& file, const QString& why)
{
    return Error::invalid(u"file"_s, u"De buurtkaart %1 kan niet worden geïmporteerd: %2"_s.arg(file, why));
}

QString quoted(const QString& identifier)
{
    return u"\""_s + QString(identifier).replace(u"\""_s, u"\"\""_s) + u"\""_s;
}

// The GeoPackage on a connection of its own, read-only, removed again when done.
class GeoPackageFile {
public:
    explicit GeoPackageFile(const QString& path) : m_name(u"kaart-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        m_open = db.open();
    }
    ~GeoPackageFile() { QSqlDatabase::removeDatabase(m_name); }
    GeoPackageFile(const GeoPackageFile&) = delete;
    GeoPackageFile& operator=(const GeoPackageFile&) = delete;
    bool isOpen() const { return m_open; }
    QSqlQuery query() const { return QSqlQuery(QSqlDatabase::database(m_name, false)); }

private:
    QString m_name;
    bool m_open = false;
};

struct Layer {
    QString table;
    QString geometryColumn;
    qint32 srsId = 0;
    QString lastChange;
    QMap<QString, QString> columns;  // lower-case name → as spelled in the file
    QString column(const QStringList& names) const
    {
        for (const QString& n : names) {
            if (columns.contains(n.toLower()))
                return columns.value(n.toLower());
        }
        return {};
    }
};

const QStringList buurtCodeNames = {u"buurtcode"_s, u"BU_CODE"_s};
const QStringList buurtNameNames = {u"buurtnaam"_s, u"BU_NAAM"_s};
const QStringList wijkCodeNames = {u"wijkcode"_s, u"WK_CODE"_s};
const QStringList wijkNameNames = {u"wijknaam"_s, u"WK_NAAM"_s};
const QStringList gemeenteNames = {u"gemeentecode"_s, u"GM_CODE"_s};

struct Feature {
    QString code;
    QString name;
    Shapes::MultiPolygon shape;
    int points = 0;
};

Result<QList<Feature>> readFeatures(const GeoPackageFile& gpkg, const QString& file, const Layer& layer, const QString& codeColumn,
                                    const QString& nameColumn, const QString& prefix, const QString& municipality)
{
    const QString gemeente = layer.column(gemeenteNames);
    QSqlQuery q = gpkg.query();
    QString sql = u"SELECT %1, %2, %3 FROM %4 WHERE "_s.arg(quoted(codeColumn), quoted(nameColumn), quoted(layer.geometryColumn), quoted(layer.table));
    sql += gemeente.isEmpty() ? u"substr(%1, 1, 6) = ?"_s.arg(quoted(codeColumn)) : u"%1 = ?"_s.arg(quoted(gemeente));
    sql += u" ORDER BY 1"_s;
    if (!q.prepare(sql))
        return refused(file, u"de laag %1 kan niet worden gelezen (%2)."_s.arg(layer.table, q.lastError().text()));
    q.addBindValue(gemeente.isEmpty() ? prefix + municipality.mid(2) : municipality);
    if (!q.exec())
        return refused(file, u"de laag %1 kan niet worden gelezen (%2)."_s.arg(layer.table, q.lastError().text()));
    QList<Feature> features;
    while (q.next()) {
        Feature f{q.value(0).toString().trimmed(), q.value(1).toString().trimmed(), {}, 0};
        if (q.value(2).isNull())
            continue;
        auto geometry = GeoPackageGeometry::read(q.value(2).toByteArray());
        if (!geometry.ok())
            return refused(file, u"laag %1, %2 %3: %4"_s.arg(layer.table, f.code, f.name, geometry.error().message));
        if (geometry->srsId != layer.srsId)
            return refused(file, u"laag %1, %2: de geometrie staat in stelsel %3, de laag in %4."_s.arg(layer.table, f.code).arg(geometry->srsId).arg(layer.srsId));
        if (geometry->empty)
            continue;
        f.points = Shapes::pointCount(geometry->shape);
        f.shape = Shapes::simplified(geometry->shape, simplifyTolerance);
        if (!f.shape.isEmpty())
            features << f;
    }
    return features;
}

struct Known {
    qint64 id;
    QString name;
    QString code;
};

// Matches by CBS code first, then by name among those not matched yet.
void match(const QList<Feature>& features, const QList<Known>& known, QList<KaartMatch>& matched, QStringList* notMatched)
{
    QSet<qint64> taken;
    QList<const Feature*> left;
    for (const Feature& f : features) {
        const Known* hit = nullptr;
        for (const Known& k : known) {
            if (!k.code.isEmpty() && k.code.compare(f.code, Qt::CaseInsensitive) == 0 && !taken.contains(k.id))
                hit = &k;
        }
        if (hit) {
            taken.insert(hit->id);
            matched << KaartMatch{hit->id, hit->name, f.code, f.name, false, f.shape, f.points};
        } else {
            left << &f;
        }
    }
    for (const Feature* f : left) {
        const Known* hit = nullptr;
        for (const Known& k : known) {
            if (!hit && !taken.contains(k.id) && k.name.trimmed().compare(f->name, Qt::CaseInsensitive) == 0)
                hit = &k;
        }
        if (hit) {
            taken.insert(hit->id);
            matched << KaartMatch{hit->id, hit->name, f->code, f->name, true, f->shape, f->points};
        } else if (notMatched) {
            *notMatched << u"%1 %2"_s.arg(f->code, f->name);
        }
    }
    std::sort(matched.begin(), matched.end(), [](const KaartMatch& a, const KaartMatch& b) { return a.registryName < b.registryName; });
}

Result<QString> registryMunicipality(Registry& registry)
{
    auto rows = registry.db().run(u"SELECT substr(cbs_code, 3, 4), count(*) FROM buurten WHERE cbs_code LIKE 'BU%'"
                                  " GROUP BY substr(cbs_code, 3, 4) ORDER BY 2 DESC, 1"_s);
    if (!rows.ok())
        return rows.error();
    static const QRegularExpression digits(u"^\\d{4}$"_s);
    while (rows->next()) {
        const QString code = rows->value(0).toString();
        if (digits.match(code).hasMatch())
            return u"GM"_s + code;
    }
    return Error::rule(u"Het register weet nog niet van welke gemeente het is: geen van zijn buurten heeft een CBS-code (BU…). "
                       "Importeer eerst de Kerncijfers wijken en buurten van het CBS (Beheer, of: import cbs)."_s);
}

}  // namespace

Result<KaartPlan> plan(Registry& registry, const QString& path, std::optional<int> year)
{
    const QString file = QFileInfo(path).fileName();
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return Error::invalid(u"file"_s, u"Het bestand %1 kan niet worden gelezen: %2."_s.arg(path, f.errorString()));
        if (f.read(16) != QByteArray("SQLite format 3\0", 16))
            return refused(file, u"het is geen GeoPackage (geen SQLite-bestand). Download de Wijk- en buurtkaart als GeoPackage (.gpkg) bij het CBS."_s);
    }
    if (year && (*year < 1990 || *year > 2100))
        return Error::invalid(u"jaar"_s, u"Het jaar van de kaart moet tussen 1990 en 2100 liggen, niet %1."_s.arg(*year));
    auto municipality = registryMunicipality(registry);
    if (!municipality.ok())
        return municipality.error();

    GeoPackageFile gpkg(path);
    if (!gpkg.isOpen())
        return refused(file, u"het bestand kan niet worden geopend."_s);
    QSqlQuery q = gpkg.query();
    if (!q.exec(u"SELECT c.table_name, g.column_name, g.srs_id, c.last_change, s.organization, s.organization_coordsys_id"
                " FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name"
                " LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id WHERE c.data_type = 'features' ORDER BY c.table_name"_s))
        return refused(file, u"het is geen GeoPackage (de tabellen gpkg_contents en gpkg_geometry_columns ontbreken)."_s);
    QList<Layer> layers;
    QStringList wrongSrs;
    while (q.next()) {
        Layer layer{q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toString(), {}};
        const bool rd = q.value(4).isNull() ? layer.srsId == 28992
                                            : (q.value(4).toString().compare(u"EPSG"_s, Qt::CaseInsensitive) == 0 && q.value(5).toInt() == 28992);
        if (!rd) {
            wrongSrs << u"%1 (stelsel %2 %3)"_s.arg(layer.table, q.value(4).toString(), q.value(5).toString()).simplified();
            continue;
        }
        layers << layer;
    }
    for (Layer& layer : layers) {
        QSqlQuery columns = gpkg.query();
        if (!columns.exec(u"SELECT name FROM pragma_table_info(%1)"_s.arg(u"'"_s + QString(layer.table).replace(u"'"_s, u"''"_s) + u"'"_s)))
            continue;
        while (columns.next())
            layer.columns.insert(columns.value(0).toString().toLower(), columns.value(0).toString());
    }
    const Layer* buurtLayer = nullptr;
    const Layer* wijkLayer = nullptr;
    for (const Layer& layer : layers) {
        if (!layer.column(buurtCodeNames).isEmpty() && !layer.column(buurtNameNames).isEmpty()) {
            if (!buurtLayer)
                buurtLayer = &layer;
        } else if (!layer.column(wijkCodeNames).isEmpty() && !layer.column(wijkNameNames).isEmpty() && !wijkLayer) {
            wijkLayer = &layer;
        }
    }
    if (!buurtLayer) {
        if (!wrongSrs.isEmpty())
            return refused(file, u"alleen kaarten in RD New (EPSG:28992) worden gelezen; dit bestand heeft lagen in een ander stelsel: %1."_s.arg(wrongSrs.join(u", "_s)));
        return refused(file, u"het bevat geen laag met buurten (een kaartlaag met de kolommen buurtcode en buurtnaam, of BU_CODE en BU_NAAM)."_s);
    }

    KaartPlan plan;
    plan.file = file;
    plan.municipality = municipality.value();
    plan.buurtLayer = buurtLayer->table;
    if (year) {
        plan.mapYear = *year;
    } else {
        static const QRegularExpression inName(u"(?<!\\d)(19[9]\\d|20\\d\\d)(?!\\d)"_s);
        const auto m = inName.match(file);
        if (m.hasMatch())
            plan.mapYear = m.captured(1).toInt();
        else if (buurtLayer->lastChange.size() >= 4 && buurtLayer->lastChange.left(4).toInt() >= 1990)
            plan.mapYear = buurtLayer->lastChange.left(4).toInt();
        else
            return Error::invalid(u"jaar"_s, u"Het jaar van de kaart staat niet in de bestandsnaam of het bestand; geef het op (--jaar JJJJ)."_s);
    }

    auto buurtFeatures = readFeatures(gpkg, file, *buurtLayer, buurtLayer->column(buurtCodeNames), buurtLayer->column(buurtNameNames),
                                      u"BU"_s, plan.municipality);
    if (!buurtFeatures.ok())
        return buurtFeatures.error();
    if (buurtFeatures->isEmpty())
        return refused(file, u"de laag %1 bevat geen buurten van gemeente %2."_s.arg(buurtLayer->table, plan.municipality));
    auto buurten = Lookups::buurten(registry);
    if (!buurten.ok())
        return buurten.error();
    QList<Known> knownBuurten;
    for (const Buurt& b : buurten.value())
        knownBuurten << Known{b.id, b.name, b.cbsCode};
    match(buurtFeatures.value(), knownBuurten, plan.buurten, &plan.notMatched);
    QSet<qint64> withOutline;
    for (const KaartMatch& m : plan.buurten)
        withOutline.insert(m.id);
    for (const Buurt& b : buurten.value()) {
        if (b.active && !withOutline.contains(b.id))
            plan.buurtenWithoutOutline << b.name;
    }
    if (plan.buurten.isEmpty())
        return refused(file, u"geen van de buurten van gemeente %1 in het bestand past bij een buurt van het register (op code of naam)."_s.arg(plan.municipality));

    if (wijkLayer) {
        plan.wijkLayer = wijkLayer->table;
        auto wijkFeatures = readFeatures(gpkg, file, *wijkLayer, wijkLayer->column(wijkCodeNames), wijkLayer->column(wijkNameNames),
                                         u"WK"_s, plan.municipality);
        if (!wijkFeatures.ok())
            return wijkFeatures.error();
        auto wijken = registry.db().run(u"SELECT id, name, cbs_code FROM wijken ORDER BY id"_s);
        if (!wijken.ok())
            return wijken.error();
        QList<Known> knownWijken;
        while (wijken->next())
            knownWijken << Known{wijken->value(0).toLongLong(), wijken->value(1).toString(), wijken->value(2).toString()};
        match(wijkFeatures.value(), knownWijken, plan.wijken, nullptr);
    }
    return plan;
}

Status apply(Registry& registry, const KaartPlan& plan)
{
    BS_TRY(Access::require(registry, Permission::ManageReference));
    Database& db = registry.db();
    // A new map replaces the old one whole: outlines of different years never mix.
    return db.write([&]() -> Status {
        BS_TRY(db.execute(u"DELETE FROM buurt_outlines"_s));
        BS_TRY(db.execute(u"DELETE FROM wijk_outlines"_s));
        for (const auto& [table, key, list] : {std::tuple{u"buurt_outlines"_s, u"buurt_id"_s, &plan.buurten},
                                               std::tuple{u"wijk_outlines"_s, u"wijk_id"_s, &plan.wijken}}) {
            for (const KaartMatch& m : *list) {
                const QRectF b = Shapes::bounds(m.shape);
                BS_TRY(db.execute(u"INSERT INTO %1 (%2, map_year, min_x, min_y, max_x, max_y, outline) VALUES (?, ?, ?, ?, ?, ?, ?)"_s.arg(table, key),
                                  {m.id, plan.mapYear, b.left(), b.top(), b.right(), b.bottom(), Shapes::toText(m.shape)}));
            }
        }
        return {};
    });
}

}  // namespace KaartImport
}  // namespace bs
