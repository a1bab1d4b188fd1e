#pragma once
// The figures of the dashboard, the `stats` command and the steering-group report, computed in
// one place from the registry. Signals count by observation date and by the buurt and category
// they have now; referrals by the date they were sent; escalation steps by the date of the step;
// open and late counts are as of today.

#include "Result.h"
#include "stats/Period.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace bs {

class Registry;

// A count from 1 to 4 that the server did not give: the steering group on a server reads figures
// whose small counts never leave the server (core/storage/SteeringViews).
constexpr int hiddenCount = -1;
// Any count the server did not give because it could give a hidden one away ("x"): the server
// protects its own figures, so a steering member calling its function directly learns no more.
constexpr int protectedCount = -2;
// A count the server kept, either way.
constexpr bool unknownCount(int value)
{
    return value == hiddenCount || value == protectedCount;
}

struct StatsFilter {
    Period period;
    QString buurt;  // name; empty: the whole municipality
    QString theme;  // T1..T4; empty: all themes
};

struct BuurtFigures {
    qint64 buurtId = 0;
    QString buurt;
    std::optional<int> population;
    QMap<QString, int> byTheme;  // theme code -> signals in the period
    int total = 0;
    int previousTotal = 0;
    std::optional<double> per1000;  // only where the population is known
    int open = 0;  // as of today
    int late = 0;
};

struct MonthFigures {
    QString month;  // YYYY-MM
    QMap<QString, int> byTheme;
};

struct PartnerFigures {
    QString partner;
    bool formal = true;
    int sent = 0;
    int accepted = 0;   // ever accepted: geaccepteerd or afgerond (or withdrawn after acceptance)
    int completed = 0;  // afgerond
    int rejected = 0;
    int withdrawn = 0;
    int open = 0;
    int late = 0;
    int closed = 0;      // afgerond, afgewezen or ingetrokken
    int loopClosed = 0;  // closed with feedback or a coded rejection reason
    std::optional<double> closedLoopRate;        // loopClosed / closed, 0..1
    std::optional<double> medianDaysToAccept;    // calendar days
    std::optional<double> medianDaysToComplete;  // calendar days from sending
    QMap<QString, int> rejectionReasons;
};

struct LevelFigures {
    int level = 0;
    QString name;
    int current = 0;    // open signals on this level now
    int stalled = 0;    // of which longer than the level's term
    int stepsUp = 0;    // steps up to this level in the period
    int stepsDown = 0;  // steps down to this level in the period
};

struct ActivityFigures {
    QString kind;
    int count = 0;
    int participants = 0;
    int selfOrganised = 0;
};

struct TrendSignal {
    QString buurt;
    QString category;
    QString categoryName;
    int count = 0;
    int previous = 0;
    double growthPct = 0;              // vs the previous period in this buurt
    double municipalityGrowthPct = 0;  // same category, whole municipality
    int municipalityCount = 0;         // the counts behind municipalityGrowthPct
    int municipalityPrevious = 0;
};

struct Statistics {
    StatsFilter filter;
    Period previous;  // compared with: day for day while the period still runs (Period::comparedWith)
    Period elapsed;   // the days of the period that have passed; the whole period once it is over
    QString today;
    int signalCount = 0;
    int previousSignalCount = 0;
    int openNow = 0;
    int lateNow = 0;
    QStringList themes;  // codes in order
    QMap<QString, QString> themeNames;
    QList<BuurtFigures> buurten;
    QList<MonthFigures> months;
    QList<PartnerFigures> partners;
    QList<LevelFigures> levels;
    QList<TrendSignal> trends;
    QList<ActivityFigures> activities;
    int overrides = 0;  // referrals sent in the period sharing subject data without consent, on a recorded ground

    // Read through the server's steering-group figures: every count from 1 to 4 is hiddenCount,
    // and the totals and differences the app cannot add up itself (a part is hidden) come from
    // the server, as "figure|key1|key2" (a partner by name, a buurt by id, a level by number).
    bool fromServer = false;
    QHash<QString, int> serverCounts;
    QMap<QString, int> rejectionReasons;  // all partners together; from the server only
    // The server's count, or `fallback` when it gave none (a file, or a row without signals).
    int serverCount(const QString& figure, const QString& key1 = {}, const QString& key2 = {}, int fallback = 0) const
    {
        return serverCounts.value(figure + u'|' + key1 + u'|' + key2, fallback);
    }
};

namespace Stats {

constexpr int minimumTrendCount = 5;

// `selection`: the buurten a report shows of all (Publication's onlyBuurten); read through the
// server's steering-group figures, their totals come from the server too.
Result<Statistics> compute(Registry& registry, const StatsFilter& filter, const QStringList& selection = {});

// The rows the signal figures have, also without signals: the themes, every buurt of the filter
// (with `index` from buurt id to row) and every month of the period. Refuses an unknown theme.
Status frame(Registry& registry, const StatsFilter& filter, Statistics& out, QHash<qint64, int>& index);

// The parts, for the dashboard's charts and the benchmark.
Status signalFigures(Registry& registry, const StatsFilter& filter, Statistics& out);
Status referralFigures(Registry& registry, const StatsFilter& filter, Statistics& out);
Status escalationFigures(Registry& registry, const StatsFilter& filter, Statistics& out);
// As of today, after signalFigures and escalationFigures: open and late per buurt, on each level
// and stalled, from the open signals counted by their terms (signal_open_terms; for one theme, a
// walk over the open signals themselves).
Status openNowFigures(Registry& registry, const StatsFilter& filter, Statistics& out);
Status trendFigures(Registry& registry, const StatsFilter& filter, Statistics& out);
Status activityFigures(Registry& registry, const StatsFilter& filter, Statistics& out);

std::optional<double> median(QList<qint64> values);
// The same median from counts per value (value -> how many): what a histogram of days gives.
std::optional<double> weightedMedian(const QMap<qint64, int>& counts);

}  // namespace Stats
}  // namespace bs
