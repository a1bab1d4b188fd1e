#pragma once
// Import of buurten and wijken from a CSV download of CBS "Kerncijfers wijken en buurten"
// (columns WijkenEnBuurten, Gemeentenaam_1, SoortRegio_2, Codering_3, AantalInwoners_5; values
// space-padded). Existing buurten are matched by CBS code, then by name. The plan lists every
// change before anything is written; applying it is one transaction.

#include "Result.h"

#include <QList>
#include <QString>

#include <optional>

namespace bs {

class Registry;

struct CbsChange {
    QString kind;    // "wijk" or "buurt"
    QString action;  // "nieuw", "bijwerken", "ongewijzigd"
    qint64 id = 0;   // existing row, 0 when new
    QString name;
    QString code;
    QString wijkCode;  // buurten: the wijk they belong to
    std::optional<int> population;
    std::optional<int> oldPopulation;
    QString oldCode;
    QString oldName;  // wijken: the name before (buurten keep their own name)
    QString describe() const;
};

namespace CbsImport {

// Reads the file's text; only rows of the municipality whose wijken are already in the registry
// (by code prefix) are taken, or of `municipality` when given.
Result<QList<CbsChange>> plan(Registry& registry, const QByteArray& fileContent, const QString& municipality = {});
Status apply(Registry& registry, const QList<CbsChange>& changes);

}  // namespace CbsImport
}  // namespace bs
