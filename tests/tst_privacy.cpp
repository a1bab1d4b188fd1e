// Privacy by design: roles honoured by the command line, the access log (complete, append-only,
// purged only past its term), the retention run (subject data gone, figures unchanged),
// subject search, inzage and erasure, backups (checked, rotated, restored), the network-share
// warning.
#include "Cli.h"
#include "TestSupport.h"
#include "access/Access.h"
#include "access/AccessLog.h"
#include "privacy/Retention.h"
#include "privacy/SubjectRights.h"
#include "services/Journal.h"
#include "services/SignalDetail.h"
#include "services/Signals.h"
#include "services/Subjects.h"
#include "storage/Backups.h"
#include "storage/FileSystem.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

class TestPrivacy : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void rolesAreHonouredByTheCommandLine();
    void userAddOnAFileIsUserSet();
    void accessLogIsCompleteAndAppendOnly();
    void retentionWipesSubjectsAndKeepsFigures();
    void subjectSearchInzageAndErasure();
    void backupsAreCheckedRotatedAndRestored();
    void networkSharesAreRecognised();

private:
    int cli(const QString& user, const QStringList& arguments, QString* out = nullptr, QString* err = nullptr);
    // Where a new, empty registry goes on the suite's engine: a file in `dir`, or an empty
    // database on the test server (dropped after the test).
    QString emptyRegistry(const QTemporaryDir& dir);
    FixedClock m_clock{referenceToday()};
    std::vector<std::unique_ptr<TempServerDatabase>> m_servers;
};

void TestPrivacy::initTestCase()
{
    if (const QString why = engineUnavailable(); !why.isEmpty())
        QSKIP(qPrintable(why));
}

void TestPrivacy::cleanup()
{
    m_servers.clear();
}

QString TestPrivacy::emptyRegistry(const QTemporaryDir& dir)
{
    if (testEngine() == Engine::Sqlite)
        return dir.filePath(u"r.buurtsignaal"_s);
    m_servers.push_back(std::make_unique<TempServerDatabase>());
    return m_servers.back()->uri();
}

int TestPrivacy::cli(const QString& user, const QStringList& arguments, QString* out, QString* err)
{
    qputenv("BUURTSIGNAAL_USER", user.toUtf8());
    QString o, e;
    QTextStream os(&o), es(&e);
    const int code = runCli(QStringList{u"buurtsignaal-cli"_s} + arguments, os, es, m_clock);
    os.flush();
    es.flush();
    if (out)
        *out = o;
    if (err)
        *err = e;
    qputenv("BUURTSIGNAAL_USER", "tester");
    return code;
}

void TestPrivacy::rolesAreHonouredByTheCommandLine()
{
    // BUURTSIGNAAL_USER names the person only on a file; on a server the person is the database
    // login, and tst_rls proves the roles with a real login per role.
    if (testEngine() == Engine::Postgresql)
        QSKIP("about registry files (on a server the person is the database login: tst_rls)");
    QTemporaryDir dir;
    const QString db = emptyRegistry(dir);
    QCOMPARE(cli(u"anna"_s, {u"--db"_s, db, u"init"_s}), 0);  // the creator becomes beheerder
    QCOMPARE(cli(u"anna"_s, {u"--db"_s, db, u"user"_s, u"set"_s, u"mo"_s, u"medewerker"_s}), 0);
    QCOMPARE(cli(u"anna"_s, {u"--db"_s, db, u"user"_s, u"set"_s, u"sg"_s, u"stuurgroep"_s}), 0);
    QCOMPARE(cli(u"anna"_s, {u"--db"_s, db, u"user"_s, u"set"_s, u"co"_s, u"coordinator"_s}), 0);
    QString out, err;
    QCOMPARE(cli(u"mo"_s, {u"--db"_s, db, u"signal"_s, u"add"_s, u"--buurt"_s, u"Kortland"_s, u"--category"_s, u"vervuiling"_s,
                           u"--source"_s, u"bewoner"_s, u"--description"_s, u"Afval"_s}, &out), 0);
    const QString reference = out.trimmed();
    QCOMPARE(cli(u"mo"_s, {u"--db"_s, db, u"signal"_s, u"show"_s, reference}), 0);
    // The steering group sees figures, never a signal.
    QCOMPARE(cli(u"sg"_s, {u"--db"_s, db, u"signal"_s, u"show"_s, reference}, &out, &err), int(ExitCode::Refused));
    QVERIFY(err.contains(u"stuurgroep"_s) && err.contains(u"signalen inzien"_s));
    QCOMPARE(cli(u"sg"_s, {u"--db"_s, db, u"signal"_s, u"list"_s}), int(ExitCode::Refused));
    QCOMPARE(cli(u"sg"_s, {u"--db"_s, db, u"stats"_s, u"--from"_s, u"2026-01-01"_s, u"--to"_s, u"2026-11-27"_s}), 0);
    // A medewerker does not administer; a coordinator imports but does not manage users.
    QCOMPARE(cli(u"mo"_s, {u"--db"_s, db, u"user"_s, u"set"_s, u"mo"_s, u"beheerder"_s}), int(ExitCode::Refused));
    QCOMPARE(cli(u"mo"_s, {u"--db"_s, db, u"retention"_s, u"--dry-run"_s}), int(ExitCode::Refused));
    QCOMPARE(cli(u"mo"_s, {u"--db"_s, db, u"access-log"_s}), int(ExitCode::Refused));
    QCOMPARE(cli(u"co"_s, {u"--db"_s, db, u"user"_s, u"list"_s}), int(ExitCode::Refused));
    QCOMPARE(cli(u"co"_s, {u"--db"_s, db, u"signal"_s, u"show"_s, reference}), 0);
    // Someone the registry does not know may do nothing, and is told how to get access.
    QCOMPARE(cli(u"vreemde"_s, {u"--db"_s, db, u"signal"_s, u"list"_s}, &out, &err), int(ExitCode::Refused));
    QVERIFY(err.contains(u"vreemde"_s) && err.contains(u"user set"_s));
    // The last beheerder cannot step down.
    QCOMPARE(cli(u"anna"_s, {u"--db"_s, db, u"user"_s, u"set"_s, u"anna"_s, u"medewerker"_s}, &out, &err), int(ExitCode::Refused));
    QVERIFY(err.contains(u"laatste actieve beheerder"_s));
    // Refusals are in the access log.
    QCOMPARE(cli(u"anna"_s, {u"--db"_s, db, u"access-log"_s, u"--action"_s, u"geweigerd"_s}, &out), 0);
    QVERIFY(out.contains(u"sg"_s) && out.contains(u"vreemde"_s));
}

// On a file `user add` only adds the users row (a server also gets a login: tst_rls).
void TestPrivacy::userAddOnAFileIsUserSet()
{
    if (testEngine() == Engine::Postgresql)
        QSKIP("about registry files (on a server user add also makes a login: tst_rls)");
    QTemporaryDir dir;
    const QString db = dir.filePath(u"r.buurtsignaal"_s);
    QCOMPARE(cli(u"anna"_s, {u"--db"_s, db, u"init"_s}), 0);
    QString out, err;
    QCOMPARE(cli(u"anna"_s, {u"--db"_s, db, u"user"_s, u"add"_s, u"mo"_s, u"--role"_s, u"medewerker"_s, u"--name"_s, u"Mo"_s}, &out), 0);
    QCOMPARE(cli(u"anna"_s, {u"--db"_s, db, u"user"_s, u"list"_s}, &out), 0);
    QVERIFY2(out.contains(u"mo "_s) && out.contains(u"Medewerker"_s) && out.contains(u"Mo"_s), qPrintable(out));
    QCOMPARE(cli(u"anna"_s, {u"--db"_s, db, u"user"_s, u"add"_s, u"mo2"_s}, &out, &err), int(ExitCode::Usage));
    QCOMPARE(cli(u"mo"_s, {u"--db"_s, db, u"user"_s, u"add"_s, u"mo3"_s, u"--role"_s, u"beheerder"_s}), int(ExitCode::Refused));
    QCOMPARE(cli(u"anna"_s, {u"--db"_s, db, u"user"_s, u"list"_s}, &out), 0);
    QVERIFY(!out.contains(u"mo2"_s) && !out.contains(u"mo3"_s));
}

void TestPrivacy::accessLogIsCompleteAndAppendOnly()
{
    TempRegistry temp;
    const QString reference = addSignal(temp.registry());
    QVERIFY(Signals::detail(temp.registry(), reference).ok());
    SignalEdit change;
    change.description = u"Nieuwe omschrijving"_s;
    QVERIFY(Signals::edit(temp.registry(), reference, change).ok());
    SignalFilter search;
    search.text = u"Jansen"_s;
    QVERIFY(Signals::recordSearch(temp.registry(), search).ok());
    Database& db = temp->db();
    auto logged = db.scalar(u"SELECT %1 FROM (SELECT action FROM access_log ORDER BY id) AS a"_s.arg(db.dialect().joinTexts(u"action"_s, u","_s)));
    QVERIFY2(logged.ok(), logged.ok() ? "" : qPrintable(logged.error().detail));
    const QString actions = logged.value().toString();
    QVERIFY2(actions.contains(u"aangemaakt,bekeken,gewijzigd,gezocht"_s), qPrintable(actions));
    QCOMPARE(db.scalar(u"SELECT detail FROM access_log WHERE action = 'gezocht'"_s).value().toString(), u"zoekterm: Jansen"_s);
    const QByteArray before = contentFingerprint(temp.path());
    QVERIFY(!db.execute(u"UPDATE access_log SET actor = 'niemand'"_s).ok());
    QVERIFY(!db.execute(u"DELETE FROM access_log"_s).ok());
    QCOMPARE(contentFingerprint(temp.path()), before);
    // Entries past the term (24 months) may go; recent ones stay, even for the purge.
    QVERIFY(db.execute(u"INSERT INTO access_log (at, actor, role, action, detail) VALUES ('2020-01-01T10:00:00Z', 'oud', '', 'bekeken', '')"_s).ok());
    auto removed = AccessLog::purge(temp.registry());
    QVERIFY(removed.ok());
    QCOMPARE(removed.value(), 1);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM access_log WHERE actor = 'oud'"_s).value().toInt(), 0);
    QVERIFY(db.scalar(u"SELECT count(*) FROM access_log"_s).value().toInt() >= 4);
    QCOMPARE(db.scalar(u"SELECT kind FROM retention_log"_s).value().toString(), u"logboek"_s);
    AccessFilter filter;
    filter.reference = reference;
    auto entries = AccessLog::list(temp.registry(), filter);
    QVERIFY(entries.ok());
    QVERIFY(entries->size() >= 3);
    QCOMPARE(entries->first().reference, reference);
}

void TestPrivacy::retentionWipesSubjectsAndKeepsFigures()
{
    QTemporaryDir dir;
    const QString path = emptyRegistry(dir);
    QString oldRef, recentRef;
    {
        FixedClock then(QDate(2024, 3, 1));
        auto registry = Registry::open(path, Registry::Create::IfMissing, then, u"tester"_s).value();
        oldRef = addSignal(*registry);
        QVERIFY(Subjects::set(*registry, oldRef, {u"Mevrouw Oud"_s, u"Dam 1"_s, {}, u"1940"_s}).ok());
        QVERIFY(Signals::changeStatus(*registry, oldRef, u"in_behandeling"_s, {}).ok());
        QVERIFY(Signals::changeStatus(*registry, oldRef, u"afgehandeld"_s, {u"opgelost"_s, u"Geholpen"_s, {}}).ok());
    }
    auto registry = Registry::open(path, Registry::Create::No, m_clock, u"tester"_s).value();
    recentRef = addSignal(*registry);
    QVERIFY(Subjects::set(*registry, recentRef, {u"Meneer Nu"_s, u"Dam 2"_s, {}, {}}).ok());
    const QStringList statsArgs = {u"--db"_s, path, u"stats"_s, u"--from"_s, u"2024-01-01"_s, u"--to"_s, u"2026-11-27"_s, u"--json"_s};
    QString before, after;
    QCOMPARE(cli(u"tester"_s, statsArgs, &before), 0);

    auto dry = Retention::run(*registry, true);
    QVERIFY(dry.ok());
    QCOMPARE(dry->signalCount, 1);
    QCOMPARE(dry->references, QStringList{oldRef});
    QVERIFY(!dry->written);
    QCOMPARE(registry->db().scalar(u"SELECT count(*) FROM subjects"_s).value().toInt(), 2);

    auto done = Retention::run(*registry, false);
    QVERIFY(done.ok() && done->written);
    QCOMPARE(registry->db().scalar(u"SELECT count(*) FROM subjects"_s).value().toInt(), 1);  // the recent one stays
    QVERIFY(!Signals::detail(*registry, oldRef)->subject.has_value());
    QVERIFY(Signals::detail(*registry, recentRef)->subject.has_value());
    const QString logged = registry->db().scalar(u"SELECT detail FROM retention_log WHERE kind = 'bewaartermijn'"_s).value().toString();
    QVERIFY2(logged.contains(done->cutoff.toString(Qt::ISODate)), qPrintable(logged));
    QVERIFY(!logged.contains(u"Oud"_s));  // what was wiped, not the data
    QCOMPARE(cli(u"tester"_s, statsArgs, &after), 0);
    QCOMPARE(after, before);
    QCOMPARE(Retention::run(*registry, false)->signalCount, 0);  // nothing left to wipe
}

void TestPrivacy::subjectSearchInzageAndErasure()
{
    TempRegistry temp;
    const QString reference = addSignal(temp.registry());
    QVERIFY(Subjects::set(temp.registry(), reference, {u"Mevrouw De Vries"_s, u"Kerkstraat 10"_s, u"078-1234567"_s, u"1950"_s}).ok());
    QVERIFY(Journal::add(temp.registry(), {reference, u"huisbezoek"_s, {}, u"Mevrouw thuis gesproken over de schulden"_s, true, 0}).ok());
    addSignal(temp.registry());
    auto found = SubjectRights::search(temp.registry(), u"vries"_s);
    QVERIFY(found.ok());
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->first().reference, reference);
    QCOMPARE(SubjectRights::search(temp.registry(), u"%%"_s)->size(), 0);  // wildcards are literal
    QVERIFY(!SubjectRights::search(temp.registry(), u"v"_s).ok());

    QTemporaryDir dir;
    const QString file = dir.filePath(u"inzage.json"_s);
    QVERIFY(SubjectRights::inzage(temp.registry(), {reference}, file).ok());
    QFile json(file);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject document = QJsonDocument::fromJson(json.readAll()).object();
    const QJsonObject signal = document.value(u"signalen"_s).toArray().first().toObject();
    QCOMPARE(signal.value(u"kenmerk"_s).toString(), reference);
    QCOMPARE(signal.value(u"betrokkene"_s).toObject().value(u"naam"_s).toString(), u"Mevrouw De Vries"_s);
    QVERIFY(!signal.value(u"geschiedenis"_s).toArray().isEmpty());
    // The journal is part of what is held about the person.
    const QJsonArray journal = signal.value(u"journaal"_s).toArray();
    QCOMPARE(journal.size(), 1);
    QCOMPARE(journal.first().toObject().value(u"tekst"_s).toString(), u"Mevrouw thuis gesproken over de schulden"_s);
    QCOMPARE(journal.first().toObject().value(u"soort"_s).toString(), Journal::kindLabel(u"huisbezoek"_s));

    const QByteArray before = contentFingerprint(temp.path());
    QVERIFY(!SubjectRights::erase(temp.registry(), {reference}, {}).ok());  // a reason is required
    QVERIFY(!SubjectRights::erase(temp.registry(), {reference, u"S-1999-000001"_s}, u"verzoek betrokkene"_s).ok());
    QCOMPARE(contentFingerprint(temp.path()), before);
    QVERIFY(SubjectRights::erase(temp.registry(), {reference}, u"verzoek betrokkene, brief 12-11-2026"_s).ok());
    auto detail = Signals::detail(temp.registry(), reference);
    QVERIFY(!detail->subject.has_value());
    QCOMPARE(detail->description, u"[gewist]"_s);
    QCOMPARE(SubjectRights::search(temp.registry(), u"vries"_s)->size(), 0);
    Database& db = temp->db();
    QCOMPARE(db.scalar(u"SELECT count(*) FROM access_log WHERE action = 'gewist'"_s).value().toInt(), 1);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM access_log WHERE action = 'inzage'"_s).value().toInt(), 1);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM history WHERE detail LIKE '%Vries%'"_s).value().toInt(), 0);
}

void TestPrivacy::backupsAreCheckedRotatedAndRestored()
{
    if (testEngine() == Engine::Postgresql)
        QSKIP("about registry files (a server's backups are the server's own, pg_dump)");
    TempRegistry temp;
    const QString first = addSignal(temp.registry());
    QVERIFY(temp->db().execute(u"UPDATE settings SET value = '3' WHERE key = 'backup.generations'"_s).ok());
    QString kept;
    for (int i = 0; i < 5; ++i) {
        auto made = Backups::create(temp.registry(), u"handmatig"_s);
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message));
        kept = made->path;
    }
    auto backups = Backups::list(temp.path());
    QCOMPARE(backups->size(), 3);  // rotated to the setting
    QCOMPARE(backups->first().path, kept);
    QVERIFY(QDir(Backups::folderFor(temp.path())).entryList({u"*.part"_s}, QDir::Files).isEmpty());
    QCOMPARE(QFileInfo(kept).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
    auto checked = Backups::check(kept);
    QVERIFY(checked.ok() && checked->ok);
    QCOMPARE(checked->signalCount, 1);

    // After the backup a second signal; restoring brings back the state of the backup, and the
    // replaced file is kept as a backup of its own.
    addSignal(temp.registry());
    temp.close();
    auto safety = Backups::restore(temp.path(), kept, m_clock);
    QVERIFY2(safety.ok(), safety.ok() ? "" : qPrintable(safety.error().message));
    QVERIFY(QFileInfo::exists(safety.value()));
    QCOMPARE(Backups::check(safety.value())->signalCount, 2);
    temp.reopen();
    QCOMPARE(temp->db().scalar(u"SELECT reference FROM signals"_s).value().toString(), first);
    QCOMPARE(temp->db().scalar(u"SELECT count(*) FROM signals"_s).value().toInt(), 1);

    // A damaged backup is refused and the registry stays as it is.
    temp.close();
    QTemporaryDir dir;
    const QString broken = dir.filePath(u"kapot.buurtsignaal"_s);
    QVERIFY(QFile::copy(kept, broken));
    {
        QFile file(broken);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(file.size() / 2);
        file.write(QByteArray(8192, '\xAB'));
    }
    const QByteArray before = contentFingerprint(temp.path());
    auto refused = Backups::restore(temp.path(), broken, m_clock);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(u"niet bruikbaar"_s));
    QCOMPARE(contentFingerprint(temp.path()), before);
    QVERIFY(!Backups::check(broken)->ok);

    // The day's automatic backup, once.
    temp.reopen();
    auto daily = Backups::dailyIfDue(temp.registry());
    QVERIFY(daily.ok());
    // A backup of today already exists (the ones above), so none is made.
    QVERIFY(!daily->has_value());
}

void TestPrivacy::networkSharesAreRecognised()
{
    QCOMPARE(FileSystem::networkKind(0x6969), u"NFS"_s);
    QCOMPARE(FileSystem::networkKind(0xFF534D42), u"CIFS"_s);
    QVERIFY(FileSystem::networkKind(0xEF53).isEmpty());  // ext4
    QTemporaryDir dir;
    QVERIFY(FileSystem::networkShareWarning(dir.filePath(u"r.buurtsignaal"_s)).isEmpty());
}

QTEST_GUILESS_MAIN(TestPrivacy)
#include "tst_privacy.moc"
