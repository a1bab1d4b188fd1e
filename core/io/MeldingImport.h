#pragma once
// Import of residents' reports (meldingen) exported by FIXIE, the police or a Signalen-like
// system, as signals with their source and external id. A mapping names the file's columns for
// the registry's fields and translates its category and status values. All or nothing per file:
// every row that cannot be imported is reported (row, column, reason) and nothing is written.
// A melding already in the registry (same source and external id) is never imported twice.

#include "Result.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace bs {

class Registry;

struct MeldingMapping {
    QString source;                      // registry source code, e.g. fixie
    QHash<QString, QString> columns;     // field -> file column: external_id, date, buurt, category, description, status, closed, street
    QHash<QString, QString> categories;  // file value -> category code
    QHash<QString, QString> statuses;    // file value -> nieuw, in_behandeling or afgehandeld
    QString impact = QStringLiteral("straat");
    QChar separator;                     // null: detected from the header

    static Result<MeldingMapping> fromJson(const QByteArray& json);
    static QStringList fields();         // the field names a mapping may use
};

struct ImportProblem {
    int row = 0;  // file line, the header being line 1
    QString column;
    QString reason;
};

struct ImportReport {
    QString encoding;
    QChar separator;
    QStringList header;
    int rowsRead = 0;
    int imported = 0;
    int alreadyPresent = 0;  // in the registry or earlier in the same file
    int problemCount = 0;
    QList<ImportProblem> problems;  // the first 1,000
    bool written = false;
};

namespace MeldingImport {

// Checks every row; writes only when there is no problem and `dryRun` is false. `progress`
// (rows done, rows total) may return false to cancel, which writes nothing.
Result<ImportReport> run(Registry& registry, const QByteArray& file, const MeldingMapping& mapping, const QString& fileName,
                         bool dryRun, const std::function<bool(qint64, qint64)>& progress = {});

// Header and first rows of a file, for the mapping step of the app.
Result<ImportReport> preview(const QByteArray& file, QList<QStringList>* firstRows, int count = 20);

// The different values of a column (for mapping categories and statuses), at most `max`.
Result<QStringList> distinctValues(const QByteArray& file, const QString& column, int max = 200);

// dd-mm-jjjj, d-m-jjjj, dd/mm/jjjj or jjjj-mm-dd, optionally followed by uu:mm (ignored).
QDate parseDutchDate(const QString& text);

}  // namespace MeldingImport
}  // namespace bs
