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
    case Role::Partner: return u"partner"_s;
    case Role::None: break;
    }
    return {};
}

Result<Role> roleFromCode(const QString& code)
{
    for (Role role : {Role::Medewerker, Role::Coordinator, Role::Stuurgroep, Role::Beheerder, Role::Partner}) {
        if (roleCode(role) == code.trimmed().toLower())
            return role;
    }
    return Error::invalid(u"role"_s, u"Rol '%1' bestaat niet. Toegestaan: medewerker, coordinator, stuurgroep, beheerder, partner."_s.arg(code));
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
    case Permission::AnswerReferrals: return u"doorverwijzingen accepteren, afwijzen en afronden"_s;
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
    case Role::Partner:  // the referrals to their organisation, and the signals behind them (shared mode)
        return permission == Permission::ViewSignals || permission == Permission::AnswerReferrals;
    case Role::Medewerker:
        return permission == Permission::ViewSignals || permission == Permission::EditSignals
               || permission == Permission::AnswerReferrals || permission == Permission::ViewFigures
               || permission == Permission::ExportSignals;
    case Role::Coordinator:
        return allows(Role::Medewerker, permission) || permission == Permission::Coordinate;
    case Role::Beheerder:  // in a small municipality the beheerder is also a coordinator
        return true;
    }
    return false;
}

SignalRights rightsOn(const Registry& registry, Role role, const QString& registeredBy, const QString& handler)
{
    SignalRights rights;
    rights.change = allows(role, Permission::EditSignals);
    if (role == Role::Medewerker && registry.enforcesAccess() && registeredBy != registry.actor() && handler != registry.actor())
        rights.change = false;
    rights.answerReferrals = allows(role, Permission::AnswerReferrals);
    return rights;
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

Result<QString> displayName(Registry& registry)
{
    auto name = registry.db().scalar(u"SELECT display_name FROM users WHERE login = ?"_s, {registry.actor()});
    if (!name.ok())
        return name.error();
    const QString recorded = name.value().toString().trimmed();
    return recorded.isEmpty() ? registry.actor() : recorded;
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
    // On a server every user is a login the server knows: only the login that creates the
    // registry becomes its beheerder, and nobody is made one by opening it.
    if (db.isServer() && !registry.wasCreated())
        return {};
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
    auto query = registry.db().run(u"SELECT u.login, u.display_name, u.role, u.active, u.created_at, p.name FROM users u"
                                   " LEFT JOIN partners p ON p.id = u.partner_id ORDER BY u.login"_s);
    if (!query.ok())
        return query.error();
    QList<User> list;
    while (query->next()) {
        auto parsed = roleFromCode(query->value(2).toString());
        list << User{query->value(0).toString(), query->value(1).toString(), parsed.ok() ? parsed.value() : Role::None,
                     query->value(3).toBool(), query->value(4).toString(), query->value(5).toString()};
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

// The partner organisation a user of role `role` must name, and only that role.
Result<QVariant> partnerFor(Registry& registry, Role role, const QString& partner)
{
    if (role != Role::Partner) {
        if (!partner.trimmed().isEmpty())
            return Error::invalid(u"partner"_s, u"Alleen een gebruiker met rol partner hoort bij een partnerorganisatie."_s);
        return QVariant();
    }
    if (partner.trimmed().isEmpty())
        return Error::invalid(u"partner"_s, u"Een gebruiker met rol partner hoort bij een partnerorganisatie: kies de partner (op de opdrachtregel --partner NAAM)."_s);
    auto id = registry.db().scalar(u"SELECT id FROM partners WHERE lower(name) = lower(?)"_s, {partner.trimmed()});
    if (!id.ok())
        return id.error();
    if (id.value().isNull())
        return Error::notFound(u"partner"_s, u"Onbekende partner '%1'; 'partner list' toont de partners."_s.arg(partner.trimmed()));
    return id.value();
}

// The users row and, where the server enforces access, the person's login with it (same transaction).
Status writeUser(Registry& registry, const QString& login, const QString& displayName, const QString& code, bool active,
                 const QString& partner, const QString& password)
{
    BS_TRY(require(registry, Permission::ManageUsers));
    const QString name = login.trimmed();
    static const QRegularExpression allowed(u"^[A-Za-z0-9._@\\\\-]{1,64}$"_s);
    if (!allowed.match(name).hasMatch())
        return Error::invalid(u"login"_s, u"Gebruikersnaam '%1' is ongeldig: 1 tot 64 letters, cijfers of . _ @ - \\."_s.arg(login));
    auto parsed = roleFromCode(code);
    if (!parsed.ok())
        return parsed.error();
    auto partnerId = partnerFor(registry, parsed.value(), partner);
    if (!partnerId.ok())
        return partnerId.error();
    // Only the server's row-level security keeps a partner to the referrals of its organisation;
    // in a file the app could only hide what the partner's own copy of the file still holds.
    if (parsed.value() == Role::Partner && !registry.enforcesAccess())
        return Error::invalid(u"role"_s, u"De rol partner kan alleen in een register op de server van de gemeente (ingericht met 'server init'): "
                                         "alleen daar ziet een partner uitsluitend de doorverwijzingen naar de eigen organisatie. "
                                         "Kies in een registerbestand medewerker, coordinator, stuurgroep of beheerder."_s);
    Database& db = registry.db();
    return db.write([&]() -> Status {
        auto others = db.scalar(u"SELECT count(*) FROM users WHERE role = 'beheerder' AND active = 1 AND login <> ?"_s, {name});
        if (!others.ok())
            return others.error();
        if (others.value().toInt() == 0 && (parsed.value() != Role::Beheerder || !active)) {
            return Error::rule(u"'%1' is de laatste actieve beheerder; maak eerst iemand anders beheerder."_s.arg(name));
        }
        if (db.enforcesAccess())
            BS_TRY(ServerSetup::setLogin(db, name, roleCode(parsed.value()), active, password));
        BS_TRY(db.execute(u"INSERT INTO users (login, display_name, role, active, created_at, partner_id) VALUES (?, ?, ?, ?, ?, ?)"
                          " ON CONFLICT (login) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,"
                          " active = excluded.active, partner_id = excluded.partner_id"_s,
                          {name, displayName.trimmed().isEmpty() ? name : displayName.trimmed(), roleCode(parsed.value()),
                           active ? 1 : 0, History::timestamp(registry.clock().now()), partnerId.value()}));
        return AccessLog::record(registry, AccessAction::Admin, 0,
                                 u"gebruiker %1: rol %2%3%4"_s.arg(name, roleCode(parsed.value()),
                                                                   partner.trimmed().isEmpty() ? QString() : u" (%1)"_s.arg(partner.trimmed()),
                                                                   active ? QString() : u", inactief"_s));
    });
}

}  // namespace

Status setUser(Registry& registry, const QString& login, const QString& displayName, const QString& code, bool active,
               const QString& partner)
{
    return writeUser(registry, login, displayName, code, active, partner, {});
}

Status addUser(Registry& registry, const QString& login, const QString& displayName, const QString& code, const QString& password,
               const QString& partner)
{
    return writeUser(registry, login, displayName, code, true, partner, password);
}

Status disableUser(Registry& registry, const QString& login)
{
    BS_TRY(require(registry, Permission::ManageUsers));
    auto row = registry.db().run(u"SELECT u.display_name, u.role, p.name FROM users u LEFT JOIN partners p ON p.id = u.partner_id"
                                 " WHERE u.login = ?"_s,
                                 {login.trimmed()});
    if (!row.ok())
        return row.error();
    if (!row->next())
        return Error::notFound(u"login"_s, u"Gebruiker '%1' staat niet in dit register; 'user list' toont de gebruikers."_s.arg(login.trimmed()));
    return writeUser(registry, login, row->value(0).toString(), row->value(1).toString(), false, row->value(2).toString(), {});
}

}  // namespace bs::Access
