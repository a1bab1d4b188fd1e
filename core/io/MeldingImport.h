#pragma once
// Import of residents' reports (meldingen) exported by Fixi, Signalen, FixMyStreet, the police or
// a similar system, as signals with their source and external id. A mapping names the file's
// columns for the registry's fields (with fallbacks) and translates its category and status
// values; presets shipped with the program hold the mapping of a known export, which a
// municipality extends with its own categories. All or nothing per file: every row that cannot be
// imported is reported (row, column, reason) and nothing is written. A melding already in the
// registry (same source and external id) is never imported twice; with `update` its status and
// closing date follow the file.

#include "Result.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

namespace bs {

class Registry;

struct MeldingMapping {
    QString source;                          // registry source code, e.g. signalen
    QString presetName;                      // the preset it extends, if any
    QHash<QString, QStringList> columns;     // field -> file columns, the first non-empty one counts
    QHash<QString, QString> categories;      // file value (lower case) -> category code
    QHash<QString, QString> statuses;        // file value (lower case) -> nieuw, in_behandeling, afgehandeld or geannuleerd
    QHash<QString, QSet<QString>> skip;      // field -> file values (lower case) whose rows are left out
    QString impact = QStringLiteral("straat");
    QChar separator;                         // null: detected from the header
    bool swapLatLng = false;                 // the latitude column holds the longitude and vice versa (Signalen)

    // A mapping file; with `base` (a preset) the file extends it: its columns, categories,
    // statuses and skipped values replace or add to those of the base.
    static Result<MeldingMapping> fromJson(const QByteArray& json, const MeldingMapping* base = nullptr);
    static Result<MeldingMapping> preset(const QString& name);
    static QStringList presets();            // the names of the shipped presets
    static QStringList fields();             // the field names a mapping may use
    static QStringList statusCodes();        // the registry statuses a file value may map to
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
    int imported = 0;       // new signals (or, in a dry run, that would be)
    int updated = 0;        // existing signals whose status or closing date changed (--update)
    int alreadyPresent = 0; // in the registry or earlier in the same file, left as they were
    int skipped = 0;        // rows left out by the mapping's `skip`
    int problemCount = 0;   // problems, possibly more than one a row
    int rowsWithProblems = 0;
    QList<ImportProblem> problems;  // the first maxProblems
    bool written = false;
    static constexpr int maxProblems = 1000;
};

struct ImportOptions {
    bool dryRun = false;
    bool update = false;  // existing meldingen take the file's status and closing date
};

namespace MeldingImport {

// Checks every row; writes only when there is no problem and it is not a dry run. `progress`
// (rows done, rows total) may return false to cancel, which writes nothing. `file` is a CSV file
// or Signalen's zip export.
Result<ImportReport> run(Registry& registry, const QByteArray& file, const MeldingMapping& mapping, const QString& fileName,
                         const ImportOptions& options, const std::function<bool(qint64, qint64)>& progress = {});

// Header and first rows of a file, for the mapping step of the app.
Result<ImportReport> preview(const QByteArray& file, QList<QStringList>* firstRows, int count = 20);

// The different values of a column (for mapping categories and statuses), at most `max`.
Result<QStringList> distinctValues(const QByteArray& file, const QString& column, int max = 200);

// A day as exports write it (DutchDates::parseExported).
QDate parseDutchDate(const QString& text);

// "… en nog N problemen" after a list cut at maxProblems; empty when nothing was cut.
QString cutNotice(const ImportReport& report);

}  // namespace MeldingImport
}  // namespace bs
