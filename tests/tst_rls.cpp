// Shared mode's access rules enforced by the PostgreSQL server itself: `server init` builds the
// schema owned by a role that cannot log in, group roles with their grants and forced row-level
// security. Each rule is proven by raw SQL as a real login role (not through the services).
// Needs the throwaway server of tests/pg/server.sh (BUURTSIGNAAL_TEST_PG); skipped without it.
#include "Registry.h"
#include "TestSupport.h"
#include "services/Signals.h"
#include "storage/ServerSetup.h"

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

void makeLogin(LoginConnection& admin, const QString& login, const QString& role)
{
    if (admin.scalar(u"SELECT count(*) FROM pg_roles WHERE rolname = '%1'"_s.arg(login)).toInt() > 0)
        return;
    QCOMPARE(admin.failure(u"CREATE ROLE %1 LOGIN"_s.arg(login)), QString());
    QCOMPARE(admin.failure(u"GRANT %1 TO %2"_s.arg(ServerSetup::groupRole(role), login)), QString());
}

ProgramRun cli(const QStringList& arguments, const QList<std::pair<QString, QString>>& extraEnvironment = {})
{
    return runProgram(QStringLiteral(BUURTSIGNAAL_CLI_BINARY), arguments, extraEnvironment);
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

private:
    std::unique_ptr<TempServerDatabase> m_database;
    FixedClock m_clock{referenceToday()};
    QString m_ownSignal;
    QString m_otherSignal;
};

void TestRls::initTestCase()
{
    if (!testServer())
        QSKIP("no PostgreSQL test server: BUURTSIGNAAL_TEST_PG is not set (scripts/test.sh starts one with tests/pg/server.sh)");
}

// A fresh database set up by `server init` (as the test server's postgres), with one signal
// registered by the medewerker and one by a colleague.
void TestRls::init()
{
    m_database = std::make_unique<TempServerDatabase>();
    const Status done = ServerSetup::initialise(m_database->address(), m_clock);
    QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().message));
    {
        LoginConnection admin(m_database->address(), m_database->address().user);
        QVERIFY(admin.isOpen());
        makeLogin(admin, medewerker, u"medewerker"_s);
        makeLogin(admin, collega, u"medewerker"_s);
        makeLogin(admin, coordinator, u"coordinator"_s);
        makeLogin(admin, stuurgroep, u"stuurgroep"_s);
        makeLogin(admin, beheerder, u"beheerder"_s);
    }
    for (const QString& who : {medewerker, collega}) {
        ServerAddress address = m_database->address();
        address.user = who;
        auto registry = Registry::open(Location{Location::Engine::Postgresql, {}, address}.display(), Registry::Create::No, m_clock, who);
        QVERIFY2(registry.ok(), qPrintable(registry.ok() ? QString() : registry.error().message));
        const QString reference = addSignal(*registry.value());
        QVERIFY(!reference.isEmpty());
        (who == medewerker ? m_ownSignal : m_otherSignal) = reference;
    }
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
    for (const QString& login : {medewerker, coordinator, stuurgroep}) {
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

QTEST_GUILESS_MAIN(TestRls)
#include "tst_rls.moc"
