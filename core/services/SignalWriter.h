#pragma once
// The one writer of new signals: the reference number (S-2026-000123) from the year's sequence,
// and the row itself. Signals::add, the melding import and the demo generator all write through
// here; the bulk paths prepare the statement once and bind it for every row.

#include "Result.h"

#include <QMap>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace bs {

class Database;

namespace SignalWriter {

QString formatReference(int year, int number);

// Hands out reference numbers inside one write transaction, so two writers never get the same
// one, and a number is never reused: the sequence only goes up, even when a signal would be
// removed. save() writes the sequence and must run before the transaction commits.
class ReferenceNumbers {
public:
    explicit ReferenceNumbers(Database& db) : m_db(&db) {}
    Result<QString> next(int year);
    Status save();

private:
    Database* m_db;
    QMap<int, int> m_last;  // per year: the last number handed out
};

// Every column of a new signal. Text left empty is stored as NULL where the column allows it.
struct NewSignalRow {
    QString reference;
    QString observedOn;    // ISO date
    QString registeredAt;  // ISO 8601 UTC, like History::timestamp
    QString registeredBy;
    qint64 buurtId = 0;
    QString street;
    QString impact;
    QString category;
    QString source;
    QString externalId;
    QString urgency = QStringLiteral("normaal");
    QString description;
    QString consent = QStringLiteral("niet_gevraagd");
    QString consentBy;
    QString consentOn;
    QString followUpOn;
    QString status = QStringLiteral("nieuw");
    qint64 escalationLevel = 0;
    QString levelSince;
    QString levelDueOn;
    QString outcome;
    QString outcomeText;
    QString closedOn;
    QString updatedAt;
};

// The signal INSERT, prepared once. A value equal to the one bound for the previous row is not
// bound again, so a bulk writer filling in the same columns for every row pays for the others only.
class Inserter {
public:
    enum class Id { Returned, NotNeeded };
    // `work` names what is being done in a storage error ("importeren").
    static Result<Inserter> prepare(Database& db, Id id, const QString& work);
    // The new signal's id (0 when prepared with Id::NotNeeded); `line`, when given, is the line
    // of the file the row came from, for the error.
    Result<qint64> insert(const NewSignalRow& row, qsizetype line = 0);

private:
    Inserter(Database& db, QSqlQuery query, Id id, QString work)
        : m_db(&db), m_query(std::move(query)), m_id(id), m_work(std::move(work)) {}
    void bind(int index, const QString& value, QString& bound, bool nullWhenEmpty);
    void bind(int index, qint64 value, qint64& bound);

    Database* m_db;
    QSqlQuery m_query;
    Id m_id;
    QString m_work;
    bool m_anyBound = false;
    NewSignalRow m_bound;  // what the statement holds now
};

}  // namespace SignalWriter
}  // namespace bs
