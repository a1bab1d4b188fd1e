#pragma once
// The history of a signal: every change with who, when, what and why. The table is append-only
// in the database itself; this is the only code that writes it.

#include "Result.h"

#include <QDateTime>
#include <QList>
#include <QSqlQuery>
#include <QString>

namespace bs {

class Database;

struct HistoryEntry {
    QString at;      // ISO 8601, UTC
    QString actor;   // login
    QString action;  // aangemaakt, gewijzigd, status, toestemming, betrokkene, doorverwijzing, escalatie
    QString detail;  // what changed, never subject data
    QString reason;
    qint64 referralId = 0;
};

namespace History {

struct Record {
    qint64 signalId = 0;
    QString action;
    QString detail;
    QString reason;
    qint64 referralId = 0;
};

Status record(Database& db, const QDateTime& at, const QString& actor, const Record& entry);

// The same INSERT prepared once, for writers of many entries (the demo generator). `at` is a
// timestamp as timestamp() gives it.
class Writer {
public:
    static Result<Writer> prepare(Database& db);
    Status add(const QString& at, const QString& actor, const Record& entry);

private:
    Writer(Database& db, QSqlQuery query) : m_db(&db), m_query(std::move(query)) {}
    Database* m_db;
    QSqlQuery m_query;
};

// One "aangemaakt" entry for every signal with an id above `afterId`, in one statement (a bulk
// import): the detail is `detailPrefix` followed by the signal's external id.
Status recordCreatedAfter(Database& db, const QString& at, const QString& actor, const QString& detailPrefix, qint64 afterId);
Result<QList<HistoryEntry>> forSignal(Database& db, qint64 signalId);

QString timestamp(const QDateTime& at);

}  // namespace History
}  // namespace bs
