// The command line, driven in-process through runCli (own streams, fixed clock) and, where the
// operating system's argument handling matters, as a real process.
#include "tst_cli.h"

void TestCli::versionHelpAndUsageErrors()
{
    QCOMPARE(cli({u"--version"_s}).code, 0);
    QVERIFY(cli({u"--version"_s}).out.contains(u"0.1.0"_s));
    const Run help = cli({u"--help"_s});
    QCOMPARE(help.code, 0);
    QVERIFY(help.out.contains(u"signal add"_s));
    QVERIFY(help.out.contains(u"referral accept"_s));
    QCOMPARE(cli({u"signal"_s, u"add"_s, u"--help"_s}).code, 0);
    QCOMPARE(cli({}).code, ExitCode::Usage);
    QCOMPARE(cli({u"vlieg"_s}).code, ExitCode::Usage);
    QCOMPARE(cli({u"--db"_s, m_db, u"signal"_s, u"list"_s, u"--kleur"_s, u"rood"_s}).code, ExitCode::Usage);
    QCOMPARE(cli({u"--db"_s, m_db, u"signal"_s, u"show"_s}).code, ExitCode::Usage);
    QVERIFY(!QFile::exists(m_db));  // usage errors touch nothing
}

void TestCli::initIsIdempotent()
{
    Run first = cli({u"--db"_s, m_db, u"init"_s});
    QCOMPARE(first.code, 0);
    QVERIFY(first.out.contains(u"aangemaakt"_s));
    const QByteArray before = contentFingerprint(m_db);
    Run second = cli({u"init"_s, u"--db"_s, m_db});
    QCOMPARE(second.code, 0);
    QVERIFY(second.out.contains(u"bestaat al"_s));
    QCOMPARE(contentFingerprint(m_db), before);
}

void TestCli::signalAddPrintsOnlyTheReference()
{
    QCOMPARE(cli({u"--db"_s, m_db, u"init"_s}).code, 0);
    Run add = cli({u"--db"_s, m_db, u"signal"_s, u"add"_s, u"--buurt"_s, u"Oranjebuurt"_s, u"--category"_s, u"eenzaamheid"_s,
                   u"--source"_s, u"huisbezoek"_s, u"--impact"_s, u"individu"_s, u"--description"_s, u"Komt niet buiten."_s});
    QCOMPARE(add.code, 0);
    QCOMPARE(add.out, u"S-2026-000001\n"_s);
    QCOMPARE(add.err, QString());
    Run acute = cli({u"--db"_s, m_db, u"signal"_s, u"add"_s, u"--buurt"_s, u"Oranjebuurt"_s, u"--category"_s, u"huiselijk_geweld"_s,
                     u"--source"_s, u"bewoner"_s, u"--urgency"_s, u"acuut"_s, u"--description"_s, u"Geschreeuw."_s});
    QCOMPARE(acute.out, u"S-2026-000002\n"_s);
    QVERIFY(acute.err.contains(u"112"_s));  // plain: this is not an emergency channel
}

void TestCli::badInputExitsOneAndChangesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    const QStringList base = {u"signal"_s, u"add"_s, u"--category"_s, u"schulden"_s, u"--source"_s, u"inloop"_s};
    const QStringList buurt = {u"--buurt"_s, u"Oranjebuurt"_s};
    const QStringList description = {u"--description"_s, u"Aanmaningen."_s};
    QTest::newRow("unknown buurt") << base + QStringList{u"--buurt"_s, u"Atlantis"_s} + description << u"buurt"_s;
    QTest::newRow("sql in buurt") << base + QStringList{u"--buurt"_s, u"Oranjebuurt'; DROP TABLE signals; --"_s} + description << u"buurt"_s;
    QTest::newRow("unknown category") << QStringList{u"signal"_s, u"add"_s, u"--category"_s, u"ufo"_s, u"--source"_s, u"inloop"_s} + buurt + description << u"categorie"_s;
    QTest::newRow("unknown source") << QStringList{u"signal"_s, u"add"_s, u"--category"_s, u"schulden"_s, u"--source"_s, u"duif"_s} + buurt + description << u"bron"_s;
    QTest::newRow("malformed date") << base + buurt + description + QStringList{u"--observed"_s, u"2026-13-01"_s} << u"datum"_s;
    QTest::newRow("future date") << base + buurt + description + QStringList{u"--observed"_s, u"2030-01-01"_s} << u"toekomst"_s;
    QTest::newRow("empty description") << base + buurt + QStringList{u"--description"_s, QString()} << u"Omschrijving"_s;
    QTest::newRow("100 KB description") << base + buurt + QStringList{u"--description"_s, QString(100 * 1024, u'a')} << u"te lang"_s;
    QTest::newRow("unknown urgency") << base + buurt + description + QStringList{u"--urgency"_s, u"--"_s} << u"urgentie"_s;
    QTest::newRow("unknown status") << QStringList{u"signal"_s, u"list"_s, u"--status"_s, u"klaar"_s} << u"status"_s;
    QTest::newRow("unknown signal") << QStringList{u"signal"_s, u"status"_s, u"S-2026-999999"_s, u"in_behandeling"_s} << u"signaal"_s;
    QTest::newRow("unknown partner") << QStringList{u"referral"_s, u"add"_s, u"S-2026-000001"_s, u"--to"_s, u"Hogwarts"_s, u"--reason"_s, u"x"_s} << u"partner"_s;
    QTest::newRow("bad referral id") << QStringList{u"referral"_s, u"accept"_s, u"twaalf"_s} << u"doorverwijzing"_s;
    QTest::newRow("partner user in a file") << QStringList{u"user"_s, u"set"_s, u"pp"_s, u"partner"_s, u"--partner"_s, u"Woonkracht10"_s}
                                            << u"alleen in een register op de server"_s;
    QTest::newRow("bad level") << QStringList{u"escalate"_s, u"S-2026-000001"_s, u"--to"_s, u"hoog"_s, u"--trigger"_s, u"veiligheid"_s, u"--reason"_s, u"x"_s} << u"trede"_s;
}

void TestCli::badInputExitsOneAndChangesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    QCOMPARE(cli({u"--db"_s, m_db, u"init"_s}).code, 0);
    QCOMPARE(cli({u"--db"_s, m_db, u"signal"_s, u"add"_s, u"--buurt"_s, u"Oranjebuurt"_s, u"--category"_s, u"schulden"_s,
                  u"--source"_s, u"inloop"_s, u"--description"_s, u"Eerste."_s})
                 .code,
             0);
    const QByteArray before = contentFingerprint(m_db);
    Run run = cli(QStringList{u"--db"_s, m_db} + arguments);
    QCOMPARE(run.code, ExitCode::Refused);
    QCOMPARE(run.out, QString());
    QCOMPARE(run.err.trimmed().count(u'\n'), 0);  // one message
    QVERIFY2(run.err.contains(mentions, Qt::CaseInsensitive), qPrintable(run.err));
    QCOMPARE(contentFingerprint(m_db), before);
}

void TestCli::badFilesExitOne()
{
    if (testEngine() == Engine::Postgresql)
        QSKIP("about registry files (the server's refusals are in tst_server)");
    // A path that does not exist is not created.
    const QString missing = m_dir.filePath(u"nergens/register.buurtsignaal"_s);
    Run run = cli({u"--db"_s, missing, u"signal"_s, u"list"_s});
    QCOMPARE(run.code, ExitCode::Refused);
    QVERIFY(run.err.contains(u"bestaat niet"_s));
    QVERIFY(!QFile::exists(missing));
    // A file that is not a database stays byte-for-byte the same.
    const QString text = m_dir.filePath(u"brief.txt"_s);
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Beste buren,\n");
    file.close();
    const QByteArray textBefore = fileBytesHash(text);
    run = cli({u"--db"_s, text, u"signal"_s, u"add"_s, u"--buurt"_s, u"Oranjebuurt"_s, u"--category"_s, u"schulden"_s,
               u"--source"_s, u"inloop"_s, u"--description"_s, u"x"_s});
    QCOMPARE(run.code, ExitCode::Refused);
    QVERIFY(run.err.contains(u"geen Buurtsignaal-register"_s));
    QCOMPARE(fileBytesHash(text), textBefore);
    // A read-only registry.
    QCOMPARE(cli({u"--db"_s, m_db, u"init"_s}).code, 0);
    QFile::setPermissions(m_db, QFileDevice::ReadOwner);
    run = cli({u"--db"_s, m_db, u"signal"_s, u"list"_s});
    QCOMPARE(run.code, ExitCode::Refused);
    QVERIFY(run.err.contains(u"alleen-lezen"_s));
    QFile::setPermissions(m_db, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // A newer schema.
    {
        auto db = Database::openSqlite(m_db);
        QVERIFY(db.value()->run(u"INSERT INTO schema_migrations VALUES (?, 'later', 'x')"_s, {latestVersion(standardLadder()) + 1}).ok());
    }
    const QByteArray newerBefore = contentFingerprint(m_db);
    run = cli({u"--db"_s, m_db, u"signal"_s, u"list"_s});
    QCOMPARE(run.code, ExitCode::Refused);
    QVERIFY(run.err.contains(u"schemaversie %1"_s.arg(latestVersion(standardLadder()) + 1)));
    QCOMPARE(contentFingerprint(m_db), newerBefore);
}

// Demo data never mixes with real data: `demo` fills a new file (and marks it as a demo
// registry), and refuses a registry that has a signal, leaving it exactly as it was.
void TestCli::demoOnlyIntoANewOrEmptyRegistry()
{
    const Run filled = cli({u"--db"_s, m_db, u"demo"_s, u"--signals"_s, u"30"_s});
    QCOMPARE(filled.code, 0);
    {
        FixedClock clock(referenceToday());
        auto demo = Registry::open(m_db, Registry::Create::No, clock, u"tester"_s);
        QVERIFY(demo.ok());
        QCOMPARE(demo.value()->setting(u"registry.demo"_s).value(), u"1"_s);
    }
    // Not a second time on top of the demo's own signals...
    QByteArray before = contentFingerprint(m_db);
    Run again = cli({u"--db"_s, m_db, u"demo"_s, u"--signals"_s, u"30"_s});
    QCOMPARE(again.code, ExitCode::Refused);
    QCOMPARE(contentFingerprint(m_db), before);
    // ...and never beside a real signal.
    const QString real = m_dir.filePath(u"echt.buurtsignaal"_s);
    QCOMPARE(cli({u"--db"_s, real, u"init"_s}).code, 0);
    QCOMPARE(cli({u"--db"_s, real, u"signal"_s, u"add"_s, u"--buurt"_s, u"Oranjebuurt"_s, u"--category"_s, u"eenzaamheid"_s,
                  u"--source"_s, u"huisbezoek"_s, u"--description"_s, u"Komt niet meer buiten"_s}).code, 0);
    before = contentFingerprint(real);
    const Run refused = cli({u"--db"_s, real, u"demo"_s, u"--signals"_s, u"30"_s});
    QCOMPARE(refused.code, ExitCode::Refused);
    QCOMPARE(refused.out, QString());
    QVERIFY2(refused.err.contains(u"bevat al signalen (1)"_s), qPrintable(refused.err));
    QVERIFY(refused.err.contains(u"Er is niets gewijzigd"_s));
    QCOMPARE(contentFingerprint(real), before);
    FixedClock clock(referenceToday());
    auto opened = Registry::open(real, Registry::Create::No, clock, u"tester"_s);
    QVERIFY(opened.ok());
    QCOMPARE(opened.value()->setting(u"registry.demo"_s).value(), QString());
    // Real figures without any signal are real data too.
    const QString figures = m_dir.filePath(u"cijfers.buurtsignaal"_s);
    QCOMPARE(cli({u"--db"_s, figures, u"init"_s}).code, 0);
    QCOMPARE(cli({u"--db"_s, figures, u"indicator"_s, u"set"_s, u"mutatiegraad"_s, u"--from"_s, u"2026-07-01"_s, u"--to"_s,
                  u"2026-09-30"_s, u"--value"_s, u"8,5"_s})
                 .code,
             0);
    before = contentFingerprint(figures);
    const Run refusedFigures = cli({u"--db"_s, figures, u"demo"_s, u"--signals"_s, u"30"_s});
    QCOMPARE(refusedFigures.code, ExitCode::Refused);
    QVERIFY2(refusedFigures.err.contains(u"cijfers van succesfactoren (1)"_s), qPrintable(refusedFigures.err));
    QCOMPARE(contentFingerprint(figures), before);
}

void TestCli::rulesAreRefusedWithTheRule()
{
    QCOMPARE(cli({u"--db"_s, m_db, u"init"_s}).code, 0);
    const QString ref = cli({u"--db"_s, m_db, u"signal"_s, u"add"_s, u"--buurt"_s, u"Schildersbuurt"_s, u"--category"_s,
                             u"schulden"_s, u"--source"_s, u"inloop"_s, u"--impact"_s, u"huishouden"_s, u"--description"_s,
                             u"Stapel post."_s})
                            .out.trimmed();
    QCOMPARE(cli({u"--db"_s, m_db, u"subject"_s, u"set"_s, ref, u"--name"_s, u"Fam. Test"_s}).code, 0);
    Run noConsent = cli({u"--db"_s, m_db, u"referral"_s, u"add"_s, ref, u"--to"_s, u"Sociale Dienst Drechtsteden"_s, u"--reason"_s, u"Schuldhulp"_s});
    QCOMPARE(noConsent.code, ExitCode::Refused);
    QVERIFY(noConsent.err.contains(u"toestemming"_s));
    QCOMPARE(cli({u"--db"_s, m_db, u"consent"_s, ref, u"--status"_s, u"gegeven"_s, u"--scope"_s, u"werk_inkomen"_s}).code, 0);
    Run referred = cli({u"--db"_s, m_db, u"referral"_s, u"add"_s, ref, u"--to"_s, u"Sociale Dienst Drechtsteden"_s, u"--reason"_s, u"Schuldhulp"_s});
    QCOMPARE(referred.code, 0);
    QCOMPARE(referred.out, u"1\n"_s);
    Run close = cli({u"--db"_s, m_db, u"signal"_s, u"status"_s, ref, u"afgehandeld"_s, u"--outcome"_s, u"opgelost"_s, u"--reason"_s, u"Klaar"_s});
    QCOMPARE(close.code, ExitCode::Refused);
    QVERIFY(close.err.contains(u"doorverwijzing #1"_s));
    Run skip = cli({u"--db"_s, m_db, u"escalate"_s, ref, u"--to"_s, u"3"_s, u"--trigger"_s, u"samenwerking_stagneert"_s, u"--reason"_s, u"Stil"_s});
    QCOMPARE(skip.code, ExitCode::Refused);
    QVERIFY(skip.err.contains(u"veiligheid"_s));
}

void TestCli::fullFlowWithJson()
{
    QCOMPARE(cli({u"--db"_s, m_db, u"init"_s}).code, 0);
    const QStringList db = {u"--db"_s, m_db};
    const QString ref = cli(db + QStringList{u"signal"_s, u"add"_s, u"--buurt"_s, u"Rivierenbuurt"_s, u"--category"_s, u"portiek"_s,
                                             u"--source"_s, u"eigen_waarneming"_s, u"--impact"_s, u"gebouw"_s, u"--description"_s,
                                             u"Fietsen in portiek."_s, u"--observed"_s, u"2026-11-20"_s})
                            .out.trimmed();
    const QString id = cli(db + QStringList{u"referral"_s, u"add"_s, ref, u"--to"_s, u"Woonkracht10"_s, u"--reason"_s, u"Opruimen"_s}).out.trimmed();
    QCOMPARE(cli(db + QStringList{u"referral"_s, u"accept"_s, id}).code, 0);
    QCOMPARE(cli(db + QStringList{u"referral"_s, u"complete"_s, id, u"--outcome"_s, u"geholpen"_s, u"--note"_s, u"Portiek leeg."_s}).code, 0);
    QCOMPARE(cli(db + QStringList{u"escalate"_s, ref, u"--to"_s, u"1"_s, u"--trigger"_s, u"termijn_verstreken"_s, u"--reason"_s, u"Blijft terugkomen"_s}).code, 0);
    QCOMPARE(cli(db + QStringList{u"escalate"_s, ref, u"--to"_s, u"0"_s, u"--reason"_s, u"Afspraken met bewoners"_s}).code, 0);
    QCOMPARE(cli(db + QStringList{u"signal"_s, u"status"_s, ref, u"afgehandeld"_s, u"--outcome"_s, u"opgelost"_s, u"--reason"_s, u"Opgeruimd"_s}).code, 0);
    const Run show = cli(db + QStringList{u"signal"_s, u"show"_s, ref, u"--json"_s});
    QCOMPARE(show.code, 0);
    const QJsonObject signal = QJsonDocument::fromJson(show.out.toUtf8()).object();
    QCOMPARE(signal.value(u"status"_s).toString(), u"afgehandeld"_s);
    QCOMPARE(signal.value(u"observed_on"_s).toString(), u"2026-11-20"_s);
    QCOMPARE(signal.value(u"referrals"_s).toArray().first().toObject().value(u"feedback"_s).toString(), u"Portiek leeg."_s);
    QCOMPARE(signal.value(u"escalations"_s).toArray().size(), 2);
    QCOMPARE(signal.value(u"history"_s).toArray().size(), 8);
    const Run list = cli(db + QStringList{u"signal"_s, u"list"_s, u"--status"_s, u"afgehandeld"_s, u"--json"_s});
    const QJsonArray rows = QJsonDocument::fromJson(list.out.toUtf8()).array();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().toObject().value(u"reference"_s).toString(), ref);
    QCOMPARE(QJsonDocument::fromJson(cli(db + QStringList{u"signal"_s, u"list"_s, u"--status"_s, u"nieuw"_s, u"--json"_s}).out.toUtf8()).array().size(), 0);
    const Run referrals = cli(db + QStringList{u"referral"_s, u"list"_s, u"--open"_s, u"--json"_s});
    QCOMPARE(QJsonDocument::fromJson(referrals.out.toUtf8()).array().size(), 0);
}

void TestCli::listsOfReferenceData()
{
    QCOMPARE(cli({u"--db"_s, m_db, u"init"_s}).code, 0);
    const auto jsonCount = [&](const QString& what) {
        const Run run = cli({u"--db"_s, m_db, what, u"list"_s, u"--json"_s});
        return QJsonDocument::fromJson(run.out.toUtf8()).array().size();
    };
    QCOMPARE(jsonCount(u"partner"_s), 18);
    QCOMPARE(jsonCount(u"buurt"_s), 8);
    QCOMPARE(jsonCount(u"category"_s), 26);
    QVERIFY(cli({u"--db"_s, m_db, u"partner"_s, u"list"_s}).out.contains(u"Voedselbank Alblasserdam"_s));
}

void TestCli::invalidUtf8ArgumentAsProcess()
{
    QCOMPARE(cli({u"--db"_s, m_db, u"init"_s}).code, 0);
    const QByteArray before = contentFingerprint(m_db);
    // The shell hands the program raw bytes that are not UTF-8.
    QProcess process;
    process.start(u"/bin/sh"_s, {u"-c"_s,
                                 u"\"$0\" --db \"$1\" signal add --buurt Oranjebuurt --category schulden --source inloop "
                                 "--description \"$(printf 'caf\\303\\050 \\377')\""_s,
                                 QStringLiteral(BUURTSIGNAAL_CLI_BINARY), m_db});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), ExitCode::Refused);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(u"UTF-8"_s), qPrintable(err));
    QCOMPARE(process.readAllStandardOutput(), QByteArray());
    QCOMPARE(contentFingerprint(m_db), before);
}

void TestCli::statsAndCbsImport()
{
    QCOMPARE(cli({u"--db"_s, m_db, u"init"_s}).code, 0);
    const QStringList db = {u"--db"_s, m_db};
    for (const QString& day : {u"2026-10-01"_s, u"2026-10-31"_s, u"2026-11-01"_s, u"2026-09-30"_s}) {
        QCOMPARE(cli(db + QStringList{u"signal"_s, u"add"_s, u"--buurt"_s, u"Kortland"_s, u"--category"_s, u"vervuiling"_s,
                                      u"--source"_s, u"fixie"_s, u"--observed"_s, day, u"--external-id"_s, u"FX-"_s + day,
                                      u"--description"_s, u"Afval."_s})
                     .code,
                 0);
    }
    const Run stats = cli(db + QStringList{u"stats"_s, u"--from"_s, u"2026-10-01"_s, u"--to"_s, u"2026-10-31"_s, u"--json"_s});
    QCOMPARE(stats.code, 0);
    const QJsonObject figures = QJsonDocument::fromJson(stats.out.toUtf8()).object();
    QCOMPARE(figures.value(u"signals"_s).toInt(), 2);
    QCOMPARE(figures.value(u"previous_signals"_s).toInt(), 1);
    QCOMPARE(figures.value(u"previous_period"_s).toObject().value(u"from"_s).toString(), u"2026-09-01"_s);
    for (const QJsonValue& b : figures.value(u"buurten"_s).toArray()) {
        if (b.toObject().value(u"buurt"_s).toString() == u"Kortland"_s) {
            QCOMPARE(b.toObject().value(u"by_theme"_s).toObject().value(u"T3"_s).toInt(), 2);
            QVERIFY(b.toObject().value(u"per_1000"_s).isNull());  // population unknown
        }
    }
    for (const QJsonValue& i : figures.value(u"indicators"_s).toArray()) {
        if (i.toObject().value(u"code"_s).toString() == u"fixie_meldingen"_s) {
            QCOMPARE(i.toObject().value(u"value"_s).toDouble(), 2.0);
            QCOMPARE(i.toObject().value(u"status"_s).toString(), u"op_koers"_s);
        }
    }
    QCOMPARE(figures.value(u"escalation_levels"_s).toArray().size(), 5);
    Run bad = cli(db + QStringList{u"stats"_s, u"--from"_s, u"2026-10-31"_s, u"--to"_s, u"2026-10-01"_s});
    QCOMPARE(bad.code, ExitCode::Refused);
    QVERIFY(bad.err.contains(u"Einddatum"_s));

    const QString csv = m_dir.filePath(u"cbs.csv"_s);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;AantalInwoners_5\n"
               "Kortland      ;Alblasserdam ;Buurt   ;BU04820501;  410\n");
    file.close();
    const QByteArray before = contentFingerprint(m_db);
    Run dry = cli(db + QStringList{u"import"_s, u"cbs"_s, csv, u"--dry-run"_s});
    QCOMPARE(dry.code, 0);
    QVERIFY(dry.out.contains(u"Kortland"_s));
    QCOMPARE(contentFingerprint(m_db), before);
    QCOMPARE(cli(db + QStringList{u"import"_s, u"cbs"_s, csv}).code, 0);
    const Run after = cli(db + QStringList{u"stats"_s, u"--from"_s, u"2026-10-01"_s, u"--to"_s, u"2026-10-31"_s, u"--buurt"_s, u"Kortland"_s, u"--json"_s});
    const QJsonObject kortland = QJsonDocument::fromJson(after.out.toUtf8()).object().value(u"buurten"_s).toArray().first().toObject();
    QCOMPARE(kortland.value(u"population"_s).toInt(), 410);
    QCOMPARE(kortland.value(u"per_1000"_s).toDouble(), 1000.0 * 2 / 410);
}

void TestCli::datesAreTypedAsShown()
{
    QCOMPARE(cli({u"--db"_s, m_db, u"init"_s}).code, 0);
    const QStringList db = {u"--db"_s, m_db};
    auto add = [&](const QString& observed, const QString& followUp) {
        const Run run = cli(db + QStringList{u"signal"_s, u"add"_s, u"--buurt"_s, u"Kortland"_s, u"--category"_s, u"vervuiling"_s,
                                             u"--source"_s, u"inloop"_s, u"--description"_s, u"Afval."_s, u"--observed"_s, observed,
                                             u"--follow-up"_s, followUp});
        return run.code == 0 ? run.out.trimmed() : run.err;
    };
    // The three forms give the same day.
    const QString dutch = add(u"27-10-2026"_s, u"27-11-2026"_s);
    const QString shortForm = add(u"7-1-2026"_s, u"7-1-2027"_s);
    const QString iso = add(u"2026-10-27"_s, u"2026-11-27"_s);
    for (const QString& ref : {dutch, shortForm, iso})
        QVERIFY2(ref.startsWith(u"S-2026-"_s), qPrintable(ref));
    auto json = [&](const QString& ref) {
        return QJsonDocument::fromJson(cli(db + QStringList{u"signal"_s, u"show"_s, ref, u"--json"_s}).out.toUtf8()).object();
    };
    QCOMPARE(json(dutch).value(u"observed_on"_s).toString(), u"2026-10-27"_s);
    QCOMPARE(json(dutch).value(u"follow_up_on"_s).toString(), u"2026-11-27"_s);
    QCOMPARE(json(shortForm).value(u"observed_on"_s).toString(), u"2026-01-07"_s);
    QCOMPARE(json(shortForm).value(u"follow_up_on"_s).toString(), u"2027-01-07"_s);
    QCOMPARE(json(iso).value(u"observed_on"_s).toString(), u"2026-10-27"_s);
    QCOMPARE(cli(db + QStringList{u"signal"_s, u"edit"_s, iso, u"--follow-up"_s, u"1-12-2026"_s, u"--reason"_s, u"Later"_s}).code, 0);
    QCOMPARE(json(iso).value(u"follow_up_on"_s).toString(), u"2026-12-01"_s);

    // Period options: the list, the figures and the access log.
    auto listed = [&](const QString& from, const QString& to) {
        const Run run = cli(db + QStringList{u"signal"_s, u"list"_s, u"--from"_s, from, u"--to"_s, to, u"--json"_s});
        return run.code == 0 ? QJsonDocument::fromJson(run.out.toUtf8()).array().size() : -run.code;
    };
    QCOMPARE(listed(u"1-10-2026"_s, u"31-10-2026"_s), 2);
    QCOMPARE(listed(u"01-10-2026"_s, u"2026-10-31"_s), 2);
    QCOMPARE(listed(u"2026-01-01"_s, u"7-1-2026"_s), 1);
    const Run stats = cli(db + QStringList{u"stats"_s, u"--from"_s, u"1-10-2026"_s, u"--to"_s, u"31-10-2026"_s, u"--json"_s});
    QCOMPARE(stats.code, 0);
    QCOMPARE(QJsonDocument::fromJson(stats.out.toUtf8()).object().value(u"signals"_s).toInt(), 2);
    QCOMPARE(cli(db + QStringList{u"indicator"_s, u"set"_s, u"mutatiegraad"_s, u"--from"_s, u"1-7-2026"_s, u"--to"_s, u"30-09-2026"_s,
                                  u"--value"_s, u"8,5"_s})
                 .code,
             0);
    const Run log = cli(db + QStringList{u"access-log"_s, u"--from"_s, u"1-1-2026"_s, u"--to"_s, u"31-12-2026"_s});
    QVERIFY2(log.code == 0, qPrintable(log.err));
    QVERIFY(!log.out.isEmpty());
}

void TestCli::impossibleDatesAreRefusedNamingTheField_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("field");
    const QStringList add = {u"signal"_s, u"add"_s, u"--buurt"_s, u"Kortland"_s, u"--category"_s, u"vervuiling"_s, u"--source"_s,
                             u"inloop"_s, u"--description"_s, u"Afval."_s};
    QTest::newRow("observed") << add + QStringList{u"--observed"_s, u"31-02-2026"_s} << u"datum waarneming"_s;
    QTest::newRow("follow-up") << add + QStringList{u"--follow-up"_s, u"31-02-2026"_s} << u"opvolgdatum"_s;
    QTest::newRow("list from") << QStringList{u"signal"_s, u"list"_s, u"--from"_s, u"31-02-2026"_s} << u"begindatum"_s;
    QTest::newRow("stats to") << QStringList{u"stats"_s, u"--from"_s, u"1-2-2026"_s, u"--to"_s, u"31-02-2026"_s} << u"einddatum"_s;
    QTest::newRow("access-log from") << QStringList{u"access-log"_s, u"--from"_s, u"31-02-2026"_s} << u"begindatum"_s;
}

void TestCli::impossibleDatesAreRefusedNamingTheField()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, field);
    QCOMPARE(cli({u"--db"_s, m_db, u"init"_s}).code, 0);
    const QByteArray before = contentFingerprint(m_db);
    const Run run = cli(QStringList{u"--db"_s, m_db} + arguments);
    QCOMPARE(run.code, ExitCode::Refused);
    QVERIFY2(run.err.contains(field, Qt::CaseInsensitive), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"31-02-2026"_s) && run.err.contains(u"bestaat niet"_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"dd-mm-jjjj"_s) && run.err.contains(u"jjjj-mm-dd"_s), qPrintable(run.err));
    QCOMPARE(run.err.trimmed().count(u'\n'), 0);
    QCOMPARE(contentFingerprint(m_db), before);
}

void TestCli::timesAreDutchLocalTimeAndJsonKeepsTheOffset()
{
    QCOMPARE(cli({u"--db"_s, m_db, u"init"_s}).code, 0);
    const QStringList db = {u"--db"_s, m_db};
    struct Moment {
        QDateTime utc;
        QString shown;
        QString json;
    };
    // Summer time is UTC+2, winter time UTC+1, whatever the computer's own zone.
    const QList<Moment> moments = {{QDateTime(QDate(2026, 7, 15), QTime(10, 5), Qt::UTC), u"15-07-2026 12:05"_s, u"2026-07-15T12:05:00+02:00"_s},
                                   {QDateTime(QDate(2026, 1, 15), QTime(23, 30), Qt::UTC), u"16-01-2026 00:30"_s, u"2026-01-16T00:30:00+01:00"_s}};
    for (const Moment& m : moments) {
        m_clock.set(m.utc);
        const QString ref = cli(db + QStringList{u"signal"_s, u"add"_s, u"--buurt"_s, u"Kortland"_s, u"--category"_s, u"vervuiling"_s,
                                                 u"--source"_s, u"inloop"_s, u"--description"_s, u"Afval."_s})
                                .out.trimmed();
        const Run show = cli(db + QStringList{u"signal"_s, u"show"_s, ref});
        QVERIFY2(show.out.contains(u"Geregistreerd: %1"_s.arg(m.shown)), qPrintable(show.out));
        QVERIFY2(show.out.contains(u"    %1  "_s.arg(m.shown)), qPrintable(show.out));  // the history
        QVERIFY(!show.out.contains(u"T10:05"_s) && !show.out.contains(u"T23:30"_s));
        const QJsonObject json = QJsonDocument::fromJson(cli(db + QStringList{u"signal"_s, u"show"_s, ref, u"--json"_s}).out.toUtf8()).object();
        QCOMPARE(json.value(u"registered_at"_s).toString(), m.json);
        QCOMPARE(json.value(u"history"_s).toArray().first().toObject().value(u"at"_s).toString(), m.json);
        const Run log = cli(db + QStringList{u"access-log"_s, u"--signal"_s, ref});
        QVERIFY2(log.out.contains(m.shown + u":00"_s), qPrintable(log.out));
    }
    m_clock.set(QDate(referenceToday()).startOfDay(Qt::UTC).addSecs(12 * 3600));
}

void TestCli::codesAreShownAsWords()
{
    QCOMPARE(cli({u"--db"_s, m_db, u"init"_s}).code, 0);
    const QStringList db = {u"--db"_s, m_db};
    const QString ref = cli(db + QStringList{u"signal"_s, u"add"_s, u"--buurt"_s, u"Kortland"_s, u"--category"_s, u"vervuiling"_s,
                                             u"--source"_s, u"eigen_waarneming"_s, u"--urgency"_s, u"hoog"_s, u"--description"_s,
                                             u"Afval."_s, u"--observed"_s, u"2026-10-02"_s})
                            .out.trimmed();
    QCOMPARE(cli(db + QStringList{u"signal"_s, u"add"_s, u"--buurt"_s, u"Kortland"_s, u"--category"_s, u"vervuiling"_s, u"--source"_s,
                                  u"fixie"_s, u"--external-id"_s, u"FX-1"_s, u"--description"_s, u"Afval."_s, u"--observed"_s, u"2026-10-03"_s})
                 .code,
             0);
    const Run list = cli(db + QStringList{u"signal"_s, u"list"_s});
    QVERIFY2(list.out.contains(u"Nieuw "_s) && list.out.contains(u"Hoog "_s) && list.out.contains(u"02-10-2026"_s), qPrintable(list.out));
    QVERIFY2(!list.out.contains(u" nieuw "_s) && !list.out.contains(u" hoog "_s), qPrintable(list.out));
    QCOMPARE(cli(db + QStringList{u"signal"_s, u"status"_s, ref, u"in_behandeling"_s}).code, 0);
    const Run show = cli(db + QStringList{u"signal"_s, u"show"_s, ref});
    QVERIFY2(show.out.contains(u"Bron: Eigen waarneming"_s), qPrintable(show.out));
    QVERIFY2(show.out.contains(u"Nieuw → in behandeling"_s), qPrintable(show.out));  // the history too
    QVERIFY(!show.out.contains(u"eigen_waarneming"_s) && !show.out.contains(u"in_behandeling"_s));
    QCOMPARE(cli(db + QStringList{u"referral"_s, u"add"_s, ref, u"--to"_s, u"Woonkracht10"_s, u"--reason"_s, u"Opruimen"_s}).code, 0);
    const Run referrals = cli(db + QStringList{u"referral"_s, u"list"_s});
    QVERIFY2(referrals.out.contains(u"Verstuurd "_s) && !referrals.out.contains(u"verstuurd "_s), qPrintable(referrals.out));
    const Run stats = cli(db + QStringList{u"stats"_s, u"--from"_s, u"1-10-2026"_s, u"--to"_s, u"31-10-2026"_s});
    QVERIFY2(stats.out.contains(u" op koers"_s) && stats.out.contains(u" geen gegevens"_s), qPrintable(stats.out));
    for (const QString& code : {u"op_koers"_s, u"geen_gegevens"_s, u"geen_doel"_s})
        QVERIFY2(!stats.out.contains(code), qPrintable(code));
    if (testEngine() == Engine::Postgresql)
        return;  // backups and the file check are the server's own there
    QCOMPARE(cli(db + QStringList{u"backup"_s}).code, 0);
    const Run backups = cli(db + QStringList{u"backup"_s, u"list"_s});
    static const QRegularExpression decimalSize(u" [0-9]+,[0-9] (kB|MB) "_s);
    QVERIFY2(decimalSize.match(backups.out).hasMatch() && !backups.out.contains(u"iB"_s), qPrintable(backups.out));
    QVERIFY(backups.out.contains(u"Handmatig"_s));
    const Run check = cli(db + QStringList{u"check"_s});
    QCOMPARE(check.code, 0);
    QVERIFY2(!check.out.contains(u"integrity_check"_s) && check.out.contains(u"databasecontrole"_s), qPrintable(check.out));
    const Run log = cli(db + QStringList{u"access-log"_s, u"--signal"_s, ref});
    QVERIFY2(log.out.contains(u"Bekeken"_s) && log.out.contains(u"Beheerder"_s), qPrintable(log.out));
}

void TestCli::usageErrorsAreDutch()
{
    const QStringList db = {u"--db"_s, m_db};
    const Run typo = cli(db + QStringList{u"signal"_s, u"list"_s, u"--statsu"_s, u"nieuw"_s});
    QCOMPARE(typo.code, ExitCode::Usage);
    QVERIFY2(typo.err.contains(u"onbekende optie '--statsu'"_s) && typo.err.contains(u"--status"_s), qPrintable(typo.err));
    QVERIFY2(typo.err.contains(u"signal list --help"_s), qPrintable(typo.err));
    const Run missing = cli(db + QStringList{u"signal"_s, u"list"_s, u"--from"_s});
    QCOMPARE(missing.code, ExitCode::Usage);
    QVERIFY2(missing.err.contains(u"--from"_s) && missing.err.contains(u"mist een waarde"_s), qPrintable(missing.err));
    const Run flagValue = cli(db + QStringList{u"signal"_s, u"list"_s, u"--open=ja"_s});
    QCOMPARE(flagValue.code, ExitCode::Usage);
    QVERIFY2(flagValue.err.contains(u"neemt geen waarde"_s), qPrintable(flagValue.err));
    const Run command = cli(db + QStringList{u"sigal"_s, u"list"_s});
    QCOMPARE(command.code, ExitCode::Usage);
    QVERIFY2(command.err.contains(u"Bedoelde u 'signal list'?"_s), qPrintable(command.err));
    for (const Run& run : {typo, missing, flagValue, command}) {
        for (const QString& english : {u"Unknown"_s, u"Missing"_s, u"Unexpected"_s, u"option"_s})
            QVERIFY2(!run.err.contains(english), qPrintable(run.err));
    }
    QVERIFY(!QFile::exists(m_db));
}

void TestCli::fileErrorsAreDutch()
{
    QCOMPARE(cli({u"--db"_s, m_db, u"init"_s}).code, 0);
    const QStringList db = {u"--db"_s, m_db};
    const Run notThere = cli(db + QStringList{u"import"_s, u"cbs"_s, m_dir.filePath(u"nergens.csv"_s)});
    QCOMPARE(notThere.code, ExitCode::Refused);
    QVERIFY2(notThere.err.contains(u"het bestand bestaat niet"_s), qPrintable(notThere.err));
    const Run folder = cli(db + QStringList{u"import"_s, u"meldingen"_s, m_dir.path(), u"--mapping"_s, m_dir.path()});
    QCOMPARE(folder.code, ExitCode::Refused);
    QVERIFY2(folder.err.contains(u"dit is een map"_s), qPrintable(folder.err));
    const Run noFolder = cli(db + QStringList{u"signal"_s, u"list"_s, u"--csv"_s, m_dir.filePath(u"weg/lijst.csv"_s)});
    QCOMPARE(noFolder.code, ExitCode::Refused);
    QVERIFY2(noFolder.err.contains(u"bestaat niet"_s), qPrintable(noFolder.err));
    for (const Run& run : {notThere, folder, noFolder})
        QVERIFY2(!run.err.contains(u"No such file"_s) && !run.err.contains(u"directory"_s), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
