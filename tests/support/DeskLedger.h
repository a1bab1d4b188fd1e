#pragma once
// What desks (DeskClient) saw acknowledged, read back from their output, and the comparison with
// what the database holds: every acknowledged write must be stored, nothing unacknowledged may be
// (except what a desk found stored when it looked again after a lost connection), and nothing may
// be half-written. Also the timings per kind of operation.

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

namespace bs {
class Database;
}

namespace bs::test {

struct DeskLedger {
    // The desks compared are those whose name starts with this (DeskClient's `name`): the
    // registry may hold earlier runs' desks too.
    QString deskPrefix;
    QMap<QString, QList<qint64>> micros;  // kind -> durations of the acknowledged operations
    QStringList errors;                    // FOUT lines: what a user would have seen as an error
    QMap<QString, int> lost;               // kind -> operations whose answer a lost connection took
    QList<qint64> reconnectMicros;         // how long each desk was without its connection
    QHash<QString, QString> status;        // reference -> the status it must have now
    QHash<QString, int> level;             // reference -> the escalation level it must have now
    QHash<qint64, QString> referrals;      // id -> reference
    QSet<qint64> accepted;
    QSet<QString> journal;                 // journal texts acknowledged (or found stored)
    qint64 escalations = 0;
    QStringList held;                      // added in a transaction that was never committed

    void read(const QByteArray& output);
    qint64 acknowledgedWrites() const;
    qint64 lostAnswers() const;

    // Differences between what was acknowledged and what `db` holds, and anything half-written;
    // empty when they agree. Only what desks wrote is compared (the registry may hold other
    // signals). `stored` receives the number of the desks' signals stored.
    QStringList compare(Database& db, qint64* stored) const;

    // "kind: n keer, p50 …, p95 …, p99 … ms" per kind of operation.
    QStringList timingTable() const;
};

// The value below which a fraction `p` of `values` lies, in milliseconds with one decimal.
QString percentileMs(QList<qint64> values, double p);

}  // namespace bs::test
