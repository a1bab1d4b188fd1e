#include "History.h"

#include "storage/Database.h"

using namespace Qt::StringLiterals;

namespace bs::History {

QString timestamp(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODate);
}

namespace {

const QString insertSql = u"INSERT INTO history (signal_id, at, actor, action, detail, reason, referral_id)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?)"_s;

QVariantList values(const QString& at, const QString& actor, const Record& entry)
{
    return {entry.signalId, at, actor, entry.action, entry.detail,
            entry.reason.isEmpty() ? QVariant() : QVariant(entry.reason),
            entry.referralId == 0 ? QVariant() : QVariant(entry.referralId)};
}

}  // namespace

Status record(Database& db, const QDateTime& at, const QString& actor, const Record& entry)
{
    return db.execute(insertSql, values(timestamp(at), actor, entry));
}

Result<Writer> Writer::prepare(Database& db)
{
    auto query = db.prepare(insertSql);
    if (!query.ok())
        return query.error();
    return Writer(db, std::move(query).value());
}

Status Writer::add(const QString& at, const QString& actor, const Record& entry)
{
    const QVariantList bound = values(at, actor, entry);
    for (int i = 0; i < bound.size(); ++i)
        m_query.bindValue(i, bound.at(i));
    return m_db->exec(m_query, u"geschiedenis schrijven"_s);
}

Status recordCreatedAfter(Database& db, const QString& at, const QString& actor, const QString& detailPrefix, qint64 afterId)
{
    return db.execute(u"INSERT INTO history (signal_id, at, actor, action, detail)"
                      " SELECT id, ?, ?, 'aangemaakt', ? || external_id FROM signals WHERE id > ? ORDER BY id"_s,
                      {at, actor, detailPrefix, afterId});
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
