#pragma once
// The success factors of seed Bijlage 2: computed from the registry where they can be, entered
// per period where they come from outside (FIXIE counts, mutatiegraad, newsletter subscribers),
// notes for the qualitative ones. Each has a value, the previous period's value, a target and a
// status.

#include "Result.h"
#include "stats/Period.h"

#include <QList>
#include <QString>

#include <optional>

namespace bs {

class Registry;

struct IndicatorFigure {
    QString code;
    int group = 0;
    QString label;
    QString measure;     // "registry", "entered" or "qualitative"
    QString scope;       // "buurt" or "municipality"
    QString targetKind;  // relative_change_pct, absolute_per_year, count, none
    std::optional<double> target;
    std::optional<double> value;
    std::optional<double> previous;
    QString note;
    QString status;  // op_koers, niet_op_koers, geen_doel, geen_gegevens
    // For an average or a median: what it is taken over, in words, and over how many items.
    QString basisWords;
    std::optional<int> basis;
    std::optional<int> previousBasis;
    bool countsSignals() const { return code == QStringLiteral("fixie_meldingen") || code == QStringLiteral("politie_meldingen"); }
};

struct IndicatorEntry {
    QString code;
    QString periodFrom;
    QString periodTo;
    QString buurt;  // empty: municipality-wide
    QString value;  // a number, or empty for a note only
    QString note;
};

namespace Indicators {

Result<QList<IndicatorFigure>> compute(Registry& registry, const Period& period, const QString& buurt = {});
// Enters (or replaces) the figure or note of one indicator for one period.
Status enter(Registry& registry, const IndicatorEntry& entry);

// The status rule, apart so it can be tested on its own.
QString status(const QString& targetKind, std::optional<double> target, std::optional<double> value,
               std::optional<double> previous, qint64 periodDays);

}  // namespace Indicators
}  // namespace bs
