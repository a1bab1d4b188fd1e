#include "ServerSetup.h"

#include "storage/Database.h"
#include "storage/ReferenceData.h"

using namespace Qt::StringLiterals;

namespace bs::ServerSetup {

namespace {

Result<bool> roleExists(Database& db, const QString& role)
{
    auto count = db.scalar(u"SELECT count(*) FROM pg_roles WHERE rolname = ?"_s, {role});
    if (!count.ok())
        return count.error();
    return count.value().toInt() > 0;
}

// Direct membership; a superuser counts as a member of every role, which it needs no grant for.
Result<bool> mayBecome(Database& db, const QString& login, const QString& role)
{
    auto count = db.scalar(u"SELECT count(*) FROM pg_roles u WHERE u.rolname = ? AND (u.rolsuper OR EXISTS (SELECT 1"
                           " FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname = ? AND m.member = u.oid))"_s,
                           {login, role});
    if (!count.ok())
        return count.error();
    return count.value().toInt() > 0;
}

Status grant(Database& db, const QString& group, const QString& login)
{
    // DDL takes no bound values: the server quotes the names itself.
    auto statement = db.scalar(u"SELECT format('GRANT %I TO %I', ?::text, ?::text)"_s, {group, login});
    if (!statement.ok())
        return statement.error();
    return db.execute(statement.value().toString());
}

Status revoke(Database& db, const QString& group, const QString& login)
{
    auto statement = db.scalar(u"SELECT format('REVOKE %I FROM %I', ?::text, ?::text)"_s, {group, login});
    if (!statement.ok())
        return statement.error();
    return db.execute(statement.value().toString());
}

// Runs `body` as `role`, so that role owns what it creates. An administrator with CREATEROLE but
// no superuser is made a member for the time of the body only (inside the same transaction).
Status asRole(Database& db, const QString& login, const QString& role, const std::function<Status()>& body)
{
    auto member = mayBecome(db, login, role);
    if (!member.ok())
        return member.error();
    if (!member.value())
        BS_TRY(grant(db, role, login));
    BS_TRY(db.execute(u"SET ROLE %1"_s.arg(role)));
    BS_TRY(body());
    BS_TRY(db.execute(u"RESET ROLE"_s));
    return member.value() ? Status() : revoke(db, role, login);
}

// Also when the role was made by hand: nobody logs in as it, and it has no more rights than its
// task. Only a superuser may change SUPERUSER or BYPASSRLS, so those are refused, not repaired.
Status makeRoleSafe(Database& db, const QString& role, bool createRole)
{
    auto attributes = db.run(u"SELECT rolcanlogin, rolsuper OR rolbypassrls, rolcreaterole FROM pg_roles WHERE rolname = ?"_s, {role});
    if (!attributes.ok())
        return attributes.error();
    if (!attributes->next())
        return Error::storage(u"De rol %1 ontbreekt op de server."_s.arg(role));
    if (attributes->value(1).toBool()) {
        return Error::rule(u"De rol %1 bestaat al op de server met SUPERUSER of BYPASSRLS; daarmee zou de rijbeveiliging niets "
                           "betekenen. Laat een superuser dat wegnemen (ALTER ROLE %1 NOSUPERUSER NOBYPASSRLS). Er is niets gewijzigd."_s.arg(role));
    }
    if (!attributes->value(0).toBool() && attributes->value(2).toBool() == createRole)
        return {};
    return db.execute(u"ALTER ROLE %1 NOLOGIN %2"_s.arg(role, createRole ? u"CREATEROLE"_s : u"NOCREATEROLE"_s));
}

Status createRoles(Database& db)
{
    QStringList wanted = groupRoles();
    wanted << ownerRole() << loginManagerRole();
    for (const QString& role : wanted) {
        auto exists = roleExists(db, role);
        if (!exists.ok())
            return exists.error();
        // Roles belong to the whole server: a second registry on it shares them.
        if (!exists.value())
            BS_TRY(db.execute(u"CREATE ROLE %1 NOLOGIN"_s.arg(role)));
    }
    BS_TRY(makeRoleSafe(db, ownerRole(), false));
    BS_TRY(makeRoleSafe(db, loginManagerRole(), true));
    BS_TRY(db.execute(u"GRANT USAGE, CREATE ON SCHEMA public TO %1, %2"_s.arg(ownerRole(), loginManagerRole())));
    return db.execute(u"GRANT USAGE ON SCHEMA public TO %1"_s.arg(groupRoles().join(u", "_s)));
}

Status requireRoleAdministrator(Database& db, const QString& command)
{
    auto mayCreateRoles = db.scalar(u"SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"_s);
    if (!mayCreateRoles.ok())
        return mayCreateRoles.error();
    if (!mayCreateRoles.value().toBool()) {
        return Error::denied(u"De login van %1 mag geen rollen aanmaken. Draai '%2' met een beheerlogin van de database "
                             "(CREATEROLE), bijvoorbeeld postgres. Er is niets gewijzigd."_s.arg(db.path(), command));
    }
    return {};
}

Status refuseIfNotReady(Database& db)
{
    auto version = schemaVersion(db);
    if (!version.ok())
        return version.error();
    if (version.value() > 0) {
        return Error::rule(u"De database %1 is al ingericht als Buurtsignaal-register (schemaversie %2). "
                           "Er is niets gewijzigd; voeg gebruikers toe met 'user add'."_s.arg(db.path())
                               .arg(version.value()));
    }
    return requireRoleAdministrator(db, u"server init"_s);
}

Status applySecurity(Database& db, const QString& login)
{
    BS_TRY(asRole(db, login, ownerRole(), [&]() -> Status {
        for (const QString& statement : securityStatements())
            BS_TRY(db.execute(statement));
        return {};
    }));
    return asRole(db, login, loginManagerRole(), [&]() -> Status {
        for (const QString& statement : loginFunctionStatements())
            BS_TRY(db.execute(statement));
        return {};
    });
}

}  // namespace

QString ownerRole()
{
    return u"buurtsignaal_eigenaar"_s;
}

QString loginManagerRole()
{
    return u"buurtsignaal_rollenbeheer"_s;
}

QString groupRole(const QString& role)
{
    return u"bs_"_s + role;
}

QString ifTableExists(const QString& table, const QString& statement)
{
    return u"DO $do$ BEGIN IF to_regclass('%1') IS NOT NULL THEN EXECUTE $stmt$%2$stmt$; END IF; END $do$"_s.arg(table, statement);
}

QString ifColumnExists(const QString& table, const QString& column, const QString& statement, const QString& otherwise)
{
    return u"DO $do$ BEGIN IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()"
           " AND table_name = '%1' AND column_name = '%2') THEN EXECUTE $stmt$%3$stmt$;%4 END IF; END $do$"_s
        .arg(table, column, statement, otherwise.isEmpty() ? QString() : u" ELSE EXECUTE $stmt$%1$stmt$;"_s.arg(otherwise));
}

QStringList groupRoles()
{
    return {groupRole(u"medewerker"_s), groupRole(u"coordinator"_s), groupRole(u"stuurgroep"_s), groupRole(u"beheerder"_s),
            groupRole(u"partner"_s)};
}

Result<bool> enforcesAccess(Database& db)
{
    auto owned = db.scalar(u"SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_migrations'"
                           " AND tableowner = ?"_s,
                           {ownerRole()});
    if (!owned.ok())
        return owned.error();
    return owned.value().toInt() > 0;
}

Status setLogin(Database& db, const QString& login, const QString& role, bool active, const QString& password)
{
    return db.execute(u"SELECT manage_login(?, ?, ?, ?)"_s,
                      {login, groupRole(role), password.isEmpty() ? QVariant() : QVariant(password), active});
}

Status initialise(const ServerAddress& admin, const Clock& clock, const MigrationLadder& ladder)
{
    auto opened = Database::openPostgresql(admin);
    if (!opened.ok())
        return opened.error();
    Database& db = *opened.value();
    BS_TRY(refuseIfNotReady(db));
    auto current = db.scalar(u"SELECT current_user"_s);
    if (!current.ok())
        return current.error();
    const QString login = current.value().toString();

    // CREATE ROLE, DDL and GRANT are transactional on PostgreSQL: all of it, or nothing.
    return db.write([&]() -> Status {
        BS_TRY(createRoles(db));
        BS_TRY(asRole(db, login, ownerRole(), [&]() -> Status {
            BS_TRY(migrate(db, ladder, clock));
            BS_TRY(ReferenceData::seed(db));
            return db.execute(u"INSERT INTO users (login, display_name, role, active, created_at) VALUES (?, ?, 'beheerder', 1, ?)"_s,
                              {login, login, clock.now().toUTC().toString(Qt::ISODate)});
        }));
        BS_TRY(applySecurity(db, login));
        auto direct = db.scalar(u"SELECT count(*) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
                                " JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = ? AND u.rolname = ?"_s,
                                {groupRole(u"beheerder"_s), login});
        if (!direct.ok())
            return direct.error();
        return direct.value().toInt() > 0 ? Status() : grant(db, groupRole(u"beheerder"_s), login);
    });
}

Result<Upgrade> upgrade(const ServerAddress& admin, const Clock& clock)
{
    auto opened = Database::openPostgresql(admin);
    if (!opened.ok())
        return opened.error();
    Database& db = *opened.value();
    auto version = schemaVersion(db);
    if (!version.ok())
        return version.error();
    if (version.value() == 0) {
        return Error::notFound(u"db"_s, u"De database %1 heeft nog geen Buurtsignaal-register; richt haar in met 'server init'. "
                                        "Er is niets gewijzigd."_s.arg(db.path()));
    }
    BS_TRY(checkVersionKnown(version.value(), standardLadder(), db.path()));
    auto secured = enforcesAccess(db);
    if (!secured.ok())
        return secured.error();
    if (!secured.value()) {
        return Error::rule(u"Het register in %1 is niet met 'server init' ingericht (de tabellen zijn niet van %2); het wordt "
                           "bijgewerkt bij het gewone openen. Er is niets gewijzigd."_s.arg(db.path(), ownerRole()));
    }
    BS_TRY(requireRoleAdministrator(db, u"server upgrade"_s));
    auto current = db.scalar(u"SELECT current_user"_s);
    if (!current.ok())
        return current.error();
    const QString login = current.value().toString();
    BS_TRY(db.write([&]() -> Status {
        BS_TRY(createRoles(db));  // group roles of newer versions (bs_partner)
        BS_TRY(asRole(db, login, ownerRole(), [&]() { return migrate(db, standardLadder(), clock); }));
        return applySecurity(db, login);
    }));
    return Upgrade{version.value(), latestVersion(standardLadder())};
}

}  // namespace bs::ServerSetup
