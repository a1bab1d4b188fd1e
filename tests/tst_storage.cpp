// Storage: migrations, pragmas, permissions, refusal of foreign or newer files, history immutability.
#include "Registry.h"
#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "services/Signals.h"
#include "storage/Location.h"
#include "storage/Migrations.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

class TestStorage : public QObject {
    Q_OBJECT

private slots:
    void newRegistryHasSchemaAndReferenceData();
    void connectionPragmas();
    void ownerOnlyPermissions();
    void historyIsAppendOnly();
    void foreignKeysAreEnforced();
    void newerSchemaIsRefusedUntouched();
    void foreignFilesAreRefusedUntouched();
    void readOnlyFileIsRefused();
    void missingFileIsNotCreatedUnlessAsked();
    void migrationMakesBackupFirst();
    void failingMigrationStepLeavesVersion();
    void refusedWriteLeavesNoTrace();
    void dayCountsStayExact();
    void duplicateOpenReferralsAreWithdrawnOnMigration();
    void serverAddressesAreParsed_data();
    void serverAddressesAreParsed();
    void badServerAddressesAreRefused_data();
    void badServerAddressesAreRefused();
};

void TestStorage::newRegistryHasSchemaAndReferenceData()
{
    TempRegistry temp;
    QVERIFY(temp->wasCreated());
    auto version = schemaVersion(temp->db());
    QVERIFY(version.ok());
    QCOMPARE(version.value(), latestVersion(standardLadder()));
    auto count = [&](const QString& table) { return temp->db().scalar(u"SELECT count(*) FROM "_s + table).value().toInt(); };
    QCOMPARE(count(u"themes"_s), 4);
    QCOMPARE(count(u"categories"_s), 26);
    QCOMPARE(count(u"sources"_s), 11);
    QCOMPARE(count(u"partners"_s), 18);
    QCOMPARE(count(u"buurten"_s), 8);
    QCOMPARE(count(u"wijken"_s), 6);
    QCOMPARE(count(u"escalation_levels"_s), 5);
    QCOMPARE(count(u"indicators"_s), 25);
    // Never invented codes: only the one buurt with a known CBS code has one.
    QCOMPARE(temp->db().scalar(u"SELECT count(*) FROM buurten WHERE cbs_code IS NOT NULL"_s).value().toInt(), 1);
    QCOMPARE(temp->db().scalar(u"SELECT term_days FROM escalation_levels WHERE level = 3"_s).value().toInt(), 20);
}

void TestStorage::connectionPragmas()
{
    TempRegistry temp;
    Database& db = temp->db();
    QCOMPARE(db.scalar(u"PRAGMA foreign_keys"_s).value().toInt(), 1);
    QCOMPARE(db.scalar(u"PRAGMA journal_mode"_s).value().toString(), u"wal"_s);
    QCOMPARE(db.scalar(u"PRAGMA synchronous"_s).value().toInt(), 2);  // FULL
    QCOMPARE(db.scalar(u"PRAGMA busy_timeout"_s).value().toInt(), SqliteDialect::busyTimeoutMs);
    temp.reopen();  // and again on a second connection to an existing file
    QCOMPARE(temp->db().scalar(u"PRAGMA foreign_keys"_s).value().toInt(), 1);
    QCOMPARE(temp->db().scalar(u"PRAGMA synchronous"_s).value().toInt(), 2);
}

void TestStorage::ownerOnlyPermissions()
{
    QTemporaryDir dir;
    FixedClock clock(referenceToday());
    const QString path = dir.filePath(u"nieuw/map/register.buurtsignaal"_s);
    auto registry = Registry::open(path, Registry::Create::IfMissing, clock, u"t"_s);
    QVERIFY(registry.ok());
    const QFileDevice::Permissions groupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                                                  QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    const auto filePermissions = QFileInfo(path).permissions();
    QVERIFY(filePermissions.testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QCOMPARE(filePermissions & groupOrOther, QFileDevice::Permissions());
    QCOMPARE(QFileInfo(dir.filePath(u"nieuw/map"_s)).permissions() & groupOrOther, QFileDevice::Permissions());
}

void TestStorage::historyIsAppendOnly()
{
    TempRegistry temp;
    addSignal(temp.registry());
    Database& db = temp->db();
    QVERIFY(db.scalar(u"SELECT count(*) FROM history"_s).value().toInt() == 1);
    auto update = db.run(u"UPDATE history SET detail = 'vervalst'"_s);
    QVERIFY(!update.ok());
    QCOMPARE(update.error().kind, ErrorKind::Rule);
    QVERIFY(!db.run(u"DELETE FROM history"_s).ok());
    QCOMPARE(db.scalar(u"SELECT detail FROM history"_s).value().toString().contains(u"vervalst"_s), false);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM history"_s).value().toInt(), 1);
}

void TestStorage::foreignKeysAreEnforced()
{
    TempRegistry temp;
    auto insert = temp->db().run(u"INSERT INTO buurten (name, wijk_id) VALUES ('Nergens', 9999)"_s);
    QVERIFY(!insert.ok());
}

void TestStorage::newerSchemaIsRefusedUntouched()
{
    TempRegistry temp;
    QVERIFY(temp->db().run(u"INSERT INTO schema_migrations (version, summary, applied_at) VALUES (99, 'toekomst', 'x')"_s).ok());
    temp.close();
    const QByteArray before = fileBytesHash(temp.path());
    FixedClock clock(referenceToday());
    auto reopened = Registry::open(temp.path(), Registry::Create::No, clock, u"t"_s);
    QVERIFY(!reopened.ok());
    QCOMPARE(reopened.error().kind, ErrorKind::Storage);
    QVERIFY(reopened.error().message.contains(u"99"_s));
    QCOMPARE(fileBytesHash(temp.path()), before);
}

void TestStorage::foreignFilesAreRefusedUntouched()
{
    QTemporaryDir dir;
    FixedClock clock(referenceToday());
    const QString text = dir.filePath(u"notities.txt"_s);
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Dit is geen database maar een boodschappenlijst.\n");
    file.close();
    const QByteArray before = fileBytesHash(text);
    auto opened = Registry::open(text, Registry::Create::IfMissing, clock, u"t"_s);
    QVERIFY(!opened.ok());
    QVERIFY(opened.error().message.contains(u"geen Buurtsignaal-register"_s));
    QCOMPARE(fileBytesHash(text), before);

    // A SQLite database of another program.
    const QString other = dir.filePath(u"ander.sqlite"_s);
    {
        auto db = Database::openSqlite(other);
        QVERIFY(db.ok());
        QVERIFY(db.value()->run(u"CREATE TABLE boeken (titel TEXT)"_s).ok());
    }
    const QByteArray otherBefore = contentFingerprint(other);
    auto refused = Registry::open(other, Registry::Create::No, clock, u"t"_s);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(u"ander programma"_s));
    QCOMPARE(contentFingerprint(other), otherBefore);
}

void TestStorage::readOnlyFileIsRefused()
{
    TempRegistry temp;
    temp.close();
    QFile::setPermissions(temp.path(), QFileDevice::ReadOwner);
    FixedClock clock(referenceToday());
    auto opened = Registry::open(temp.path(), Registry::Create::No, clock, u"t"_s);
    QVERIFY(!opened.ok());
    QVERIFY(opened.error().message.contains(u"alleen-lezen"_s));
    QFile::setPermissions(temp.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestStorage::missingFileIsNotCreatedUnlessAsked()
{
    QTemporaryDir dir;
    FixedClock clock(referenceToday());
    const QString path = dir.filePath(u"bestaat-niet.buurtsignaal"_s);
    auto opened = Registry::open(path, Registry::Create::No, clock, u"t"_s);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().kind, ErrorKind::NotFound);
    QVERIFY(!QFileInfo::exists(path));
}

void TestStorage::migrationMakesBackupFirst()
{
    TempRegistry temp;
    addSignal(temp.registry());
    temp.close();
    MigrationLadder ladder = standardLadder();
    const int next = latestVersion(standardLadder()) + 1;
    ladder << Migration{next, u"Test: extra tabel"_s, [](const Dialect&) { return QStringList{u"CREATE TABLE extra (x INTEGER)"_s}; }};
    FixedClock clock(referenceToday());
    auto opened = Registry::open(temp.path(), Registry::Create::No, clock, u"t"_s, ladder);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    QCOMPARE(schemaVersion(opened.value()->db()).value(), next);
    const QString backup = opened.value()->lastBackup();
    QVERIFY(!backup.isEmpty());
    QVERIFY(QFileInfo::exists(backup));
    auto copy = Database::openSqlite(backup);
    QVERIFY(copy.ok());
    QCOMPARE(schemaVersion(*copy.value()).value(), next - 1);
    QCOMPARE(copy.value()->scalar(u"SELECT count(*) FROM signals"_s).value().toInt(), 1);
}

void TestStorage::failingMigrationStepLeavesVersion()
{
    TempRegistry temp;
    temp.close();
    MigrationLadder ladder = standardLadder();
    const int next = latestVersion(standardLadder()) + 1;
    ladder << Migration{next, u"Test: half fout"_s, [](const Dialect&) {
                            return QStringList{u"CREATE TABLE half (x INTEGER)"_s, u"DIT IS GEEN SQL"_s};
                        }};
    FixedClock clock(referenceToday());
    auto opened = Registry::open(temp.path(), Registry::Create::No, clock, u"t"_s, ladder);
    QVERIFY(!opened.ok());
    QVERIFY(opened.error().message.contains(u"versie %1"_s.arg(next)));
    auto db = Database::openSqlite(temp.path());
    QCOMPARE(schemaVersion(*db.value()).value(), next - 1);
    QCOMPARE(db.value()->scalar(u"SELECT count(*) FROM sqlite_master WHERE name = 'half'"_s).value().toInt(), 0);
}

void TestStorage::refusedWriteLeavesNoTrace()
{
    TempRegistry temp;
    const QString reference = addSignal(temp.registry());
    const QByteArray before = contentFingerprint(temp.path());
    // A write that fails half-way (the second statement violates a constraint) is rolled back whole.
    Status failed = temp->db().write([&]() -> Status {
        auto first = temp->db().run(u"UPDATE signals SET street = 'Dam' WHERE reference = ?"_s, {reference});
        if (!first.ok())
            return first.error();
        auto second = temp->db().run(u"UPDATE signals SET status = 'bestaat_niet' WHERE reference = ?"_s, {reference});
        if (!second.ok())
            return second.error();
        return {};
    });
    QVERIFY(!failed.ok());
    QCOMPARE(contentFingerprint(temp.path()), before);
    QVERIFY(!temp->db().inTransaction());
}

void TestStorage::dayCountsStayExact()
{
    TempRegistry temp;
    QVERIFY(DemoGenerator::generate(temp.registry(), {500, 3}).ok());
    const QString moved = addSignal(temp.registry());
    SignalEdit edit;
    edit.buurt = u"Souburgh"_s;
    edit.category = u"schulden"_s;
    QVERIFY(Signals::edit(temp.registry(), moved, edit).ok());
    // The maintained counts equal a fresh count of the signals, row for row.
    const QString difference =
        u"SELECT count(*) FROM (SELECT observed_on, buurt_id, category_code, count(*) AS n FROM signals"
        " GROUP BY observed_on, buurt_id, category_code EXCEPT SELECT observed_on, buurt_id, category_code, signals"
        " FROM signal_day_counts WHERE signals > 0)"_s;
    QCOMPARE(temp->db().scalar(difference).value().toInt(), 0);
    QCOMPARE(temp->db().scalar(u"SELECT sum(signals) FROM signal_day_counts"_s).value().toInt(), 501);
    // Referrals likewise, after a demo full of accepted, rejected and completed ones.
    const QString bucket = temp->db().dialect().referralBucket(u"r"_s).join(u", "_s);
    const QString referralDifference =
        u"SELECT count(*) FROM (SELECT %1, count(*) FROM referrals r GROUP BY %1 EXCEPT SELECT sent_on, to_partner_id, status,"
        " accept_days, complete_days, rejection_reason, loop_closed, referrals FROM referral_day_counts WHERE referrals > 0)"_s.arg(bucket);
    QCOMPARE(temp->db().scalar(referralDifference).value().toInt(), 0);
    QCOMPARE(temp->db().scalar(u"SELECT sum(referrals) FROM referral_day_counts"_s).value().toInt(),
             temp->db().scalar(u"SELECT count(*) FROM referrals"_s).value().toInt());
    QCOMPARE(temp->db().scalar(u"SELECT sum(signals) FROM signal_day_counts WHERE buurt_id = "
                               "(SELECT id FROM buurten WHERE name = 'Souburgh') AND category_code = 'schulden'"_s).value().toInt(),
             temp->db().scalar(u"SELECT count(*) FROM signals WHERE buurt_id = (SELECT id FROM buurten WHERE name = 'Souburgh')"
                               " AND category_code = 'schulden'"_s).value().toInt());
}

// A file from before version 8 may hold two open referrals of one signal to one partner (two
// programs could both pass the check). Migrating keeps the one furthest along, withdraws the others
// with a note and a history line, and then the unique index refuses any new duplicate.
void TestStorage::duplicateOpenReferralsAreWithdrawnOnMigration()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"v7.buurtsignaal"_s);
    FixedClock clock(referenceToday());
    QString ref;
    {
        auto v7 = Registry::open(path, Registry::Create::IfMissing, clock, u"tester"_s, standardLadder().mid(0, 7));
        QVERIFY2(v7.ok(), v7.ok() ? "" : qPrintable(v7.error().message));
        Registry& registry = *v7.value();
        ref = addSignal(registry, u"vervuiling"_s, u"straat"_s);
        const qint64 signalId = Signals::state(registry, ref)->id;
        const auto referral = [&](const QString& partner, const QString& status) {
            QVERIFY(registry.db().execute(
                u"INSERT INTO referrals (signal_id, to_partner_id, reason, status, sent_on, sent_by, respond_by, updated_at)"
                " VALUES (?, (SELECT id FROM partners WHERE name = ?), 'Container', ?, '2026-11-20', 'tester', '2026-11-27', 'x')"_s,
                {signalId, partner, status}).ok());
        };
        referral(u"Gemeente Alblasserdam"_s, u"verstuurd"_s);     // 1: sent first, but
        referral(u"Gemeente Alblasserdam"_s, u"geaccepteerd"_s);  // 2: accepted: this one stays
        referral(u"Gemeente Alblasserdam"_s, u"verstuurd"_s);     // 3
        referral(u"Woonkracht10"_s, u"verstuurd"_s);              // 4: another partner, untouched
        referral(u"Woonkracht10"_s, u"afgerond"_s);               // 5: closed, untouched
    }
    auto opened = Registry::open(path, Registry::Create::No, clock, u"tester"_s);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    Database& db = opened.value()->db();
    QCOMPARE(schemaVersion(db).value(), latestVersion(standardLadder()));
    auto statuses = db.run(u"SELECT id, status, coalesce(feedback, '') FROM referrals ORDER BY id"_s);
    QStringList seen;
    while (statuses->next())
        seen << statuses->value(1).toString();
    QCOMPARE(seen, (QStringList{u"ingetrokken"_s, u"geaccepteerd"_s, u"ingetrokken"_s, u"verstuurd"_s, u"afgerond"_s}));
    QVERIFY(db.scalar(u"SELECT feedback FROM referrals WHERE id = 1"_s).value().toString().contains(u"#2 loopt door"_s));
    QCOMPARE(db.scalar(u"SELECT closed_on FROM referrals WHERE id = 3"_s).value().toString(), u"2026-11-26"_s);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM history WHERE referral_id IN (1, 3) AND detail LIKE '%→ ingetrokken'"_s).value().toInt(), 2);
    // The figures stay exact: the day-count triggers saw the withdrawals.
    QCOMPARE(db.scalar(u"SELECT sum(referrals) FROM referral_day_counts WHERE status = 'ingetrokken'"_s).value().toInt(), 2);
    // From now on the database itself refuses a second open referral to the same partner.
    auto duplicate = db.run(u"INSERT INTO referrals (signal_id, to_partner_id, reason, status, sent_on, sent_by, respond_by, updated_at)"
                            " SELECT signal_id, to_partner_id, reason, 'verstuurd', sent_on, sent_by, respond_by, updated_at"
                            " FROM referrals WHERE id = 2"_s);
    QVERIFY(!duplicate.ok());
    // Told by the engine's error code, not by the words of its message.
    QCOMPARE(duplicate.error().kind, ErrorKind::Conflict);
}

void TestStorage::serverAddressesAreParsed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("shown");
    QTest::newRow("uri") << u"postgresql://p.bakker@db.gemeente.nl:6432/buurtsignaal"_s << u"db.gemeente.nl"_s << 6432
                         << u"buurtsignaal"_s << u"p.bakker"_s << u"postgresql://p.bakker@db.gemeente.nl:6432/buurtsignaal"_s;
    QTest::newRow("short scheme, no user or port") << u"postgres://db/buurtsignaal"_s << u"db"_s << 0 << u"buurtsignaal"_s << QString()
                                                    << u"postgresql://db/buurtsignaal"_s;
    QTest::newRow("socket folder as parameter") << u"postgresql://postgres@/bs?host=/tmp/bspg.x&port=54329&sslmode=disable"_s
                                                << u"/tmp/bspg.x"_s << 54329 << u"bs"_s << u"postgres"_s
                                                << u"postgresql://postgres@/bs?host=/tmp/bspg.x&port=54329"_s;
    QTest::newRow("socket folder percent-encoded") << u"postgresql://%2Fvar%2Frun%2Fpostgresql/bs"_s << u"/var/run/postgresql"_s << 0
                                                   << u"bs"_s << QString() << u"postgresql:///bs?host=/var/run/postgresql"_s;
    QTest::newRow("keywords") << u"host=db.gemeente.nl port=5433 dbname=buurtsignaal user='p bakker'"_s << u"db.gemeente.nl"_s << 5433
                              << u"buurtsignaal"_s << u"p bakker"_s << u"postgresql://p bakker@db.gemeente.nl:5433/buurtsignaal"_s;
}

void TestStorage::serverAddressesAreParsed()
{
    QFETCH(QString, text);
    QVERIFY(Location::looksLikeServer(text));
    auto location = Location::parse(text);
    QVERIFY2(location.ok(), qPrintable(location.error().message));
    QVERIFY(location->isServer());
    QTEST(location->server.host, "host");
    QTEST(location->server.port, "port");
    QTEST(location->server.database, "database");
    QTEST(location->server.user, "user");
    QTEST(location->display(), "shown");
    QVERIFY(location->server.password.isEmpty());
    // What is shown can be given again and means the same.
    auto again = Location::parse(location->display());
    QVERIFY(again.ok());
    QCOMPARE(again->server.host, location->server.host);
    QCOMPARE(again->server.database, location->server.database);

    // Files stay files, also with odd names.
    for (const QString& file : {u"register.buurtsignaal"_s, u"/tmp/a=b.buurtsignaal"_s, u"postgresql.buurtsignaal"_s}) {
        auto parsed = Location::parse(file);
        QVERIFY(parsed.ok());
        QVERIFY(!parsed->isServer());
        QCOMPARE(parsed->path, file);
    }
}

void TestStorage::badServerAddressesAreRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("password in uri") << u"postgresql://p.bakker:geheim@db/buurtsignaal"_s << u"Zet geen wachtwoord in het serveradres"_s;
    QTest::newRow("password parameter") << u"postgresql://db/buurtsignaal?password=geheim"_s << u"Zet geen wachtwoord in het serveradres"_s;
    QTest::newRow("password keyword") << u"host=db dbname=bs password=geheim"_s << u"Zet geen wachtwoord in het serveradres"_s;
    QTest::newRow("no database") << u"postgresql://db"_s << u"de naam van de database ontbreekt"_s;
    QTest::newRow("bad port") << u"postgresql://db:99999/bs"_s << u"poort '99999' is geen getal van 1 tot 65535"_s;
    QTest::newRow("unknown setting") << u"postgresql://db/bs?sslcert=x"_s << u"onbekende instelling 'sslcert'"_s;
    QTest::newRow("password after a bad setting") << u"host=db sslcert=x dbname=bs password=geheim"_s << u"Zet geen wachtwoord"_s;
    QTest::newRow("broken keywords") << u"host=db dbname=bs rommel"_s << u"verwacht 'naam=waarde' bij 'rommel'"_s;
}

void TestStorage::badServerAddressesAreRefused()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    auto location = Location::parse(text);
    QVERIFY(!location.ok());
    QCOMPARE(location.error().field, u"db"_s);
    QVERIFY2(location.error().message.contains(message), qPrintable(location.error().message));
    QVERIFY(!location.error().message.contains(u"geheim"_s));
    // Registry::open refuses it the same way, before creating anything.
    FixedClock clock(referenceToday());
    auto opened = Registry::open(text, Registry::Create::IfMissing, clock, u"tester"_s);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().message, location.error().message);
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
