#pragma once
// Setting up a registry on a PostgreSQL server for a team: the roles, the schema owned by a role
// nobody logs in as, the grants per group role and row-level security, so the database itself
// enforces the access rules of DESIGN.md ("Shared mode"). PostgreSQL only; the SQL lives here.

#include "Clock.h"
#include "Result.h"
#include "storage/Location.h"

#include <QString>
#include <QStringList>

namespace bs {

class Database;

namespace ServerSetup {

// The role that owns every table, view and function. It cannot log in: with FORCE ROW LEVEL
// SECURITY even it only sees rows through its own policy, used by the server's functions.
QString ownerRole();
// The group role of an application role (medewerker, coordinator, stuurgroep, beheerder).
QString groupRole(const QString& role);
QStringList groupRoles();

// `server init`: run as a login that may create roles. Creates the owner and group roles where
// the server has none yet, builds the schema and reference data as the owner, applies grants
// and row-level security, and makes the connecting login the first beheerder. A database that
// already holds a registry (or other tables) is refused with nothing changed.
Status initialise(const ServerAddress& admin, const Clock& clock);

// A person's own login role with the group role of `role` (an application role code), inside the
// caller's transaction. An existing login (e.g. of another registry on the same server) is only
// given the group role. Without `password` the server must authenticate otherwise (peer, LDAP, GSSAPI).
Status createLogin(Database& db, const QString& login, const QString& role, const QString& password);

// The grants and row-level security of a schema at the latest version (run as the owner).
QStringList securityStatements();

}  // namespace ServerSetup
}  // namespace bs
