// Users, set-up and upgrade, and the services and the app per role on a server (fixture: tst_rls.h).
#include "tst_rls.h"

void TestRls::usersSeeTheirOwnRow()
{
    LoginConnection admin(m_database->address(), m_database->address().user);
    const int all = admin.scalar(u"SELECT count(*) FROM users"_s).toInt();
    QCOMPARE(all, 8);
    for (const QString& login : {medewerker, partnerA, stuurgroep}) {
        LoginConnection person(m_database->address(), login);
        // A medewerker also sees the colleagues who handle signals (to hand one over), no one else.
        const QString seen = login == medewerker ? QStringList{medewerker, collega, coordinator}.join(u',') : login;
        QCOMPARE(person.scalar(u"SELECT string_agg(login, ',' ORDER BY id) FROM users"_s).toString(), seen);
        QCOMPARE(person.failure(u"UPDATE users SET role = 'beheerder' WHERE login = current_user"_s), u"42501"_s);
    }
    for (const QString& login : {coordinator, beheerder}) {
        LoginConnection person(m_database->address(), login);
        QCOMPARE(person.scalar(u"SELECT count(*) FROM users"_s).toInt(), all);
    }
    // Each still has their role in the program.
    for (const auto& [login, role] : {std::pair{medewerker, Role::Medewerker}, std::pair{partnerA, Role::Partner},
                                      std::pair{stuurgroep, Role::Stuurgroep}, std::pair{coordinator, Role::Coordinator}}) {
        auto registry = openAs(login);
        QVERIFY(registry);
        QCOMPARE(Access::role(*registry).value(), role);
    }
}

void TestRls::purgeAccessLogLogsItself()
{
    LoginConnection admin(m_database->address(), m_database->address().user);
    QCOMPARE(admin.failure(u"INSERT INTO access_log (at, actor, role, action, detail) VALUES ('2020-01-01T00:00:00Z', 'oud', 'medewerker',"
                           " 'bekeken', 'oud')"_s),
             QString());
    LoginConnection manager(m_database->address(), beheerder);
    QCOMPARE(manager.failure(u"DELETE FROM access_log WHERE at < '2021-01-01'"_s), u"42501"_s);
    LoginConnection worker(m_database->address(), medewerker);
    QCOMPARE(worker.failure(u"SELECT purge_access_log()"_s), u"42501"_s);
    // Through the service, as the beheerder's login.
    auto registry = openAs(beheerder);
    QVERIFY(registry);
    auto purged = AccessLog::purge(*registry);
    QVERIFY2(purged.ok(), qPrintable(purged.ok() ? QString() : purged.error().message));
    QCOMPARE(purged.value(), 1);
    QCOMPARE(admin.scalar(u"SELECT count(*) FROM access_log WHERE actor = 'oud'"_s).toInt(), 0);
    QCOMPARE(admin.scalar(u"SELECT count(*) FROM access_log WHERE actor = '%1' AND action = 'beheer' AND detail LIKE '%%opgeschoond: 1 regels%%'"_s
                              .arg(beheerder))
                 .toInt(),
             1);
    QCOMPARE(admin.scalar(u"SELECT count(*) FROM retention_log WHERE actor = '%1' AND kind = 'logboek'"_s.arg(beheerder)).toInt(), 1);
    // Recent entries stay, whoever asks.
    const int left = admin.scalar(u"SELECT count(*) FROM access_log"_s).toInt();
    QCOMPARE(manager.scalar(u"SELECT purge_access_log()"_s).toInt(), 0);
    QCOMPARE(admin.scalar(u"SELECT count(*) FROM access_log"_s).toInt(), left + 1);
}

void TestRls::disabledUserCannotLogIn()
{
    const ProgramRun disabled = cli({u"--db"_s, m_database->uri(), u"user"_s, u"disable"_s, collega});
    QVERIFY2(disabled.code == 0, qPrintable(disabled.err));
    LoginConnection refused(m_database->address(), collega);
    QVERIFY(!refused.isOpen());
    QVERIFY2(refused.openError().contains(u"not permitted to log in"_s), qPrintable(refused.openError()));
    LoginConnection admin(m_database->address(), m_database->address().user);
    QCOMPARE(admin.scalar(u"SELECT role || ':' || active FROM users WHERE login = '%1'"_s.arg(collega)).toString(), u"medewerker:0"_s);
    // Made active again, the same login works again.
    const ProgramRun again = cli({u"--db"_s, m_database->uri(), u"user"_s, u"set"_s, collega, u"medewerker"_s});
    QVERIFY2(again.code == 0, qPrintable(again.err));
    LoginConnection back(m_database->address(), collega);
    QVERIFY2(back.isOpen(), qPrintable(back.openError()));
}

void TestRls::userSetMovesTheLoginToItsGroup()
{
    const ProgramRun moved = cli({u"--db"_s, m_database->uri(), u"user"_s, u"set"_s, collega, u"partner"_s, u"--partner"_s, partnerNameB});
    QVERIFY2(moved.code == 0, qPrintable(moved.err));
    LoginConnection person(m_database->address(), collega);
    QCOMPARE(person.scalar(u"SELECT pg_has_role(current_user, 'bs_partner', 'member')"_s).toBool(), true);
    QCOMPARE(person.scalar(u"SELECT pg_has_role(current_user, 'bs_medewerker', 'member')"_s).toBool(), false);
    // Now a partner of B: only B's referrals, not even the signal they registered themselves.
    QCOMPARE(person.scalar(u"SELECT count(*) FROM signals"_s).toInt(), 0);
    // A partner without an organisation, or a medewerker with one, is refused with nothing changed.
    LoginConnection admin(m_database->address(), m_database->address().user);
    const QString before = admin.scalar(u"SELECT role FROM users WHERE login = '%1'"_s.arg(medewerker)).toString();
    const ProgramRun refused = cli({u"--db"_s, m_database->uri(), u"user"_s, u"set"_s, medewerker, u"partner"_s});
    QCOMPARE(refused.code, 1);
    QVERIFY2(refused.err.contains(u"--partner"_s), qPrintable(refused.err));
    QCOMPARE(admin.scalar(u"SELECT role FROM users WHERE login = '%1'"_s.arg(medewerker)).toString(), before);
    QCOMPARE(admin.scalar(u"SELECT pg_has_role('%1', 'bs_partner', 'member')"_s.arg(medewerker)).toBool(), false);
    // The server's own administrator logins are not moved by a beheerder.
    const ProgramRun admins = cli({u"--db"_s, uriAs(m_database->address(), beheerder), u"user"_s, u"set"_s,
                                   m_database->address().user, u"medewerker"_s});
    QCOMPARE(admins.code, 1);
}

void TestRls::serverInitFailureLeavesNothing()
{
    TempServerDatabase other;
    {
        // Something in the way that only shows half-way: a function of the same name owned by
        // someone else, which the owner role cannot replace.
        LoginConnection admin(other.address(), other.address().user);
        QCOMPARE(admin.failure(u"CREATE FUNCTION purge_access_log() RETURNS bigint LANGUAGE sql AS 'SELECT 0::bigint'"_s), QString());
    }
    const Status failed = ServerSetup::initialise(other.address(), m_clock);
    QVERIFY(!failed.ok());
    LoginConnection admin(other.address(), other.address().user);
    QCOMPARE(admin.scalar(u"SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"_s).toInt(), 0);
    QCOMPARE(admin.scalar(u"SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'"_s).toInt(), 1);
    QCOMPARE(admin.scalar(u"SELECT has_schema_privilege('%1', 'public', 'CREATE')"_s.arg(ServerSetup::ownerRole())).toBool(), false);
    // Once the obstacle is gone, the same command succeeds.
    QCOMPARE(admin.failure(u"DROP FUNCTION purge_access_log()"_s), QString());
    const Status done = ServerSetup::initialise(other.address(), m_clock);
    QVERIFY2(done.ok(), qPrintable(message(done)));
}

void TestRls::serverInitByAnAdministratorWithoutSuperuser()
{
    // A municipality's DBA login: CREATEROLE and the database, not a superuser.
    TempServerDatabase other;
    const QString dba = u"rls_dba"_s;
    {
        LoginConnection admin(other.address(), other.address().user);
        QCOMPARE(admin.failure(u"DO $do$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1') THEN"
                               " CREATE ROLE %1 LOGIN CREATEROLE; END IF; END $do$"_s.arg(dba)),
                 QString());
        QCOMPARE(admin.failure(u"ALTER DATABASE %1 OWNER TO %2"_s.arg(other.address().database, dba)), QString());
    }
    const Status done = ServerSetup::initialise(as(other.address(), dba), m_clock);
    QVERIFY2(done.ok(), qPrintable(message(done)));
    LoginConnection admin(other.address(), other.address().user);
    // It lent itself the owner's and the login manager's roles only while setting up.
    for (const QString& role : {ServerSetup::ownerRole(), ServerSetup::loginManagerRole()})
        QCOMPARE(admin.scalar(u"SELECT pg_has_role('%1', '%2', 'member')"_s.arg(dba, role)).toBool(), false);
    QCOMPARE(admin.scalar(u"SELECT pg_has_role('%1', 'bs_beheerder', 'member')"_s.arg(dba)).toBool(), true);
    // As the first beheerder it adds a person, who can work.
    const ProgramRun added = cli({u"--db"_s, uriAs(other.address(), dba), u"user"_s, u"add"_s, u"rls_dba_medewerker"_s, u"--role"_s,
                                  u"medewerker"_s});
    QVERIFY2(added.code == 0, qPrintable(added.err));
    auto person = Registry::open(uriAs(other.address(), u"rls_dba_medewerker"_s), Registry::Create::No, m_clock, {});
    QVERIFY2(person.ok(), qPrintable(person.ok() ? QString() : person.error().message));
    QVERIFY(!addSignal(*person.value()).isEmpty());
    const ProgramRun upgraded = cli({u"--db"_s, uriAs(other.address(), dba), u"server"_s, u"upgrade"_s});
    QVERIFY2(upgraded.code == 0, qPrintable(upgraded.err));
}

void TestRls::olderSchemaAsksForServerUpgrade()
{
    TempServerDatabase older;
    const Status initialised = ServerSetup::initialise(older.address(), m_clock, standardLadder().mid(0, 8));
    QVERIFY2(initialised.ok(), qPrintable(initialised.ok() ? QString() : initialised.error().message));
    {
        auto admin = Registry::open(older.uri(), Registry::Create::No, m_clock, {});
        QVERIFY(!admin.ok());  // not even the administrator migrates by opening it
        LoginConnection raw(older.address(), older.address().user);
        QCOMPARE(raw.failure(u"DO $do$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rls_oud') THEN"
                             " CREATE ROLE rls_oud LOGIN; END IF; END $do$"_s),
                 QString());
        QCOMPARE(raw.failure(u"GRANT bs_medewerker TO rls_oud"_s), QString());
    }
    const QByteArray before = contentFingerprint(older.uri());
    auto person = Registry::open(uriAs(older.address(), u"rls_oud"_s), Registry::Create::No, m_clock, {});
    QVERIFY(!person.ok());
    QVERIFY2(person.error().message.contains(u"server upgrade"_s), qPrintable(person.error().message));
    QVERIFY2(person.error().message.contains(u"niets gewijzigd"_s), qPrintable(person.error().message));
    QCOMPARE(contentFingerprint(older.uri()), before);

    const ProgramRun upgraded = cli({u"--db"_s, older.uri(), u"server"_s, u"upgrade"_s});
    QVERIFY2(upgraded.code == 0, qPrintable(upgraded.err));
    QVERIFY2(upgraded.out.contains(u"van schemaversie 8 naar %1"_s.arg(latestVersion(standardLadder()))), qPrintable(upgraded.out));
    auto now = Registry::open(uriAs(older.address(), u"rls_oud"_s), Registry::Create::No, m_clock, {});
    QVERIFY2(now.ok(), qPrintable(now.ok() ? QString() : now.error().message));
    LoginConnection raw(older.address(), older.address().user);
    QCOMPARE(raw.scalar(u"SELECT tableowner FROM pg_tables WHERE tablename = 'users'"_s).toString(), ServerSetup::ownerRole());
    QCOMPARE(raw.scalar(u"SELECT count(*) FROM pg_policies WHERE tablename = 'users'"_s).toInt() >= 3, true);
}

void TestRls::upgradeReappliesPolicies()
{
    {
        // What a careless migration or a hand on the server could do.
        LoginConnection admin(m_database->address(), m_database->address().user);
        QCOMPARE(admin.failure(u"DROP POLICY users_eigen ON users"_s), QString());
        QCOMPARE(admin.failure(u"DROP POLICY signals_registreren ON signals"_s), QString());
        QCOMPARE(admin.failure(u"CREATE POLICY signals_open ON signals FOR INSERT TO bs_medewerker WITH CHECK (true)"_s), QString());
        QCOMPARE(admin.failure(u"GRANT SELECT ON subjects TO bs_stuurgroep"_s), QString());
        QCOMPARE(admin.failure(u"ALTER TABLE history NO FORCE ROW LEVEL SECURITY"_s), QString());
    }
    const ProgramRun upgraded = cli({u"--db"_s, m_database->uri(), u"server"_s, u"upgrade"_s});
    QVERIFY2(upgraded.code == 0, qPrintable(upgraded.err));
    QVERIFY2(upgraded.out.contains(u"opnieuw toegepast"_s), qPrintable(upgraded.out));
    LoginConnection admin(m_database->address(), m_database->address().user);
    QCOMPARE(admin.scalar(u"SELECT count(*) FROM pg_policies WHERE policyname IN ('users_eigen', 'signals_registreren')"_s).toInt(), 2);
    QCOMPARE(admin.scalar(u"SELECT count(*) FROM pg_policies WHERE policyname = 'signals_open'"_s).toInt(), 0);
    QCOMPARE(admin.scalar(u"SELECT relforcerowsecurity FROM pg_class WHERE relname = 'history'"_s).toBool(), true);
    LoginConnection steering(m_database->address(), stuurgroep);
    QCOMPARE(steering.failure(u"SELECT name FROM subjects"_s), u"42501"_s);
    LoginConnection worker(m_database->address(), medewerker);
    QCOMPARE(worker.scalar(u"SELECT count(*) FROM users WHERE role NOT IN ('medewerker', 'coordinator')"_s).toInt(), 0);
    // Only an administrator of the server upgrades.
    const ProgramRun refused = cli({u"--db"_s, uriAs(m_database->address(), beheerder), u"server"_s, u"upgrade"_s});
    QCOMPARE(refused.code, 1);
    QVERIFY2(refused.err.contains(u"mag geen rollen aanmaken"_s), qPrintable(refused.err));
}

void TestRls::servicesWorkForEachRoleOnServer()
{
    // Medewerker: registers, records the subject and consent, refers (through the command line).
    const QString worker = uriAs(m_database->address(), medewerker);
    const ProgramRun added = cli({u"--db"_s, worker, u"signal"_s, u"add"_s, u"--buurt"_s, u"Oranjebuurt"_s, u"--category"_s,
                                  u"eenzaamheid"_s, u"--source"_s, u"huisbezoek"_s, u"--impact"_s, u"individu"_s, u"--description"_s,
                                  u"Komt niet meer buiten"_s});
    QVERIFY2(added.code == 0, qPrintable(added.err));
    const QString reference = added.out.trimmed();
    QVERIFY2(cli({u"--db"_s, worker, u"subject"_s, u"set"_s, reference, u"--name"_s, u"Mevr. Bakker"_s}).code == 0, "subject set");
    QVERIFY2(cli({u"--db"_s, worker, u"consent"_s, reference, u"--status"_s, u"gegeven"_s, u"--scope"_s, u"welzijn"_s}).code == 0, "consent");
    const ProgramRun referred = cli({u"--db"_s, worker, u"referral"_s, u"add"_s, reference, u"--to"_s, partnerNameA, u"--reason"_s, u"Maatje"_s});
    QVERIFY2(referred.code == 0, qPrintable(referred.err));
    const QString referral = referred.out.trimmed();
    const ProgramRun shown = cli({u"--db"_s, worker, u"signal"_s, u"show"_s, reference});
    QVERIFY2(shown.code == 0 && shown.out.contains(u"Mevr. Bakker"_s), qPrintable(shown.out + shown.err));

    // Partner A: sees the referral and the subject (consent covers 'welzijn'), accepts it.
    const QString partner = uriAs(m_database->address(), partnerA);
    const ProgramRun list = cli({u"--db"_s, partner, u"referral"_s, u"list"_s});
    QVERIFY2(list.code == 0 && list.out.contains(reference), qPrintable(list.out + list.err));
    const ProgramRun accepted = cli({u"--db"_s, partner, u"referral"_s, u"accept"_s, referral});
    QVERIFY2(accepted.code == 0, qPrintable(accepted.err));
    const ProgramRun partnerShow = cli({u"--db"_s, partner, u"signal"_s, u"show"_s, reference});
    QVERIFY2(partnerShow.code == 0 && partnerShow.out.contains(u"Mevr. Bakker"_s), qPrintable(partnerShow.out + partnerShow.err));
    QVERIFY(cli({u"--db"_s, partner, u"signal"_s, u"add"_s, u"--buurt"_s, u"Oranjebuurt"_s, u"--category"_s, u"eenzaamheid"_s,
                 u"--source"_s, u"huisbezoek"_s, u"--impact"_s, u"straat"_s, u"--description"_s, u"x"_s})
                .code != 0);

    // Coordinator: changes a colleague's signal and escalates it.
    auto coord = openAs(coordinator);
    QVERIFY(coord);
    const ProgramRun escalated = cli({u"--db"_s, uriAs(m_database->address(), coordinator), u"escalate"_s, reference, u"--to"_s, u"1"_s,
                                      u"--trigger"_s, u"meerdere_leefgebieden"_s, u"--reason"_s, u"Ook schulden"_s});
    QVERIFY2(escalated.code == 0, qPrintable(escalated.err));

    // Beheerder: search, inzage and erasure on request, the retention run; all logged.
    const QString manager = uriAs(m_database->address(), beheerder);
    const ProgramRun found = cli({u"--db"_s, manager, u"subject"_s, u"search"_s, u"bakker"_s});
    QVERIFY2(found.code == 0 && found.out.contains(reference), qPrintable(found.out + found.err));
    QTemporaryDir dir;
    const QString out = dir.filePath(u"inzage.json"_s);
    const ProgramRun inzage = cli({u"--db"_s, manager, u"subject"_s, u"inzage"_s, reference, u"--out"_s, out});
    QVERIFY2(inzage.code == 0, qPrintable(inzage.err));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("Mevr. Bakker"));
    const ProgramRun erased = cli({u"--db"_s, manager, u"subject"_s, u"erase"_s, reference, u"--reason"_s, u"verzoek betrokkene"_s});
    QVERIFY2(erased.code == 0, qPrintable(erased.err));
    const ProgramRun retention = cli({u"--db"_s, manager, u"retention"_s});
    QVERIFY2(retention.code == 0, qPrintable(retention.err));
    LoginConnection admin(m_database->address(), m_database->address().user);
    QCOMPARE(admin.scalar(u"SELECT count(*) FROM subjects s JOIN signals g ON g.id = s.signal_id WHERE g.reference = '%1'"_s.arg(reference)).toInt(), 0);
    QCOMPARE(admin.scalar(u"SELECT count(*) FROM access_log a JOIN signals g ON g.id = a.signal_id WHERE g.reference = '%1'"
                          " AND a.action = 'gewist' AND a.actor = '%2' AND a.detail = 'verzoek betrokkene'"_s.arg(reference, beheerder)).toInt(),
             1);
    QCOMPARE(admin.scalar(u"SELECT string_agg(DISTINCT action, ',' ORDER BY action) FROM access_log WHERE actor = '%1'"
                          " AND action IN ('gezocht', 'inzage', 'gewist')"_s.arg(beheerder)).toString(),
             u"gewist,gezocht,inzage"_s);
    // Stuurgroep: no signal, through the program either.
    const ProgramRun steering = cli({u"--db"_s, uriAs(m_database->address(), stuurgroep), u"signal"_s, u"show"_s, reference});
    QVERIFY(steering.code != 0);
}

// The app mirrors the server: it offers a change exactly where the server would take it.
void TestRls::appOffersWhatTheServerAllows()
{
    referSignals();
    struct Case {
        QString login;
        Role role;
        QString signal;
        bool change;
        bool answer;
    };
    const QList<Case> cases = {
        {medewerker, Role::Medewerker, m_ownSignal, true, true},
        {medewerker, Role::Medewerker, m_otherSignal, false, true},
        {coordinator, Role::Coordinator, m_otherSignal, true, true},
        {partnerA, Role::Partner, m_ownSignal, false, true},
    };
    for (const Case& c : cases) {
        auto registry = openAs(c.login);
        QVERIFY(registry);
        auto detail = Signals::detail(*registry, c.signal);
        QVERIFY2(detail.ok(), qPrintable(c.login + u": "_s + (detail.ok() ? QString() : detail.error().message)));
        const Access::SignalRights rights = Access::rightsOn(*registry, c.role, detail->registeredBy, detail->handler);
        QVERIFY2(rights.change == c.change, qPrintable(c.login + u" change "_s + c.signal));
        QCOMPARE(rights.answerReferrals, c.answer);
        // And the server agrees, by the row it lets this login update.
        LoginConnection raw(m_database->address(), c.login);
        const int updated = raw.affected(u"UPDATE signals SET street = street WHERE reference = '%1'"_s.arg(c.signal));
        QCOMPARE(updated == 1, c.change);
    }
}
