// Grants and row-level security of a registry set up by `server init`: the rules of DESIGN.md
// ("Shared mode") per table and group role. Applied as the owner at `server init` and again,
// from a clean slate, at every `server upgrade`, so a later migration never loses them. The person
// is session_user (see ServerFunctions.cpp); the functions used here are defined there.
#include "ServerSetup.h"
#include "SteeringViews.h"

using namespace Qt::StringLiterals;

namespace bs::ServerSetup {

namespace {

// Tables with rows about signals, the people in them and who uses the registry: row-level
// security, forced so that not even the owner reads them outside a policy.
const QStringList& protectedTables()
{
    static const QStringList tables = {u"signals"_s, u"subjects"_s, u"consent_scopes"_s, u"referrals"_s, u"escalations"_s,
                                       u"history"_s, u"access_log"_s, u"users"_s};
    return tables;
}

// Reference data and figures that hold no person: every group reads them (users: see its policies).
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

QString policy(const QString& name, const QString& table, const QString& command, const QString& to, const QString& using_,
               const QString& check = {})
{
    QString sql = u"CREATE POLICY %1 ON %2 FOR %3 TO %4"_s.arg(name, table, command, to);
    if (!using_.isEmpty())
        sql += u" USING (%1)"_s.arg(using_);
    if (!check.isEmpty())
        sql += u" WITH CHECK (%1)"_s.arg(check);
    return sql;
}

// A signal (column `signalId` of the row) with a referral to the partner user's organisation.
QString referredToMe(const QString& signalId)
{
    return u"EXISTS (SELECT 1 FROM referrals r WHERE r.signal_id = %1 AND r.to_partner_id = bs_person_partner())"_s.arg(signalId);
}

}  // namespace

QStringList securityStatements()
{
    const QString everyone = roles({u"medewerker"_s, u"coordinator"_s, u"stuurgroep"_s, u"beheerder"_s, u"partner"_s});
    const QString workers = roles({u"medewerker"_s, u"coordinator"_s});
    const QString readers = roles({u"medewerker"_s, u"coordinator"_s, u"beheerder"_s});
    const QString beheerder = groupRole(u"beheerder"_s);
    const QString medewerker = groupRole(u"medewerker"_s);
    const QString coordinator = groupRole(u"coordinator"_s);
    const QString partner = groupRole(u"partner"_s);
    const QString casework = readers + u", "_s + partner;

    QStringList s = {
        // "does not exist, skipping" is no news here.
        u"SET LOCAL client_min_messages = warning"_s,
        // A clean slate: an upgrade removes what an older version granted.
        u"DO $do$ DECLARE p record; BEGIN FOR p IN SELECT policyname, tablename FROM pg_policies"
        " WHERE schemaname = current_schema() LOOP EXECUTE format('DROP POLICY %I ON %I', p.policyname, p.tablename);"
        " END LOOP; END $do$"_s,
        u"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, %1"_s.arg(everyone),
        u"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, %1"_s.arg(everyone),
        u"GRANT SELECT ON %1 TO %2"_s.arg(sharedTables().join(u", "_s), everyone),
        ServerSetup::ifTableExists(u"signal_month_counts"_s, u"GRANT SELECT ON signal_month_counts, referral_month_counts,"
                                   " referral_month_days TO %1"_s.arg(everyone)),
        u"GRANT INSERT, UPDATE, DELETE ON settings, users, wijken, buurten, themes, categories, sources, partners,"
        " partner_buurten, escalation_levels, indicators, indicator_entries TO %1"_s.arg(beheerder),
        // The buurt map and the street table (schema 13): read by all, kept by the beheerder.
        ifTableExists(u"street_buurten"_s, u"GRANT SELECT ON buurt_outlines, wijk_outlines, street_buurten TO %1"_s.arg(everyone)),
        ifTableExists(u"street_buurten"_s,
                      u"GRANT INSERT, UPDATE, DELETE ON buurt_outlines, wijk_outlines, street_buurten TO %1"_s.arg(beheerder)),
        u"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO %1"_s.arg(casework),
        // Casework. No grant at all to the stuurgroep: it reads figures, never a row.
        u"GRANT SELECT, INSERT, UPDATE ON referrals, escalations, signal_sequence, activities, activity_partners TO %1"_s.arg(workers),
        // A signal's reference and who registered it when never change (the policies let a
        // handler change a signal; that must not make them its registrant): every other column.
        u"GRANT SELECT, INSERT ON signals TO %1"_s.arg(workers),
        u"DO $do$ BEGIN EXECUTE (SELECT format('GRANT UPDATE (%s) ON signals TO %1', string_agg(quote_ident(column_name), ', '))"
        " FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'signals'"
        " AND column_name NOT IN ('id', 'reference', 'registered_at', 'registered_by', 'referral_term')); END $do$"_s.arg(workers),
        u"GRANT SELECT, INSERT, DELETE ON consent_scopes TO %1"_s.arg(workers),
        // The day counts are kept by triggers running with the rights of whoever changed a signal
        // or a referral.
        u"GRANT INSERT, UPDATE, DELETE ON signal_day_counts, referral_day_counts TO %1"_s.arg(workers),
        u"GRANT INSERT, UPDATE, DELETE ON referral_day_counts TO %1"_s.arg(partner),
        ServerSetup::ifTableExists(u"signal_month_counts"_s, u"GRANT INSERT, UPDATE, DELETE ON signal_month_counts, referral_month_counts,"
                                   " referral_month_days TO %1"_s.arg(workers)),
        ServerSetup::ifTableExists(u"signal_month_counts"_s, u"GRANT INSERT, UPDATE, DELETE ON referral_month_counts, referral_month_days"
                                   " TO %1"_s.arg(partner)),
        ifTableExists(u"escalation_day_counts"_s, u"GRANT SELECT ON escalation_day_counts TO %1"_s.arg(everyone)),
        ifTableExists(u"escalation_day_counts"_s, u"GRANT INSERT, UPDATE, DELETE ON escalation_day_counts TO %1"_s.arg(workers)),
        // Kept by triggers that run with the owner's rights (schema 15): read only.
        ifTableExists(u"signal_open_terms"_s, u"GRANT SELECT ON signal_open_terms TO %1"_s.arg(everyone)),
        u"GRANT SELECT ON signals, consent_scopes, referrals, escalations TO %1"_s.arg(partner),
        // A partner answers a referral: these columns only, never its signal, reason or partner.
        u"GRANT UPDATE (status, accepted_on, complete_by, closed_on, rejection_reason, outcome, outcome_reason, feedback,"
        " updated_at) ON referrals TO %1"_s.arg(partner),
        u"GRANT SELECT ON signals, consent_scopes, referrals, escalations, export_log, import_log, retention_log TO %1"_s.arg(beheerder),
        // Activities are kept under Beheer, like the reference data.
        u"GRANT SELECT, INSERT, UPDATE, DELETE ON activities, activity_partners TO %1"_s.arg(beheerder),
        // Subject data: no grant to any login; read and written only through the functions.
        // Append-only: inserted, never updated or deleted by any login (the triggers refuse too).
        u"GRANT SELECT, INSERT ON history TO %1"_s.arg(casework),
        u"GRANT INSERT ON access_log TO %1"_s.arg(everyone),
        u"GRANT INSERT ON export_log, import_log TO %1"_s.arg(readers),
        u"GRANT SELECT ON access_log TO %1"_s.arg(beheerder),
        u"GRANT INSERT ON retention_log TO %1"_s.arg(beheerder),
    };
    for (const QString& table : protectedTables()) {
        s << u"ALTER TABLE %1 ENABLE ROW LEVEL SECURITY"_s.arg(table) << u"ALTER TABLE %1 FORCE ROW LEVEL SECURITY"_s.arg(table)
          << policy(table + u"_eigenaar"_s, table, u"ALL"_s, ownerRole(), u"true"_s, u"true"_s);
    }
    s << functionStatements() << functionGrants();

    // Signals: everyone but the stuurgroep and partners reads all; a partner those referred to
    // them. Registered only under one's own login; a medewerker changes what they registered.
    s << policy(u"signals_lezen"_s, u"signals"_s, u"SELECT"_s, readers, u"true"_s)
      << policy(u"signals_partner"_s, u"signals"_s, u"SELECT"_s, partner, referredToMe(u"signals.id"_s))
      << policy(u"signals_registreren"_s, u"signals"_s, u"INSERT"_s, workers, {}, u"registered_by = session_user"_s)
      << policy(u"signals_wijzigen"_s, u"signals"_s, u"UPDATE"_s, coordinator, u"true"_s, u"true"_s)
      // A medewerker changes what they registered or handle (as bs_changes_signal); handing a
      // signal over to a colleague leaves their name as handed_over_by, which the check accepts.
      << ifColumnExists(u"signals"_s, u"handler"_s,
                        policy(u"signals_wijzigen_eigen"_s, u"signals"_s, u"UPDATE"_s, medewerker,
                               u"registered_by = session_user OR handler = session_user"_s,
                               u"registered_by = session_user OR handler = session_user OR handed_over_by = session_user"_s),
                        policy(u"signals_wijzigen_eigen"_s, u"signals"_s, u"UPDATE"_s, medewerker, u"registered_by = session_user"_s,
                               u"registered_by = session_user"_s));

    // Consent scope (no personal data): read with the signal, changed with it.
    s << policy(u"consent_scopes_lezen"_s, u"consent_scopes"_s, u"SELECT"_s, readers, u"true"_s)
      << policy(u"consent_scopes_partner"_s, u"consent_scopes"_s, u"SELECT"_s, partner, referredToMe(u"consent_scopes.signal_id"_s))
      << policy(u"consent_scopes_toevoegen"_s, u"consent_scopes"_s, u"INSERT"_s, workers, {}, u"bs_changes_signal(signal_id)"_s)
      << policy(u"consent_scopes_verwijderen"_s, u"consent_scopes"_s, u"DELETE"_s, workers, u"bs_changes_signal(signal_id)"_s);

    // Referrals: workers read all and refer signals they may change (sent under their own login);
    // a partner reads those to its organisation and accepts, rejects or completes them.
    s << policy(u"referrals_lezen"_s, u"referrals"_s, u"SELECT"_s, readers, u"true"_s)
      << policy(u"referrals_partner"_s, u"referrals"_s, u"SELECT"_s, partner, u"to_partner_id = bs_person_partner()"_s)
      << policy(u"referrals_toevoegen"_s, u"referrals"_s, u"INSERT"_s, workers, {},
                u"sent_by = session_user AND bs_changes_signal(signal_id)"_s)
      << policy(u"referrals_wijzigen"_s, u"referrals"_s, u"UPDATE"_s, coordinator, u"true"_s, u"true"_s)
      << policy(u"referrals_wijzigen_eigen"_s, u"referrals"_s, u"UPDATE"_s, medewerker, u"bs_changes_signal(signal_id)"_s,
                u"bs_changes_signal(signal_id)"_s)
      << policy(u"referrals_beantwoorden"_s, u"referrals"_s, u"UPDATE"_s, partner,
                u"to_partner_id = bs_person_partner() AND status IN ('verstuurd','geaccepteerd')"_s,
                u"to_partner_id = bs_person_partner() AND status IN ('geaccepteerd','afgewezen','afgerond')"_s);

    // Escalations: read with the signal; a step only on a signal one may change, under one's own login.
    s << policy(u"escalations_lezen"_s, u"escalations"_s, u"SELECT"_s, readers, u"true"_s)
      << policy(u"escalations_partner"_s, u"escalations"_s, u"SELECT"_s, partner, referredToMe(u"escalations.signal_id"_s))
      << policy(u"escalations_toevoegen"_s, u"escalations"_s, u"INSERT"_s, workers, {},
                u"by_user = session_user AND bs_changes_signal(signal_id)"_s)
      << policy(u"escalations_wijzigen"_s, u"escalations"_s, u"UPDATE"_s, workers, u"bs_changes_signal(signal_id)"_s,
                u"bs_changes_signal(signal_id)"_s);

    // History: of the signals one may read (a partner: of the referrals to its organisation),
    // written under one's own login only.
    const QString myReferral = u"referral_id IN (SELECT r.id FROM referrals r WHERE r.to_partner_id = bs_person_partner())"_s;
    s << policy(u"history_lezen"_s, u"history"_s, u"SELECT"_s, readers, u"true"_s)
      << policy(u"history_partner"_s, u"history"_s, u"SELECT"_s, partner, myReferral)
      << policy(u"history_toevoegen"_s, u"history"_s, u"INSERT"_s, readers, {}, u"actor = session_user"_s)
      << policy(u"history_partner_toevoegen"_s, u"history"_s, u"INSERT"_s, partner, {}, u"actor = session_user AND "_s + myReferral);

    // Access log: entries under one's own login (the history trigger writes the history's actor);
    // read by the beheerder; purged only through purge_access_log().
    // (The stuurgroep's own, narrower rule is with its figures in SteeringViews.)
    s << policy(u"access_log_toevoegen"_s, u"access_log"_s, u"INSERT"_s, casework, {}, u"actor = session_user"_s)
      << policy(u"access_log_lezen"_s, u"access_log"_s, u"SELECT"_s, beheerder, u"true"_s);

    // The journal: read with the signals; written under one's own login on a signal one may
    // change; the beheerder blanks texts on an erasure (the trigger allows nothing else).
    const QString journal = u"journal_entries"_s;
    for (const QString& statement :
         {u"GRANT SELECT, INSERT ON journal_entries TO %1"_s.arg(workers), u"GRANT SELECT, UPDATE (text) ON journal_entries TO %1"_s.arg(beheerder),
          // A partner reads a signal's detail with it, and no policy gives it a row: the journal
          // is the team's own.
          u"GRANT SELECT ON journal_entries TO %1"_s.arg(partner),
          u"ALTER TABLE journal_entries ENABLE ROW LEVEL SECURITY"_s, u"ALTER TABLE journal_entries FORCE ROW LEVEL SECURITY"_s,
          policy(u"journal_entries_eigenaar"_s, journal, u"ALL"_s, ownerRole(), u"true"_s, u"true"_s),
          policy(u"journal_entries_lezen"_s, journal, u"SELECT"_s, readers, u"true"_s),
          policy(u"journal_entries_toevoegen"_s, journal, u"INSERT"_s, workers, {}, u"author = session_user AND bs_changes_signal(signal_id)"_s),
          policy(u"journal_entries_wissen"_s, journal, u"UPDATE"_s, beheerder, u"true"_s, u"text = ''"_s)}) {
        s << ifTableExists(journal, statement);
    }

    // Users: a medewerker, partner or stuurgroep member sees their own row (the program reads its
    // role there); a medewerker also the colleagues who handle signals (to hand one over);
    // coordinators see all; the beheerder manages them.
    s << policy(u"users_eigen"_s, u"users"_s, u"SELECT"_s, roles({u"medewerker"_s, u"stuurgroep"_s, u"partner"_s}),
                u"login = session_user"_s)
      << policy(u"users_collegas"_s, u"users"_s, u"SELECT"_s, medewerker, u"active = 1 AND role IN ('medewerker', 'coordinator')"_s)
      << policy(u"users_lezen"_s, u"users"_s, u"SELECT"_s, coordinator, u"true"_s)
      << policy(u"users_beheren"_s, u"users"_s, u"ALL"_s, beheerder, u"true"_s, u"true"_s);

    // The steering group's figures, with every count of 1-4 hidden on the server; last, because
    // it takes back the stuurgroep's read of the exact day counts granted above.
    s << SteeringViews::statements();
    return s;
}

}  // namespace bs::ServerSetup
