// The server's own functions in a registry set up by `server init`. Each runs with the rights of
// the role that owns it (SECURITY DEFINER), checks the rule of DESIGN.md ("Shared mode") itself
// and, where it shows or removes subject data, writes the access-log entry in the same
// transaction. Inside them current_user is the owner: the person is session_user, which a login
// cannot change (SET ROLE changes only current_user).
#include "ServerSetup.h"

using namespace Qt::StringLiterals;

namespace bs::ServerSetup {

namespace {

// ISO 8601 UTC text, as History::timestamp writes it.
const QString nowText = u"to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"_s;

QString function(const QString& signature, const QString& returns, const QString& body, bool stable = false)
{
    return u"CREATE OR REPLACE FUNCTION %1 RETURNS %2 LANGUAGE plpgsql %3SECURITY DEFINER"
           " SET search_path = public, pg_temp AS $fn$\n%4\n$fn$"_s.arg(signature, returns, stable ? u"STABLE "_s : QString(), body);
}

QString refuse(const QString& message)
{
    return u"RAISE EXCEPTION %1 USING ERRCODE = '42501';"_s.arg(message);
}

}  // namespace

QStringList functionStatements()
{
    QStringList s;
    // The partner organisation of the person, for a partner user (NULL for everyone else).
    s << function(u"bs_person_partner()"_s, u"bigint"_s,
                  u"BEGIN RETURN (SELECT partner_id FROM users WHERE login = session_user AND role = 'partner' AND active = 1); END"_s,
                  true);
    // Whether the person may change a signal: a coordinator any, a medewerker those they
    // registered or handle (as the policy signals_wijzigen_eigen in ServerPolicies.cpp).
    s << function(u"bs_changes_signal(p_signal bigint)"_s, u"boolean"_s, uR"sql(BEGIN
    IF pg_has_role(session_user, 'bs_coordinator', 'MEMBER') THEN
        RETURN EXISTS (SELECT 1 FROM signals WHERE id = p_signal);
    END IF;
    IF pg_has_role(session_user, 'bs_medewerker', 'MEMBER') THEN
        RETURN EXISTS (SELECT 1 FROM signals WHERE id = p_signal AND (registered_by = session_user OR handler = session_user));
    END IF;
    RETURN false;
END)sql"_s, true);
    // The role in which the person may see a signal's subject data for `purpose` ('bekeken':
    // casework, 'inzage': a beheerder's inzage or erasure on request), or NULL. A partner only
    // where the consent scope covers their organisation (by name or kind), or where an override
    // ground was recorded on the referral to it.
    s << function(u"bs_subject_reader_role(p_signal bigint, p_purpose text)"_s, u"text"_s, uR"sql(BEGIN
    IF p_purpose = 'inzage' THEN
        RETURN CASE WHEN pg_has_role(session_user, 'bs_beheerder', 'MEMBER') THEN 'beheerder' END;
    END IF;
    IF p_purpose IS DISTINCT FROM 'bekeken' THEN
        RETURN NULL;
    END IF;
    IF pg_has_role(session_user, 'bs_coordinator', 'MEMBER') THEN
        RETURN 'coordinator';
    END IF;
    IF pg_has_role(session_user, 'bs_medewerker', 'MEMBER') AND bs_changes_signal(p_signal) THEN
        RETURN 'medewerker';
    END IF;
    IF pg_has_role(session_user, 'bs_partner', 'MEMBER') AND EXISTS (
        SELECT 1 FROM referrals r JOIN partners p ON p.id = r.to_partner_id JOIN signals s ON s.id = r.signal_id
        WHERE r.signal_id = p_signal AND r.to_partner_id = bs_person_partner()
          AND (r.override_ground IS NOT NULL
               OR (s.consent = 'gegeven' AND EXISTS (SELECT 1 FROM consent_scopes c WHERE c.signal_id = s.id
                                                     AND (c.partner_id = p.id OR c.partner_kind = p.kind))))) THEN
        RETURN 'partner';
    END IF;
    RETURN NULL;
END)sql"_s, true);
    s << function(u"may_read_subject(p_signal bigint, p_purpose text DEFAULT 'bekeken')"_s, u"boolean"_s,
                  u"BEGIN RETURN bs_subject_reader_role(p_signal, p_purpose) IS NOT NULL; END"_s, true);
    // Whether a signal has subject data: nothing personal, so every reader of signals may ask.
    s << function(u"has_subject(p_signal bigint)"_s, u"boolean"_s,
                  u"BEGIN RETURN EXISTS (SELECT 1 FROM subjects WHERE signal_id = p_signal); END"_s, true);
    // The one way to read subject data: checks the rule and logs, in the same transaction, so an
    // unlogged read is impossible, also with psql and the person's own password. (Replaces the
    // one-argument version of schema 8, which would make a call with one argument ambiguous.)
    s << u"DROP FUNCTION IF EXISTS read_subject(bigint)"_s;
    s << function(u"read_subject(p_signal bigint, p_purpose text DEFAULT 'bekeken')"_s, u"SETOF subjects"_s, uR"sql(DECLARE
    reader_role text := bs_subject_reader_role(p_signal, p_purpose);
BEGIN
    IF reader_role IS NULL THEN
        %1
    END IF;
    INSERT INTO access_log (at, actor, role, action, signal_id, detail)
    VALUES (%2, session_user, reader_role, p_purpose, p_signal, 'gegevens betrokkene');
    RETURN QUERY SELECT * FROM subjects WHERE signal_id = p_signal;
END)sql"_s.arg(refuse(u"'Geen toegang tot de gegevens van de betrokkene bij signaal %', p_signal"_s), nowText));
    // Recording and clearing: only on a signal the person may change; the recorder is the login.
    s << function(u"write_subject(p_signal bigint, p_name text, p_address text, p_phone text, p_birth_year integer, p_at text)"_s,
                  u"void"_s, uR"sql(BEGIN
    IF NOT bs_changes_signal(p_signal) THEN
        %1
    END IF;
    INSERT INTO subjects (signal_id, name, address, phone, birth_year, recorded_at, recorded_by)
    VALUES (p_signal, p_name, p_address, p_phone, p_birth_year, p_at, session_user)
    ON CONFLICT (signal_id) DO UPDATE SET name = excluded.name, address = excluded.address, phone = excluded.phone,
        birth_year = excluded.birth_year, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by;
END)sql"_s.arg(refuse(u"'Geen recht om de betrokkene bij signaal % vast te leggen', p_signal"_s)));
    s << function(u"clear_subject(p_signal bigint)"_s, u"void"_s, uR"sql(BEGIN
    IF NOT bs_changes_signal(p_signal) THEN
        %1
    END IF;
    DELETE FROM subjects WHERE signal_id = p_signal;
END)sql"_s.arg(refuse(u"'Geen recht om de betrokkene bij signaal % te wissen', p_signal"_s)));
    // Erasure on request and the retention run: the beheerder, who may not change signals
    // otherwise, wipes subject data (and with p_free_text the free texts), logged.
    s << function(u"wipe_subject(p_signal bigint, p_free_text boolean, p_reason text)"_s, u"void"_s, uR"sql(BEGIN
    IF NOT pg_has_role(session_user, 'bs_beheerder', 'MEMBER') THEN
        %1
    END IF;
    DELETE FROM subjects WHERE signal_id = p_signal;
    DELETE FROM consent_scopes WHERE signal_id = p_signal;
    UPDATE signals SET consent_by = NULL WHERE id = p_signal;
    IF p_free_text THEN
        UPDATE signals SET description = '[gewist]', street = NULL,
            outcome_text = CASE WHEN outcome_text IS NULL THEN NULL ELSE '[gewist]' END WHERE id = p_signal;
        UPDATE referrals SET reason = '[gewist]',
            feedback = CASE WHEN feedback IS NULL THEN NULL ELSE '[gewist]' END,
            outcome_reason = CASE WHEN outcome_reason IS NULL THEN NULL ELSE '[gewist]' END,
            rejection_reason = CASE WHEN rejection_reason IS NULL THEN NULL ELSE '[gewist]' END WHERE signal_id = p_signal;
    END IF;
    INSERT INTO access_log (at, actor, role, action, signal_id, detail)
    VALUES (%2, session_user, 'beheerder', 'gewist', p_signal, left(coalesce(p_reason, ''), 500));
END)sql"_s.arg(refuse(u"'Alleen een beheerder wist gegevens van betrokkenen (signaal %)', p_signal"_s), nowText));
    // A beheerder's search for a person's signals (inzage and erasure on request), logged.
    s << function(u"search_subjects(p_pattern text)"_s,
                  u"TABLE (signal_id bigint, name text, address text, phone text, birth_year integer)"_s, uR"sql(BEGIN
    IF NOT pg_has_role(session_user, 'bs_beheerder', 'MEMBER') THEN
        %1
    END IF;
    INSERT INTO access_log (at, actor, role, action, detail)
    VALUES (%2, session_user, 'beheerder', 'gezocht', 'gegevens betrokkenen doorzocht');
    RETURN QUERY SELECT j.signal_id::bigint, j.name, j.address, j.phone, j.birth_year FROM subjects j
        WHERE j.name ILIKE p_pattern ESCAPE '\' OR j.address ILIKE p_pattern ESCAPE '\' OR j.phone ILIKE p_pattern ESCAPE '\';
END)sql"_s.arg(refuse(u"'Alleen een beheerder doorzoekt de gegevens van betrokkenen'"_s), nowText));
    // Nobody deletes from the access log; the beheerder purges what is older than the log's
    // retention setting (never less than 6 months, as the table's trigger also demands), and the
    // purge itself is logged in both the retention log and the access log.
    s << function(u"purge_access_log()"_s, u"bigint"_s, uR"sql(DECLARE
    keep integer;
    removed bigint;
BEGIN
    IF NOT pg_has_role(session_user, 'bs_beheerder', 'MEMBER') THEN
        %1
    END IF;
    SELECT greatest(6, coalesce((SELECT CAST(value AS integer) FROM settings WHERE key = 'access_log.months'), 24)) INTO keep;
    DELETE FROM access_log
    WHERE at < to_char((now() AT TIME ZONE 'UTC') - make_interval(months => keep), 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
    GET DIAGNOSTICS removed = ROW_COUNT;
    INSERT INTO retention_log (at, actor, kind, signals, detail)
    VALUES (%2, session_user, 'logboek', 0, format('%s regels van het toegangslogboek ouder dan %s maanden verwijderd', removed, keep));
    INSERT INTO access_log (at, actor, role, action, detail)
    VALUES (%2, session_user, 'beheerder', 'beheer', format('toegangslogboek opgeschoond: %s regels ouder dan %s maanden verwijderd', removed, keep));
    RETURN removed;
END)sql"_s.arg(refuse(u"'Alleen een beheerder schoont het toegangslogboek op'"_s), nowText));
    return s;
}

QStringList functionGrants()
{
    const QString casework = u"bs_medewerker, bs_coordinator, bs_beheerder, bs_partner"_s;
    // Only the owner's functions: naming manage_login (the login manager's) would be refused.
    QStringList s = {u"DO $do$ DECLARE f record; BEGIN FOR f IN SELECT p.oid::regprocedure AS signature FROM pg_proc p"
                     " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema()"
                     " AND p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) LOOP"
                     " EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC, %s', f.signature, '%1'); END LOOP; END $do$"_s.arg(
        u"bs_medewerker, bs_coordinator, bs_stuurgroep, bs_beheerder, bs_partner"_s)};
    // Policies call these as the person.
    for (const QString& f : {u"bs_person_partner()"_s, u"bs_changes_signal(bigint)"_s, u"may_read_subject(bigint, text)"_s,
                             u"has_subject(bigint)"_s, u"read_subject(bigint, text)"_s})
        s << u"GRANT EXECUTE ON FUNCTION %1 TO %2"_s.arg(f, casework);
    for (const QString& f : {u"write_subject(bigint, text, text, text, integer, text)"_s, u"clear_subject(bigint)"_s})
        s << u"GRANT EXECUTE ON FUNCTION %1 TO bs_medewerker, bs_coordinator"_s.arg(f);
    for (const QString& f : {u"wipe_subject(bigint, boolean, text)"_s, u"search_subjects(text)"_s, u"purge_access_log()"_s})
        s << u"GRANT EXECUTE ON FUNCTION %1 TO bs_beheerder"_s.arg(f);
    return s;
}

// Why a function rather than CREATEROLE for the beheerders: on PostgreSQL 15 a role with
// CREATEROLE may grant itself (or anyone) membership in every role that is not a superuser,
// including buurtsignaal_eigenaar, whose policies see every row: a beheerder with CREATEROLE could
// undo all of the rules above. So no person gets CREATEROLE. A role nobody logs in as
// (loginManagerRole) holds it, and owns this one function, which only makes a login, moves it
// between the bs_ group roles and switches LOGIN/NOLOGIN; it refuses the owner, the group roles
// and the server's own administrators (superuser, CREATEROLE, BYPASSRLS), and only a beheerder
// may call it.
QStringList loginFunctionStatements()
{
    const QString body = uR"sql(DECLARE
    groups text[] := ARRAY['bs_medewerker', 'bs_coordinator', 'bs_stuurgroep', 'bs_beheerder', 'bs_partner'];
    target pg_roles%%ROWTYPE;
    g text;
    changes boolean;
BEGIN
    IF NOT pg_has_role(session_user, 'bs_beheerder', 'MEMBER') THEN
        RAISE EXCEPTION 'Alleen een beheerder beheert logins' USING ERRCODE = '42501';
    END IF;
    IF NOT (p_group = ANY (groups)) THEN
        RAISE EXCEPTION 'Onbekende groepsrol %', p_group USING ERRCODE = '22023';
    END IF;
    IF p_login = ANY (groups) OR p_login IN ('%1', '%2') THEN
        RAISE EXCEPTION 'De rol % is geen persoonlijke login', p_login USING ERRCODE = '42501';
    END IF;
    SELECT * INTO target FROM pg_roles WHERE rolname = p_login;
    IF NOT FOUND THEN
        IF coalesce(p_password, '') = '' THEN
            EXECUTE format('CREATE ROLE %I LOGIN', p_login);
        ELSE
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_login, p_password);
        END IF;
        IF NOT p_can_login THEN
            EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
        END IF;
        EXECUTE format('GRANT %I TO %I', p_group, p_login);
        RETURN;
    END IF;
    -- An existing login (also of another registry on this server) keeps its password.
    changes := target.rolcanlogin <> p_can_login
        OR NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid
                       WHERE m.member = target.oid AND r.rolname = p_group)
        OR EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid
                   WHERE m.member = target.oid AND r.rolname = ANY (groups) AND r.rolname <> p_group);
    IF NOT changes THEN
        RETURN;
    END IF;
    IF target.rolsuper OR target.rolcreaterole OR target.rolbypassrls THEN
        RAISE EXCEPTION 'De login % is een beheerlogin van de server; wijzig die met de beheermiddelen van de server', p_login
            USING ERRCODE = '42501';
    END IF;
    FOREACH g IN ARRAY groups LOOP
        IF g <> p_group AND EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid
                                    WHERE m.member = target.oid AND r.rolname = g) THEN
            EXECUTE format('REVOKE %I FROM %I', g, p_login);
        END IF;
    END LOOP;
    IF NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid
                   WHERE m.member = target.oid AND r.rolname = p_group) THEN
        EXECUTE format('GRANT %I TO %I', p_group, p_login);
    END IF;
    IF target.rolcanlogin <> p_can_login THEN
        EXECUTE format('ALTER ROLE %I %s', p_login, CASE WHEN p_can_login THEN 'LOGIN' ELSE 'NOLOGIN' END);
    END IF;
END)sql"_s.arg(ownerRole(), loginManagerRole()).replace(u"%%"_s, u"%"_s);
    return {u"CREATE OR REPLACE FUNCTION manage_login(p_login text, p_group text, p_password text, p_can_login boolean)"
            " RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$\n"_s
                + body + u"\n$fn$"_s,
            u"REVOKE ALL ON FUNCTION manage_login(text, text, text, boolean) FROM PUBLIC"_s,
            u"GRANT EXECUTE ON FUNCTION manage_login(text, text, text, boolean) TO bs_beheerder"_s};
}

}  // namespace bs::ServerSetup
