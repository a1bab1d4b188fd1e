// The registry on a PostgreSQL server: the same migration ladder builds an equivalent schema, the
// database itself keeps history and access log append-only and the day counts exact, writers
// are serialised, and bad addresses, unreachable servers, empty or foreign databases and newer
// schemas are refused with one Dutch message and nothing changed. Also `buurtsignaal-cli --db
// postgresql://…`. Needs the throwaway server of tests/pg/server.sh (BUURTSIGNAAL_TEST_PG);
// skipped without it.
#include "Registry.h"
#include "TestSupport.h"
#include "services/SignalDetail.h"
#include "services/Escalations.h"
#include "services/Referrals.h"
#include "services/Signals.h"
#include "services/Subjects.h"
#include "storage/Backups.h"
#include "storage/Migrations.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

namespace {

// A connection of its own to a test database, as another program (psql) would have.
class RawConnection {
public:
    explicit RawConnection(const ServerAddress& address) : m_name(u"raw-%1"_s.arg(quintptr(this)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
        db.setHostName(address.host);
        db.setPort(address.port);
        db.setDatabaseName(address.database);
        db.setUserName(address.user);
        if (!db.open())
            qFatal("raw connection: %s", qPrintable(db.lastError().text()));
    }
    ~RawConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    // The SQLSTATE of the statement's failure, or empty when it succeeded.
    QString failure(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        return query.exec(sql) ? QString() : query.lastError().nativeErrorCode();
    }
    QVariant scalar(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }
    QStringList column(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        QStringList values;
        query.exec(sql);
        while (query.next())
            values << query.value(0).toString();
        return values;
    }

private:
    QString m_name;
};

ServerAddress addressOf(const QString& uri)
{
    return Location::parse(uri).value().server;
}

ProgramRun cli(const QStringList& arguments, const QList<std::pair<QString, QString>>& environment = {})
{
    return runProgram(QStringLiteral(BUURTSIGNAAL_CLI_BINARY), arguments, environment);
}

// The rows of a table in a SQLite file, each as one text (columns joined), in id order when it has one.
QStringList fileRows(const QString& path, const QString& sql)
{
    const QString name = u"file-rows-%1"_s.arg(quintptr(&path));
    QStringList rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.open();
        QSqlQuery query(db);
        query.exec(sql);
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i)
                values << (query.value(i).isNull() ? u"NULL"_s : query.value(i).toString());
            rows << values.join(u'|');
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

QStringList serverRows(const ServerAddress& address, const QString& sql)
{
    const QString name = u"server-rows-%1"_s.arg(quintptr(&address));
    QStringList rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(address.host);
        db.setPort(address.port);
        db.setDatabaseName(address.database);
        db.setUserName(address.user);
        db.open();
        QSqlQuery query(db);
        query.exec(sql);
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i)
                values << (query.value(i).isNull() ? u"NULL"_s : query.value(i).toString());
            rows << values.join(u'|');
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

// A desk's registry file with casework of every kind, written through the services.
void fillDeskFile(Registry& registry)
{
    const QString first = addSignal(registry);
    const QString second = addSignal(registry, u"schulden"_s, u"huishouden"_s);
    addSignal(registry, u"eenzaamheid"_s);
    QVERIFY(Subjects::set(registry, first, {u"Mevr. Jansen"_s, u"Dam 12"_s, {}, u"1948"_s}).ok());
    QVERIFY(Subjects::setConsent(registry, first, {u"gegeven"_s, {}, {}, {u"welzijn"_s}}).ok());
    NewReferral referral;
    referral.reference = first;
    referral.toPartner = u"Stichting Welzijn Alblasserdam"_s;
    referral.reason = u"Maatjesproject"_s;
    auto added = Referrals::add(registry, referral);
    QVERIFY2(added.ok(), qPrintable(added.error().message));
    QVERIFY(Referrals::transition(registry, added.value(), u"geaccepteerd"_s, {}).ok());
    const Status stepped = Escalations::step(registry, second, 1, u"meerdere_leefgebieden"_s, u"Ook schulden"_s);
    QVERIFY2(stepped.ok(), qPrintable(stepped.error().message));
}

// Sets up an empty registry on the server as a municipality would: `server init`.
void serverInit(const QString& uri)
{
    const ProgramRun run = cli({u"--db"_s, uri, u"server"_s, u"init"_s});
    QVERIFY2(run.code == 0, qPrintable(run.err));
}

}  // namespace

class TestServer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void ladderBuildsTheSameTablesOnBothEngines();
    void historyAndLogsAreAppendOnly();
    void accessLogKeepsRecentEntries();
    void dayCountsFollowSignalsAndReferrals();
    void oneOpenReferralPerPartnerIsAUniqueIndex();
    void writersAreSerialised();
    void readingADetailDoesNotWaitForWriters();
    void newerSchemaIsRefusedUntouched();
    void databaseWithoutRegistryOffersInit();
    void foreignDatabaseIsRefused();
    void unreachableServerIsRefused();
    void cliWorksAgainstTheServer();
    void cliRefusesBadServerAddresses();
    void importFileCopiesEverythingAndCountsMatch();
    void importFileRefusesNonEmptyServer();
    void importFileRefusesOtherSchemaVersion();
    void importFileIsAllOrNothing();
    void importFileKeepsTheServersUserAdministration();
    void backupOnServerExplainsPgDump();
    void restoreOnServerRefused();
    void checkOnServerFindsABrokenDayCount();
};

void TestServer::initTestCase()
{
    if (!testServer())
        QSKIP("no PostgreSQL test server: BUURTSIGNAAL_TEST_PG is not set (scripts/test.sh starts one with tests/pg/server.sh)");
}

void TestServer::ladderBuildsTheSameTablesOnBothEngines()
{
    TempRegistry file(referenceToday(), Engine::Sqlite);
    TempRegistry server(referenceToday(), Engine::Postgresql);
    QVERIFY(server->db().isServer());
    QVERIFY(server->wasCreated());
    const auto columns = [](Database& db, const QString& sql) {
        QStringList list;
        auto query = db.run(sql);
        while (query->next())
            list << query->value(0).toString();
        return list;
    };
    const QStringList fileColumns = columns(file->db(), u"SELECT m.name || '.' || p.name FROM sqlite_master m, pragma_table_info(m.name) p"
                                                        " WHERE m.type = 'table' ORDER BY 1"_s);
    const QStringList serverColumns = columns(server->db(), u"SELECT table_name || '.' || column_name FROM information_schema.columns"
                                                            " WHERE table_schema = current_schema() ORDER BY 1"_s);
    QVERIFY(fileColumns.size() > 100);
    QCOMPARE(serverColumns, fileColumns);
    // The same reference data, loaded the same way.
    for (const QString& table : {u"themes"_s, u"categories"_s, u"sources"_s, u"partners"_s, u"buurten"_s, u"wijken"_s,
                                 u"escalation_levels"_s, u"indicators"_s, u"settings"_s}) {
        const QString count = u"SELECT count(*) FROM "_s + table;
        QCOMPARE(server->db().scalar(count).value().toInt(), file->db().scalar(count).value().toInt());
    }
    QCOMPARE(schemaVersion(server->db()).value(), latestVersion(standardLadder()));
}

void TestServer::historyAndLogsAreAppendOnly()
{
    TempRegistry temp(referenceToday(), Engine::Postgresql);
    addSignal(temp.registry());
    RawConnection raw(addressOf(temp.path()));
    QVERIFY(raw.scalar(u"SELECT count(*) FROM history"_s).toInt() > 0);
    for (const QString& table : {u"history"_s, u"access_log"_s})
        QCOMPARE(raw.failure(u"UPDATE %1 SET actor = 'iemand anders'"_s.arg(table)), QString::fromLatin1("BS001"));
    // TRUNCATE skips row triggers; a statement trigger refuses it.
    for (const QString& table : {u"history"_s, u"export_log"_s, u"import_log"_s, u"retention_log"_s, u"access_log"_s})
        QCOMPARE(raw.failure(u"TRUNCATE %1 CASCADE"_s.arg(table)), QString::fromLatin1("BS001"));
    QCOMPARE(raw.failure(u"DELETE FROM history"_s), QString::fromLatin1("BS001"));
    QCOMPARE(raw.scalar(u"SELECT count(*) FROM history"_s).toInt(), 1);
    // Through the core: a rule, in Dutch.
    const Status refused = temp->db().execute(u"DELETE FROM history"_s);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, ErrorKind::Rule);
    QCOMPARE(refused.error().message, u"De geschiedenis kan niet worden gewijzigd of verwijderd."_s);
}

void TestServer::accessLogKeepsRecentEntries()
{
    TempRegistry temp(referenceToday(), Engine::Postgresql);
    RawConnection raw(addressOf(temp.path()));
    QVERIFY(raw.failure(u"INSERT INTO access_log (at, actor, role, action) VALUES ('2000-01-01T00:00:00Z', 'a', 'beheerder', 'beheer'),"
                        " (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), 'b', 'beheerder', 'beheer')"_s)
                .isEmpty());
    QCOMPARE(raw.failure(u"DELETE FROM access_log WHERE actor = 'b'"_s), QString::fromLatin1("BS001"));
    QCOMPARE(raw.failure(u"DELETE FROM access_log WHERE actor = 'a'"_s), QString());  // past the retention period
    QCOMPARE(raw.column(u"SELECT actor FROM access_log ORDER BY id"_s), QStringList{u"b"_s});
}

void TestServer::dayCountsFollowSignalsAndReferrals()
{
    TempRegistry temp(referenceToday(), Engine::Postgresql);
    const QString first = addSignal(temp.registry());
    addSignal(temp.registry(), u"schulden"_s);
    NewReferral referral;
    referral.reference = first;
    referral.toPartner = u"Stichting Welzijn Alblasserdam"_s;
    referral.reason = u"Maatjesproject"_s;
    auto added = Referrals::add(temp.registry(), referral);
    QVERIFY2(added.ok(), qPrintable(added.error().message));
    const Status accepted = Referrals::transition(temp.registry(), added.value(), u"geaccepteerd"_s, {});
    QVERIFY2(accepted.ok(), qPrintable(accepted.error().message));
    RawConnection raw(addressOf(temp.path()));
    QVERIFY(raw.failure(u"UPDATE signals SET buurt_id = (SELECT max(id) FROM buurten) WHERE reference = '%1'"_s.arg(first)).isEmpty());
    const QString counted = u"SELECT string_agg(observed_on || ' ' || buurt_id || ' ' || category_code || ' ' || n, ',' ORDER BY 1) FROM (%1) c"_s;
    QCOMPARE(raw.scalar(counted.arg(u"SELECT observed_on, buurt_id, category_code, signals AS n FROM signal_day_counts WHERE signals > 0"_s)),
             raw.scalar(counted.arg(u"SELECT observed_on, buurt_id, category_code, count(*) AS n FROM signals GROUP BY 1, 2, 3"_s)));
    QCOMPARE(raw.column(u"SELECT status || ' ' || accept_days || ' ' || referrals FROM referral_day_counts WHERE referrals > 0"_s),
             QStringList{u"geaccepteerd 0 1"_s});
}

void TestServer::oneOpenReferralPerPartnerIsAUniqueIndex()
{
    TempRegistry temp(referenceToday(), Engine::Postgresql);
    addSignal(temp.registry());
    RawConnection raw(addressOf(temp.path()));
    const QString insert = u"INSERT INTO referrals (signal_id, to_partner_id, reason, status, sent_on, sent_by, respond_by, updated_at)"
                           " VALUES (1, 1, 'r', 'verstuurd', '2026-11-26', 't', '2026-12-10', '2026-11-26T10:00:00Z')"_s;
    QCOMPARE(raw.failure(insert), QString());
    QCOMPARE(raw.failure(insert), QString::fromLatin1("23505"));
}

void TestServer::writersAreSerialised()
{
    TempRegistry temp(referenceToday(), Engine::Postgresql);
    auto other = Registry::open(temp.path(), Registry::Create::No, temp.clock(), u"ander"_s);
    QVERIFY2(other.ok(), qPrintable(other.error().message));
    bool innerRan = false;
    Status inner;
    const Status outer = other.value()->db().write([&]() -> Status {
        // While this writer holds the lock, another program that will not wait is told "busy".
        inner = temp->db().write([&]() -> Status {
            innerRan = true;
            return {};
        }, Database::Wait::No);
        return {};
    });
    QVERIFY(outer.ok());
    QVERIFY(!innerRan);
    QVERIFY(!inner.ok());
    QCOMPARE(inner.error().kind, ErrorKind::Busy);
    // Once it is released, the same write goes through.
    QVERIFY(temp->db().write([] { return Status(); }, Database::Wait::No).ok());
}

void TestServer::readingADetailDoesNotWaitForWriters()
{
    TempRegistry temp(referenceToday(), Engine::Postgresql);
    const QString reference = addSignal(temp.registry());
    auto other = Registry::open(temp.path(), Registry::Create::No, temp.clock(), u"ander"_s);
    QVERIFY2(other.ok(), qPrintable(other.error().message));
    const auto viewed = [&]() {
        return temp->db().scalar(u"SELECT count(*) FROM access_log WHERE action = 'bekeken' AND signal_id IS NOT NULL"_s).value().toInt();
    };
    QCOMPARE(viewed(), 0);
    Result<SignalDetail> detail = Error::storage(u"niet gelezen"_s);
    const Status outer = other.value()->db().write([&]() -> Status {
        // While another desk's write holds the registry's write lock, the detail is read and its
        // viewing logged (before, the log entry waited for the lock and gave up: "bezet").
        detail = Signals::detail(temp.registry(), reference);
        return {};
    });
    QVERIFY(outer.ok());
    QVERIFY2(detail.ok(), qPrintable(detail.error().message));
    QCOMPARE(detail->reference, reference);
    QCOMPARE(viewed(), 1);
}

void TestServer::newerSchemaIsRefusedUntouched()
{
    TempRegistry temp(referenceToday(), Engine::Postgresql);
    QVERIFY(temp->db().execute(u"INSERT INTO schema_migrations (version, summary, applied_at) VALUES (99, 'toekomst', 'x')"_s).ok());
    temp.close();
    const QByteArray before = contentFingerprint(temp.path());
    auto opened = Registry::open(temp.path(), Registry::Create::IfMissing, temp.clock(), u"tester"_s);
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().message.contains(u"schemaversie 99, nieuwer"_s), qPrintable(opened.error().message));
    QVERIFY(opened.error().message.contains(u"de database is niet aangeraakt"_s));
    QCOMPARE(contentFingerprint(temp.path()), before);
}

void TestServer::databaseWithoutRegistryOffersInit()
{
    TempServerDatabase empty;
    FixedClock clock(referenceToday());
    auto opened = Registry::open(empty.uri(), Registry::Create::No, clock, u"tester"_s);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().kind, ErrorKind::NotFound);
    QVERIFY2(opened.error().message.contains(u"'buurtsignaal-cli --db %1 server init'"_s.arg(empty.uri())), qPrintable(opened.error().message));
    RawConnection raw(empty.address());
    QCOMPARE(raw.scalar(u"SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"_s).toInt(), 0);
    // Reading does not create it either.
    QVERIFY(!Registry::openForReading(empty.uri(), Registry::Create::No, clock, u"tester"_s).ok());
    QCOMPARE(raw.scalar(u"SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"_s).toInt(), 0);
}

void TestServer::foreignDatabaseIsRefused()
{
    TempServerDatabase foreign;
    {
        RawConnection raw(foreign.address());
        QCOMPARE(raw.failure(u"CREATE TABLE klanten (id integer)"_s), QString());
    }
    const QByteArray before = contentFingerprint(foreign.uri());
    FixedClock clock(referenceToday());
    auto opened = Registry::open(foreign.uri(), Registry::Create::IfMissing, clock, u"tester"_s);
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().message.contains(u"tabellen van een ander programma"_s), qPrintable(opened.error().message));
    QCOMPARE(contentFingerprint(foreign.uri()), before);
}

void TestServer::unreachableServerIsRefused()
{
    FixedClock clock(referenceToday());
    QTemporaryDir noServer;
    auto down = Registry::open(u"postgresql://tester@/buurtsignaal?host=%1&port=54329"_s.arg(noServer.path()), Registry::Create::IfMissing,
                               clock, u"tester"_s);
    QVERIFY(!down.ok());
    QVERIFY2(down.error().message.startsWith(u"De server postgresql://tester@/buurtsignaal?host=%1&port=54329 draait niet"_s.arg(noServer.path())),
             qPrintable(down.error().message));
    QVERIFY(QDir(noServer.path()).isEmpty());

    ServerAddress missing = *testServer();
    missing.database = u"bestaat_niet"_s;
    auto refused = Registry::open(missing.display(), Registry::Create::IfMissing, clock, u"tester"_s);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.startsWith(u"Geen verbinding met de server %1"_s.arg(missing.display())), qPrintable(refused.error().message));
    QVERIFY(refused.error().message.contains(u"Er is niets gewijzigd."_s));
}

void TestServer::cliWorksAgainstTheServer()
{
    TempServerDatabase database;
    const QString db = database.uri();
    ProgramRun run = cli({u"--db"_s, db, u"init"_s});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(run.out.trimmed(), u"Nieuw register aangemaakt met referentiegegevens: %1"_s.arg(db));
    run = cli({u"--db"_s, db, u"signal"_s, u"add"_s, u"--buurt"_s, u"Oranjebuurt"_s, u"--category"_s, u"eenzaamheid"_s, u"--source"_s,
               u"huisbezoek"_s, u"--impact"_s, u"individu"_s, u"--description"_s, u"Komt niet meer buiten"_s});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(run.out.trimmed(), u"S-2026-000001"_s);
    run = cli({u"--db"_s, db, u"signal"_s, u"list"_s});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"S-2026-000001  26-11-2026 Oranjebuurt"_s), qPrintable(run.out));
    run = cli({u"--db"_s, db, u"signal"_s, u"show"_s, u"S-2026-000001"_s});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY(run.out.startsWith(u"Signaal S-2026-000001 — Nieuw"_s));
    QVERIFY(run.out.contains(u"Komt niet meer buiten"_s));
    // The view is logged on the server, like every view.
    RawConnection raw(database.address());
    QCOMPARE(raw.column(u"SELECT action FROM access_log ORDER BY id"_s), (QStringList{u"aangemaakt"_s, u"bekeken"_s}));
}

void TestServer::cliRefusesBadServerAddresses()
{
    TempServerDatabase empty;
    ProgramRun run = cli({u"--db"_s, empty.uri(), u"signal"_s, u"list"_s});
    QCOMPARE(run.code, 1);
    QCOMPARE(run.err.trimmed(), u"De database %1 heeft nog geen Buurtsignaal-register. Richt het voor een team in met "
                                 "'buurtsignaal-cli --db %1 server init' (rollen afgedwongen door de server; zie docs/server.md) "
                                 "of voor één persoon met 'init'. Er is niets gewijzigd."_s.arg(empty.uri()));
    run = cli({u"--db"_s, u"postgresql://tester:geheim@server/buurtsignaal"_s, u"signal"_s, u"list"_s});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.startsWith(u"Zet geen wachtwoord in het serveradres"_s), qPrintable(run.err));
    QCOMPARE(run.err.count(u'\n'), 1);
    QVERIFY(!QFileInfo::exists(u"postgresql:"_s));
}

void TestServer::importFileCopiesEverythingAndCountsMatch()
{
    TempRegistry desk(referenceToday(), Engine::Sqlite);
    fillDeskFile(desk.registry());
    if (QTest::currentTestFailed())
        return;
    // Text that an array literal or a quoted value would have to escape arrives unchanged; an
    // empty text stays empty, not NULL.
    QVERIFY(desk->db().execute(u"UPDATE signals SET description = ?, street = '' WHERE id = 3"_s,
                               {u"Zegt \"NULL\" en {a,b} \\ 'c'\nnieuwe regel; € ë"_s}).ok());
    desk.close();
    TempServerDatabase target;
    serverInit(target.uri());
    if (QTest::currentTestFailed())
        return;

    const ProgramRun run = cli({u"--db"_s, target.uri(), u"server"_s, u"import-file"_s, desk.path()});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"Overgezet in één transactie"_s), qPrintable(run.out));
    QVERIFY2(!run.out.contains(u"VERSCHIL"_s), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"signals"_s), qPrintable(run.out));

    // Every table of casework holds the same rows, field by field, with the same ids.
    for (const QString& table : {u"signals"_s, u"subjects"_s, u"consent_scopes"_s, u"referrals"_s, u"escalations"_s, u"history"_s,
                                 u"access_log"_s, u"signal_sequence"_s, u"buurten"_s, u"partners"_s, u"categories"_s}) {
        const QString order = table == u"subjects"_s ? u"signal_id"_s
                              : table == u"signal_sequence"_s ? u"year"_s
                              : table == u"categories"_s ? u"code"_s
                                                         : u"id"_s;
        const QStringList inFile = fileRows(desk.path(), u"SELECT * FROM %1 ORDER BY %2"_s.arg(table, order));
        QVERIFY2(!inFile.isEmpty(), qPrintable(table));
        QCOMPARE(serverRows(target.address(), u"SELECT * FROM %1 ORDER BY %2"_s.arg(table, order)), inFile);
    }
    // The day counts equal a fresh count of the copied rows.
    RawConnection raw(target.address());
    const QString counted = u"SELECT string_agg(observed_on || ' ' || buurt_id || ' ' || category_code || ' ' || n, ',' ORDER BY 1) FROM (%1) c"_s;
    const QVariant dayCounts = raw.scalar(counted.arg(u"SELECT observed_on, buurt_id, category_code, signals AS n FROM signal_day_counts WHERE signals > 0"_s));
    QVERIFY(!dayCounts.toString().isEmpty());
    QCOMPARE(dayCounts, raw.scalar(counted.arg(u"SELECT observed_on, buurt_id, category_code, count(*) AS n FROM signals GROUP BY 1, 2, 3"_s)));
    QCOMPARE(raw.column(u"SELECT status || ' ' || referrals FROM referral_day_counts WHERE referrals > 0"_s), QStringList{u"geaccepteerd 1"_s});
    // The file's users are there; the server's first beheerder stays.
    QCOMPARE(raw.column(u"SELECT login FROM users ORDER BY login"_s), (QStringList{u"postgres"_s, u"tester"_s}));
    // The triggers are back and the numbering continues after the copied ids.
    QCOMPARE(raw.failure(u"DELETE FROM history"_s), QString::fromLatin1("BS001"));
    QCOMPARE(raw.failure(u"INSERT INTO signals (reference, observed_on, registered_at, registered_by, buurt_id, impact, category_code,"
                         " source_code, urgency, description, status, level_since, updated_at) SELECT 'S-2026-000099', observed_on,"
                         " registered_at, registered_by, buurt_id, impact, category_code, source_code, urgency, 'nieuw', status,"
                         " level_since, updated_at FROM signals WHERE id = 1"_s),
             QString());
    QCOMPARE(raw.scalar(u"SELECT id FROM signals WHERE reference = 'S-2026-000099'"_s).toInt(), 4);
    QCOMPARE(raw.scalar(u"SELECT count(*) FROM access_log WHERE signal_id = 4"_s).toInt(), 0);
    QCOMPARE(raw.scalar(u"SELECT sum(signals) FROM signal_day_counts"_s).toInt(), 4);
    QCOMPARE(raw.scalar(u"SELECT description FROM signals WHERE id = 3"_s).toString(), u"Zegt \"NULL\" en {a,b} \\ 'c'\nnieuwe regel; € ë"_s);
    QCOMPARE(raw.scalar(u"SELECT street IS NOT NULL AND street = '' FROM signals WHERE id = 3"_s).toBool(), true);
    // `check` on the server agrees.
    const ProgramRun checked = cli({u"--db"_s, target.uri(), u"check"_s});
    QVERIFY2(checked.code == 0, qPrintable(checked.out + checked.err));
}

void TestServer::importFileRefusesNonEmptyServer()
{
    TempRegistry desk(referenceToday(), Engine::Sqlite);
    addSignal(desk.registry());
    desk.close();
    TempRegistry server(referenceToday(), Engine::Postgresql);
    addSignal(server.registry());
    server.close();
    const QByteArray before = contentFingerprint(server.path());
    const ProgramRun run = cli({u"--db"_s, server.path(), u"server"_s, u"import-file"_s, desk.path()});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.startsWith(u"Het register op %1 is niet leeg (1 rijen in signal_sequence, 1 rijen in signals, 1 rijen in history, "
                                 "1 rijen in access_log)"_s.arg(server.path())),
             qPrintable(run.err));
    QVERIFY(run.err.contains(u"Er is niets gewijzigd."_s));
    QCOMPARE(contentFingerprint(server.path()), before);
}

void TestServer::importFileRefusesOtherSchemaVersion()
{
    TempRegistry desk(referenceToday(), Engine::Sqlite);
    addSignal(desk.registry());
    QVERIFY(desk->db().execute(u"INSERT INTO schema_migrations (version, summary, applied_at) VALUES (99, 'toekomst', 'x')"_s).ok());
    desk.close();
    TempServerDatabase target;
    serverInit(target.uri());
    const QByteArray before = contentFingerprint(target.uri());
    const ProgramRun run = cli({u"--db"_s, target.uri(), u"server"_s, u"import-file"_s, desk.path()});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.startsWith(u"Het bestand %1 heeft schemaversie 99, het register op %2 schemaversie %3"_s.arg(desk.path(), target.uri())
                                    .arg(latestVersion(standardLadder()))),
             qPrintable(run.err));
    QVERIFY(run.err.contains(u"Er is niets gewijzigd."_s));
    QCOMPARE(contentFingerprint(target.uri()), before);
}

void TestServer::importFileIsAllOrNothing()
{
    TempRegistry desk(referenceToday(), Engine::Sqlite);
    fillDeskFile(desk.registry());
    if (QTest::currentTestFailed())
        return;
    // A value the file took (SQLite keeps text in an INTEGER column) that the server refuses:
    // the copy fails at the subjects, after the signals went in.
    QVERIFY(desk->db().execute(u"UPDATE subjects SET birth_year = 'negentienachtenveertig'"_s).ok());
    desk.close();
    TempServerDatabase target;
    serverInit(target.uri());
    const QByteArray before = contentFingerprint(target.uri());
    const ProgramRun run = cli({u"--db"_s, target.uri(), u"server"_s, u"import-file"_s, desk.path()});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(u"signals: 3 rijen"_s), qPrintable(run.err));  // the signals were copied before it failed
    QCOMPARE(contentFingerprint(target.uri()), before);
    RawConnection raw(target.address());
    QCOMPARE(raw.scalar(u"SELECT count(*) FROM signals"_s).toInt(), 0);
    // The triggers and indexes dropped for the copy are there again (rolled back with it).
    QCOMPARE(raw.scalar(u"SELECT count(*) FROM pg_trigger WHERE tgname IN ('signals_count_insert', 'history_access')"_s).toInt(), 2);
    QCOMPARE(raw.scalar(u"SELECT count(*) FROM pg_indexes WHERE indexname = 'signals_observed'"_s).toInt(), 1);
}

void TestServer::importFileKeepsTheServersUserAdministration()
{
    TempRegistry desk(referenceToday(), Engine::Sqlite);
    fillDeskFile(desk.registry());
    if (QTest::currentTestFailed())
        return;
    desk.close();
    TempServerDatabase target;
    serverInit(target.uri());
    // A beheerder added a colleague before moving the file: logged as 'beheer', about no signal.
    const ProgramRun added = cli({u"--db"_s, target.uri(), u"user"_s, u"add"_s, u"mv_bakker"_s, u"--role"_s, u"medewerker"_s},
                                 {{u"BUURTSIGNAAL_USER"_s, target.address().user}, {u"BUURTSIGNAAL_NEW_PASSWORD"_s, u"geheim"_s}});
    QVERIFY2(added.code == 0, qPrintable(added.err));
    RawConnection raw(target.address());
    QCOMPARE(raw.scalar(u"SELECT count(*) FROM access_log"_s).toInt(), 1);

    const ProgramRun run = cli({u"--db"_s, target.uri(), u"server"_s, u"import-file"_s, desk.path()});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"genummerd na 1 eigen regels van de server"_s), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"nog geen login op de server; maak die met 'user add LOGIN --role ROL': tester"_s), qPrintable(run.out));
    // The server's entry first, then the file's in their own order and with their own content.
    const QString entries = u"SELECT at, actor, role, action, signal_id, detail FROM access_log ORDER BY id"_s;
    QStringList expected = serverRows(target.address(), entries).mid(0, 1);
    expected += fileRows(desk.path(), entries);
    QCOMPARE(serverRows(target.address(), entries), expected);
    QCOMPARE(raw.column(u"SELECT login FROM users ORDER BY login"_s), (QStringList{u"mv_bakker"_s, u"postgres"_s, u"tester"_s}));
}

void TestServer::backupOnServerExplainsPgDump()
{
    TempRegistry server(referenceToday(), Engine::Postgresql);
    addSignal(server.registry());
    server.close();
    const ServerAddress address = addressOf(server.path());
    const QString keywords = u"host=%1 port=%2 dbname=%3 user=%4"_s.arg(address.host).arg(address.port).arg(address.database, address.user);
    const QByteArray before = contentFingerprint(server.path());
    const ProgramRun run = cli({u"--db"_s, server.path(), u"backup"_s});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.startsWith(u"Van een register op een server maakt Buurtsignaal geen back-upbestanden: daar gelden de back-ups van de "
                                 "server zelf (pg_dump, base backups"_s),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(u"  pg_dump --format=custom --file=buurtsignaal-2026-11-26.dump \"%1\"\n"_s.arg(keywords)), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"  pg_restore --clean --if-exists --single-transaction --dbname=\"%1\" buurtsignaal-2026-11-26.dump"_s.arg(keywords)),
             qPrintable(run.err));
    QCOMPARE(contentFingerprint(server.path()), before);
    // The day's automatic backup of the app copies nothing from a server, and makes no folder for it.
    FixedClock clock(referenceToday());
    auto daily = Backups::dailyIfDue(server.path(), clock, 7);
    QVERIFY(daily.ok());
    QVERIFY(!daily->has_value());
    QVERIFY(!QFileInfo::exists(Backups::folderFor(server.path())));
}

void TestServer::restoreOnServerRefused()
{
    TempRegistry desk(referenceToday(), Engine::Sqlite);
    addSignal(desk.registry());
    const QString backup = desk.dir() + u"/kopie.buurtsignaal"_s;
    QVERIFY(Backups::create(desk.registry(), u"handmatig"_s, backup).ok());
    desk.close();
    TempRegistry server(referenceToday(), Engine::Postgresql);
    server.close();
    const QByteArray before = contentFingerprint(server.path());
    QTemporaryDir workingDir;
    const QString previous = QDir::currentPath();
    QDir::setCurrent(workingDir.path());
    const ProgramRun run = cli({u"--db"_s, server.path(), u"restore"_s, backup});
    QDir::setCurrent(previous);
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.startsWith(u"Een register op een server zet Buurtsignaal niet terug: daar gelden de back-ups van de server zelf"_s),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(u"  pg_restore --clean --if-exists --single-transaction --dbname=\""_s), qPrintable(run.err));
    QCOMPARE(contentFingerprint(server.path()), before);
    QVERIFY(QDir(workingDir.path()).isEmpty());  // no file or folder named after the address
}

void TestServer::checkOnServerFindsABrokenDayCount()
{
    TempRegistry server(referenceToday(), Engine::Postgresql);
    addSignal(server.registry());
    addSignal(server.registry(), u"schulden"_s);
    server.close();
    ProgramRun run = cli({u"--db"_s, server.path(), u"check"_s});
    QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(u"Databasecontrole en controle van de verwijzingen: niet nodig op de server"_s), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"In orde: %1 (schemaversie %2, 2 signalen"_s.arg(server.path()).arg(latestVersion(standardLadder()))),
             qPrintable(run.out));

    RawConnection raw(addressOf(server.path()));
    QCOMPARE(raw.failure(u"UPDATE signal_day_counts SET signals = signals + 1 WHERE category_code = 'schulden'"_s), QString());
    QCOMPARE(raw.failure(u"UPDATE signals SET escalation_level = 2 WHERE id = 1"_s), QString());
    run = cli({u"--db"_s, server.path(), u"check"_s});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(u"Tellingen per dag van de signalen wijken af van een verse telling (dag, buurt, categorie): 1 "
                              "(bijvoorbeeld 2026-11-26 buurt"_s),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(u"niet het niveau van de laatste escalatiestap is: 1 (bijvoorbeeld S-2026-000001 op niveau 2)"_s), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestServer)
#include "tst_server.moc"
