#pragma once
// Setting up a registry on a PostgreSQL server for a team: the roles, the schema owned by a role
// nobody logs in as, the grants per group role, row-level security and the server's functions,
// so the database itself enforces the access rules of DESIGN.md ("Shared mode"). PostgreSQL
// only; the SQL lives here (roles and logins), in ServerPolicies.cpp (grants and policies) and in
// ServerFunctions.cpp (the functions that read and write subject data, purge the access log and
// manage logins).

#include "Clock.h"
#include "Result.h"
#include "storage/Location.h"
#include "storage/Migrations.h"

#include <QString>
#include <QStringList>

namespace bs {

class Database;

namespace ServerSetup {

// The role that owns every table, view and function. It cannot log in: with FORCE ROW LEVEL
// SECURITY even it only sees rows through its own policy, used by the server's functions.
QString ownerRole();
// The role, also without login, that may create roles; it owns only manage_login() (see
// ServerFunctions.cpp for why no person gets CREATEROLE).
QString loginManagerRole();
// The group role of an application role (medewerker, coordinator, stuurgroep, beheerder, partner).
QString groupRole(const QString& role);
QStringList groupRoles();
// `statement` run only where `table` exists: the grants are applied as
// they are now also to a registry whose schema is older (tests build those; an upgrade migrates
// first and then applies them again).
QString ifTableExists(const QString& table, const QString& statement);
// `statement` where `table` has `column`, otherwise `otherwise` (if any): a policy that names a
// column of a later schema version.
QString ifColumnExists(const QString& table, const QString& column, const QString& statement, const QString& otherwise = {});

// `server init`: run as a login that may create roles. In one transaction, so a failure leaves
// nothing behind: creates the owner, login-manager and group roles where the server has none yet,
// builds the schema and reference data as the owner, applies grants, row-level security and the
// functions, and makes the connecting login the first beheerder. A database that already holds a
// registry (or other tables) is refused with nothing changed. `ladder`: tests build older schemas.
Status initialise(const ServerAddress& admin, const Clock& clock, const MigrationLadder& ladder = standardLadder());

struct Upgrade {
    int from = 0;
    int to = 0;
};
// `server upgrade`: run as the same kind of login as `server init`. In one transaction: migrates
// the registry as the owner and applies grants, policies and functions again from a clean slate
// (a migration may have replaced a table, and a newer version may have new rules).
Result<Upgrade> upgrade(const ServerAddress& admin, const Clock& clock);

// Whether this database's registry was set up by `server init` (its tables are the owner's).
Result<bool> enforcesAccess(Database& db);

// A person's login role with the group role of `role` (an application role code), LOGIN when
// `active` and NOLOGIN otherwise, inside the caller's transaction, through manage_login(). A new
// login gets `password` (none: the server authenticates otherwise, e.g. peer, LDAP, GSSAPI); an
// existing one (e.g. of another registry on the same server) keeps it and moves to the group.
Status setLogin(Database& db, const QString& login, const QString& role, bool active, const QString& password);

// The SQL, run as the owner: grants and row-level security (ServerPolicies.cpp), the functions
// and who may call them (ServerFunctions.cpp); manage_login, run as loginManagerRole().
QStringList securityStatements();
QStringList functionStatements();
QStringList functionGrants();
QStringList loginFunctionStatements();

}  // namespace ServerSetup
}  // namespace bs
