#pragma once
// The id of a row just inserted, read from `INSERT ... RETURNING id` on every engine: no
// driver's last-insert-id, which PostgreSQL does not give.

#include "Result.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <optional>

namespace bs {

class Database;

// `insertSql` followed by the clause that returns the new row's id.
QString returningId(const QString& insertSql);

// Runs an INSERT (without the RETURNING clause) and gives the new row's id.
Result<qint64> insertReturningId(const Database& db, const QString& insertSql, const QVariantList& values);

// Runs an INSERT (without ON CONFLICT or RETURNING) that a unique index may refuse: the new row's
// id, or no value when a row with the same unique key is already there. The refusal is no error
// (ON CONFLICT DO NOTHING), because a failed statement aborts a whole PostgreSQL transaction and
// the row already there could then not be read for the message.
Result<std::optional<qint64>> insertUnlessDuplicate(const Database& db, const QString& insertSql, const QVariantList& values);

// For a statement prepared once from returningId(...) and bound per row: runs it, reads the id and
// releases the statement, so the transaction can commit and the next row reuses it.
Result<qint64> execReturningId(const Database& db, QSqlQuery& prepared, const QString& context);
// The same for a statement that has just run.
Result<qint64> readReturnedId(QSqlQuery& executed);

}  // namespace bs
