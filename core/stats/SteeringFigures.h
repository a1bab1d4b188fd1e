#pragma once
// The figures of the steering group on a server, read through the server's own steering-group
// function (core/storage/SteeringViews) instead of the tables it may not read: every count from 1
// to 4 arrives as hiddenCount, every count the server hid to protect one as protectedCount ("x"),
// and the totals and differences the app cannot add up itself come with it; Publication protects
// them further without ever knowing a small count.

#include "Result.h"
#include "stats/Statistics.h"

namespace bs {

class Registry;

namespace Stats {

// True on a server set up by `server init` for a user who may not see signals (the steering
// group): their figures come from the server's function and view.
Result<bool> readsSteeringFigures(Registry& registry);

// Every figure of compute() except the activities, from one call of the server's function; with
// the totals of `selection` (names of buurten) when a report shows only those.
Status steeringFigures(Registry& registry, const StatsFilter& filter, Statistics& out, const QStringList& selection = {});

}  // namespace Stats
}  // namespace bs
