#pragma once
// Roles and what they allow. The beheerder sets each user's role; the person who creates a
// registry (or, on a file, first opens one that has no users yet) becomes its beheerder. On a
// server the user is the login, and the server itself enforces the roles (storage/ServerSetup.h). A login that is not
// in the registry may do nothing. See docs/privacy-en-rollen.md for what roles can and cannot
// prevent when the registry is a local file.

#include "Result.h"

#include <QList>
#include <QString>

namespace bs {

class Registry;

// Partner: a worker of a partner organisation (shared mode): the referrals to that organisation.
enum class Role { None, Medewerker, Coordinator, Stuurgroep, Beheerder, Partner };

enum class Permission {
    ViewSignals,      // lists, detail, history of signals
    EditSignals,      // register, change, refer, escalate
    AnswerReferrals,  // accept, reject and complete a referral
    Coordinate,       // the coordinator's overview, imports of meldingen
    ViewFigures,      // dashboard, statistics, steering-group report
    ExportSignals,    // CSV export of signal lists
    ManageReference,  // buurten, partners, categories, terms, activities, CBS import
    ManageUsers,      // users and roles
    Retention,        // retention run, subject search, inzage, erasure on request
    ViewAccessLog,    // the access log
    Backups,          // backup, restore, check
};

struct User {
    QString login;
    QString displayName;
    Role role = Role::None;
    bool active = true;
    QString createdAt;
    QString partner;  // the organisation of a partner user
};

namespace Access {

QString roleCode(Role role);          // medewerker, coordinator, stuurgroep, beheerder, partner
Result<Role> roleFromCode(const QString& code);
QString roleLabel(Role role);         // Dutch, for messages
QString permissionLabel(Permission permission);  // Dutch, for messages
bool allows(Role role, Permission permission);

// The role of the registry's user (the login it was opened for); Role::None when unknown or inactive.
Result<Role> role(Registry& registry);
// The name of the registry's user as recorded with their role; the login when none is recorded.
Result<QString> displayName(Registry& registry);
// Refuses with a Dutch message naming the user, the role and what it would need. A refusal is
// written to the access log ("geweigerd").
Status require(Registry& registry, Permission permission);

// Makes the user the beheerder when the registry has no users at all (new or older registries).
Status ensureFirstBeheerder(Registry& registry);

// What the registry's user may do with one signal. On a server the database decides (a medewerker
// changes only the signals registered under their own login); the app mirrors it here so it offers
// no action the server would refuse. On a file every role may do what its permissions allow.
struct SignalRights {
    bool change = false;           // fields, status, subject and consent, referring, escalating, withdrawing
    bool answerReferrals = false;  // accept, reject, complete
};
// A medewerker on a server changes the signals they registered or handle (as the server's policy
// signals_wijzigen_eigen); elsewhere the role decides.
SignalRights rightsOn(const Registry& registry, Role role, const QString& registeredBy, const QString& handler);

Result<QList<User>> users(Registry& registry);
// The active beheerders as "name (login)": whom a login without access should ask. Needs no
// role, since the people who need it have none.
Result<QStringList> administrators(Registry& registry);
// Adds or changes a user (beheerder only). The last active beheerder cannot be demoted or
// deactivated. A partner user names their organisation (`partner`, a partner's name); nobody else does.
// On a server set up by `server init` the person's login changes with the row, in the same
// transaction: its group role follows the role, and an inactive user's login is NOLOGIN.
Status setUser(Registry& registry, const QString& login, const QString& displayName, const QString& roleCode, bool active,
               const QString& partner = {});
// `user add`: on a file the same as setUser (active). On a server also the person's own login role
// (with `password`, or none where the server authenticates otherwise) and its group role, in the
// same transaction as the users row, through the server's manage_login().
Status addUser(Registry& registry, const QString& login, const QString& displayName, const QString& roleCode,
               const QString& password, const QString& partner = {});
// `user disable`: the user keeps their role but may do nothing; on a server their login is NOLOGIN.
Status disableUser(Registry& registry, const QString& login);

}  // namespace Access
}  // namespace bs
