// Moving a desk's file to the server, and backups and checks in server mode (fixture: tst_server.h).
#include "tst_server.h"

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
