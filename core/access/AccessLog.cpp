#include "AccessLog.h"

#include "Registry.h"
#include "access/Access.h"
#include "access/PendingLog.h"
#include "services/History.h"
#include "storage/AccessLogPurge.h"

using namespace Qt::StringLiterals;

namespace bs::AccessLog {

QString actionCode(AccessAction action)
{
    switch (action) {
    case AccessAction::Viewed: return u"bekeken"_s;
    case AccessAction::Created: return u"aangemaakt"_s;
    case AccessAction::Changed: return u"gewijzigd"_s;
    case AccessAction::Exported: return u"geexporteerd"_s;
    case AccessAction::Printed: return u"afgedrukt"_s;
    case AccessAction::Searched: return u"gezocht"_s;
    case AccessAction::Inzage: return u"inzage"_s;
    case AccessAction::Erased: return u"gewist"_s;
    case AccessAction::Denied: return u"geweigerd"_s;
    case AccessAction::Admin: return u"beheer"_s;
    }
    return {};
}

QStringList actionCodes()
{
    QStringList codes;
    for (int a = int(AccessAction::Viewed); a <= int(AccessAction::Admin); ++a)
        codes << actionCode(AccessAction(a));
    return codes;
}

Result<LogRow> entry(Registry& registry, AccessAction action, qint64 signalId, const QString& detail)
{
    auto role = registry.db().scalar(u"SELECT role FROM users WHERE login = ?"_s, {registry.actor()});
    if (!role.ok())
        return role.error();
    return LogRow{u"access_log"_s,
                  {{u"at"_s, History::timestamp(registry.clock().now())},
                   {u"actor"_s, registry.actor()},
                   {u"role"_s, role.value().isNull() ? u""_s : role.value().toString()},
                   {u"action"_s, actionCode(action)},
                   {u"signal_id"_s, signalId > 0 ? QVariant(signalId) : QVariant()},
                   {u"detail"_s, detail.isNull() ? u""_s : detail.left(500)}}};
}

Status record(Registry& registry, AccessAction action, qint64 signalId, const QString& detail)
{
    auto row = entry(registry, action, signalId, detail);
    if (!row.ok())
        return row.error();
    return PendingLog::write(registry, {row.value()});
}

namespace {

QString whereClause(const AccessFilter& filter, QVariantList& values)
{
    QStringList where;
    if (!filter.actor.trimmed().isEmpty()) {
        where << u"a.actor = ?"_s;
        values << filter.actor.trimmed();
    }
    if (!filter.action.isEmpty()) {
        where << u"a.action = ?"_s;
        values << filter.action;
    }
    if (!filter.reference.trimmed().isEmpty()) {
        where << u"a.signal_id = (SELECT id FROM signals WHERE reference = ?)"_s;
        values << filter.reference.trimmed().toUpper();
    }
    if (filter.from.isValid()) {
        where << u"a.at >= ?"_s;
        values << History::timestamp(filter.from.startOfDay(registryTimeZone()));
    }
    if (filter.to.isValid()) {
        where << u"a.at < ?"_s;
        values << History::timestamp(filter.to.addDays(1).startOfDay(registryTimeZone()));
    }
    return where.isEmpty() ? QString() : u" WHERE "_s + where.join(u" AND "_s);
}

Status checkFilter(const AccessFilter& filter)
{
    if (!filter.action.isEmpty() && !actionCodes().contains(filter.action))
        return Error::invalid(u"action"_s, u"Handeling '%1' bestaat niet. Toegestaan: %2."_s.arg(filter.action, actionCodes().join(u", "_s)));
    if (filter.from.isValid() && filter.to.isValid() && filter.to < filter.from)
        return Error::invalid(u"to"_s, u"De einddatum ligt voor de begindatum."_s);
    return {};
}

}  // namespace

Result<QList<AccessEntry>> list(Registry& registry, const AccessFilter& filter)
{
    BS_TRY(Access::require(registry, Permission::ViewAccessLog));
    BS_TRY(checkFilter(filter));
    // Entries that waited for another program's write lock belong in the list too.
    BS_TRY(PendingLog::flush(registry));
    QVariantList values;
    const QString where = whereClause(filter, values);
    values << qBound(1, filter.limit, 10000) << qMax(0, filter.offset);
    auto query = registry.db().run(u"SELECT a.id, a.at, a.actor, a.role, a.action, s.reference, a.detail FROM access_log a"
                                   " LEFT JOIN signals s ON s.id = a.signal_id"_s + where + u" ORDER BY a.id DESC LIMIT ? OFFSET ?"_s,
                                   values);
    if (!query.ok())
        return query.error();
    QList<AccessEntry> entries;
    while (query->next()) {
        entries << AccessEntry{query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(),
                               query->value(3).toString(), query->value(4).toString(), query->value(5).toString(),
                               query->value(6).toString()};
    }
    return entries;
}

Result<qint64> count(Registry& registry, const AccessFilter& filter)
{
    BS_TRY(Access::require(registry, Permission::ViewAccessLog));
    BS_TRY(checkFilter(filter));
    BS_TRY(PendingLog::flush(registry));
    QVariantList values;
    const QString where = whereClause(filter, values);
    auto n = registry.db().scalar(u"SELECT count(*) FROM access_log a"_s + where, values);
    if (!n.ok())
        return n.error();
    return n.value().toLongLong();
}

Result<qint64> purge(Registry& registry)
{
    BS_TRY(Access::require(registry, Permission::ViewAccessLog));
    auto months = registry.intSetting(u"access_log.months"_s, 24);
    if (!months.ok())
        return months.error();
    return purgeAccessLog(registry.db(), qMax(6, months.value()), History::timestamp(registry.clock().now()), registry.actor());
}

}  // namespace bs::AccessLog
