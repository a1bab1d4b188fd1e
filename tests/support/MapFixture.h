#pragma once
// A small Wijk- en buurtkaart of the tests' own (no real map is shipped): a GeoPackage written
// with QtSql, with squares in RD New around Alblasserdam and the CBS field names, old or new.

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

namespace bs::test {

struct MapFixture {
    enum class Names { New, Old };  // buurtcode/buurtnaam/gemeentecode or BU_CODE/BU_NAAM/GM_CODE
    enum class Flaw { None, NoLayer, WrongSrs, TruncatedBlob };

    // Origin of the fixture's squares (RD New metres): each square is 100 m.
    static constexpr double x0 = 107000;
    static constexpr double y0 = 427000;
    static QPointF at(double dx, double dy) { return {x0 + dx, y0 + dy}; }

    // Writes `path`: layer "buurten" with
    //   BU04820102 "Redersbuurt (CBS)": square 0..100 with a hole 40..60 (matched by code),
    //   BU04820199 "Oranjebuurt": a multipolygon, squares 200..300 and 400..500 (matched by name),
    //   BU04820150 "Nieuwbouw Oost": square 600..700 (no buurt of the registry),
    //   BU05050101 "Dordtse buurt" of GM0505: square 800..900 (another municipality);
    // and layer "wijken" with WK048201 covering 0..1000.
    static void write(const QString& path, Names names = Names::New, Flaw flaw = Flaw::None);

    // The GeoPackage geometry blob (header with envelope, little-endian WKB) of squares, the
    // first ring of each polygon outer, the rest holes.
    static QByteArray polygonBlob(const QList<QList<QRectF>>& polygons, int srsId = 28992);
};

}  // namespace bs::test
