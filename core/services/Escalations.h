#pragma once
// The escalation ladder: stepping a signal up or down, and which signals have stalled (at the same
// level longer than its term, in working days).

#include "Result.h"

#include <QList>
#include <QString>

namespace bs {

class Registry;

struct EscalationStepInfo {
    int fromLevel = 0;
    int toLevel = 0;
    QString trigger;
    QString reason;
    QString at;
    QString by;
};

struct StalledSignal {
    QString reference;
    QString buurt;
    int level = 0;
    QString levelName;
    QString levelSince;
    QString dueOn;
    int workingDaysOver = 0;
};

namespace Escalations {

Status step(Registry& registry, const QString& reference, int toLevel, const QString& trigger, const QString& reason);
Result<QList<EscalationStepInfo>> forSignal(Registry& registry, qint64 signalId);
Result<QList<StalledSignal>> stalled(Registry& registry, int limit = 500);

}  // namespace Escalations
}  // namespace bs
