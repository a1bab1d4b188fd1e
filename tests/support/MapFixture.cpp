#include "MapFixture.h"

#include <QList>
#include <QRectF>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>
#include <QtEndian>

#include <cstring>

using namespace Qt::StringLiterals;

namespace bs::test {

namespace {

void put32(QByteArray& out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void putDouble(QByteArray& out, double value)
{
    quint64 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    char bytes[8];
    qToLittleEndian(bits, bytes);
    out.append(bytes, 8);
}

void polygonWkb(QByteArray& out, const QList<QRectF>& rings)
{
    out.append(char(1));
    put32(out, 3);
    put32(out, quint32(rings.size()));
    for (const QRectF& r : rings) {
        put32(out, 5);
        for (const QPointF& p : {r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft(), r.topLeft()}) {
            putDouble(out, p.x());
            putDouble(out, p.y());
        }
    }
}

QRectF square(double dx, double dy, double size = 100)
{
    return QRectF(MapFixture::at(dx, dy), QSizeF(size, size));
}

void exec(QSqlQuery& q, const QString& sql, const QVariantList& values = {})
{
    q.prepare(sql);
    for (const QVariant& v : values)
        q.addBindValue(v);
    if (!q.exec())
        QTest::qFail(qPrintable(u"%1: %2"_s.arg(sql, q.lastError().text())), __FILE__, __LINE__);
}

}  // namespace

QByteArray MapFixture::polygonBlob(const QList<QList<QRectF>>& polygons, int srsId)
{
    QRectF envelope;
    for (const auto& polygon : polygons)
        envelope = envelope.isNull() ? polygon.first() : envelope.united(polygon.first());
    QByteArray out("GP");
    out.append(char(0));
    out.append(char(0x03));  // little-endian header, envelope [minx, maxx, miny, maxy]
    put32(out, quint32(srsId));
    for (double v : {envelope.left(), envelope.right(), envelope.top(), envelope.bottom()})
        putDouble(out, v);
    if (polygons.size() == 1) {
        polygonWkb(out, polygons.first());
    } else {
        out.append(char(1));
        put32(out, 6);
        put32(out, quint32(polygons.size()));
        for (const auto& polygon : polygons)
            polygonWkb(out, polygon);
    }
    return out;
}

void MapFixture::write(const QString& path, Names names, Flaw flaw)
{
    const QString connection = u"fixture-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        if (!db.open())
            QTest::qFail("the fixture GeoPackage cannot be written", __FILE__, __LINE__);
        QSqlQuery q(db);
        const int srs = flaw == Flaw::WrongSrs ? 4326 : 28992;
        exec(q, u"CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,"
                " organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)"_s);
        exec(q, u"INSERT INTO gpkg_spatial_ref_sys VALUES ('Amersfoort / RD New', 28992, 'EPSG', 28992, 'PROJCS[...]', NULL)"_s);
        exec(q, u"INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, 'GEOGCS[...]', NULL)"_s);
        exec(q, u"CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT, description TEXT,"
                " last_change DATETIME, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER)"_s);
        exec(q, u"CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,"
                " srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL)"_s);
        if (flaw == Flaw::NoLayer) {
            db.close();
        } else {
            const bool old = names == Names::Old;
            const QString code = old ? u"BU_CODE"_s : u"buurtcode"_s;
            const QString name = old ? u"BU_NAAM"_s : u"buurtnaam"_s;
            const QString gemeente = old ? u"GM_CODE"_s : u"gemeentecode"_s;
            exec(q, u"CREATE TABLE buurten (fid INTEGER PRIMARY KEY, geom MULTIPOLYGON, %1 TEXT, %2 TEXT, %3 TEXT, aantal_inwoners INTEGER)"_s.arg(code, name, gemeente));
            exec(q, u"INSERT INTO gpkg_contents (table_name, data_type, identifier, last_change, srs_id) VALUES ('buurten', 'features', 'buurten', '2024-08-01T00:00:00Z', ?)"_s, {srs});
            exec(q, u"INSERT INTO gpkg_geometry_columns VALUES ('buurten', 'geom', 'MULTIPOLYGON', ?, 0, 0)"_s, {srs});
            QByteArray reders = polygonBlob({{square(0, 0), square(40, 40, 20)}}, srs);
            if (flaw == Flaw::TruncatedBlob)
                reders.chop(20);
            const QList<QVariantList> rows = {
                {reders, u"BU04820102"_s, u"Redersbuurt (CBS)"_s, u"GM0482"_s},
                {polygonBlob({{square(200, 0)}, {square(400, 0)}}, srs), u"BU04820199"_s, u"Oranjebuurt"_s, u"GM0482"_s},
                {polygonBlob({{square(600, 0)}}, srs), u"BU04820150"_s, u"Nieuwbouw Oost"_s, u"GM0482"_s},
                {polygonBlob({{square(800, 0)}}, srs), u"BU05050101"_s, u"Dordtse buurt"_s, u"GM0505"_s},
            };
            for (const QVariantList& row : rows)
                exec(q, u"INSERT INTO buurten (geom, %1, %2, %3) VALUES (?, ?, ?, ?)"_s.arg(code, name, gemeente), row);
            const QString wcode = old ? u"WK_CODE"_s : u"wijkcode"_s;
            const QString wname = old ? u"WK_NAAM"_s : u"wijknaam"_s;
            exec(q, u"CREATE TABLE wijken (fid INTEGER PRIMARY KEY, geom MULTIPOLYGON, %1 TEXT, %2 TEXT, %3 TEXT)"_s.arg(wcode, wname, gemeente));
            exec(q, u"INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('wijken', 'features', 'wijken', ?)"_s, {srs});
            exec(q, u"INSERT INTO gpkg_geometry_columns VALUES ('wijken', 'geom', 'MULTIPOLYGON', ?, 0, 0)"_s, {srs});
            exec(q, u"INSERT INTO wijken (geom, %1, %2, %3) VALUES (?, 'WK048201', 'Wijk 01', 'GM0482')"_s.arg(wcode, wname, gemeente),
                 {polygonBlob({{square(0, 0, 1000)}}, srs)});
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
}

}  // namespace bs::test
