#include "SubjectData.h"

#include "services/History.h"
#include "services/Journal.h"
#include "storage/Database.h"
#include "storage/SubjectStore.h"

using namespace Qt::StringLiterals;

namespace bs::SubjectData {

Status wipe(Database& db, const QList<qint64>& signalIds, Scope scope, const QDateTime& at, const QString& actor, const QString& why)
{
    for (qint64 id : signalIds) {
        BS_TRY(SubjectStore::wipe(db, id, scope == Scope::SubjectAndFreeText, History::timestamp(at), actor, why));
        // Journal texts: all of them on an erasure on request; on the retention run those marked
        // as naming the person (the rest is casework, kept like the history).
        auto blanked = Journal::blank(db, {id}, scope == Scope::SubjectOnly);
        if (!blanked.ok())
            return blanked.error();
        BS_TRY(History::record(db, at, actor,
                               {id, u"betrokkene"_s,
                                scope == Scope::SubjectOnly ? u"Gegevens van de betrokkene gewist"_s
                                                            : u"Gegevens van de betrokkene en vrije teksten gewist"_s,
                                why, 0}));
    }
    return {};
}

}  // namespace bs::SubjectData
