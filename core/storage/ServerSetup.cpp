#include "ServerSetup.h"

#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/ReferenceData.h"
#include "storage/SteeringViews.h"

using namespace Qt::StringLiterals;

namespace bs::ServerSetup {

namespace {

// Tables with rows about signals and the people in them: row-level security, forced so that
// not even the owner reads them outside a policy.
const QStringList& protectedTables()
{
    static const QStringList tables = {u"signals"_s, u"subjects"_s, u"consent_scopes"_s, u"referrals"_s,
                                       u"escalations"_s, u"history"_s, u"access_log"_s};
    return tables;
}

// Reference data and figures that hold no person: every group reads them.
const QStringList& sharedTables()
{
    static const QStringList tables = {u"schema_migrations"_s, u"settings"_s, u"users"_s, u"wijken"_s, u"buurten"_s,
                                       u"themes"_s, u"categories"_s, u"sources"_s, u"partners"_s, u"partner_buurten"_s,
                                       u"escalation_levels"_s, u"indicators"_s, u"indicator_entries"_s,
                                       u"signal_day_counts"_s, u"referral_day_counts"_s};
    return tables;
}

QString roles(const QStringList& appRoles)
{
    QStringList names;
    for (const QString& role : appRoles)
        names << groupRole(role);
    return names.join(u", "_s);
}

Result<bool> roleExists(Database& db, const QString& role)
{
    auto count = db.scalar(u"SELECT count(*) FROM pg_roles WHERE rolname = ?"_s, {role});
    if (!count.ok())
        return count.error();
    return count.value().toInt() > 0;
}

Result<bool> isMember(Database& db, const QString& login, const QString& group)
{
    auto count = db.scalar(u"SELECT count(*) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
                           " JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = ? AND u.rolname = ?"_s,
                           {group, login});
    if (!count.ok())
        return count.error();
    return count.value().toInt() > 0;
}

// Grants `group` to `login` unless it has it already (the server would only say so).
Status grantGroup(Database& db, const QString& login, const QString& group)
{
    auto member = isMember(db, login, group);
    if (!member.ok())
        return member.error();
    if (member.value())
        return {};
    auto grant = db.scalar(u"SELECT format('GRANT %I TO %I', ?::text, ?::text)"_s, {group, login});
    if (!grant.ok())
        return grant.error();
    return db.execute(grant.value().toString());
}

Status createRoles(Database& db)
{
    QStringList wanted = groupRoles();
    wanted.prepend(ownerRole());
    for (const QString& role : wanted) {
        auto exists = roleExists(db, role);
        if (!exists.ok())
            return exists.error();
        // Roles belong to the whole server: a second registry on it shares them.
        if (!exists.value())
            BS_TRY(db.execute(u"CREATE ROLE %1 NOLOGIN"_s.arg(role)));
    }
    // Also when the role was made by hand: nobody logs in as the owner.
    return db.execute(u"ALTER ROLE %1 NOLOGIN NOSUPERUSER NOBYPASSRLS"_s.arg(ownerRole()));
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
    auto mayCreateRoles = db.scalar(u"SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"_s);
    if (!mayCreateRoles.ok())
        return mayCreateRoles.error();
    if (!mayCreateRoles.value().toBool()) {
        return Error::denied(u"De login van %1 mag geen rollen aanmaken. Richt de server in met een beheerlogin "
                             "van de database (CREATEROLE), bijvoorbeeld postgres. Er is niets gewijzigd."_s.arg(db.path()));
    }
    return {};
}

// Builds the schema and its security as the owner role, so the owner owns every object.
Status buildAsOwner(Database& db, const Clock& clock, const QString& login)
{
    BS_TRY(migrate(db, standardLadder(), clock));
    BS_TRY(ReferenceData::seed(db));
    return db.write([&]() -> Status {
        for (const QString& statement : securityStatements())
            BS_TRY(db.execute(statement));
        return db.execute(u"INSERT INTO users (login, display_name, role, active, created_at) VALUES (?, ?, 'beheerder', 1, ?)"_s,
                          {login, login, clock.now().toUTC().toString(Qt::ISODate)});
    });
}

// The one way to read subject data on the server: checks the rule and writes the access-log entry
// in the same transaction, so an unlogged read is impossible, also with psql. It runs with the
// owner's rights, so inside it current_user is the owner: the person is session_user (which a
// login cannot change; SET ROLE changes only current_user).
QString subjectReadFunction()
{
    return uR"sql(CREATE FUNCTION read_subject(p_signal_id bigint) RETURNS SETOF subjects
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
    reader text := session_user;
    reader_role text;
BEGIN
    IF pg_has_role(reader, 'bs_coordinator', 'MEMBER') THEN
        reader_role := 'coordinator';
    ELSIF pg_has_role(reader, 'bs_beheerder', 'MEMBER') THEN
        reader_role := 'beheerder';
    ELSIF pg_has_role(reader, 'bs_medewerker', 'MEMBER')
          AND EXISTS (SELECT 1 FROM signals WHERE id = p_signal_id AND registered_by = reader) THEN
        reader_role := 'medewerker';
    ELSE
        RAISE EXCEPTION 'Geen toegang tot de gegevens van de betrokkene bij signaal %', p_signal_id USING ERRCODE = '42501';
    END IF;
    INSERT INTO access_log (at, actor, role, action, signal_id, detail)
    VALUES (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), reader, reader_role, 'bekeken', p_signal_id,
            'gegevens betrokkene');
    RETURN QUERY SELECT * FROM subjects WHERE signal_id = p_signal_id;
END
$fn$)sql"_s;
}

}  // namespace

QString ownerRole()
{
    return u"buurtsignaal_eigenaar"_s;
}

QString groupRole(const QString& role)
{
    return u"bs_"_s + role;
}

QStringList groupRoles()
{
    return {groupRole(u"medewerker"_s), groupRole(u"coordinator"_s), groupRole(u"stuurgroep"_s), groupRole(u"beheerder"_s)};
}

Status createLogin(Database& db, const QString& login, const QString& role, const QString& password)
{
    auto exists = roleExists(db, login);
    if (!exists.ok())
        return exists.error();
    // DDL takes no bound values: the server quotes the name and the password itself.
    if (!exists.value()) {
        auto create = password.isEmpty() ? db.scalar(u"SELECT format('CREATE ROLE %I LOGIN', ?::text)"_s, {login})
                                         : db.scalar(u"SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', ?::text, ?::text)"_s,
                                                     {login, password});
        if (!create.ok())
            return create.error();
        BS_TRY(db.execute(create.value().toString()));
    }
    return grantGroup(db, login, groupRole(role));
}

QStringList securityStatements()
{
    const QString everyone = roles({u"medewerker"_s, u"coordinator"_s, u"stuurgroep"_s, u"beheerder"_s});
    const QString workers = roles({u"medewerker"_s, u"coordinator"_s});
    const QString readers = roles({u"medewerker"_s, u"coordinator"_s, u"beheerder"_s});
    const QString beheerder = groupRole(u"beheerder"_s);
    const QString medewerker = groupRole(u"medewerker"_s);
    const QString coordinator = groupRole(u"coordinator"_s);

    QStringList s = {
        u"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC"_s,
        u"GRANT SELECT ON %1 TO %2"_s.arg(sharedTables().join(u", "_s), everyone),
        u"GRANT INSERT, UPDATE, DELETE ON settings, users, wijken, buurten, themes, categories, sources, partners,"
        " partner_buurten, escalation_levels, indicators, indicator_entries TO %1"_s.arg(beheerder),
        u"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO %1"_s.arg(readers),
        // Casework. No grant at all to the stuurgroep: it reads figures, never a row.
        u"GRANT SELECT, INSERT, UPDATE ON signals, consent_scopes, referrals, escalations, signal_sequence,"
        " activities, activity_partners TO %1"_s.arg(workers),
        // The day counts are kept by triggers running with the rights of whoever changed a signal.
        u"GRANT INSERT, UPDATE, DELETE ON signal_day_counts, referral_day_counts TO %1"_s.arg(workers),
        // Subject data is written by those who register, but read only through a logging function.
        u"GRANT INSERT, UPDATE ON subjects TO %1"_s.arg(workers),
        u"GRANT SELECT ON signals, consent_scopes, referrals, escalations, activities, activity_partners, subjects,"
        " export_log, import_log, retention_log TO %1"_s.arg(beheerder),
        // Append-only: inserted, never updated or deleted by any login (the triggers refuse too).
        u"GRANT SELECT, INSERT ON history TO %1"_s.arg(readers),
        u"GRANT INSERT ON access_log, export_log, import_log TO %1"_s.arg(readers),
        u"GRANT SELECT ON access_log TO %1"_s.arg(beheerder),
        u"GRANT INSERT ON retention_log TO %1"_s.arg(beheerder),
    };
    for (const QString& table : protectedTables()) {
        s << u"ALTER TABLE %1 ENABLE ROW LEVEL SECURITY"_s.arg(table) << u"ALTER TABLE %1 FORCE ROW LEVEL SECURITY"_s.arg(table)
          << u"CREATE POLICY %1_eigenaar ON %1 TO %2 USING (true) WITH CHECK (true)"_s.arg(table, ownerRole());
    }
    s << u"CREATE POLICY signals_lezen ON signals FOR SELECT TO %1 USING (true)"_s.arg(readers)
      << u"CREATE POLICY signals_registreren ON signals FOR INSERT TO %1 WITH CHECK (true)"_s.arg(workers)
      << u"CREATE POLICY signals_wijzigen ON signals FOR UPDATE TO %1 USING (true) WITH CHECK (true)"_s.arg(coordinator)
      // A medewerker changes the signals they registered, identified by their own login.
      << u"CREATE POLICY signals_wijzigen_eigen ON signals FOR UPDATE TO %1"
         " USING (registered_by = current_user) WITH CHECK (registered_by = current_user)"_s.arg(medewerker)
      << u"CREATE POLICY subjects_vastleggen ON subjects FOR INSERT TO %1 WITH CHECK (true)"_s.arg(workers)
      << u"CREATE POLICY subjects_wijzigen ON subjects FOR UPDATE TO %1 USING (true) WITH CHECK (true)"_s.arg(workers)
      << u"CREATE POLICY subjects_inzage ON subjects FOR SELECT TO %1 USING (true)"_s.arg(beheerder)
      << u"CREATE POLICY history_lezen ON history FOR SELECT TO %1 USING (true)"_s.arg(readers)
      << u"CREATE POLICY history_toevoegen ON history FOR INSERT TO %1 WITH CHECK (true)"_s.arg(readers)
      << u"CREATE POLICY access_log_toevoegen ON access_log FOR INSERT TO %1 WITH CHECK (true)"_s.arg(readers)
      << u"CREATE POLICY access_log_lezen ON access_log FOR SELECT TO %1 USING (true)"_s.arg(beheerder);
    s << subjectReadFunction()
      << u"REVOKE EXECUTE ON FUNCTION read_subject(bigint) FROM PUBLIC"_s
      << u"GRANT EXECUTE ON FUNCTION read_subject(bigint) TO %1"_s.arg(readers);
    for (const QString& table : {u"consent_scopes"_s, u"referrals"_s, u"escalations"_s}) {
        s << u"CREATE POLICY %1_lezen ON %1 FOR SELECT TO %2 USING (true)"_s.arg(table, readers)
          << u"CREATE POLICY %1_toevoegen ON %1 FOR INSERT TO %2 WITH CHECK (true)"_s.arg(table, workers)
          << u"CREATE POLICY %1_wijzigen ON %1 FOR UPDATE TO %2 USING (true) WITH CHECK (true)"_s.arg(table, workers);
    }
    s << SteeringViews::statements();
    return s;
}

Status initialise(const ServerAddress& admin, const Clock& clock)
{
    auto opened = Database::openPostgresql(admin);
    if (!opened.ok())
        return opened.error();
    Database& db = *opened.value();
    BS_TRY(refuseIfNotReady(db));
    auto login = db.scalar(u"SELECT current_user"_s);
    if (!login.ok())
        return login.error();

    BS_TRY(createRoles(db));
    BS_TRY(db.execute(u"GRANT USAGE, CREATE ON SCHEMA public TO %1"_s.arg(ownerRole())));
    BS_TRY(db.execute(u"GRANT USAGE ON SCHEMA public TO %1"_s.arg(groupRoles().join(u", "_s))));
    BS_TRY(db.execute(u"SET ROLE %1"_s.arg(ownerRole())));
    const Status built = buildAsOwner(db, clock, login.value().toString());
    const Status reset = db.execute(u"RESET ROLE"_s);
    BS_TRY(built);
    BS_TRY(reset);
    return grantGroup(db, login.value().toString(), groupRole(u"beheerder"_s));
}

}  // namespace bs::ServerSetup
