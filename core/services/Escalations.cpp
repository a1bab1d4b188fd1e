#include "Escalations.h"

#include "Registry.h"
#include "domain/Codes.h"
#include "domain/Validation.h"
#include "domain/Workflow.h"
#include "domain/WorkingDays.h"
#include "services/History.h"
#include "services/Lookups.h"
#include "services/OpenAndLate.h"
#include "services/Signals.h"

using namespace Qt::StringLiterals;

namespace bs::Escalations {

namespace {

// Called inside the write transaction: the signal's status and level are read under the write
// lock, so a signal closed by another program in the meantime does not move on the ladder.
Status stepLocked(Registry& registry, const QString& reference, int toLevel, const QString& trigger, const QString& reason)
{
    auto signal = Signals::state(registry, reference);
    if (!signal.ok())
        return signal.error();
    if (!Workflow::isSignalOpen(signal->status)) {
        return Error::rule(u"Signaal %1 is %2; alleen een open signaal kan op de escalatieladder bewegen."_s.arg(
            signal->reference, Codes::signalStatus().label(signal->status).toLower()));
    }
    auto levels = Lookups::escalationLevels(registry);
    if (!levels.ok())
        return levels.error();
    const int maxLevel = levels->isEmpty() ? 0 : levels->last().level;
    BS_TRY(Workflow::checkEscalationStep(signal->level, toLevel, maxLevel, trigger, reason));
    auto why = Validation::text(reason, {u"reason"_s, u"Reden"_s, true, 2000, true});
    if (!why.ok())
        return why.error();
    const bool stepUp = toLevel > signal->level;
    const EscalationLevel& target = levels->at(toLevel);

    Database& db = registry.db();
    const QDate today = registry.clock().today();
    const QDateTime now = registry.clock().now();
    // A term of 0 working days means the regional chain acts at once and holds direction from
    // then on: there is no term left for this registry to watch.
    const QVariant dueOn = target.termDays > 0 ? QVariant(WorkingDays::add(today, target.termDays).toString(Qt::ISODate)) : QVariant();
    auto updated = db.run(u"UPDATE signals SET escalation_level = ?, level_since = ?, level_due_on = ?, updated_at = ?"
                          " WHERE id = ? AND escalation_level = ?"_s,
                          {toLevel, today.toString(Qt::ISODate), dueOn, History::timestamp(now), signal->id, signal->level});
    if (!updated.ok())
        return updated.error();
    if (updated->numRowsAffected() != 1)
        return Error::rule(u"Signaal %1 is intussen door iemand anders geëscaleerd; bekijk het opnieuw."_s.arg(signal->reference));
    BS_TRY(db.execute(u"INSERT INTO escalations (signal_id, from_level, to_level, trigger_code, reason, at, by_user)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                      {signal->id, signal->level, toLevel, stepUp ? QVariant(trigger) : QVariant(), why.value(),
                       History::timestamp(now), registry.actor()}));
    QString detail = u"%1 van trede %2 naar trede %3 (%4)"_s.arg(stepUp ? u"Geëscaleerd"_s : u"Afgeschaald"_s)
                         .arg(signal->level)
                         .arg(toLevel)
                         .arg(target.name);
    if (stepUp)
        detail += u", aanleiding: %1"_s.arg(Codes::escalationTrigger().label(trigger).toLower());
    return History::record(db, now, registry.actor(), {signal->id, u"escalatie"_s, detail, why.value(), 0});
}

}  // namespace

Status step(Registry& registry, const QString& reference, int toLevel, const QString& trigger, const QString& reason)
{
    return registry.db().write([&]() { return stepLocked(registry, reference, toLevel, trigger, reason); });
}

Result<QList<EscalationStepInfo>> forSignal(Registry& registry, qint64 signalId)
{
    auto query = registry.db().run(u"SELECT from_level, to_level, trigger_code, reason, at, by_user FROM escalations"
                                   " WHERE signal_id = ? ORDER BY id"_s,
                                   {signalId});
    if (!query.ok())
        return query.error();
    QList<EscalationStepInfo> steps;
    while (query->next()) {
        steps << EscalationStepInfo{query->value(0).toInt(), query->value(1).toInt(), query->value(2).toString(),
                                    query->value(3).toString(), query->value(4).toString(), query->value(5).toString()};
    }
    return steps;
}

Result<QList<StalledSignal>> stalled(Registry& registry, int limit)
{
    const QDate today = registry.clock().today();
    const SqlCondition stalledNow = OpenAndLate::signalStalled(u"s"_s, today);
    auto query = registry.db().run(
        u"SELECT s.reference, b.name, s.escalation_level, l.name, s.level_since, s.level_due_on FROM signals s"
        " JOIN buurten b ON b.id = s.buurt_id JOIN escalation_levels l ON l.level = s.escalation_level"
        " WHERE %1 ORDER BY s.escalation_level DESC, s.level_due_on, s.id LIMIT ?"_s.arg(stalledNow.sql),
        stalledNow.values + QVariantList{limit});
    if (!query.ok())
        return query.error();
    QList<StalledSignal> list;
    while (query->next()) {
        const QString due = query->value(5).toString();
        list << StalledSignal{query->value(0).toString(), query->value(1).toString(), query->value(2).toInt(),
                              query->value(3).toString(), query->value(4).toString(), due,
                              WorkingDays::between(QDate::fromString(due, Qt::ISODate), today)};
    }
    return list;
}

}  // namespace bs::Escalations
