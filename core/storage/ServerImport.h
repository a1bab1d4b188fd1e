#pragma once
// Moving a desk's registry file to a PostgreSQL server (`server import-file`): every row of the
// file copied into an empty server registry of the same schema version, keeping ids, references
// and timestamps, in ONE transaction that commits only when the counts on both sides agree.
// PostgreSQL only; the SQL lives here.

#include "Result.h"
#include "storage/Location.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace bs::ServerImport {

// One table's rows: in the file and, after the copy, on the server.
struct TableCount {
    QString table;
    qint64 inFile = 0;
    qint64 onServer = 0;
    QString note;  // how the table was moved when it is not a plain copy ("samengevoegd op login", …)
};

struct Report {
    QList<TableCount> tables;
    // Logins of the file's users that have no login role on the server yet ('user add' makes one).
    QStringList loginsWithoutServerRole;
    bool countsMatch() const;
};

// The counts as a table for people: one line per table, file beside server.
QString countsText(const Report& report);

// Called after each table with the rows copied so far (for progress on the command line).
using Progress = std::function<void(const QString& table, qint64 rows)>;

// Copies the registry file at `filePath` into the registry at `server`. Refused, with nothing
// changed on the server: a file that is not a registry, a schema version that differs from the
// server's, a server registry that already holds signals, history, casework or access-log
// entries about signals, a login that may not fill the owner's tables. The reference data
// (wijken, buurten, themes, categories, sources, partners, escalation levels, indicators) of the
// file replaces the server's, which on an empty registry is only the seed: the file's signals
// point to it by id, and the desk's renames, CBS figures and added partners come along.
Result<Report> importFile(const QString& filePath, const ServerAddress& server, const Progress& progress = {});

}  // namespace bs::ServerImport
