// Referral figures per partner (sent, accepted, completed, rejected, closed-loop rate, median
// days) and escalation figures per level (open now, stalled now, steps in the period).
#include "Registry.h"
#include "services/Lookups.h"
#include "stats/Statistics.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace bs::Stats {

namespace {

QDate day(const QVariant& value)
{
    return QDate::fromString(value.toString().left(10), Qt::ISODate);
}

Result<QVariant> buurtId(Registry& registry, const QString& name)
{
    if (name.isEmpty())
        return QVariant();
    auto buurt = Lookups::findBuurt(registry, name);
    if (!buurt.ok())
        return buurt.error();
    return QVariant(buurt->id);
}

}  // namespace

Status referralFigures(Registry& registry, const StatsFilter& filter, Statistics& out)
{
    auto buurt = buurtId(registry, filter.buurt);
    if (!buurt.ok())
        return buurt.error();
    auto partners = Lookups::partners(registry);
    if (!partners.ok())
        return partners.error();
    QHash<QString, int> index;
    for (const Partner& p : partners.value()) {
        index.insert(p.name, int(out.partners.size()));
        PartnerFigures figures;
        figures.partner = p.name;
        figures.formal = p.formal;
        out.partners << figures;
    }
    const QString today = registry.clock().today().toString(Qt::ISODate);
    // One row per referral sent in the period; medians need the single values.
    auto rows = registry.db().run(
        u"SELECT p.name, r.status, r.sent_on, r.accepted_on, r.closed_on, r.rejection_reason, r.feedback,"
        " (r.status = 'verstuurd' AND r.respond_by < ?) OR (r.status = 'geaccepteerd' AND r.complete_by < ?)"
        " FROM referrals r JOIN partners p ON p.id = r.to_partner_id JOIN signals s ON s.id = r.signal_id"
        " JOIN categories c ON c.code = s.category_code"
        " WHERE r.sent_on >= ? AND r.sent_on <= ? AND (? IS NULL OR s.buurt_id = ?) AND (coalesce(?, '') = '' OR c.theme_code = ?)"_s,
        {today, today, filter.period.fromText(), filter.period.toText(), buurt.value(), buurt.value(), filter.theme, filter.theme});
    if (!rows.ok())
        return rows.error();
    QHash<int, QList<qint64>> toAccept;
    QHash<int, QList<qint64>> toComplete;
    while (rows->next()) {
        const int i = index.value(rows->value(0).toString(), -1);
        if (i < 0)
            continue;
        PartnerFigures& f = out.partners[i];
        const QString status = rows->value(1).toString();
        const QDate sent = day(rows->value(2));
        ++f.sent;
        if (!rows->value(3).isNull()) {
            ++f.accepted;
            toAccept[i] << sent.daysTo(day(rows->value(3)));
        }
        if (status == u"verstuurd"_s || status == u"geaccepteerd"_s) {
            ++f.open;
            f.late += rows->value(7).toBool();
            continue;
        }
        ++f.closed;
        if (status == u"afgerond"_s) {
            ++f.completed;
            toComplete[i] << sent.daysTo(day(rows->value(4)));
        } else if (status == u"afgewezen"_s) {
            ++f.rejected;
            f.rejectionReasons[rows->value(5).toString()] += 1;
        } else {
            ++f.withdrawn;
        }
        // The loop is closed when the sender heard back: feedback, or a coded rejection.
        if (!rows->value(6).toString().trimmed().isEmpty() || !rows->value(5).isNull())
            ++f.loopClosed;
    }
    for (int i = 0; i < out.partners.size(); ++i) {
        PartnerFigures& f = out.partners[i];
        if (f.closed > 0)
            f.closedLoopRate = double(f.loopClosed) / f.closed;
        f.medianDaysToAccept = median(toAccept.value(i));
        f.medianDaysToComplete = median(toComplete.value(i));
    }
    return {};
}

Status escalationFigures(Registry& registry, const StatsFilter& filter, Statistics& out)
{
    auto buurt = buurtId(registry, filter.buurt);
    if (!buurt.ok())
        return buurt.error();
    auto levels = Lookups::escalationLevels(registry);
    if (!levels.ok())
        return levels.error();
    for (const EscalationLevel& l : levels.value())
        out.levels << LevelFigures{l.level, l.name, 0, 0, 0, 0};
    const QString today = registry.clock().today().toString(Qt::ISODate);
    auto current = registry.db().run(
        u"SELECT s.escalation_level, count(*), sum(CASE WHEN s.level_due_on < ? THEN 1 ELSE 0 END) FROM signals s"
        " JOIN categories c ON c.code = s.category_code WHERE s.status IN ('nieuw','in_behandeling','heropend')"
        " AND (? IS NULL OR s.buurt_id = ?) AND (coalesce(?, '') = '' OR c.theme_code = ?) GROUP BY s.escalation_level"_s,
        {today, buurt.value(), buurt.value(), filter.theme, filter.theme});
    if (!current.ok())
        return current.error();
    while (current->next()) {
        const int level = current->value(0).toInt();
        if (level >= 0 && level < out.levels.size()) {
            out.levels[level].current = current->value(1).toInt();
            out.levels[level].stalled = current->value(2).toInt();
        }
    }
    // Steps are timestamped in UTC; the period runs from Dutch midnight to Dutch midnight.
    auto steps = registry.db().run(
        u"SELECT e.to_level, e.to_level > e.from_level, count(*) FROM escalations e JOIN signals s ON s.id = e.signal_id"
        " JOIN categories c ON c.code = s.category_code WHERE e.at >= ? AND e.at < ?"
        " AND (? IS NULL OR s.buurt_id = ?) AND (coalesce(?, '') = '' OR c.theme_code = ?) GROUP BY e.to_level, e.to_level > e.from_level"_s,
        {filter.period.startTimestamp(), filter.period.endTimestamp(), buurt.value(), buurt.value(), filter.theme, filter.theme});
    if (!steps.ok())
        return steps.error();
    while (steps->next()) {
        const int level = steps->value(0).toInt();
        if (level < 0 || level >= out.levels.size())
            continue;
        (steps->value(1).toBool() ? out.levels[level].stepsUp : out.levels[level].stepsDown) += steps->value(2).toInt();
    }
    return {};
}

}  // namespace bs::Stats
