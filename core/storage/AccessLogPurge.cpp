#include "AccessLogPurge.h"

#include "storage/Database.h"

using namespace Qt::StringLiterals;

namespace bs {

Result<qint64> purgeAccessLog(Database& db, int keepMonths, const QString& at, const QString& actor)
{
    qint64 removed = 0;
    if (db.enforcesAccess()) {
        // The server reads the setting and the clock itself, and logs who purged.
        BS_TRY(db.write([&]() -> Status {
            auto n = db.scalar(u"SELECT purge_access_log()"_s);
            if (!n.ok())
                return n.error();
            removed = n.value().toLongLong();
            return {};
        }));
        return removed;
    }
    // The database's own clock decides, like the trigger that guards the table.
    const QString cutoffSql = db.dialect().utcMonthsAgo();
    const QVariantList cutoff = {keepMonths};
    BS_TRY(db.write([&]() -> Status {
        auto n = db.scalar(u"SELECT count(*) FROM access_log WHERE at < "_s + cutoffSql, cutoff);
        if (!n.ok())
            return n.error();
        removed = n.value().toLongLong();
        if (removed == 0)
            return {};
        BS_TRY(db.execute(u"DELETE FROM access_log WHERE at < "_s + cutoffSql, cutoff));
        return db.execute(u"INSERT INTO retention_log (at, actor, kind, signals, detail) VALUES (?, ?, 'logboek', 0, ?)"_s,
                          {at, actor, u"%1 regels van het toegangslogboek ouder dan %2 maanden verwijderd"_s.arg(removed).arg(keepMonths)});
    }));
    return removed;
}

}  // namespace bs
