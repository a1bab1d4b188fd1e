#pragma once
// What the steering group reads on a PostgreSQL server: figures, never a row. Its group role has
// no grant on casework tables nor on the exact day counts; it reads one function that counts
// for a period with the owner's rights and gives every count from 1 to 4 as NULL with a
// "verborgen" mark, so the exact small value never leaves the server, and hides as "x" whatever
// the sums of its own rows would give a hidden count away by (SteeringProtection: a member may
// call it with psql, past the app's own protection); and a view of the activities (events, not
// residents). PostgreSQL only; the SQL lives here.
//
// A view cannot take a period, and counts for a period cannot be summed from suppressed counts
// per day, so the figures come from a set-returning SECURITY DEFINER function with the period as
// parameters. Its rows are long: (cijfer, sleutel1, sleutel2, aantal, verborgen, waarde, beschermd).

#include <QString>
#include <QStringList>

namespace bs::SteeringViews {

// The functions, the view and their grants, and the revoke of the day counts: run as the owner
// role by `server init`, after the tables and the grants of the other roles.
QStringList statements();

// One row, true when the registry's server has the steering group's function (`server init` made
// it; a database built by `init` alone has no group roles to keep apart).
QString installedQuery();

// The call of the figures, with ten values bound in this order: the period's from and to
// (dates), the previous period's from and to, the period's start and end timestamps (UTC, end
// exclusive), the buurt id (or NULL), the theme code (or NULL), today (a date) and the ids of a
// selection of buurten as an array ("{3,7}", or NULL), whose totals and rest come as
// 'selectie_…' and 'selectie_rest_…'.
// Columns: cijfer, sleutel1, sleutel2, aantal (NULL when hidden), verborgen, waarde (a median,
// only over 5 or more; for a rising trend its position in the list), beschermd (hidden as "x":
// any count, hidden because the sums could otherwise give a small one away; the server protects
// its rows itself, see SteeringProtection).
QString figuresQuery();

// The success factors' counts for one period: signals per source (cijfer 'bron', sleutel1 the
// source) and the median handling time of FIXIE and police meldingen ('afhandeltijd'), with the
// same columns and marks as the figures. Bound: from, to, buurt id (or NULL).
QString indicatorsQuery();

// The activities without their titles, budgets or authors, for the steering group.
QString activitiesSource();

}  // namespace bs::SteeringViews
