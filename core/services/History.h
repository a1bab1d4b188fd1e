#pragma once
// The history of a signal: every change with who, when, what and why. The table is append-only
// in the database itself; this is the only code that writes it.

#include "Result.h"

#include <QDateTime>
#include <QList>
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
Result<QList<HistoryEntry>> forSignal(Database& db, qint64 signalId);

QString timestamp(const QDateTime& at);

}  // namespace History
}  // namespace bs
