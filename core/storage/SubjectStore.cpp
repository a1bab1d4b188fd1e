#include "SubjectStore.h"

#include "storage/Database.h"

using namespace Qt::StringLiterals;

namespace bs::SubjectStore {

namespace {

QString purposeCode(Purpose purpose)
{
    return purpose == Purpose::Inzage ? u"inzage"_s : u"bekeken"_s;
}

}  // namespace

QString exists(const Database& db, const QString& signalId)
{
    if (db.enforcesAccess())
        return u"has_subject(%1)"_s.arg(signalId);
    return u"EXISTS (SELECT 1 FROM subjects j WHERE j.signal_id = %1)"_s.arg(signalId);
}

Result<std::optional<Fields>> read(Database& db, qint64 signalId, Purpose purpose)
{
    Result<QSqlQuery> query = Error::rule(QString());
    if (db.enforcesAccess()) {
        // Asked first, so that a signal whose subject this reader may not see shows none, rather
        // than failing the whole view; read_subject itself checks again and logs.
        auto may = db.scalar(u"SELECT may_read_subject(?, ?)"_s, {signalId, purposeCode(purpose)});
        if (!may.ok())
            return may.error();
        if (!may.value().toBool())
            return std::optional<Fields>();
        query = db.run(u"SELECT name, address, phone, birth_year FROM read_subject(?, ?)"_s, {signalId, purposeCode(purpose)});
    } else {
        query = db.run(u"SELECT name, address, phone, birth_year FROM subjects WHERE signal_id = ?"_s, {signalId});
    }
    if (!query.ok())
        return query.error();
    if (!query->next())
        return std::optional<Fields>();
    return std::optional<Fields>(Fields{query->value(0), query->value(1), query->value(2), query->value(3)});
}

Status write(Database& db, qint64 signalId, const Fields& fields, const QString& at, const QString& by)
{
    if (db.enforcesAccess()) {
        // The function records the login as the one who recorded it.
        return db.execute(u"SELECT write_subject(?, ?, ?, ?, CAST(? AS integer), ?)"_s,
                          {signalId, fields.name, fields.address, fields.phone, fields.birthYear, at});
    }
    BS_TRY(db.execute(u"DELETE FROM subjects WHERE signal_id = ?"_s, {signalId}));
    return db.execute(u"INSERT INTO subjects (signal_id, name, address, phone, birth_year, recorded_at, recorded_by)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                      {signalId, fields.name, fields.address, fields.phone, fields.birthYear, at, by});
}

Status remove(Database& db, qint64 signalId)
{
    if (db.enforcesAccess())
        return db.execute(u"SELECT clear_subject(?)"_s, {signalId});
    return db.execute(u"DELETE FROM subjects WHERE signal_id = ?"_s, {signalId});
}

Status wipe(Database& db, qint64 signalId, bool freeText, const QString& at, const QString& actor, const QString& reason)
{
    if (db.enforcesAccess())
        return db.execute(u"SELECT wipe_subject(?, ?, ?)"_s, {signalId, freeText, reason});
    const QString wiped = u"[gewist]"_s;
    BS_TRY(db.execute(u"DELETE FROM subjects WHERE signal_id = ?"_s, {signalId}));
    BS_TRY(db.execute(u"DELETE FROM consent_scopes WHERE signal_id = ?"_s, {signalId}));
    BS_TRY(db.execute(u"UPDATE signals SET consent_by = NULL WHERE id = ?"_s, {signalId}));
    if (freeText) {
        BS_TRY(db.execute(u"UPDATE signals SET description = ?, street = NULL,"
                          " outcome_text = CASE WHEN outcome_text IS NULL THEN NULL ELSE ? END WHERE id = ?"_s,
                          {wiped, wiped, signalId}));
        BS_TRY(db.execute(u"UPDATE referrals SET reason = ?,"
                          " feedback = CASE WHEN feedback IS NULL THEN NULL ELSE ? END,"
                          " outcome_reason = CASE WHEN outcome_reason IS NULL THEN NULL ELSE ? END,"
                          " rejection_reason = CASE WHEN rejection_reason IS NULL THEN NULL ELSE ? END WHERE signal_id = ?"_s,
                          {wiped, wiped, wiped, wiped, signalId}));
    }
    // The same entry wipe_subject() writes on a server.
    return db.execute(u"INSERT INTO access_log (at, actor, role, action, signal_id, detail)"
                      " VALUES (?, ?, coalesce((SELECT role FROM users WHERE login = ?), ''), 'gewist', ?, ?)"_s,
                      {at, actor, actor, signalId, reason.left(500)});
}

SqlCondition matching(const Database& db, const QString& pattern)
{
    if (db.enforcesAccess())
        return {u"search_subjects(?)"_s, {pattern}};
    const Dialect& dialect = db.dialect();
    return {u"(SELECT signal_id, name, address, phone, birth_year FROM subjects WHERE %1 OR %2 OR %3)"_s.arg(
                dialect.likeIgnoringCase(u"name"_s), dialect.likeIgnoringCase(u"address"_s), dialect.likeIgnoringCase(u"phone"_s)),
            {pattern, pattern, pattern}};
}

}  // namespace bs::SubjectStore
