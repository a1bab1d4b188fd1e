// Referral figures per partner (sent, accepted, completed, rejected, closed-loop rate, median
// days) and escalation figures per level (open now, stalled now, steps in the period).
#include "Registry.h"
#include "domain/Workflow.h"
#include "services/Lookups.h"
#include "services/OpenAndLate.h"
#include "stats/Statistics.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace bs::Stats {

namespace {

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

namespace {

// Medians from counts per number of days.
std::optional<double> weightedMedian(const QMap<qint64, int>& counts)
{
    qint64 total = 0;
    for (int n : counts)
        total += n;
    if (total == 0)
        return std::nullopt;
    auto valueAt = [&counts](qint64 position) {
        qint64 seen = 0;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            seen += it.value();
            if (position < seen)
                return double(it.key());
        }
        return double(counts.lastKey());
    };
    return total % 2 ? valueAt(total / 2) : (valueAt(total / 2 - 1) + valueAt(total / 2)) / 2.0;
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
    QHash<qint64, int> index;
    for (const Partner& p : partners.value()) {
        index.insert(p.id, int(out.partners.size()));
        PartnerFigures figures;
        figures.partner = p.name;
        figures.formal = p.formal;
        out.partners << figures;
    }
    Database& db = registry.db();
    // Grouped without the day: per partner, status, days to accept and complete, reason, loop.
    const QString bucket = db.dialect().referralBucket(u"r"_s).mid(1).join(u", "_s);
    // Without a buurt or theme the day counts answer; with one, the referrals of those signals are
    // grouped the same way on the spot (a smaller set).
    const bool scoped = !buurt.value().isNull() || !filter.theme.isEmpty();
    auto rows = scoped
        ? db.run(u"SELECT %1, count(*) FROM referrals r JOIN signals s ON s.id = r.signal_id JOIN categories c ON c.code = s.category_code"
                 " WHERE r.sent_on >= ? AND r.sent_on <= ? AND (CAST(? AS INTEGER) IS NULL OR s.buurt_id = ?) AND (coalesce(CAST(? AS TEXT), '') = '' OR c.theme_code = ?)"
                 " GROUP BY %1"_s.arg(bucket),
                 {filter.period.fromText(), filter.period.toText(), buurt.value(), buurt.value(), filter.theme, filter.theme})
        : db.run(u"SELECT to_partner_id, status, accept_days, complete_days, rejection_reason, loop_closed, sum(referrals)"
                 " FROM referral_day_counts WHERE sent_on >= ? AND sent_on <= ?"
                 " GROUP BY to_partner_id, status, accept_days, complete_days, rejection_reason, loop_closed"_s,
                 {filter.period.fromText(), filter.period.toText()});
    if (!rows.ok())
        return rows.error();
    QHash<int, QMap<qint64, int>> toAccept;
    QHash<int, QMap<qint64, int>> toComplete;
    while (rows->next()) {
        const int i = index.value(rows->value(0).toLongLong(), -1);
        if (i < 0)
            continue;
        PartnerFigures& f = out.partners[i];
        const QString status = rows->value(1).toString();
        const qint64 acceptDays = rows->value(2).toLongLong();
        const qint64 completeDays = rows->value(3).toLongLong();
        const QString rejection = rows->value(4).toString();
        const int n = rows->value(6).toInt();
        f.sent += n;
        if (acceptDays >= 0) {
            f.accepted += n;
            toAccept[i][acceptDays] += n;
        }
        if (Workflow::isReferralOpen(status)) {
            f.open += n;
            continue;
        }
        f.closed += n;
        f.loopClosed += rows->value(5).toInt() * n;
        if (status == u"afgerond"_s) {
            f.completed += n;
            if (completeDays >= 0)
                toComplete[i][completeDays] += n;
        } else if (status == u"afgewezen"_s) {
            f.rejected += n;
            f.rejectionReasons[rejection] += n;
        } else {
            f.withdrawn += n;
        }
    }
    // Late depends on today, so it is counted among the open referrals themselves.
    const SqlCondition lateNow = OpenAndLate::referralLate(u"r"_s, registry.clock().today());
    auto late = db.run(u"SELECT r.to_partner_id, count(*) FROM referrals r JOIN signals s ON s.id = r.signal_id"
                       " JOIN categories c ON c.code = s.category_code WHERE %1 AND %2"
                       " AND r.sent_on >= ? AND r.sent_on <= ? AND (CAST(? AS INTEGER) IS NULL OR s.buurt_id = ?) AND (coalesce(CAST(? AS TEXT), '') = '' OR c.theme_code = ?)"
                       " GROUP BY r.to_partner_id"_s.arg(OpenAndLate::referralOpen(u"r"_s), lateNow.sql),
                       lateNow.values + QVariantList{filter.period.fromText(), filter.period.toText(), buurt.value(), buurt.value(),
                                                     filter.theme, filter.theme});
    if (!late.ok())
        return late.error();
    while (late->next()) {
        const int i = index.value(late->value(0).toLongLong(), -1);
        if (i >= 0)
            out.partners[i].late = late->value(1).toInt();
    }
    auto overrides = db.scalar(u"SELECT count(*) FROM referrals r JOIN signals s ON s.id = r.signal_id"
                               " JOIN categories c ON c.code = s.category_code"
                               " WHERE r.sent_on >= ? AND r.sent_on <= ? AND r.override_ground IS NOT NULL"
                               " AND (CAST(? AS INTEGER) IS NULL OR s.buurt_id = ?) AND (coalesce(CAST(? AS TEXT), '') = '' OR c.theme_code = ?)"_s,
                               {filter.period.fromText(), filter.period.toText(), buurt.value(), buurt.value(), filter.theme, filter.theme});
    if (!overrides.ok())
        return overrides.error();
    out.overrides = overrides.value().toInt();
    for (int i = 0; i < out.partners.size(); ++i) {
        PartnerFigures& f = out.partners[i];
        if (f.closed > 0)
            f.closedLoopRate = double(f.loopClosed) / f.closed;
        f.medianDaysToAccept = weightedMedian(toAccept.value(i));
        f.medianDaysToComplete = weightedMedian(toComplete.value(i));
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
    const SqlCondition stalled = OpenAndLate::signalStalled(u"s"_s, registry.clock().today());
    auto current = registry.db().run(
        u"SELECT s.escalation_level, count(*), sum(CASE WHEN %3 THEN 1 ELSE 0 END) FROM signals s%1"
        " JOIN categories c ON c.code = s.category_code WHERE %2"
        " AND (CAST(? AS INTEGER) IS NULL OR s.buurt_id = ?) AND (coalesce(CAST(? AS TEXT), '') = '' OR c.theme_code = ?) GROUP BY s.escalation_level"_s
            .arg(registry.db().dialect().useIndex(u"signals_open"_s), OpenAndLate::signalOpen(u"s"_s), stalled.sql),
        stalled.values + QVariantList{buurt.value(), buurt.value(), filter.theme, filter.theme});
    if (!current.ok())
        return current.error();
    while (current->next()) {
        const int level = current->value(0).toInt();
        if (level >= 0 && level < out.levels.size()) {
            out.levels[level].current = current->value(1).toInt();
            out.levels[level].stalled = current->value(2).toInt();
        }
    }
    // Steps are timestamped in UTC; the period runs from Dutch midnight to Dutch midnight. Without
    // a buurt or theme the steps are counted from their own index alone.
    const bool scoped = !buurt.value().isNull() || !filter.theme.isEmpty();
    auto steps = scoped
        ? registry.db().run(
              u"SELECT e.to_level, e.to_level > e.from_level, count(*) FROM escalations e JOIN signals s ON s.id = e.signal_id"
              " JOIN categories c ON c.code = s.category_code WHERE e.at >= ? AND e.at < ?"
              " AND (CAST(? AS INTEGER) IS NULL OR s.buurt_id = ?) AND (coalesce(CAST(? AS TEXT), '') = '' OR c.theme_code = ?)"
              " GROUP BY e.to_level, e.to_level > e.from_level"_s,
              {filter.period.startTimestamp(), filter.period.endTimestamp(), buurt.value(), buurt.value(), filter.theme, filter.theme})
        : registry.db().run(u"SELECT e.to_level, e.to_level > e.from_level, count(*) FROM escalations e WHERE e.at >= ? AND e.at < ?"
                            " GROUP BY e.to_level, e.to_level > e.from_level"_s,
                            {filter.period.startTimestamp(), filter.period.endTimestamp()});
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
