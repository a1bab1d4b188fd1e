// Shared mode's access rules enforced by the PostgreSQL server itself: `server init` builds the
// schema owned by a role that cannot log in, group roles with their grants and forced row-level
// security. Each rule of DESIGN.md ("Shared mode") is proven by raw SQL as a real login role (not
// through the services), and the services and the command line are shown to work for each role.
// Needs the throwaway server of tests/pg/server.sh (BUURTSIGNAAL_TEST_PG); skipped without it.
// That server trusts local logins (tests/pg/server.sh), so the passwords given here are set but
// not asked for; a disabled login is refused all the same (NOLOGIN).
#include "tst_rls.h"

#include "storage/Consistency.h"

void TestRls::initTestCase()
{
    if (!testServer())
        QSKIP("no PostgreSQL test server: BUURTSIGNAAL_TEST_PG is not set (scripts/test.sh starts one with tests/pg/server.sh)");
}

// A fresh database set up by `server init` (as the test server's postgres), its users added by
// that first beheerder (each with their own login), one signal registered by the medewerker and
// one by a colleague.
void TestRls::init()
{
    m_database = std::make_unique<TempServerDatabase>();
    const Status done = ServerSetup::initialise(m_database->address(), m_clock);
    QVERIFY2(done.ok(), qPrintable(message(done)));
    {
        auto admin = openAs(m_database->address().user);
        QVERIFY(admin);
        const QList<std::pair<QString, QString>> people = {{medewerker, u"medewerker"_s}, {collega, u"medewerker"_s},
                                                           {coordinator, u"coordinator"_s}, {stuurgroep, u"stuurgroep"_s},
                                                           {beheerder, u"beheerder"_s}};
        for (const auto& [login, role] : people) {
            const Status added = Access::addUser(*admin, login, {}, role, u"geheim-"_s + login);
            QVERIFY2(added.ok(), qPrintable(message(added)));
        }
        for (const auto& [login, partner] : {std::pair{partnerA, partnerNameA}, std::pair{partnerB, partnerNameB}}) {
            const Status added = Access::addUser(*admin, login, {}, u"partner"_s, u"geheim-"_s + login, partner);
            QVERIFY2(added.ok(), qPrintable(message(added)));
        }
    }
    for (const QString& who : {medewerker, collega}) {
        auto registry = openAs(who);
        QVERIFY(registry);
        const QString reference = addSignal(*registry);
        QVERIFY(!reference.isEmpty());
        (who == medewerker ? m_ownSignal : m_otherSignal) = reference;
    }
}

std::unique_ptr<Registry> TestRls::openAs(const QString& login)
{
    // The name the program is told is not the person: the server says who logged in.
    auto registry = Registry::open(uriAs(m_database->address(), login), Registry::Create::No, m_clock, u"iemand-anders"_s);
    if (!registry.ok()) {
        qWarning("%s: %s", qPrintable(login), qPrintable(registry.error().message));
        return {};
    }
    return std::move(registry).value();
}

qint64 TestRls::signalId(const QString& reference)
{
    LoginConnection admin(m_database->address(), m_database->address().user);
    return admin.scalar(u"SELECT id FROM signals WHERE reference = '%1'"_s.arg(reference)).toLongLong();
}

// Through the services, each as its own login:
// - the medewerker's signal: subject, consent for partner A, referred to A;
// - the colleague's signal: subject without consent, referred to B on a recorded override ground;
// - a later signal of the medewerker: referred to A before it had a subject, so neither consent
//   nor an override covers A when the subject is recorded afterwards.
void TestRls::referSignals()
{
    {
        auto own = openAs(medewerker);
        QVERIFY(own);
        QVERIFY2(Subjects::set(*own, m_ownSignal, {u"Mevr. Jansen"_s, u"Dam 12"_s, {}, {}}).ok(), "subject of own signal");
        QVERIFY(Subjects::setConsent(*own, m_ownSignal, {u"gegeven"_s, {}, {}, {partnerNameA}}).ok());
        auto toA = Referrals::add(*own, {m_ownSignal, partnerNameA, {}, u"Maatjesproject"_s, {}, {}});
        QVERIFY2(toA.ok(), qPrintable(toA.ok() ? QString() : toA.error().message));
        m_referralA = toA.value();
        m_laterSubject = addSignal(*own);
        auto later = Referrals::add(*own, {m_laterSubject, partnerNameA, {}, u"Eerst zonder betrokkene"_s, {}, {}});
        QVERIFY(later.ok());
        m_referralLaterA = later.value();
        QVERIFY(Subjects::set(*own, m_laterSubject, {u"Dhr. Later"_s, u"Kade 3"_s, {}, {}}).ok());
    }
    auto other = openAs(collega);
    QVERIFY(other);
    QVERIFY(Subjects::set(*other, m_otherSignal, {u"Dhr. De Vries"_s, u"Dijk 4"_s, {}, {}}).ok());
    auto toB = Referrals::add(*other, {m_otherSignal, partnerNameB, {}, u"Woonfraude"_s, u"veiligheidsrisico"_s,
                                       u"Dreigende ontruiming"_s});
    QVERIFY2(toB.ok(), qPrintable(toB.ok() ? QString() : toB.error().message));
    m_referralB = toB.value();
}

void TestRls::cleanup()
{
    m_database.reset();
}

void TestRls::initMakesOwnerOwnEverythingAndLoginFirstBeheerder()
{
    LoginConnection admin(m_database->address(), m_database->address().user);
    QCOMPARE(admin.scalar(u"SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> '%1'"_s.arg(ServerSetup::ownerRole())).toInt(), 0);
    QVERIFY(admin.scalar(u"SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"_s).toInt() > 20);
    QCOMPARE(admin.scalar(u"SELECT count(*) FROM pg_class WHERE relname IN ('signals','subjects','consent_scopes','referrals',"
                          "'escalations','history','access_log') AND relrowsecurity AND relforcerowsecurity"_s).toInt(), 7);
    QCOMPARE(admin.scalar(u"SELECT role FROM users WHERE login = current_user"_s).toString(), u"beheerder"_s);
    QCOMPARE(admin.scalar(u"SELECT count(*) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                          "JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = 'bs_beheerder' AND u.rolname = current_user"_s).toInt(), 1);
}

void TestRls::initTwiceIsRefusedUnchanged()
{
    const QByteArray before = contentFingerprint(m_database->uri());
    const ProgramRun again = cli({u"--db"_s, m_database->uri(), u"server"_s, u"init"_s});
    QVERIFY(again.code != 0);
    QVERIFY2(again.err.contains(u"al ingericht als Buurtsignaal-register"_s), qPrintable(again.err));
    QVERIFY2(again.err.contains(u"niets gewijzigd"_s), qPrintable(again.err));
    QCOMPARE(contentFingerprint(m_database->uri()), before);
}

void TestRls::ownerRoleCannotLogIn()
{
    LoginConnection owner(m_database->address(), ServerSetup::ownerRole());
    QVERIFY(!owner.isOpen());
    QVERIFY2(owner.openError().contains(u"not permitted to log in"_s), qPrintable(owner.openError()));
    LoginConnection person(m_database->address(), medewerker);  // the same server does let a person in
    QVERIFY2(person.isOpen(), qPrintable(person.openError()));
}

void TestRls::stuurgroepCannotSelectCasework()
{
    LoginConnection steering(m_database->address(), stuurgroep);
    QVERIFY(steering.isOpen());
    for (const QString& table : {u"signals"_s, u"subjects"_s, u"referrals"_s, u"history"_s, u"access_log"_s})
        QCOMPARE(steering.failure(u"SELECT count(*) FROM %1"_s.arg(table)), u"42501"_s);
    // Nor the exact day counts (a 2 in one buurt in one month is a person): figures come from the
    // server's steering-group function, with small counts hidden (tst_steering).
    QCOMPARE(steering.failure(u"SELECT count(*) FROM signal_day_counts"_s), u"42501"_s);
    QCOMPARE(steering.failure(u"SELECT count(*) FROM stuurgroep_cijfers('2026-11-01', '2026-11-30', '2026-10-01', '2026-10-31',"
                              " '2026-10-31T23:00:00Z', '2026-11-30T23:00:00Z', NULL, NULL, '2026-11-26', NULL)"_s),
             QString());
}

void TestRls::medewerkerReadsAllButUpdatesOnlyOwnSignals()
{
    LoginConnection worker(m_database->address(), medewerker);
    QVERIFY(worker.isOpen());
    QCOMPARE(worker.scalar(u"SELECT count(*) FROM signals"_s).toInt(), 2);
    QCOMPARE(worker.affected(u"UPDATE signals SET description = 'Gewijzigd' WHERE reference = '%1'"_s.arg(m_otherSignal)), 0);
    QCOMPARE(worker.affected(u"UPDATE signals SET description = 'Gewijzigd' WHERE reference = '%1'"_s.arg(m_ownSignal)), 1);
    // Nor can the medewerker hand their own signal to someone else's name.
    QCOMPARE(worker.failure(u"UPDATE signals SET registered_by = '%1' WHERE reference = '%2'"_s.arg(collega, m_ownSignal)), u"42501"_s);
    LoginConnection coord(m_database->address(), coordinator);
    QCOMPARE(coord.affected(u"UPDATE signals SET description = 'Coördinator' WHERE reference = '%1'"_s.arg(m_otherSignal)), 1);
    LoginConnection admin(m_database->address(), m_database->address().user);
    QCOMPARE(admin.scalar(u"SELECT description FROM signals WHERE reference = '%1'"_s.arg(m_otherSignal)).toString(), u"Coördinator"_s);
}

void TestRls::nobodyUpdatesOrDeletesHistoryOrAccessLog()
{
    for (const QString& login : {medewerker, coordinator, stuurgroep, beheerder}) {
        LoginConnection person(m_database->address(), login);
        QVERIFY(person.isOpen());
        for (const QString& table : {u"history"_s, u"access_log"_s}) {
            QCOMPARE(person.failure(u"UPDATE %1 SET actor = 'iemand' WHERE true"_s.arg(table)), u"42501"_s);
            QCOMPARE(person.failure(u"DELETE FROM %1"_s.arg(table)), u"42501"_s);
            QCOMPARE(person.failure(u"TRUNCATE %1"_s.arg(table)), u"42501"_s);
        }
    }
    LoginConnection admin(m_database->address(), m_database->address().user);
    QVERIFY(admin.scalar(u"SELECT count(*) FROM history"_s).toInt() >= 2);
}

void TestRls::subjectsAreNotReadableDirectly()
{
    for (const QString& login : {medewerker, coordinator, stuurgroep, beheerder, partnerA}) {
        LoginConnection person(m_database->address(), login);
        QCOMPARE(person.failure(u"SELECT name FROM subjects"_s), u"42501"_s);
    }
}

void TestRls::subjectReadGoesThroughLoggingFunction()
{
    LoginConnection admin(m_database->address(), m_database->address().user);
    QCOMPARE(admin.failure(u"INSERT INTO subjects (signal_id, name, recorded_at, recorded_by) SELECT id, 'Mevr. Jansen', "
                           "'2026-11-26T12:00:00Z', registered_by FROM signals"_s),
             QString());
    const QString ownId = admin.scalar(u"SELECT id FROM signals WHERE reference = '%1'"_s.arg(m_ownSignal)).toString();
    const QString otherId = admin.scalar(u"SELECT id FROM signals WHERE reference = '%1'"_s.arg(m_otherSignal)).toString();
    const QString logged = u"SELECT count(*) FROM access_log WHERE actor = '%1' AND action = 'bekeken' AND signal_id = %2"_s;

    LoginConnection worker(m_database->address(), medewerker);
    QCOMPARE(worker.scalar(u"SELECT name FROM read_subject(%1)"_s.arg(ownId)).toString(), u"Mevr. Jansen"_s);
    QCOMPARE(admin.scalar(logged.arg(medewerker, ownId)).toInt(), 1);
    // Not a signal they have a part in: refused, and (the transaction rolled back) nothing read.
    QCOMPARE(worker.failure(u"SELECT name FROM read_subject(%1)"_s.arg(otherId)), u"42501"_s);
    QCOMPARE(admin.scalar(logged.arg(medewerker, otherId)).toInt(), 0);

    LoginConnection coord(m_database->address(), coordinator);
    QCOMPARE(coord.scalar(u"SELECT name FROM read_subject(%1)"_s.arg(otherId)).toString(), u"Mevr. Jansen"_s);
    QCOMPARE(admin.scalar(logged.arg(coordinator, otherId)).toInt(), 1);

    LoginConnection steering(m_database->address(), stuurgroep);
    QCOMPARE(steering.failure(u"SELECT name FROM read_subject(%1)"_s.arg(ownId)), u"42501"_s);
    QCOMPARE(admin.scalar(u"SELECT prosecdef FROM pg_proc WHERE proname = 'read_subject'"_s).toBool(), true);
}

void TestRls::userAddCreatesLoginWithGroupRole()
{
    const QString login = u"rls_nieuw"_s;
    // A quote in the password proves the server, not string pasting, quotes it.
    const ProgramRun added = cli({u"--db"_s, m_database->uri(), u"user"_s, u"add"_s, login, u"--role"_s, u"coordinator"_s},
                             {{u"BUURTSIGNAAL_USER"_s, m_database->address().user}, {u"BUURTSIGNAAL_NEW_PASSWORD"_s, u"it's geheim"_s}});
    QVERIFY2(added.code == 0, qPrintable(added.err));
    LoginConnection admin(m_database->address(), m_database->address().user);
    QCOMPARE(admin.scalar(u"SELECT rolcanlogin AND rolpassword IS NOT NULL FROM pg_authid WHERE rolname = '%1'"_s.arg(login)).toBool(), true);
    QCOMPARE(admin.scalar(u"SELECT role FROM users WHERE login = '%1'"_s.arg(login)).toString(), u"coordinator"_s);
    LoginConnection person(m_database->address(), login);
    QVERIFY2(person.isOpen(), qPrintable(person.openError()));
    QCOMPARE(person.scalar(u"SELECT pg_has_role(current_user, 'bs_coordinator', 'member')"_s).toBool(), true);
    QCOMPARE(person.affected(u"UPDATE signals SET description = 'Nieuw' WHERE reference = '%1'"_s.arg(m_otherSignal)), 1);
}

void TestRls::userAddByMedewerkerIsRefused()
{
    const QString login = u"rls_niet_toegevoegd"_s;
    ServerAddress address = m_database->address();
    address.user = medewerker;
    const QString uri = Location{Location::Engine::Postgresql, {}, address}.display();
    LoginConnection admin(m_database->address(), m_database->address().user);
    const QString usersSql = u"SELECT string_agg(login || ':' || role, ',' ORDER BY login) FROM users"_s;
    const QString usersBefore = admin.scalar(usersSql).toString();
    const ProgramRun refused = cli({u"--db"_s, uri, u"user"_s, u"add"_s, login, u"--role"_s, u"beheerder"_s},
                               {{u"BUURTSIGNAAL_USER"_s, medewerker}});
    QVERIFY(refused.code != 0);
    QVERIFY2(!refused.err.isEmpty(), qPrintable(refused.out));
    // Nothing changed but the access log's record of the refusal.
    QCOMPARE(admin.scalar(u"SELECT count(*) FROM pg_roles WHERE rolname = '%1'"_s.arg(login)).toInt(), 0);
    QCOMPARE(admin.scalar(usersSql).toString(), usersBefore);
}

void TestRls::actorIsTheServerLogin()
{
    // Told "iemand-anders" (as BUURTSIGNAAL_USER would), the registry acts as the login.
    auto registry = openAs(medewerker);
    QVERIFY(registry);
    QCOMPARE(registry->actor(), medewerker);
    QCOMPARE(Access::role(*registry).value(), Role::Medewerker);
    LoginConnection admin(m_database->address(), m_database->address().user);
    QCOMPARE(admin.scalar(u"SELECT registered_by FROM signals WHERE reference = '%1'"_s.arg(m_ownSignal)).toString(), medewerker);
    // Opening a registry makes nobody a user: a login the beheerder did not add stays without a role.
    const QString stranger = u"rls_onbekend"_s;
    if (admin.scalar(u"SELECT count(*) FROM pg_roles WHERE rolname = '%1'"_s.arg(stranger)).toInt() == 0)
        QCOMPARE(admin.failure(u"CREATE ROLE %1 LOGIN"_s.arg(stranger)), QString());
    auto unknown = Registry::open(uriAs(m_database->address(), stranger), Registry::Create::No, m_clock, u"iemand-anders"_s);
    QVERIFY(!unknown.ok());
    QVERIFY2(unknown.error().message.contains(u"geen rechten"_s), qPrintable(unknown.error().message));
    QCOMPARE(admin.scalar(u"SELECT count(*) FROM users WHERE login IN ('%1', 'iemand-anders')"_s.arg(stranger)).toInt(), 0);
    // The command line's read path says the same in words, not a refused statement.
    const ProgramRun listed = cli({u"--db"_s, uriAs(m_database->address(), stranger), u"signal"_s, u"list"_s});
    QCOMPARE(listed.code, 1);
    QVERIFY2(listed.err.contains(u"geen rechten op het register"_s) && !listed.err.contains(u"SELECT"_s), qPrintable(listed.err));
}

void TestRls::medewerkerCannotInsertSignalAsSomeoneElse()
{
    LoginConnection worker(m_database->address(), medewerker);
    const QString insert = u"INSERT INTO signals (reference, observed_on, registered_at, registered_by, buurt_id, impact, category_code,"
                           " source_code, urgency, description, status, level_since, updated_at)"
                           " SELECT '%1', '2026-11-26', '2026-11-26T10:00:00Z', '%2', (SELECT min(id) FROM buurten), 'straat',"
                           " 'vervuiling', 'huisbezoek', 'normaal', 'Afval', 'nieuw', '2026-11-26', '2026-11-26T10:00:00Z'"_s;
    QCOMPARE(worker.failure(insert.arg(u"S-2026-900001"_s, collega)), u"42501"_s);
    QCOMPARE(worker.failure(insert.arg(u"S-2026-900002"_s, medewerker)), QString());
    // Nor history or access-log lines in someone else's name.
    const qint64 own = signalId(m_ownSignal);
    QCOMPARE(worker.failure(u"INSERT INTO history (signal_id, at, actor, action, detail) VALUES (%1, '2026-11-26T10:00:00Z', '%2',"
                            " 'gewijzigd', 'x')"_s.arg(own).arg(collega)),
             u"42501"_s);
    QCOMPARE(worker.failure(u"INSERT INTO access_log (at, actor, role, action, detail) VALUES ('2026-11-26T10:00:00Z', '%1',"
                            " 'medewerker', 'bekeken', 'x')"_s.arg(collega)),
             u"42501"_s);
    // Referring, escalating or scoping consent: only on a signal they may change.
    const qint64 theirs = signalId(m_otherSignal);
    const QString refer = u"INSERT INTO referrals (signal_id, to_partner_id, reason, status, sent_on, sent_by, respond_by, updated_at)"
                          " SELECT %1, min(id), 'x', 'verstuurd', '2026-11-26', '%2', '2026-12-10', 'x' FROM partners"_s;
    QCOMPARE(worker.failure(refer.arg(theirs).arg(medewerker)), u"42501"_s);
    QCOMPARE(worker.failure(refer.arg(own).arg(collega)), u"42501"_s);
    QCOMPARE(worker.failure(refer.arg(own).arg(medewerker)), QString());
    QCOMPARE(worker.failure(u"INSERT INTO escalations (signal_id, from_level, to_level, reason, at, by_user) VALUES (%1, 0, 1, 'x', 'x', '%2')"_s
                                .arg(theirs)
                                .arg(medewerker)),
             u"42501"_s);
    QCOMPARE(worker.failure(u"INSERT INTO consent_scopes (signal_id, partner_kind) VALUES (%1, 'welzijn')"_s.arg(theirs)), u"42501"_s);
    LoginConnection admin(m_database->address(), m_database->address().user);
    QCOMPARE(admin.scalar(u"SELECT count(*) FROM signals WHERE registered_by = '%1'"_s.arg(collega)).toInt(), 1);
}

void TestRls::medewerkerCannotReadSubjectOfOthersSignal()
{
    referSignals();
    LoginConnection admin(m_database->address(), m_database->address().user);
    const QString viewsOfSubject = u"SELECT count(*) FROM access_log WHERE actor = '%1' AND signal_id = %2 AND detail = 'gegevens betrokkene'"_s;
    auto own = openAs(medewerker);
    QVERIFY(own);
    // Their own signal: shown, and the server logged the read.
    auto mine = Signals::detail(*own, m_ownSignal);
    QVERIFY2(mine.ok(), qPrintable(mine.ok() ? QString() : mine.error().message));
    QVERIFY(mine->subject);
    QCOMPARE(mine->subject->name, u"Mevr. Jansen"_s);
    QCOMPARE(admin.scalar(viewsOfSubject.arg(medewerker).arg(signalId(m_ownSignal))).toInt(), 1);
    // A colleague's signal: the signal yes, its subject no, and nothing read means nothing logged.
    auto theirs = Signals::detail(*own, m_otherSignal);
    QVERIFY2(theirs.ok(), qPrintable(theirs.ok() ? QString() : theirs.error().message));
    QVERIFY(!theirs->subject);
    QVERIFY(theirs->subjectHidden);
    QCOMPARE(admin.scalar(viewsOfSubject.arg(medewerker).arg(signalId(m_otherSignal))).toInt(), 0);
    // Nor can they change it, through the service or by hand.
    QVERIFY(!Subjects::set(*own, m_otherSignal, {u"Overschreven"_s, {}, {}, {}}).ok());
    LoginConnection worker(m_database->address(), medewerker);
    QCOMPARE(worker.failure(u"SELECT name FROM read_subject(%1)"_s.arg(signalId(m_otherSignal))), u"42501"_s);
    QCOMPARE(worker.failure(u"SELECT write_subject(%1, 'x', NULL, NULL, NULL, '2026-11-26T10:00:00Z')"_s.arg(signalId(m_otherSignal))),
             u"42501"_s);
    QCOMPARE(worker.failure(u"SELECT clear_subject(%1)"_s.arg(signalId(m_otherSignal))), u"42501"_s);
    QCOMPARE(admin.scalar(u"SELECT name FROM subjects WHERE signal_id = %1"_s.arg(signalId(m_otherSignal))).toString(), u"Dhr. De Vries"_s);
    // The coordinator reads every subject, logged.
    auto coord = openAs(coordinator);
    QVERIFY(coord);
    auto seen = Signals::detail(*coord, m_otherSignal);
    QVERIFY(seen.ok() && seen->subject);
    QCOMPARE(admin.scalar(viewsOfSubject.arg(coordinator).arg(signalId(m_otherSignal))).toInt(), 1);
}

void TestRls::beheerderReadsSubjectOnlyForInzage()
{
    referSignals();
    const qint64 id = signalId(m_ownSignal);
    LoginConnection manager(m_database->address(), beheerder);
    QCOMPARE(manager.failure(u"SELECT name FROM read_subject(%1)"_s.arg(id)), u"42501"_s);
    QCOMPARE(manager.scalar(u"SELECT name FROM read_subject(%1, 'inzage')"_s.arg(id)).toString(), u"Mevr. Jansen"_s);
    QCOMPARE(manager.scalar(u"SELECT count(*) FROM access_log WHERE actor = '%1' AND action = 'inzage' AND signal_id = %2"_s.arg(beheerder).arg(id))
                 .toInt(),
             1);
    // In the program: the signal without its subject, the inzage with it.
    auto registry = openAs(beheerder);
    QVERIFY(registry);
    auto detail = Signals::detail(*registry, m_ownSignal);
    QVERIFY(detail.ok());
    QVERIFY(!detail->subject);
    // The beheerder reads signals and referrals but changes neither.
    QCOMPARE(manager.scalar(u"SELECT count(*) FROM referrals"_s).toInt(), 3);
    QCOMPARE(manager.failure(u"UPDATE signals SET description = 'x'"_s), u"42501"_s);
    QCOMPARE(manager.failure(u"UPDATE referrals SET reason = 'x'"_s), u"42501"_s);
    // Workers and partners have no inzage.
    LoginConnection coord(m_database->address(), coordinator);
    QCOMPARE(coord.failure(u"SELECT name FROM read_subject(%1, 'inzage')"_s.arg(id)), u"42501"_s);
}

void TestRls::partnerSeesOnlyItsReferrals()
{
    referSignals();
    LoginConnection a(m_database->address(), partnerA);
    QVERIFY2(a.isOpen(), qPrintable(a.openError()));
    QCOMPARE(a.scalar(u"SELECT string_agg(id::text, ',' ORDER BY id) FROM referrals"_s).toString(),
             u"%1,%2"_s.arg(m_referralA).arg(m_referralLaterA));
    QCOMPARE(a.scalar(u"SELECT string_agg(reference, ',' ORDER BY reference) FROM signals"_s).toString(),
             u"%1,%2"_s.arg(m_ownSignal, m_laterSubject));
    QCOMPARE(a.scalar(u"SELECT count(*) FROM signals WHERE reference = '%1'"_s.arg(m_otherSignal)).toInt(), 0);
    QCOMPARE(a.scalar(u"SELECT count(*) FROM escalations e JOIN signals s ON s.id = e.signal_id WHERE s.reference = '%1'"_s.arg(m_otherSignal)).toInt(), 0);
    LoginConnection b(m_database->address(), partnerB);
    QCOMPARE(b.scalar(u"SELECT string_agg(id::text, ',') FROM referrals"_s).toString(), QString::number(m_referralB));
    // A partner registers nothing and changes no signal.
    QCOMPARE(a.failure(u"UPDATE signals SET description = 'x'"_s), u"42501"_s);
    // Through the services the same.
    auto registry = openAs(partnerA);
    QVERIFY(registry);
    QCOMPARE(Access::role(*registry).value(), Role::Partner);
    auto list = Referrals::list(*registry, {});
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 2);
    QVERIFY(!Signals::detail(*registry, m_otherSignal).ok());
}

void TestRls::partnerReadsSubjectOnlyWithConsentOrOverride()
{
    referSignals();
    LoginConnection admin(m_database->address(), m_database->address().user);
    const QString logged = u"SELECT count(*) FROM access_log WHERE actor = '%1' AND role = 'partner' AND signal_id = %2"_s;
    LoginConnection a(m_database->address(), partnerA);
    // Consent covers A.
    QCOMPARE(a.scalar(u"SELECT name FROM read_subject(%1)"_s.arg(signalId(m_ownSignal))).toString(), u"Mevr. Jansen"_s);
    QCOMPARE(admin.scalar(logged.arg(partnerA).arg(signalId(m_ownSignal))).toInt(), 1);
    // Referred to A, but the subject came later: neither consent nor override covers A.
    QCOMPARE(a.failure(u"SELECT name FROM read_subject(%1)"_s.arg(signalId(m_laterSubject))), u"42501"_s);
    // Not referred to A at all.
    QCOMPARE(a.failure(u"SELECT name FROM read_subject(%1)"_s.arg(signalId(m_otherSignal))), u"42501"_s);
    // B: no consent, but the override ground recorded on the referral to B.
    LoginConnection b(m_database->address(), partnerB);
    QCOMPARE(b.scalar(u"SELECT name FROM read_subject(%1)"_s.arg(signalId(m_otherSignal))).toString(), u"Dhr. De Vries"_s);
    QCOMPARE(admin.scalar(logged.arg(partnerB).arg(signalId(m_otherSignal))).toInt(), 1);
    QCOMPARE(b.failure(u"SELECT name FROM read_subject(%1)"_s.arg(signalId(m_ownSignal))), u"42501"_s);
    // The program shows what the server allows.
    auto registry = openAs(partnerA);
    QVERIFY(registry);
    auto covered = Signals::detail(*registry, m_ownSignal);
    QVERIFY2(covered.ok(), qPrintable(covered.ok() ? QString() : covered.error().message));
    QVERIFY(covered->subject);
    auto uncovered = Signals::detail(*registry, m_laterSubject);
    QVERIFY(uncovered.ok());
    QVERIFY(!uncovered->subject);
}

void TestRls::partnerCannotUpdateOthersReferral()
{
    referSignals();
    LoginConnection a(m_database->address(), partnerA);
    QCOMPARE(a.affected(u"UPDATE referrals SET status = 'geaccepteerd', accepted_on = '2026-11-26' WHERE id = %1"_s.arg(m_referralB)), 0);
    // Their own: answered, but not re-addressed, re-worded or withdrawn.
    QCOMPARE(a.failure(u"UPDATE referrals SET to_partner_id = to_partner_id WHERE id = %1"_s.arg(m_referralA)), u"42501"_s);
    QCOMPARE(a.failure(u"UPDATE referrals SET reason = 'x' WHERE id = %1"_s.arg(m_referralA)), u"42501"_s);
    QCOMPARE(a.failure(u"UPDATE referrals SET status = 'ingetrokken' WHERE id = %1"_s.arg(m_referralA)), u"42501"_s);
    LoginConnection admin(m_database->address(), m_database->address().user);
    QCOMPARE(admin.scalar(u"SELECT status FROM referrals WHERE id = %1"_s.arg(m_referralB)).toString(), u"verstuurd"_s);
    // Accept, then complete, through the services; reject the other one.
    auto registry = openAs(partnerA);
    QVERIFY(registry);
    QVERIFY2(Referrals::transition(*registry, m_referralA, u"geaccepteerd"_s, {}).ok(), "accept");
    const Status completed = Referrals::transition(*registry, m_referralA, u"afgerond"_s, {u"geholpen"_s, u"Maatje gekoppeld"_s, {}});
    QVERIFY2(completed.ok(), qPrintable(message(completed)));
    const Status rejected = Referrals::transition(*registry, m_referralLaterA, u"afgewezen"_s, {u"geen_capaciteit"_s, u"Vol"_s, {}});
    QVERIFY2(rejected.ok(), qPrintable(message(rejected)));
    QVERIFY(!Referrals::transition(*registry, m_referralB, u"geaccepteerd"_s, {}).ok());
    QCOMPARE(admin.scalar(u"SELECT status FROM referrals WHERE id = %1"_s.arg(m_referralA)).toString(), u"afgerond"_s);
    QCOMPARE(admin.scalar(u"SELECT count(*) FROM history WHERE actor = '%1'"_s.arg(partnerA)).toInt(), 3);
    // The terms of the signals (schema 15) moved with the partner's answers, though the partner
    // can neither see the other partners' referrals nor change a signal: the triggers run as owner.
    auto owner = openAs(m_database->address().user);
    QVERIFY(owner);
    auto findings = Consistency::findings(owner->db());
    QVERIFY2(findings.ok(), qPrintable(findings.ok() ? QString() : findings.error().message));
    QVERIFY2(findings->isEmpty(), qPrintable(findings->join(u'\n')));
}

void TestRls::historyOnlyOfReadableSignals()
{
    referSignals();
    LoginConnection admin(m_database->address(), m_database->address().user);
    LoginConnection a(m_database->address(), partnerA);
    const int ofMyReferrals = admin.scalar(u"SELECT count(*) FROM history WHERE referral_id IN (%1, %2)"_s.arg(m_referralA).arg(m_referralLaterA)).toInt();
    QVERIFY(ofMyReferrals > 0);
    QCOMPARE(a.scalar(u"SELECT count(*) FROM history"_s).toInt(), ofMyReferrals);
    QCOMPARE(a.scalar(u"SELECT count(*) FROM history WHERE referral_id IS NULL OR referral_id = %1"_s.arg(m_referralB)).toInt(), 0);
    // A partner's history line only about its own referrals.
    QCOMPARE(a.failure(u"INSERT INTO history (signal_id, at, actor, action, detail, referral_id) VALUES (%1, '2026-11-26T10:00:00Z',"
                       " '%2', 'doorverwijzing', 'x', %3)"_s.arg(signalId(m_otherSignal)).arg(partnerA).arg(m_referralB)),
             u"42501"_s);
    // Workers and the beheerder read the history of every signal; the stuurgroep none.
    const int all = admin.scalar(u"SELECT count(*) FROM history"_s).toInt();
    for (const QString& login : {medewerker, coordinator, beheerder}) {
        LoginConnection person(m_database->address(), login);
        QCOMPARE(person.scalar(u"SELECT count(*) FROM history"_s).toInt(), all);
    }
    LoginConnection steering(m_database->address(), stuurgroep);
    QCOMPARE(steering.failure(u"SELECT count(*) FROM history"_s), u"42501"_s);
}

QTEST_GUILESS_MAIN(TestRls)
