#pragma once
// Import of the CBS/Kadaster "Wijk- en buurtkaart" (a GeoPackage: a SQLite file with feature
// layers in RD New) as the registry's buurt map. Only the buurten and wijken of the registry's
// own municipality are taken (its code is read from the registry's buurt codes, BU0482… →
// GM0482); they are matched to the registry's buurten and wijken by CBS code, then by name, and
// their outlines simplified (Douglas–Peucker, a few metres) before they are stored. The plan says
// what would happen before anything is written; applying it replaces the whole map in one
// transaction.

#include "Result.h"
#include "geo/Shapes.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bs {

class Registry;

struct KaartMatch {
    qint64 id = 0;          // the registry's buurt or wijk
    QString registryName;
    QString code;           // the CBS code in the file
    QString fileName;       // the name in the file
    bool byName = false;    // matched by name (the codes differ or the registry has none)
    Shapes::MultiPolygon shape;  // simplified
    int pointsRead = 0;
};

struct KaartPlan {
    QString file;
    int mapYear = 0;
    QString municipality;  // GM0482
    QString buurtLayer;
    QString wijkLayer;     // empty when the file has none
    QList<KaartMatch> buurten;
    QList<KaartMatch> wijken;
    QStringList buurtenWithoutOutline;  // registry buurten (active) not in the file
    QStringList notMatched;             // "BU04820199 Naam": of the municipality, but not in the registry

    // The plan in Dutch, one line each, for the command line and the dialog.
    QStringList describe() const;
};

namespace KaartImport {

// How far a simplified outline may lie from the original, in metres: enough for a screen and A4.
inline constexpr double simplifyTolerance = 3.0;

// `year`: the map year when given; otherwise read from the file name (wijkenbuurten_2023.gpkg) or
// the file's own metadata, and refused when neither says.
Result<KaartPlan> plan(Registry& registry, const QString& path, std::optional<int> year = std::nullopt);
Status apply(Registry& registry, const KaartPlan& plan);

}  // namespace KaartImport
}  // namespace bs
