// Signal figures: per buurt and theme (absolute and per 1,000 inhabitants), per month, and the
// open and late counts of today; plus rising categories (the signaleringsfunctie).
#include "Registry.h"
#include "services/Lookups.h"
#include "services/OpenAndLate.h"
#include "stats/Statistics.h"
#include "stats/SteeringFigures.h"
#include "storage/SteeringViews.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bs::Stats {

namespace {

Status knownTheme(const QString& theme)
{
    static const QStringList themes = {u"T1"_s, u"T2"_s, u"T3"_s, u"T4"_s};
    if (!themes.contains(theme))
        return Error::invalid(u"theme"_s, u"Onbekend thema '%1'. Toegestaan: T1, T2, T3, T4."_s.arg(theme));
    return {};
}

struct Where {
    QString sql;
    QVariantList values;
};

struct Statement {
    QString sql;
    QVariantList values;
};

// Conditions for the buurt and theme of the filter, on table alias `table` (signals `s` or the
// day counts `d`) joined with categories `c`.
Result<Where> scope(Registry& registry, const StatsFilter& filter, const QString& table)
{
    Where where;
    if (!filter.buurt.isEmpty()) {
        auto buurt = Lookups::findBuurt(registry, filter.buurt);
        if (!buurt.ok())
            return buurt.error();
        where.sql += u" AND %1.buurt_id = ?"_s.arg(table);
        where.values << buurt->id;
    }
    if (!filter.theme.isEmpty()) {
        BS_TRY(knownTheme(filter.theme));
        where.sql += u" AND c.theme_code = ?"_s;
        where.values << filter.theme;
    }
    return where;
}

}  // namespace

std::optional<double> median(QList<qint64> values)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? double(values.at(n / 2)) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

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

Status frame(Registry& registry, const StatsFilter& filter, Statistics& out, QHash<qint64, int>& index)
{
    if (!filter.theme.isEmpty())
        BS_TRY(knownTheme(filter.theme));
    auto themes = registry.db().run(u"SELECT code, name FROM themes ORDER BY sort_order"_s);
    if (!themes.ok())
        return themes.error();
    while (themes->next()) {
        out.themes << themes->value(0).toString();
        out.themeNames.insert(themes->value(0).toString(), themes->value(1).toString());
    }

    // Every buurt is listed, also those without signals: an empty buurt is a figure too.
    auto buurten = Lookups::buurten(registry);
    if (!buurten.ok())
        return buurten.error();
    for (const Buurt& b : buurten.value()) {
        if (!filter.buurt.isEmpty() && b.name.compare(filter.buurt, Qt::CaseInsensitive) != 0 && b.cbsCode != filter.buurt)
            continue;
        index.insert(b.id, int(out.buurten.size()));
        out.buurten << BuurtFigures{b.id, b.name, b.population, {}, 0, 0, std::nullopt, 0, 0};
    }
    for (QDate month(filter.period.from.year(), filter.period.from.month(), 1); month <= filter.period.to; month = month.addMonths(1))
        out.months << MonthFigures{month.toString(u"yyyy-MM"_s), {}};
    return {};
}

Status signalFigures(Registry& registry, const StatsFilter& filter, Statistics& out)
{
    auto where = scope(registry, filter, u"d"_s);
    if (!where.ok())
        return where.error();
    Database& db = registry.db();
    QHash<qint64, int> index;
    BS_TRY(frame(registry, filter, out, index));

    // Counted from the monthly roll-ups and the day counts of partial months: a few thousand rows
    // for a year instead of the signals themselves.
    auto grouped = [&where](const Period& period) {
        const CountSources::Source counts = CountSources::signalCounts(period.countBounds());
        return Statement{u"SELECT d.buurt_id, c.theme_code, sum(d.signals) FROM %1 d JOIN categories c ON c.code = d.category_code"
                         " WHERE d.signals > 0%2 GROUP BY d.buurt_id, c.theme_code"_s.arg(counts.sql, where->sql),
                         counts.values + where->values};
    };
    const Statement now = grouped(filter.period);
    auto current = db.run(now.sql, now.values);
    if (!current.ok())
        return current.error();
    while (current->next()) {
        const int i = index.value(current->value(0).toLongLong(), -1);
        if (i < 0)
            continue;
        const int n = current->value(2).toInt();
        out.buurten[i].byTheme[current->value(1).toString()] += n;
        out.buurten[i].total += n;
        out.signalCount += n;
    }
    const Statement before = grouped(out.previous);
    auto previous = db.run(before.sql, before.values);
    if (!previous.ok())
        return previous.error();
    while (previous->next()) {
        const int i = index.value(previous->value(0).toLongLong(), -1);
        if (i < 0)
            continue;
        out.buurten[i].previousTotal += previous->value(2).toInt();
        out.previousSignalCount += previous->value(2).toInt();
    }
    for (BuurtFigures& b : out.buurten) {
        if (b.population && *b.population > 0)
            b.per1000 = 1000.0 * b.total / *b.population;
    }

    // Per month, by theme.
    const CountSources::Source counts = CountSources::signalCounts(filter.period.countBounds());
    auto months = db.run(u"SELECT d.maand, c.theme_code, sum(d.signals) FROM %1 d JOIN categories c ON c.code = d.category_code"
                         " WHERE d.signals > 0%2 GROUP BY d.maand, c.theme_code ORDER BY 1"_s.arg(counts.sql, where->sql),
                         counts.values + where->values);
    if (!months.ok())
        return months.error();
    while (months->next()) {
        for (MonthFigures& m : out.months) {
            if (m.month == months->value(0).toString())
                m.byTheme[months->value(1).toString()] += months->value(2).toInt();
        }
    }

    return {};
}

Status openNowFigures(Registry& registry, const StatsFilter& filter, Statistics& out)
{
    auto openWhere = scope(registry, filter, u"s"_s);
    if (!openWhere.ok())
        return openWhere.error();
    QHash<qint64, int> index;
    for (int i = 0; i < out.buurten.size(); ++i)
        index.insert(out.buurten.at(i).buurtId, i);
    const QDate today = registry.clock().today();
    Database& db = registry.db();
    // Without a theme: summed from signal_open_terms (schema 15), a few thousand rows kept by
    // triggers. A signal is late when the earliest of its terms has passed, stalled when its
    // escalation term has: the same conditions as OpenAndLate's, on the days the roll-up keeps.
    const QString day = today.toString(Qt::ISODate);
    QString sql = u"SELECT s.buurt_id, s.escalation_level, sum(s.signals), sum(CASE WHEN s.late_after < ? THEN s.signals ELSE 0 END),"
                  " sum(CASE WHEN s.level_due_on < ? THEN s.signals ELSE 0 END)"
                  " FROM signal_open_terms s WHERE 1 = 1%1 GROUP BY s.buurt_id, s.escalation_level"_s.arg(openWhere->sql);
    QVariantList values = QVariantList{day, day} + openWhere->values;
    if (!filter.theme.isEmpty()) {
        // With a theme: one walk over the open signals (the partial index signals_open) for both
        // the buurten (open, late) and the ladder (on each level, stalled).
        const SqlCondition late = OpenAndLate::termsPassed(u"s"_s, today);
        const SqlCondition stalled = OpenAndLate::levelTermPassed(u"s"_s, today);
        sql = u"SELECT s.buurt_id, s.escalation_level, count(*), sum(CASE WHEN %3 THEN 1 ELSE 0 END),"
              " sum(CASE WHEN %5 THEN 1 ELSE 0 END)"
              " FROM signals s%2 JOIN categories c ON c.code = s.category_code"
              " WHERE %4%1 GROUP BY s.buurt_id, s.escalation_level"_s
                  .arg(openWhere->sql, db.dialect().useIndex(u"signals_open"_s), late.sql, OpenAndLate::signalOpen(u"s"_s), stalled.sql);
        values = late.values + stalled.values + openWhere->values;
    }
    auto open = db.run(sql, values);
    if (!open.ok())
        return open.error();
    while (open->next()) {
        const int count = open->value(2).toInt();
        const int i = index.value(open->value(0).toLongLong(), -1);
        if (i >= 0) {  // a buurt shown in the figures
            out.buurten[i].open += count;
            out.buurten[i].late += open->value(3).toInt();
            out.openNow += count;
            out.lateNow += open->value(3).toInt();
        }
        const int level = open->value(1).toInt();
        if (level >= 0 && level < out.levels.size()) {
            out.levels[level].current += count;
            out.levels[level].stalled += open->value(4).toInt();
        }
    }
    return {};
}

Status trendFigures(Registry& registry, const StatsFilter& filter, Statistics& out)
{
    // Per buurt and category in both periods; the municipality's growth per category is the
    // yardstick, so a category that rises everywhere is not news for one buurt.
    const QString grouped = u"SELECT b.name, d.category_code, c.name, sum(d.signals) FROM %1 d"
                            " JOIN buurten b ON b.id = d.buurt_id JOIN categories c ON c.code = d.category_code"
                            " WHERE (coalesce(CAST(? AS TEXT), '') = '' OR c.theme_code = ?) GROUP BY b.name, d.category_code, c.name"_s;
    QHash<QString, QPair<int, int>> cell;      // buurt|category -> (now, before)
    QHash<QString, QPair<int, int>> category;  // category -> (now, before)
    QHash<QString, QString> names;
    for (int pass = 0; pass < 2; ++pass) {
        const Period& p = pass == 0 ? filter.period : out.previous;
        const CountSources::Source counts = CountSources::signalCounts(p.countBounds());
        auto rows = registry.db().run(grouped.arg(counts.sql), counts.values + QVariantList{filter.theme, filter.theme});
        if (!rows.ok())
            return rows.error();
        while (rows->next()) {
            const QString key = rows->value(0).toString() + u'|' + rows->value(1).toString();
            const int n = rows->value(3).toInt();
            names.insert(rows->value(1).toString(), rows->value(2).toString());
            (pass == 0 ? cell[key].first : cell[key].second) += n;
            (pass == 0 ? category[rows->value(1).toString()].first : category[rows->value(1).toString()].second) += n;
        }
    }
    auto growth = [](int now, int before) { return before == 0 ? (now > 0 ? 100.0 : 0.0) : 100.0 * (now - before) / before; };
    for (auto it = cell.cbegin(); it != cell.cend(); ++it) {
        const QString buurt = it.key().section(u'|', 0, 0);
        const QString code = it.key().section(u'|', 1, 1);
        if (!filter.buurt.isEmpty() && buurt.compare(filter.buurt, Qt::CaseInsensitive) != 0)
            continue;
        const auto [now, before] = it.value();
        const double buurtGrowth = growth(now, before);
        const double cityGrowth = growth(category.value(code).first, category.value(code).second);
        if (now >= minimumTrendCount && now > before && buurtGrowth > cityGrowth)
            out.trends << TrendSignal{buurt, code, names.value(code), now, before, buurtGrowth, cityGrowth,
                                      category.value(code).first, category.value(code).second};
    }
    std::sort(out.trends.begin(), out.trends.end(), [](const TrendSignal& a, const TrendSignal& b) {
        if (a.growthPct - a.municipalityGrowthPct != b.growthPct - b.municipalityGrowthPct)
            return a.growthPct - a.municipalityGrowthPct > b.growthPct - b.municipalityGrowthPct;
        return a.buurt + a.category < b.buurt + b.category;
    });
    return {};
}

Status activityFigures(Registry& registry, const StatsFilter& filter, Statistics& out)
{
    QVariant buurtId;
    if (!filter.buurt.isEmpty()) {
        auto buurt = Lookups::findBuurt(registry, filter.buurt);
        if (!buurt.ok())
            return buurt.error();
        buurtId = buurt->id;
    }
    auto steering = readsSteeringFigures(registry);
    if (!steering.ok())
        return steering.error();
    const QString source = steering.value() ? SteeringViews::activitiesSource() : u"activities"_s;
    auto rows = registry.db().run(u"SELECT kind, count(*), sum(participants), sum(self_organised) FROM %1 WHERE held_on >= ?"
                                  " AND held_on <= ? AND (CAST(? AS INTEGER) IS NULL OR buurt_id = ?) GROUP BY kind ORDER BY kind"_s.arg(source),
                                  {filter.period.fromText(), filter.period.toText(), buurtId, buurtId});
    if (!rows.ok())
        return rows.error();
    while (rows->next()) {
        out.activities << ActivityFigures{rows->value(0).toString(), rows->value(1).toInt(), rows->value(2).toInt(),
                                          rows->value(3).toInt()};
    }
    return {};
}

Result<Statistics> compute(Registry& registry, const StatsFilter& filter, const QStringList& selection)
{
    Statistics out;
    out.filter = filter;
    const QDate today = registry.clock().today();
    out.previous = filter.period.comparedWith(today);
    out.elapsed = filter.period.elapsed(today);
    out.today = registry.clock().today().toString(Qt::ISODate);
    auto steering = readsSteeringFigures(registry);
    if (!steering.ok())
        return steering.error();
    if (steering.value()) {
        BS_TRY(steeringFigures(registry, filter, out, selection));
    } else {
        BS_TRY(signalFigures(registry, filter, out));
        BS_TRY(referralFigures(registry, filter, out));
        BS_TRY(escalationFigures(registry, filter, out));
        BS_TRY(openNowFigures(registry, filter, out));
        BS_TRY(trendFigures(registry, filter, out));
    }
    BS_TRY(activityFigures(registry, filter, out));
    return out;
}

}  // namespace bs::Stats
