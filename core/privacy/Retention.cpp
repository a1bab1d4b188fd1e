#include "Retention.h"

#include "Registry.h"
#include "access/Access.h"
#include "access/AccessLog.h"
#include "privacy/SubjectData.h"
#include "services/History.h"
#include "storage/SubjectStore.h"

using namespace Qt::StringLiterals;

namespace bs::Retention {

Result<RetentionReport> run(Registry& registry, bool dryRun)
{
    BS_TRY(Access::require(registry, Permission::Retention));
    RetentionReport report;
    auto months = registry.intSetting(u"retention.months"_s, 24);
    if (!months.ok())
        return months.error();
    if (months.value() < 1)
        return Error::invalid(u"retention.months"_s, u"De bewaartermijn moet minstens 1 maand zijn (nu %1)."_s.arg(months.value()));
    report.months = months.value();
    report.cutoff = registry.clock().today().addMonths(-report.months);
    Database& db = registry.db();
    QList<qint64> ids;
    const auto selectCandidates = [&]() -> Status {
        auto candidates = db.run(u"SELECT s.id, s.reference FROM signals s WHERE s.status IN ('afgehandeld', 'geannuleerd')"
                                 " AND coalesce(s.closed_on, substr(s.updated_at, 1, 10)) < ?"
                                 " AND (%1"
                                 "      OR EXISTS (SELECT 1 FROM consent_scopes c WHERE c.signal_id = s.id) OR s.consent_by IS NOT NULL"
                                 "      OR EXISTS (SELECT 1 FROM journal_entries j WHERE j.signal_id = s.id AND j.names_person = 1 AND j.text <> ''))"
                                 " ORDER BY s.id"_s.arg(SubjectStore::exists(db, u"s.id"_s)),
                                 {report.cutoff.toString(Qt::ISODate)});
        if (!candidates.ok())
            return candidates.error();
        while (candidates->next()) {
            ids << candidates->value(0).toLongLong();
            if (report.references.size() < 100)
                report.references << candidates->value(1).toString();
        }
        report.signalCount = ids.size();
        return {};
    };
    if (dryRun) {
        BS_TRY(selectCandidates());
        return report;
    }
    const QDateTime now = registry.clock().now();
    // The signals are chosen under the write lock: one reopened by another program a moment ago
    // is open again and keeps its subject data.
    BS_TRY(db.write([&]() -> Status {
        BS_TRY(selectCandidates());
        if (ids.isEmpty())
            return {};
        BS_TRY(SubjectData::wipe(db, ids, SubjectData::Scope::SubjectOnly, now, registry.actor(),
                                 u"bewaartermijn van %1 maanden na afsluiten verstreken"_s.arg(report.months)));
        BS_TRY(db.execute(u"INSERT INTO retention_log (at, actor, kind, signals, detail) VALUES (?, ?, 'bewaartermijn', ?, ?)"_s,
                          {History::timestamp(now), registry.actor(), ids.size(),
                           u"betrokkenegegevens gewist van signalen afgesloten voor %1 (bewaartermijn %2 maanden)"_s.arg(
                               report.cutoff.toString(Qt::ISODate)).arg(report.months)}));
        return AccessLog::record(registry, AccessAction::Erased, 0,
                                 u"bewaartermijn: %1 signalen, afgesloten voor %2"_s.arg(ids.size()).arg(report.cutoff.toString(Qt::ISODate)));
    }));
    report.written = !ids.isEmpty();
    return report;
}

}  // namespace bs::Retention
