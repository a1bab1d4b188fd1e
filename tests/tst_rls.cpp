// Shared mode's access rules enforced by the PostgreSQL server itself: `server init` builds the
// schema owned by a role that cannot log in, group roles with their grants and forced row-level
// security. Each rule of DESIGN.md ("Shared mode") is proven by raw SQL as a real login role (not
// through the services), and the services and the command line are shown to work for each role.
// Needs the throwaway server of tests/pg/server.sh (BUURTSIGNAAL_TEST_PG); skipped without it.
// That server trusts local logins (tests/pg/server.sh), so the passwords given here are set but
// not asked for; a disabled login is refused all the same (NOLOGIN).
#include "Registry.h"
#include "TestSupport.h"
#include "access/Access.h"
#include "access/AccessLog.h"
#include "privacy/Retention.h"
#include "privacy/SubjectRights.h"
#include "services/Referrals.h"
#include "services/SignalDetail.h"
#include "services/Signals.h"
#include "services/Subjects.h"
#include "storage/ServerSetup.h"

#include <QFile>
#include <QTemporaryDir>

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

namespace {

// A connection of its own to a test database as one login role, as psql with that login would be.
class LoginConnection {
public:
    LoginConnection(const ServerAddress& address, const QString& login) : m_name(u"login-%1"_s.arg(quintptr(this)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
        db.setHostName(address.host);
        db.setPort(address.port);
        db.setDatabaseName(address.database);
        db.setUserName(login);
        m_open = db.open();
        m_openError = db.lastError().text();
    }
    ~LoginConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }
    QString openError() const { return m_openError; }
    // The SQLSTATE of the statement's failure, or empty when it succeeded.
    QString failure(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        return query.exec(sql) ? QString() : query.lastError().nativeErrorCode();
    }
    // Rows changed by a statement that must succeed.
    int affected(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return -1;
        }
        return query.numRowsAffected();
    }
    QVariant scalar(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

private:
    QString m_name;
    bool m_open = false;
    QString m_openError;
};

// Login roles belong to the whole server, so each test database shares them.
const QString medewerker = u"rls_medewerker"_s;
const QString collega = u"rls_collega"_s;
const QString coordinator = u"rls_coordinator"_s;
const QString stuurgroep = u"rls_stuurgroep"_s;
const QString beheerder = u"rls_beheerder"_s;
const QString partnerA = u"rls_partner_a"_s;  // a worker of partnerNameA
const QString partnerB = u"rls_partner_b"_s;
const QString partnerNameA = u"Stichting Welzijn Alblasserdam"_s;
const QString partnerNameB = u"Woonkracht10"_s;

ProgramRun cli(const QStringList& arguments, const QList<std::pair<QString, QString>>& extraEnvironment = {})
{
    return runProgram(QStringLiteral(BUURTSIGNAAL_CLI_BINARY), arguments, extraEnvironment);
}

ServerAddress as(const ServerAddress& address, const QString& login)
{
    ServerAddress person = address;
    person.user = login;
    return person;
}

QString uriAs(const ServerAddress& address, const QString& login)
{
    return Location{Location::Engine::Postgresql, {}, as(address, login)}.display();
}

QString message(const Status& status)
{
    return status.ok() ? QString() : status.error().message;
}

}  // namespace

class TestRls : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void initMakesOwnerOwnEverythingAndLoginFirstBeheerder();
    void initTwiceIsRefusedUnchanged();
    void ownerRoleCannotLogIn();
    void stuurgroepCannotSelectCasework();
    void medewerkerReadsAllButUpdatesOnlyOwnSignals();
    void nobodyUpdatesOrDeletesHistoryOrAccessLog();
    void subjectsAreNotReadableDirectly();
    void subjectReadGoesThroughLoggingFunction();
    void userAddCreatesLoginWithGroupRole();
    void userAddByMedewerkerIsRefused();
    void actorIsTheServerLogin();
    void medewerkerCannotInsertSignalAsSomeoneElse();
    void medewerkerCannotReadSubjectOfOthersSignal();
    void beheerderReadsSubjectOnlyForInzage();
    void partnerSeesOnlyItsReferrals();
    void partnerReadsSubjectOnlyWithConsentOrOverride();
    void partnerCannotUpdateOthersReferral();
    void historyOnlyOfReadableSignals();
    void usersSeeTheirOwnRow();
    void purgeAccessLogLogsItself();
    void disabledUserCannotLogIn();
    void userSetMovesTheLoginToItsGroup();
    void serverInitFailureLeavesNothing();
    void serverInitByAnAdministratorWithoutSuperuser();
    void olderSchemaAsksForServerUpgrade();
    void upgradeReappliesPolicies();
    void servicesWorkForEachRoleOnServer();
    void appOffersWhatTheServerAllows();

private:
    // The registry as one person sees it: connected with their own login.
    std::unique_ptr<Registry> openAs(const QString& login);
    // Three signals with subject data and referrals (see the definition).
    void referSignals();
    qint64 signalId(const QString& reference);

    std::unique_ptr<TempServerDatabase> m_database;
    FixedClock m_clock{referenceToday()};
    QString m_ownSignal;
    QString m_otherSignal;
    QString m_laterSubject;
    qint64 m_referralA = 0;
    qint64 m_referralB = 0;
    qint64 m_referralLaterA = 0;
};

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

void TestRls::usersSeeTheirOwnRow()
{
    LoginConnection admin(m_database->address(), m_database->address().user);
    const int all = admin.scalar(u"SELECT count(*) FROM users"_s).toInt();
    QCOMPARE(all, 8);
    for (const QString& login : {medewerker, partnerA, stuurgroep}) {
        LoginConnection person(m_database->address(), login);
        QCOMPARE(person.scalar(u"SELECT string_agg(login, ',') FROM users"_s).toString(), login);
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
    QVERIFY(ServerSetup::initialise(older.address(), m_clock, standardLadder().mid(0, 8)).ok());
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
    QCOMPARE(worker.scalar(u"SELECT count(*) FROM users"_s).toInt(), 1);
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

QTEST_GUILESS_MAIN(TestRls)
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
        const Access::SignalRights rights = Access::rightsOn(*registry, c.role, detail->registeredBy);
        QVERIFY2(rights.change == c.change, qPrintable(c.login + u" change "_s + c.signal));
        QCOMPARE(rights.answerReferrals, c.answer);
        // And the server agrees, by the row it lets this login update.
        LoginConnection raw(m_database->address(), c.login);
        const int updated = raw.affected(u"UPDATE signals SET street = street WHERE reference = '%1'"_s.arg(c.signal));
        QCOMPARE(updated == 1, c.change);
    }
}

#include "tst_rls.moc"
