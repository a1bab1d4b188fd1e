#include "SubjectData.h"

#include "services/History.h"
#include "storage/Database.h"

using namespace Qt::StringLiterals;

namespace bs::SubjectData {

Status wipe(Database& db, const QList<qint64>& signalIds, Scope scope, const QDateTime& at, const QString& actor, const QString& why)
{
    const QString wiped = u"[gewist]"_s;
    for (qint64 id : signalIds) {
        BS_TRY(db.execute(u"DELETE FROM subjects WHERE signal_id = ?"_s, {id}));
        BS_TRY(db.execute(u"DELETE FROM consent_scopes WHERE signal_id = ?"_s, {id}));
        BS_TRY(db.execute(u"UPDATE signals SET consent_by = NULL WHERE id = ?"_s, {id}));
        if (scope == Scope::SubjectAndFreeText) {
            BS_TRY(db.execute(u"UPDATE signals SET description = ?, street = NULL,"
                              " outcome_text = CASE WHEN outcome_text IS NULL THEN NULL ELSE ? END WHERE id = ?"_s,
                              {wiped, wiped, id}));
            BS_TRY(db.execute(u"UPDATE referrals SET reason = ?,"
                              " feedback = CASE WHEN feedback IS NULL THEN NULL ELSE ? END,"
                              " outcome_reason = CASE WHEN outcome_reason IS NULL THEN NULL ELSE ? END,"
                              " rejection_reason = CASE WHEN rejection_reason IS NULL THEN NULL ELSE ? END WHERE signal_id = ?"_s,
                              {wiped, wiped, wiped, wiped, id}));
        }
        BS_TRY(History::record(db, at, actor,
                               {id, u"betrokkene"_s,
                                scope == Scope::SubjectOnly ? u"Gegevens van de betrokkene gewist"_s
                                                            : u"Gegevens van de betrokkene en vrije teksten gewist"_s,
                                why, 0}));
    }
    return {};
}

}  // namespace bs::SubjectData
