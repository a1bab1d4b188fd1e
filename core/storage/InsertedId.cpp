#include "InsertedId.h"

#include "storage/Database.h"

using namespace Qt::StringLiterals;

namespace bs {

QString returningId(const QString& insertSql)
{
    return insertSql + u" RETURNING id"_s;
}

Result<qint64> readReturnedId(QSqlQuery& query)
{
    if (!query.next())
        return Error::storage(u"Het register gaf geen nummer voor de nieuwe regel. Er is niets gewijzigd."_s);
    const qint64 id = query.value(0).toLongLong();
    // An INSERT ... RETURNING that is not reset counts as a write still in progress: COMMIT
    // would refuse while it is open.
    query.finish();
    return id;
}

Result<qint64> insertReturningId(const Database& db, const QString& insertSql, const QVariantList& values)
{
    auto query = db.run(returningId(insertSql), values);
    if (!query.ok())
        return query.error();
    return readReturnedId(query.value());
}

Result<std::optional<qint64>> insertUnlessDuplicate(const Database& db, const QString& insertSql, const QVariantList& values)
{
    // SQLite (3.35 and later) and PostgreSQL both take this form.
    auto query = db.run(insertSql + u" ON CONFLICT DO NOTHING RETURNING id"_s, values);
    if (!query.ok())
        return query.error();
    if (!query->next())
        return std::optional<qint64>();
    const qint64 id = query->value(0).toLongLong();
    query->finish();
    return std::optional<qint64>(id);
}

Result<qint64> execReturningId(const Database& db, QSqlQuery& prepared, const QString& context)
{
    BS_TRY(db.exec(prepared, context));
    return readReturnedId(prepared);
}

}  // namespace bs
