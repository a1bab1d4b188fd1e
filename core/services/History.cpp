#include "History.h"

#include "storage/Database.h"

using namespace Qt::StringLiterals;

namespace bs::History {

QString timestamp(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODate);
}

Status record(Database& db, const QDateTime& at, const QString& actor, const Record& entry)
{
    BS_TRY(db.execute(u"INSERT INTO history (signal_id, at, actor, action, detail, reason, referral_id)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                         {entry.signalId, timestamp(at), actor, entry.action, entry.detail,
                          entry.reason.isEmpty() ? QVariant() : QVariant(entry.reason),
                          entry.referralId == 0 ? QVariant() : QVariant(entry.referralId)}));
    return {};
}

Result<QList<HistoryEntry>> forSignal(Database& db, qint64 signalId)
{
    auto query = db.run(u"SELECT at, actor, action, detail, reason, referral_id FROM history"
                        " WHERE signal_id = ? ORDER BY id"_s,
                        {signalId});
    if (!query.ok())
        return query.error();
    QList<HistoryEntry> entries;
    while (query->next()) {
        entries << HistoryEntry{query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
                                query->value(3).toString(), query->value(4).toString(), query->value(5).toLongLong()};
    }
    return entries;
}

}  // namespace bs::History
