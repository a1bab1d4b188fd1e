#pragma once
// The server's own secondary suppression of the steering group's figures. Primary suppression
// alone (every count from 1 to 4 as NULL) is not enough for a member who calls the function with
// psql: a buurt's total minus its shown cells gives the one hidden cell back. So the function
// protects its whole output as the app's Publication protects what it prints: the same Ledger
// algorithm (core/stats/Disclosure.cpp), ported to PL/pgSQL, over every sum a reader can form
// from the rows it returns. PostgreSQL only; the SQL lives here.
//
// Why a port and not a simpler rule: a simple rule that is provably safe against the
// bounds-propagating reader (for instance "hide every member of a sum that has a hidden member")
// spreads through the totals the tables share and hides nearly everything; the Ledger hides one
// neighbour at a time and checks the result as the reader attacks it, so the steering group
// keeps its figures.

#include <QString>

namespace bs::SteeringProtection {

// CREATE FUNCTION stuurgroep_bescherm(waarden, totalen, begin, leden): the Ledger's protect() on
// counts (1-based) and sums (sum k: total totalen[k], addends leden[begin[k] .. begin[k+1]-1]),
// giving per count 0 (shown), 1 ("<5") or 2 ("x"). Pure: it reads no table.
QString functionSql();
QString functionSignature();

// CTEs over `cel` (id, cijfer, sleutel1, sleutel2, aantal: every figure row before suppression,
// numbered) that end in `bescherming` (id, teken): the mark of each row. To follow the CTEs of
// the figures function; uses its parameter p_selectie.
QString markingParts();

}  // namespace bs::SteeringProtection
