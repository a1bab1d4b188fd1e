// The registry on a PostgreSQL server: the same migration ladder builds an equivalent schema, the
// database itself keeps history and access log append-only and the day counts exact, writers
// are serialised, and bad addresses, unreachable servers, empty or foreign databases and newer
// schemas are refused with one Dutch message and nothing changed. Also `buurtsignaal-cli --db
// postgresql://…`. Needs the throwaway server of tests/pg/server.sh (BUURTSIGNAAL_TEST_PG);
// skipped without it.
#include "tst_server.h"


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

QTEST_GUILESS_MAIN(TestServer)
