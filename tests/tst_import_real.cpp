// Real exports in: dates as the systems write them, the Signalen zip and its refusals, presets
// with a municipality's own mapping, FixMyStreet's CSV, and --update.
#include "tst_import_real.h"

void TestImportReal::initTestCase()
{
    if (const QString why = engineUnavailable(); !why.isEmpty())
        QSKIP(qPrintable(why));
}

void TestImportReal::exportedDates()
{
    using MeldingImport::parseDutchDate;
    // Signalen: space, fractions, "+00".
    QCOMPARE(parseDutchDate(u"2025-12-18 04:21:45.852418+00"_s), QDate(2025, 12, 18));
    QCOMPARE(parseDutchDate(u"2026-11-20T10:15:00Z"_s), QDate(2026, 11, 20));
    QCOMPARE(parseDutchDate(u"2026-11-20T10:15:00.123+01:00"_s), QDate(2026, 11, 20));
    QCOMPARE(parseDutchDate(u"2026-11-20T10:15"_s), QDate(2026, 11, 20));
    // An instant is the Dutch day: 23:30 UTC in summer (UTC+2) and in winter (UTC+1) is the next day.
    QCOMPARE(parseDutchDate(u"2026-07-31T23:30:00Z"_s), QDate(2026, 8, 1));
    QCOMPARE(parseDutchDate(u"2026-07-31 22:30:00+00"_s), QDate(2026, 8, 1));
    QCOMPARE(parseDutchDate(u"2026-07-31 21:30:00+00"_s), QDate(2026, 7, 31));
    QCOMPARE(parseDutchDate(u"2026-01-31T23:30:00+0000"_s), QDate(2026, 2, 1));
    QCOMPARE(parseDutchDate(u"2026-01-31T20:00:00-05:00"_s), QDate(2026, 2, 1));
    QCOMPARE(parseDutchDate(u"2026-01-31T23:30:00+01:00"_s), QDate(2026, 1, 31));
    // Without an offset the time is Dutch already.
    QCOMPARE(parseDutchDate(u"2026-07-31 23:30:00"_s), QDate(2026, 7, 31));
    // Dutch forms, single digits.
    QCOMPARE(parseDutchDate(u"2026/03/01"_s), QDate(2026, 3, 1));
    QCOMPARE(parseDutchDate(u"01.03.2026"_s), QDate(2026, 3, 1));
    QCOMPARE(parseDutchDate(u"1.3.2026 14:05"_s), QDate(2026, 3, 1));
    QCOMPARE(parseDutchDate(u"2026-3-1"_s), QDate(2026, 3, 1));
    QCOMPARE(parseDutchDate(u"03-10-2026"_s), QDate(2026, 10, 3));
    QCOMPARE(DutchDates::parseExported(u"03/10/2026"_s), QDate(2026, 10, 3));
    for (const QString& bad : {u"2026-02-30"_s, u"2026-13-01"_s, u"2026-01-01T25:00"_s, u"2026-01-01+01"_s, u"2026-03/01"_s,
                               u"01.03-2026"_s, u"26-3-1"_s, u"2026-01-01T10:00:00+15:00"_s, u"gisteren"_s, u"null"_s, QString()})
        QVERIFY2(!parseDutchDate(bad).isValid(), qPrintable(bad));
}

void TestImportReal::signalenZipImportsWithPresetAndOurMapping()
{
    TempRegistry temp;
    QCOMPARE(StreetImport::replaceAll(temp.registry(), streetList.toUtf8()).value(), 3);
    const QByteArray file = signalenZip(firstExport());
    auto report = MeldingImport::run(temp.registry(), file, signalenMapping(), u"signalen-export.zip"_s, ImportOptions{});
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
    QVERIFY2(report->problemCount == 0, qPrintable(report->problems.value(0).column + u": "_s + report->problems.value(0).reason));
    QVERIFY(report->written);
    QCOMPARE(report->rowsRead, 7);
    QCOMPARE(report->imported, 5);
    QCOMPARE(report->skipped, 2);  // 103 split (preset), 105 parking (ours)
    QCOMPARE(report->alreadyPresent, 0);

    const SignalDetail first = detailOf(temp.registry(), u"signalen"_s, u"101"_s);
    QCOMPARE(first.observedOn, u"2025-12-18"_s);
    QVERIFY2(first.reference.startsWith(u"S-2025-"_s), qPrintable(first.reference));
    QCOMPARE(first.buurt, u"Kinderdijk"_s);
    QCOMPARE(first.street, u"Damstraat"_s);
    QCOMPARE(first.status, u"nieuw"_s);
    QCOMPARE(first.description, u"Zakken afval naast de container"_s);

    const SignalDetail closed = detailOf(temp.registry(), u"signalen"_s, u"102"_s);
    QCOMPARE(closed.observedOn, u"2026-01-02"_s);
    QCOMPARE(closed.category, u"jongerenoverlast"_s);
    QCOMPARE(closed.status, u"afgehandeld"_s);
    QCOMPARE(closed.closedOn, u"2026-01-05"_s);
    QCOMPARE(closed.outcomeText, u"Afgehandeld in Signalen (meldingen openbare ruimte)"_s);
    QCOMPARE(closed.buurt, u"Souburgh"_s);

    const SignalDetail mainOnly = detailOf(temp.registry(), u"signalen"_s, u"104"_s);
    QCOMPARE(mainOnly.category, u"jongerenoverlast"_s);  // sub "null": the main category
    QCOMPARE(mainOnly.observedOn, u"2026-02-10"_s);           // incident date "null": created_at
    QCOMPARE(mainOnly.status, u"in_behandeling"_s);
    QCOMPARE(mainOnly.buurt, u"Kortland"_s);                  // the street list names it in lower case

    const SignalDetail cancelled = detailOf(temp.registry(), u"signalen"_s, u"106"_s);
    QCOMPARE(cancelled.status, u"geannuleerd"_s);
    QCOMPARE(cancelled.closedOn, u"2026-03-02"_s);

    const SignalDetail summer = detailOf(temp.registry(), u"signalen"_s, u"107"_s);
    QCOMPARE(summer.observedOn, u"2025-08-01"_s);
    QVERIFY(summer.reference.startsWith(u"S-2025-"_s));
}

void TestImportReal::updateChangesOnlyStatusAndClosing()
{
    TempRegistry temp;
    QVERIFY(StreetImport::replaceAll(temp.registry(), streetList.toUtf8()).ok());
    QVERIFY(MeldingImport::run(temp.registry(), signalenZip(firstExport()), signalenMapping(), u"a.zip"_s, ImportOptions{})->written);
    QList<SignalenRow> later = firstExport();
    later[0].state = u"o"_s;                                   // 101: closed since
    later[0].stateSince = u"2026-02-01 09:00:00+00"_s;
    later[0].text = u"Tekst later aangepast in Signalen"_s;    // never overwritten
    later[0].street = u"Kerkstraat"_s;                         // neither is the place
    later[3].state = u"o"_s;                                   // 104: in behandeling -> afgehandeld
    later[3].stateSince = u"2026-02-20 23:30:00+00"_s;         // 00:30 on the 21st in the Netherlands
    const QString before = untouchedColumns(temp.registry());
    const QByteArray fingerprint = contentFingerprint(temp.path());

    // Without --update nothing changes: they are already there.
    auto plain = MeldingImport::run(temp.registry(), signalenZip(later), signalenMapping(), u"b.zip"_s, ImportOptions{});
    QVERIFY(plain->written);
    QCOMPARE(plain->imported, 0);
    QCOMPARE(plain->updated, 0);
    QCOMPARE(plain->alreadyPresent, 5);
    QCOMPARE(detailOf(temp.registry(), u"signalen"_s, u"101"_s).status, u"nieuw"_s);

    auto dry = MeldingImport::run(temp.registry(), signalenZip(later), signalenMapping(), u"b.zip"_s, ImportOptions{true, true});
    QCOMPARE(dry->updated, 2);
    QVERIFY(!dry->written);

    auto updated = MeldingImport::run(temp.registry(), signalenZip(later), signalenMapping(), u"b.zip"_s, ImportOptions{false, true});
    QVERIFY2(updated.ok() && updated->problemCount == 0,
             updated.ok() ? qPrintable(updated->problems.value(0).reason) : qPrintable(updated.error().message));
    QCOMPARE(updated->updated, 2);
    QCOMPARE(updated->imported, 0);
    QCOMPARE(updated->alreadyPresent, 3);
    QVERIFY(contentFingerprint(temp.path()) != fingerprint);
    QCOMPARE(untouchedColumns(temp.registry()), before);  // byte-equal apart from status and closing

    const SignalDetail first = detailOf(temp.registry(), u"signalen"_s, u"101"_s);
    QCOMPARE(first.status, u"afgehandeld"_s);
    QCOMPARE(first.closedOn, u"2026-02-01"_s);
    QCOMPARE(first.outcome, u"opgelost"_s);
    QCOMPARE(first.description, u"Zakken afval naast de container"_s);
    QCOMPARE(first.history.size(), 2);
    QCOMPARE(first.history.last().action, u"status"_s);
    QVERIFY2(first.history.last().reason.contains(u"b.zip"_s), qPrintable(first.history.last().reason));
    const SignalDetail second = detailOf(temp.registry(), u"signalen"_s, u"104"_s);
    QCOMPARE(second.status, u"afgehandeld"_s);
    QCOMPARE(second.closedOn, u"2026-02-21"_s);
    QCOMPARE(second.history.size(), 2);

    // Once more: nothing left to update.
    auto again = MeldingImport::run(temp.registry(), signalenZip(later), signalenMapping(), u"b.zip"_s, ImportOptions{false, true});
    QCOMPARE(again->updated, 0);
    QCOMPARE(again->alreadyPresent, 5);

    // A closed signal cannot go back to "in behandeling" by an import: the workflow reopens it.
    later[1].state = u"b"_s;
    const QByteArray now = contentFingerprint(temp.path());
    auto back = MeldingImport::run(temp.registry(), signalenZip(later), signalenMapping(), u"c.zip"_s, ImportOptions{false, true});
    QCOMPARE(back->problemCount, 1);
    QCOMPARE(back->problems.first().column, u"status.state"_s);
    QVERIFY(!back->written);
    QCOMPARE(contentFingerprint(temp.path()), now);
}

void TestImportReal::fixMyStreetDashboardCsv()
{
    TempRegistry temp;
    const QByteArray csv =
        "Report ID,Title,Detail,User Name,Category,Subcategory,Created,Confirmed,Acknowledged,Fixed,Closed,Status,Latitude,Longitude,"
        "Query,Ward,Easting,Northing,Report URL,Site Used,Reported As\r\n"
        "9001,Afval,Zakken bij de bank,Jan,Afval,,2026-03-01T09:15:00,2026-03-01T09:20:00,,,,confirmed,51.862,4.640,"
        ",Kinderdijk,,,https://fms.example/report/9001,fixmystreet,\r\n"
        "9002,Jongeren,\"Overlast, elke avond\",Piet,Overlast,Jongerenoverlast,2026-03-01 20:00:00,2026-03-01 20:05:00,"
        "2026-03-02 08:00:00,2026-03-02T10:00:00,,fixed - council,51.860,4.650,,Souburgh,,,https://fms.example/report/9002,fixmystreet,\r\n"
        "9003,Afval,Container vol,Kees,Afval,Zwerfafval,2026-03-03T09:00:00,2026-03-03T09:00:00,,,2026-03-05 09:00,closed,"
        "51.861,4.641,,Kinderdijk,,,https://fms.example/report/9003,fixmystreet,\r\n"
        "9004,Test,Niet bevestigd,Anon,Afval,,2026-03-04T09:00:00,,,,,unconfirmed,51.861,4.641,,Kinderdijk,,,,fixmystreet,\r\n"
        "9005,Afval,Al gemeld,Els,Afval,Zwerfafval,2026-03-04T10:00:00,2026-03-04T10:00:00,,,2026-03-04T11:00:00,duplicate,"
        "51.861,4.641,,Kinderdijk,,,,fixmystreet,\r\n";
    const MeldingMapping preset = MeldingMapping::preset(u"fixmystreet"_s).value();
    // Here the ward is the buurt; categories as this municipality named them.
    auto ours = MeldingMapping::fromJson(R"({"columns": {"buurt": "Ward"},
        "categories": {"Afval": "vervuiling", "Zwerfafval": "vervuiling", "Jongerenoverlast": "jongerenoverlast"}})", &preset);
    QVERIFY(ours.ok());
    QCOMPARE(ours->source, u"fixmystreet"_s);
    auto report = MeldingImport::run(temp.registry(), csv, ours.value(), u"fms.csv"_s, ImportOptions{});
    QVERIFY2(report.ok() && report->problemCount == 0,
             report.ok() ? qPrintable(report->problems.value(0).column + u": "_s + report->problems.value(0).reason) : qPrintable(report.error().message));
    QCOMPARE(report->imported, 4);
    QCOMPARE(report->skipped, 1);
    QCOMPARE(detailOf(temp.registry(), u"fixmystreet"_s, u"9001"_s).category, u"vervuiling"_s);  // Subcategory empty: Category
    const SignalDetail fixed = detailOf(temp.registry(), u"fixmystreet"_s, u"9002"_s);
    QCOMPARE(fixed.category, u"jongerenoverlast"_s);
    QCOMPARE(fixed.closedOn, u"2026-03-02"_s);       // Fixed
    QCOMPARE(fixed.description, u"Overlast, elke avond"_s);
    QCOMPARE(detailOf(temp.registry(), u"fixmystreet"_s, u"9003"_s).closedOn, u"2026-03-05"_s);  // no Fixed: Closed
    QCOMPARE(detailOf(temp.registry(), u"fixmystreet"_s, u"9005"_s).status, u"geannuleerd"_s);
}

void TestImportReal::oddZipsAreRefused_data()
{
    QTest::addColumn<QByteArray>("archive");
    QTest::addColumn<QString>("why");
    const QByteArray csv = "id,text\r\n1,a\r\n";
    QTest::newRow("encrypted") << zip({{u"signals.csv"_s, csv, false, 0x801}}) << u"versleuteld"_s;
    QTest::newRow("zip64") << zip({{u"signals.csv"_s, csv, false}}, 0xFFFFFFFFLL) << u"zip64"_s;
    QTest::newRow("parent path") << zip({{u"../signals.csv"_s, csv}}) << u"geen gewoon pad"_s;
    QTest::newRow("absolute path") << zip({{u"/etc/signals.csv"_s, csv}}) << u"geen gewoon pad"_s;
    QTest::newRow("backslash") << zip({{u"map\\signals.csv"_s, csv}}) << u"geen gewoon pad"_s;
    QTest::newRow("method") << zip({{u"signals.csv"_s, csv, false, 0x800, 12}}) << u"methode 12"_s;
    QTest::newRow("bomb") << zip({{u"signals.csv"_s, QByteArray(8 << 20, 'a')}}) << u"zip-bom"_s;
    QTest::newRow("size lies") << zip({{u"signals.csv"_s, csv}}, 3) << u"groter dan opgegeven"_s;
    QTest::newRow("twice") << zip({{u"signals.csv"_s, csv}, {u"signals.csv"_s, csv}}) << u"twee keer"_s;
    QByteArray badCrc = zip({{u"signals.csv"_s, csv, false}});
    badCrc[30 + 11 + 3] = 'X';  // a byte of the stored data
    QTest::newRow("crc") << badCrc << u"controlegetal"_s;
    QTest::newRow("truncated") << zip({{u"signals.csv"_s, csv}}).left(40) << u"inhoudsopgave"_s;
}

void TestImportReal::oddZipsAreRefused()
{
    QFETCH(QByteArray, archive);
    QFETCH(QString, why);
    auto read = ZipReader::read(archive);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().field, u"file"_s);
    QVERIFY2(read.error().message.startsWith(u"Het zip-bestand kan niet worden gelezen"_s), qPrintable(read.error().message));
    QVERIFY2(read.error().message.contains(why), qPrintable(read.error().message));
    // Through the import the same message, and nothing written.
    TempRegistry temp;
    const QByteArray before = contentFingerprint(temp.path());
    auto imported = MeldingImport::run(temp.registry(), archive, signalenMapping(), u"x.zip"_s, ImportOptions{});
    QVERIFY(!imported.ok());
    QVERIFY(imported.error().message.contains(why));
    QCOMPARE(contentFingerprint(temp.path()), before);
}

void TestImportReal::notSignalenZipIsRefused()
{
    TempRegistry temp;
    const QByteArray other = zip({{u"signals.csv"_s, "id\r\n1\r\n"}, {u"leesmij.txt"_s, "hallo"}});
    auto imported = MeldingImport::run(temp.registry(), other, signalenMapping(), u"x.zip"_s, ImportOptions{});
    QVERIFY(!imported.ok());
    QVERIFY2(imported.error().message.contains(u"geen export van Signalen: categories.csv, statuses.csv, locations.csv ontbreekt"_s),
             qPrintable(imported.error().message));
    // Both methods read back what was written.
    auto read = ZipReader::read(zip({{u"a/b.csv"_s, "x,y\r\n", true}, {u"c.csv"_s, QByteArray(), false}, {u"d.csv"_s, QByteArray(), true}}));
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
    QCOMPARE(read->size(), 3);
    QCOMPARE(read->at(0).name, u"a/b.csv"_s);
    QCOMPARE(read->at(0).data, QByteArray("x,y\r\n"));
}

QTEST_GUILESS_MAIN(TestImportReal)
#include "tst_import_real.moc"
