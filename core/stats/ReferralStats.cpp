// Referral figures per partner (sent, accepted, completed, rejected, closed-loop rate, median
// days) and escalation figures per level (open now, stalled now, steps in the period).
#include "Registry.h"
#include "domain/Workflow.h"
#include "services/Lookups.h"
#include "services/OpenAndLate.h"
#include "stats/Statistics.h"
#include "storage/CountSources.h"

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

// The buurt and theme of the filter as a condition on the signal of a row (`signalId`: its
// column). Without either, no condition and no lookup: the figures then count from the rows'
// own indexes.
SqlCondition ofScope(const QString& signalId, const QVariant& buurt, const QString& theme)
{
    if (buurt.isNull() && theme.isEmpty())
        return {u"1 = 1"_s, {}};
    // Aliases of its own: the row asked about may itself be a signal `s`.
    return {u"EXISTS (SELECT 1 FROM signals scope_s JOIN categories scope_c ON scope_c.code = scope_s.category_code"
            " WHERE scope_s.id = %1 AND (CAST(? AS INTEGER) IS NULL OR scope_s.buurt_id = ?)"
            " AND (coalesce(CAST(? AS TEXT), '') = '' OR scope_c.theme_code = ?))"_s.arg(signalId),
            {buurt, buurt, theme, theme}};
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
    // Without a buurt or theme the monthly roll-ups answer (with the day counts of partial
    // months); with one, the referrals of those signals are counted on the spot (a smaller set).
    const bool scoped = !buurt.value().isNull() || !filter.theme.isEmpty();
    const QStringList bucket = db.dialect().referralBucket(u"r"_s);
    const QString ofSignals = u"r.sent_on >= ? AND r.sent_on <= ? AND EXISTS (SELECT 1 FROM signals s JOIN categories c ON c.code = s.category_code"
                              " WHERE s.id = r.signal_id AND (CAST(? AS INTEGER) IS NULL OR s.buurt_id = ?)"
                              " AND (coalesce(CAST(? AS TEXT), '') = '' OR c.theme_code = ?))"_s;
    const QVariantList ofSignalsValues = {filter.period.fromText(), filter.period.toText(), buurt.value(), buurt.value(), filter.theme, filter.theme};
    const CountSources::Bounds bounds = filter.period.countBounds();
    const CountSources::Source counts = scoped ? CountSources::Source{CountSources::referralsOfSignals(bucket, ofSignals), ofSignalsValues}
                                               : CountSources::referralCounts(bounds);
    auto rows = db.run(u"SELECT x.partner, x.status, x.geaccepteerd, x.reden, x.lus, sum(x.n) FROM %1 x"
                       " GROUP BY x.partner, x.status, x.geaccepteerd, x.reden, x.lus"_s.arg(counts.sql),
                       counts.values);
    if (!rows.ok())
        return rows.error();
    while (rows->next()) {
        const int i = index.value(rows->value(0).toLongLong(), -1);
        if (i < 0)
            continue;
        PartnerFigures& f = out.partners[i];
        const QString status = rows->value(1).toString();
        const int n = rows->value(5).toInt();
        f.sent += n;
        if (rows->value(2).toInt() == 1)
            f.accepted += n;
        if (Workflow::isReferralOpen(status)) {
            f.open += n;
            continue;
        }
        f.closed += n;
        f.loopClosed += rows->value(4).toInt() * n;
        if (status == u"afgerond"_s) {
            f.completed += n;
        } else if (status == u"afgewezen"_s) {
            f.rejected += n;
            f.rejectionReasons[rows->value(3).toString()] += n;
        } else {
            f.withdrawn += n;
        }
    }
    const CountSources::Source days = scoped
        ? CountSources::Source{CountSources::referralDaysOfSignals(bucket, ofSignals), ofSignalsValues + ofSignalsValues}
        : CountSources::referralDays(bounds);
    auto dayRows = db.run(u"SELECT x.partner, x.wat, x.dagen, sum(x.n) FROM %1 x GROUP BY x.partner, x.wat, x.dagen"_s.arg(days.sql), days.values);
    if (!dayRows.ok())
        return dayRows.error();
    QHash<int, QMap<qint64, int>> toAccept;
    QHash<int, QMap<qint64, int>> toComplete;
    while (dayRows->next()) {
        const int i = index.value(dayRows->value(0).toLongLong(), -1);
        if (i < 0)
            continue;
        auto& counted = dayRows->value(1).toString() == u"accepteren"_s ? toAccept[i] : toComplete[i];
        counted[dayRows->value(2).toLongLong()] += dayRows->value(3).toInt();
    }
    // Late depends on today, so it is counted among the open referrals themselves.
    const SqlCondition lateNow = OpenAndLate::referralLate(u"r"_s, registry.clock().today());
    const SqlCondition scope = ofScope(u"r.signal_id"_s, buurt.value(), filter.theme);
    auto late = db.run(u"SELECT r.to_partner_id, count(*) FROM referrals r WHERE %1 AND %2 AND r.sent_on >= ? AND r.sent_on <= ? AND %3"
                       " GROUP BY r.to_partner_id"_s.arg(OpenAndLate::referralOpen(u"r"_s), lateNow.sql, scope.sql),
                       lateNow.values + QVariantList{filter.period.fromText(), filter.period.toText()} + scope.values);
    if (!late.ok())
        return late.error();
    while (late->next()) {
        const int i = index.value(late->value(0).toLongLong(), -1);
        if (i >= 0)
            out.partners[i].late = late->value(1).toInt();
    }
    auto overrides = db.scalar(u"SELECT count(*) FROM referrals r WHERE r.override_ground IS NOT NULL AND r.sent_on >= ? AND r.sent_on <= ?"
                               " AND %1"_s.arg(scope.sql),
                               QVariantList{filter.period.fromText(), filter.period.toText()} + scope.values);
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
    // On each level now and stalled: openNowFigures, in one walk with the buurten's open and late.
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
        : [&registry, &filter]() {
              // The whole UTC days from the day counts, the edges of the Dutch days from the steps.
              const CountSources::Source counted = CountSources::escalationSteps(filter.period.stepBounds());
              return registry.db().run(u"SELECT x.niveau, x.omhoog, sum(x.n) FROM %1 x GROUP BY x.niveau, x.omhoog"_s.arg(counted.sql),
                                       counted.values);
          }();
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
