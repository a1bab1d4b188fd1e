#pragma once
// Figures of the team's casework for the coordinator: open signals per handler, open signals
// without a handler, and journal contacts per kind in a period. Exact counts about named
// colleagues, so they stay inside the team: kept apart from Statistics, which the steering-group
// report and its small-count protection are built from, and read only with the coordinator's right.

#include "Result.h"
#include "stats/Period.h"

#include <QList>
#include <QMap>
#include <QString>

namespace bs {

class Registry;

struct HandlerLoad {
    QString login;
    QString name;
    int open = 0;
    int late = 0;
    int followUpDue = 0;  // follow-up date today or earlier
};

struct CaseworkFigures {
    QList<HandlerLoad> handlers;  // every active handler, also those with nothing open
    int openWithoutHandler = 0;
    QMap<QString, int> contactsByKind;  // journal entries that happened in the period, per kind
    int contacts = 0;
};

namespace Stats {
Result<CaseworkFigures> casework(Registry& registry, const Period& period);
}

}  // namespace bs
