#include "ReportSummary.h"

#include "domain/DutchLocale.h"
#include "stats/Disclosure.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace bs::ReportSummary {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("bs::ReportSummary", text);  // the context lupdate gives this namespace
}

QString count(double n)
{
    return dutchLocale().toString(int(std::lround(n)));
}

QString percent(double pct)
{
    return (pct > 0 ? u"+"_s : QString()) + dutchLocale().toString(pct, 'f', 0) + u" %"_s;
}

// "12 more than in the previous period (+55 %)": both counts are shown, so the difference is too.
QString changeWords(double now, double before)
{
    const double difference = now - before;
    if (difference == 0)
        return tr("as many as in the previous period");
    QString words = difference > 0 ? tr("%1 more than in the previous period").arg(count(difference))
                                   : tr("%1 fewer than in the previous period").arg(count(-difference));
    if (before > 0)
        words += u" (%1)"_s.arg(percent(100.0 * difference / before));
    return words;
}

// The theme with the most signals in the buurt, when that can be said: every theme figure is
// shown, or the hidden ones are all "<5" (1 to 4) and the largest shown is at least 5. An "x"
// may hide any number, so a buurt with one gets no main theme.
QString mainTheme(const Published& pub, const PublishedBuurt& buurt)
{
    QString best;
    double most = 0;
    bool tie = false;
    for (const QString& theme : pub.themes) {
        const Figure figure = buurt.byTheme.value(theme);
        if (figure.mark == Figure::Mark::Protected || figure.mark == Figure::Mark::Withheld)
            return {};
        if (!figure.shown())
            continue;
        if (figure.value > most) {
            most = figure.value;
            best = theme;
            tie = false;
        } else if (figure.value == most) {
            tie = true;
        }
    }
    if (best.isEmpty() || tie || most < Disclosure::threshold)
        return {};
    return pub.themeNames.value(best, best);
}

}  // namespace

Summary tell(const Published& pub)
{
    Summary summary;
    QStringList& out = summary.neighbourhoods;
    if (pub.signalCount.shown() && pub.previousSignalCount.shown()) {
        summary.municipality = tr("In total %1 signals, %2.").arg(count(pub.signalCount.value), changeWords(pub.signalCount.value, pub.previousSignalCount.value));
    }
    QList<const PublishedBuurt*> told;
    bool leftOut = false;
    for (const PublishedBuurt& b : pub.buurten) {
        if (!b.total.shown() || !b.previous.shown()) {
            leftOut = true;  // telling its change would tell a hidden count
            continue;
        }
        if (b.total.value != b.previous.value)
            told << &b;
    }
    std::stable_sort(told.begin(), told.end(), [](const PublishedBuurt* a, const PublishedBuurt* b) {
        return std::abs(a->total.value - a->previous.value) > std::abs(b->total.value - b->previous.value);
    });
    told = told.mid(0, largestChanges);
    for (const PublishedBuurt* b : told) {
        QString sentence = tr("%1: %2 signals, %3").arg(b->buurt, count(b->total.value), changeWords(b->total.value, b->previous.value));
        if (const QString theme = mainTheme(pub, *b); !theme.isEmpty())
            sentence += tr(", mostly %1").arg(theme);
        out << sentence + u'.';
    }
    if (told.isEmpty()) {
        out << (leftOut ? tr("No change per neighbourhood can be described without giving away counts below %1.").arg(Disclosure::threshold)
                        : tr("No neighbourhood changed against the previous period."));
    }
    return summary;
}

}  // namespace bs::ReportSummary
