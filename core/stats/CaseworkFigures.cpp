#include "CaseworkFigures.h"

#include "Registry.h"
#include "access/Access.h"
#include "services/Handlers.h"
#include "services/OpenAndLate.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace bs::Stats {

Result<CaseworkFigures> casework(Registry& registry, const Period& period)
{
    BS_TRY(Access::require(registry, Permission::Coordinate));
    CaseworkFigures out;
    auto candidates = Handlers::candidates(registry);
    if (!candidates.ok())
        return candidates.error();
    QHash<QString, int> index;
    for (const Handler& h : candidates.value()) {
        index.insert(h.login, int(out.handlers.size()));
        out.handlers << HandlerLoad{h.login, h.displayName, 0, 0, 0};
    }
    Database& db = registry.db();
    const QDate today = registry.clock().today();
    const SqlCondition late = OpenAndLate::termsPassed(u"s"_s, today);
    auto open = db.run(u"SELECT coalesce(s.handler, ''), count(*), sum(CASE WHEN %1 THEN 1 ELSE 0 END),"
                       " sum(CASE WHEN s.follow_up_on <= ? THEN 1 ELSE 0 END) FROM signals s WHERE %2 GROUP BY coalesce(s.handler, '')"_s
                           .arg(late.sql, OpenAndLate::signalOpen(u"s"_s)),
                       late.values + QVariantList{today.toString(Qt::ISODate)});
    if (!open.ok())
        return open.error();
    while (open->next()) {
        const QString login = open->value(0).toString();
        if (login.isEmpty()) {
            out.openWithoutHandler = open->value(1).toInt();
            continue;
        }
        // A handler who has since been disabled still carries signals: listed too, so none is lost.
        if (!index.contains(login)) {
            index.insert(login, int(out.handlers.size()));
            out.handlers << HandlerLoad{login, login, 0, 0, 0};
        }
        HandlerLoad& h = out.handlers[index.value(login)];
        h.open = open->value(1).toInt();
        h.late = open->value(2).toInt();
        h.followUpDue = open->value(3).toInt();
    }
    auto contacts = db.run(u"SELECT kind, count(*) FROM journal_entries WHERE happened_on >= ? AND happened_on <= ? GROUP BY kind"_s,
                           {period.fromText(), period.toText()});
    if (!contacts.ok())
        return contacts.error();
    while (contacts->next()) {
        out.contactsByKind.insert(contacts->value(0).toString(), contacts->value(1).toInt());
        out.contacts += contacts->value(1).toInt();
    }
    return out;
}

}  // namespace bs::Stats
