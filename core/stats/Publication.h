#pragma once
// Turns the computed figures into published figures: the one step between Stats and every place
// that shows figures (the report, the dashboard, `stats`). In protected mode every count from 1
// to 4 becomes "<5", counts that a sum would give away become "x", and every derived figure (a
// change in %, a rate per 1,000, a closed-loop rate, a median or average) whose inputs include a
// hidden count, or that is taken over fewer than 5 items, becomes "–". The steering group sees
// only protected figures; workers and coordinators see exact ones. Renderers never suppress on
// their own: they print what this step gives them.

#include "access/Access.h"
#include "stats/Indicators.h"
#include "stats/Statistics.h"

#include <QJsonValue>
#include <QMap>

namespace bs {

// A figure as the reader may see it.
struct Figure {
    enum class Mark {
        Value,      // shown as it is
        Small,      // a count from 1 to 4: "<5"
        Protected,  // hidden so that a small count cannot be worked out from a sum: "x"
        Withheld,   // a derived figure left out: its inputs include a hidden count, or too few items: "–"
    };
    double value = 0;
    Mark mark = Mark::Value;

    bool shown() const { return mark == Mark::Value; }
    // Dutch notation with `decimals` decimals (a count: 0), or the mark's sign.
    QString text(int decimals = 0) const;
    // A number when shown; otherwise the mark's sign as a string, so no hidden value leaves.
    QJsonValue json() const;

    static Figure exact(double value) { return {value, Mark::Value}; }
    static Figure withheld() { return {0, Mark::Withheld}; }
};

struct PublishedBuurt {
    QString buurt;
    std::optional<int> population;
    QMap<QString, Figure> byTheme;
    Figure total;
    Figure previous;
    Figure per1000;  // withheld also where the population is unknown
    Figure open;
    Figure late;
};

struct PublishedMonth {
    QString month;  // YYYY-MM
    QMap<QString, Figure> byTheme;
    Figure total;
};

struct PublishedPartner {
    QString partner;
    bool formal = true;
    Figure sent, accepted, completed, rejected, withdrawn, open, late, closed, loopClosed;
    Figure closedLoopRate;  // 0..1
    Figure medianDaysToAccept;
    Figure medianDaysToComplete;
    QMap<QString, Figure> rejectionReasons;
};

struct PublishedLevel {
    int level = 0;
    QString name;
    Figure current, stalled, stepsUp, stepsDown;
};

struct PublishedTrend {
    QString buurt;
    QString category;
    QString categoryName;
    Figure count, previous, growthPct, municipalityGrowthPct;
};

struct PublishedIndicator {
    IndicatorFigure source;  // code, label, target and note; its value fields are not for printing
    Figure value;
    Figure previous;
    QString status;  // a status code, or empty when it would follow from a hidden figure
};

struct Published {
    bool isProtected = false;
    StatsFilter filter;
    Period elapsed;
    Period previous;
    QString today;
    QStringList themes;
    QMap<QString, QString> themeNames;

    // Key figures.
    Figure signalCount, previousSignalCount, signalChangePct, openNow, lateNow;
    Figure referralsSent, referralsClosed, referralsLoopClosed, closedLoopRate, overrides;
    Figure stepsUp, stalled;

    QList<PublishedBuurt> buurten;  // only those asked for (the report may show a selection)
    bool everyBuurt = true;
    Figure selectedOpen, selectedLate;  // open and late in the selected buurten (a selection only)
    QMap<QString, Figure> themeTotals;
    Figure buurtTotal;          // the corner of the buurt table
    Figure previousBuurtTotal;  // the total of its previous-period column
    QList<PublishedMonth> months;
    QList<PublishedPartner> partners;  // those with referrals in the period, most first
    Figure partnerSent, partnerAccepted, partnerCompleted, partnerRejected;
    QMap<QString, Figure> rejectionReasons;  // all partners together
    QList<PublishedLevel> levels;
    Figure levelCurrent, levelStalled, levelStepsUp, levelStepsDown;
    QList<PublishedTrend> trends;
    QList<ActivityFigures> activities;  // events, not residents: shown as they are
    QList<PublishedIndicator> indicators;

    // The computed figures with every count that is not shown set to 0, for the charts.
    Statistics forCharts;
};

namespace Publication {

enum class Mode { Exact, Protected };

// Those who may see the signals themselves get exact figures; the steering group (and anyone
// without a role) protected ones.
Mode modeFor(Role role);

// `onlyBuurten` narrows the buurt table (and its totals) to those names; empty: every buurt.
Published publish(const Statistics& stats, const QList<IndicatorFigure>& indicators, Mode mode,
                  const QStringList& onlyBuurten = {});

// The sentence that explains the marks, for under a table or at the end of a text report.
QString legend();

}  // namespace Publication
}  // namespace bs
