#include "Access.h"

#include "Registry.h"
#include "access/AccessLog.h"
#include "services/History.h"
#include "storage/ServerSetup.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace bs::Access {

QString roleCode(Role role)
{
    switch (role) {
    case Role::Medewerker: return u"medewerker"_s;
    case Role::Coordinator: return u"coordinator"_s;
    case Role::Stuurgroep: return u"stuurgroep"_s;
    case Role::Beheerder: return u"beheerder"_s;
    case Role::None: break;
    }
    return {};
}

Result<Role> roleFromCode(const QString& code)
{
    for (Role role : {Role::Medewerker, Role::Coordinator, Role::Stuurgroep, Role::Beheerder}) {
        if (roleCode(role) == code.trimmed().toLower())
            return role;
    }
    return Error::invalid(u"role"_s, u"Rol '%1' bestaat niet. Toegestaan: medewerker, coordinator, stuurgroep, beheerder."_s.arg(code));
}

QString roleLabel(Role role)
{
    // The codes are the Dutch words, except for the diaeresis a code leaves out.
    if (role == Role::None)
        return u"geen rol"_s;
    return role == Role::Coordinator ? u"coördinator"_s : roleCode(role);
}

QString permissionLabel(Permission permission)
{
    switch (permission) {
    case Permission::ViewSignals: return u"signalen inzien"_s;
    case Permission::EditSignals: return u"signalen registreren en wijzigen"_s;
    case Permission::Coordinate: return u"coördineren en meldingen importeren"_s;
    case Permission::ViewFigures: return u"cijfers en rapportages inzien"_s;
    case Permission::ExportSignals: return u"signalenlijsten exporteren"_s;
    case Permission::ManageReference: return u"referentiegegevens beheren"_s;
    case Permission::ManageUsers: return u"gebruikers en rollen beheren"_s;
    case Permission::Retention: return u"bewaartermijn, inzage en wissen van betrokkenen"_s;
    case Permission::ViewAccessLog: return u"het toegangslogboek inzien"_s;
    case Permission::Backups: return u"back-ups maken en terugzetten"_s;
    }
    return {};
}

bool allows(Role role, Permission permission)
{
    switch (role) {
    case Role::None:
        return false;
    case Role::Stuurgroep:  // aggregates only, never a signal
        return permission == Permission::ViewFigures;
    case Role::Medewerker:
        return permission == Permission::ViewSignals || permission == Permission::EditSignals
               || permission == Permission::ViewFigures || permission == Permission::ExportSignals;
    case Role::Coordinator:
        return allows(Role::Medewerker, permission) || permission == Permission::Coordinate;
    case Role::Beheerder:  // in a small municipality the beheerder is also a coordinator
        return true;
    }
    return false;
}

Result<Role> role(Registry& registry)
{
    auto code = registry.db().scalar(u"SELECT role FROM users WHERE login = ? AND active = 1"_s, {registry.actor()});
    if (!code.ok())
        return code.error();
    if (code.value().isNull())
        return Role::None;
    auto parsed = roleFromCode(code.value().toString());
    return parsed.ok() ? parsed.value() : Role::None;
}

Status require(Registry& registry, Permission permission)
{
    auto current = role(registry);
    if (!current.ok())
        return current.error();
    if (allows(current.value(), permission))
        return {};
    // The refusal itself is worth a trace; a failure to write it must not hide the refusal.
    (void)AccessLog::record(registry, AccessAction::Denied, 0, permissionLabel(permission));
    if (current.value() == Role::None) {
        return Error::denied(u"Gebruiker '%1' staat niet (actief) in dit register en mag er niets mee. Vraag de beheerder "
                             "u toe te voegen (Beheer ▸ Privacy, gebruikers en back-ups, of 'buurtsignaal-cli user set %1 ROL')."_s.arg(registry.actor()));
    }
    return Error::denied(u"Uw rol (%1) staat '%2' niet toe. Vraag de beheerder als u dit nodig hebt."_s.arg(
        roleLabel(current.value()), permissionLabel(permission)));
}

Status ensureFirstBeheerder(Registry& registry)
{
    Database& db = registry.db();
    const QString countUsers = u"SELECT count(*) FROM users"_s;
    // Nearly always there are users already: a read, so opening never waits for another writer.
    auto existing = db.scalar(countUsers);
    if (!existing.ok())
        return existing.error();
    if (existing.value().toInt() > 0)
        return {};
    return db.write([&]() -> Status {
        // Checked again under the write lock: two programs opening a registry without users at
        // the same moment make only the first of them beheerder.
        auto count = db.scalar(countUsers);
        if (!count.ok())
            return count.error();
        if (count.value().toInt() > 0)
            return {};
        return db.execute(u"INSERT INTO users (login, display_name, role, active, created_at) VALUES (?, ?, 'beheerder', 1, ?)"_s,
                          {registry.actor(), registry.actor(), History::timestamp(registry.clock().now())});
    });
}

Result<QList<User>> users(Registry& registry)
{
    BS_TRY(require(registry, Permission::ManageUsers));
    auto query = registry.db().run(u"SELECT login, display_name, role, active, created_at FROM users ORDER BY login"_s);
    if (!query.ok())
        return query.error();
    QList<User> list;
    while (query->next()) {
        auto parsed = roleFromCode(query->value(2).toString());
        list << User{query->value(0).toString(), query->value(1).toString(), parsed.ok() ? parsed.value() : Role::None,
                     query->value(3).toBool(), query->value(4).toString()};
    }
    return list;
}

Result<QStringList> administrators(Registry& registry)
{
    auto query = registry.db().run(
        u"SELECT display_name, login FROM users WHERE role = 'beheerder' AND active = 1 ORDER BY display_name, login"_s);
    if (!query.ok())
        return query.error();
    QStringList names;
    while (query->next()) {
        const QString name = query->value(0).toString();
        const QString login = query->value(1).toString();
        names << (name.isEmpty() || name == login ? login : u"%1 (%2)"_s.arg(name, login));
    }
    return names;
}

namespace {

// The users row (and, where given, what must change with it in the same transaction).
Status writeUser(Registry& registry, const QString& login, const QString& displayName, const QString& code, bool active,
                 const std::function<Status(const QString& name, const QString& role)>& alongside)
{
    BS_TRY(require(registry, Permission::ManageUsers));
    const QString name = login.trimmed();
    static const QRegularExpression allowed(u"^[A-Za-z0-9._@\\\\-]{1,64}$"_s);
    if (!allowed.match(name).hasMatch())
        return Error::invalid(u"login"_s, u"Gebruikersnaam '%1' is ongeldig: 1 tot 64 letters, cijfers of . _ @ - \\."_s.arg(login));
    auto parsed = roleFromCode(code);
    if (!parsed.ok())
        return parsed.error();
    Database& db = registry.db();
    return db.write([&]() -> Status {
        auto others = db.scalar(u"SELECT count(*) FROM users WHERE role = 'beheerder' AND active = 1 AND login <> ?"_s, {name});
        if (!others.ok())
            return others.error();
        if (others.value().toInt() == 0 && (parsed.value() != Role::Beheerder || !active)) {
            return Error::rule(u"'%1' is de laatste actieve beheerder; maak eerst iemand anders beheerder."_s.arg(name));
        }
        if (alongside)
            BS_TRY(alongside(name, roleCode(parsed.value())));
        BS_TRY(db.execute(u"INSERT INTO users (login, display_name, role, active, created_at) VALUES (?, ?, ?, ?, ?)"
                          " ON CONFLICT (login) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,"
                          " active = excluded.active"_s,
                          {name, displayName.trimmed().isEmpty() ? name : displayName.trimmed(), roleCode(parsed.value()),
                           active ? 1 : 0, History::timestamp(registry.clock().now())}));
        return AccessLog::record(registry, AccessAction::Admin, 0,
                                 u"gebruiker %1: rol %2%3"_s.arg(name, roleCode(parsed.value()), active ? QString() : u", inactief"_s));
    });
}

}  // namespace

Status setUser(Registry& registry, const QString& login, const QString& displayName, const QString& code, bool active)
{
    return writeUser(registry, login, displayName, code, active, {});
}

Status addUser(Registry& registry, const QString& login, const QString& displayName, const QString& code, const QString& password)
{
    if (!registry.db().isServer())
        return writeUser(registry, login, displayName, code, true, {});
    return writeUser(registry, login, displayName, code, true, [&](const QString& name, const QString& role) {
        return ServerSetup::createLogin(registry.db(), name, role, password);
    });
}

}  // namespace bs::Access
