#include "SteeringFigures.h"

#include "Registry.h"
#include "access/Access.h"
#include "services/Lookups.h"
#include "storage/SteeringViews.h"

#include <algorithm>

#include <QHash>

using namespace Qt::StringLiterals;

namespace bs::Stats {

namespace {

struct Row {
    QString figure;
    QString key1;
    QString key2;
    int count = 0;  // hiddenCount or protectedCount when the server kept it
    std::optional<double> value;
};

const QStringList& partnerFigures()
{
    static const QStringList figures = {u"verwezen"_s, u"geaccepteerd"_s, u"afgerond"_s, u"afgewezen"_s, u"laat_verwezen"_s,
                                        u"verwezen_overig"_s, u"geaccepteerd_lopend"_s, u"verwezen_rest"_s, u"gesloten"_s,
                                        u"lus_gesloten"_s, u"gesloten_zonder_lus"_s, u"mediaan_accepteren"_s, u"mediaan_afronden"_s};
    return figures;
}

std::optional<double> growth(int now, int before)
{
    if (unknownCount(now) || unknownCount(before))
        return std::nullopt;
    return before == 0 ? (now > 0 ? 100.0 : 0.0) : 100.0 * (now - before) / before;
}

}  // namespace

Result<bool> readsSteeringFigures(Registry& registry)
{
    if (!registry.db().isServer())
        return false;
    auto role = Access::role(registry);
    if (!role.ok())
        return role.error();
    if (Access::allows(role.value(), Permission::ViewSignals))
        return false;
    auto installed = registry.db().scalar(SteeringViews::installedQuery());
    if (!installed.ok())
        return installed.error();
    return installed.value().toBool();
}

Status steeringFigures(Registry& registry, const StatsFilter& filter, Statistics& out, const QStringList& selection)
{
    QStringList selectionIds;
    for (const QString& name : selection) {
        auto buurt = Lookups::findBuurt(registry, name);
        if (!buurt.ok())
            return buurt.error();
        selectionIds << QString::number(buurt->id);
    }
    QHash<qint64, int> buurtIndex;
    BS_TRY(frame(registry, filter, out, buurtIndex));
    QVariant buurtId;
    if (!filter.buurt.isEmpty()) {
        auto buurt = Lookups::findBuurt(registry, filter.buurt);
        if (!buurt.ok())
            return buurt.error();
        buurtId = buurt->id;
    }
    auto partners = Lookups::partners(registry);
    if (!partners.ok())
        return partners.error();
    QHash<QString, int> partnerIndex;  // by id, as the server gives it
    for (const Partner& p : partners.value()) {
        partnerIndex.insert(QString::number(p.id), int(out.partners.size()));
        PartnerFigures figures;
        figures.partner = p.name;
        figures.formal = p.formal;
        out.partners << figures;
    }
    auto levels = Lookups::escalationLevels(registry);
    if (!levels.ok())
        return levels.error();
    for (const EscalationLevel& l : levels.value())
        out.levels << LevelFigures{l.level, l.name, 0, 0, 0, 0};
    QHash<QString, QString> categoryNames;
    auto categories = registry.db().run(u"SELECT code, name FROM categories"_s);
    if (!categories.ok())
        return categories.error();
    while (categories->next())
        categoryNames.insert(categories->value(0).toString(), categories->value(1).toString());

    out.fromServer = true;
    auto rows = registry.db().run(SteeringViews::figuresQuery(),
                                  {filter.period.fromText(), filter.period.toText(), out.previous.fromText(), out.previous.toText(),
                                   filter.period.startTimestamp(), filter.period.endTimestamp(), buurtId,
                                   filter.theme.isEmpty() ? QVariant() : QVariant(filter.theme), registry.clock().today().toString(Qt::ISODate),
                                   selectionIds.isEmpty() ? QVariant() : QVariant(u'{' + selectionIds.join(u',') + u'}')});
    if (!rows.ok())
        return rows.error();
    QHash<QString, TrendSignal> trends;  // buurt|category
    QHash<QString, double> trendOrder;
    while (rows->next()) {
        const int kept = rows->value(6).toBool() ? protectedCount : hiddenCount;
        Row r{rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString(),
              rows->value(4).toBool() ? kept : rows->value(3).toInt(), std::nullopt};
        if (!rows->value(5).isNull())
            r.value = rows->value(5).toDouble();
        const bool total = r.key1.isEmpty();
        const int buurt = total ? -1 : buurtIndex.value(r.key1.toLongLong(), -1);
        const bool ofPartner = partnerFigures().contains(r.figure);
        const int partner = ofPartner ? partnerIndex.value(r.key1, -1) : -1;
        const int level = total ? -1 : r.key1.toInt();
        const bool isLevel = level >= 0 && level < out.levels.size() && r.figure.startsWith(u"niveau"_s);
        // Publication knows a partner by name.
        out.serverCounts.insert(r.figure + u'|' + (partner >= 0 ? out.partners.at(partner).partner : r.key1) + u'|' + r.key2, r.count);

        if (r.figure == u"buurt_thema"_s && buurt >= 0) {
            out.buurten[buurt].byTheme[r.key2] = r.count;
        } else if (r.figure == u"buurt"_s && buurt >= 0) {
            out.buurten[buurt].total = r.count;
        } else if (r.figure == u"totaal"_s) {
            out.signalCount = r.count;
        } else if (r.figure == u"vorige_buurt"_s && buurt >= 0) {
            out.buurten[buurt].previousTotal = r.count;
        } else if (r.figure == u"vorige_totaal"_s) {
            out.previousSignalCount = r.count;
        } else if (r.figure == u"maand_thema"_s) {
            for (MonthFigures& m : out.months) {
                if (m.month == r.key1)
                    m.byTheme[r.key2] = r.count;
            }
        } else if (r.figure == u"open"_s && total) {
            out.openNow = r.count;
        } else if (r.figure == u"open"_s && buurt >= 0) {
            out.buurten[buurt].open = r.count;
        } else if (r.figure == u"laat"_s && total) {
            out.lateNow = r.count;
        } else if (r.figure == u"laat"_s && buurt >= 0) {
            out.buurten[buurt].late = r.count;
        } else if (r.figure.startsWith(u"trend"_s)) {
            TrendSignal& t = trends[r.key1 + u'|' + r.key2];
            t.buurt = r.key1;
            t.category = r.key2;
            t.categoryName = categoryNames.value(r.key2);
            if (r.figure == u"trend"_s) {
                t.count = r.count;
                trendOrder.insert(r.key1 + u'|' + r.key2, r.value.value_or(0));
            } else if (r.figure == u"trend_vorige"_s) {
                t.previous = r.count;
            } else if (r.figure == u"trend_gemeente"_s) {
                t.municipalityCount = r.count;
            } else {
                t.municipalityPrevious = r.count;
            }
        } else if (partner >= 0) {
            // The server's name of each partner count, and where it goes.
            static const QHash<QString, int PartnerFigures::*> partnerCounts = {
                {u"verwezen"_s, &PartnerFigures::sent},           {u"geaccepteerd"_s, &PartnerFigures::accepted},
                {u"afgerond"_s, &PartnerFigures::completed},      {u"afgewezen"_s, &PartnerFigures::rejected},
                {u"laat_verwezen"_s, &PartnerFigures::late},      {u"gesloten"_s, &PartnerFigures::closed},
                {u"lus_gesloten"_s, &PartnerFigures::loopClosed}};
            PartnerFigures& f = out.partners[partner];
            if (const auto count = partnerCounts.constFind(r.figure); count != partnerCounts.cend())
                f.*count.value() = r.count;
            else if (r.figure == u"mediaan_accepteren"_s)
                f.medianDaysToAccept = r.value;
            else if (r.figure == u"mediaan_afronden"_s)
                f.medianDaysToComplete = r.value;
        } else if (r.figure == u"afwijzing"_s) {
            out.rejectionReasons[r.key1] = r.count;
        } else if (r.figure == u"doorbraak"_s) {
            out.overrides = r.count;
        } else if (isLevel) {
            static const QHash<QString, int LevelFigures::*> levelCounts = {
                {u"niveau_open"_s, &LevelFigures::current}, {u"niveau_stil"_s, &LevelFigures::stalled},
                {u"niveau_omhoog"_s, &LevelFigures::stepsUp}, {u"niveau_omlaag"_s, &LevelFigures::stepsDown}};
            if (const auto count = levelCounts.constFind(r.figure); count != levelCounts.cend())
                out.levels[level].*count.value() = r.count;
        }
    }
    for (BuurtFigures& b : out.buurten) {
        if (b.population && *b.population > 0 && !unknownCount(b.total))
            b.per1000 = 1000.0 * b.total / *b.population;
    }
    for (PartnerFigures& f : out.partners) {
        const int withoutLoop = out.serverCount(u"gesloten_zonder_lus"_s, f.partner, {}, hiddenCount);
        if (f.closed > 0 && !unknownCount(f.loopClosed) && !unknownCount(withoutLoop))
            f.closedLoopRate = double(f.loopClosed) / f.closed;
    }
    // Rising trends in the server's order; the yardstick is the whole municipality, the list
    // only the buurt asked for.
    QStringList order = trendOrder.keys();
    std::sort(order.begin(), order.end(), [&](const QString& a, const QString& b) { return trendOrder.value(a) < trendOrder.value(b); });
    for (const QString& key : std::as_const(order)) {
        TrendSignal t = trends.value(key);
        if (!filter.buurt.isEmpty() && t.buurt.compare(filter.buurt, Qt::CaseInsensitive) != 0)
            continue;
        t.growthPct = growth(t.count, t.previous).value_or(0);
        t.municipalityGrowthPct = growth(t.municipalityCount, t.municipalityPrevious).value_or(0);
        out.trends << t;
    }
    return {};
}

}  // namespace bs::Stats
