// signal assign, signal list --handler/--mine/--unassigned/--follow-up-today, journal add|list:
// what a welfare worker types, and what is refused (exit 1, a Dutch message, nothing changed).
#include "tst_cli.h"

void TestCli::caseworkCommands()
{
    QCOMPARE(cli({u"--db"_s, m_db, u"init"_s}).code, 0);
    for (const auto& [login, role] : {std::pair{u"cwc_piet"_s, u"medewerker"_s}, std::pair{u"cwc_anna"_s, u"medewerker"_s}}) {
        const Run added = cli({u"--db"_s, m_db, u"user"_s, u"add"_s, login, u"--role"_s, role, u"--name"_s, login.mid(4)});
        QVERIFY2(added.code == 0, qPrintable(added.err));
    }
    const Run added = cli({u"--db"_s, m_db, u"signal"_s, u"add"_s, u"--buurt"_s, u"Souburgh"_s, u"--category"_s, u"eenzaamheid"_s,
                           u"--source"_s, u"inloop"_s, u"--description"_s, u"Alleenstaande buurman."_s, u"--handler"_s, u"cwc_piet"_s,
                           u"--follow-up"_s, u"20-11-2026"_s});
    QVERIFY2(added.code == 0, qPrintable(added.err));
    const QString reference = added.out.trimmed();
    const Run unassigned = cli({u"--db"_s, m_db, u"signal"_s, u"add"_s, u"--buurt"_s, u"Souburgh"_s, u"--category"_s, u"eenzaamheid"_s,
                                u"--source"_s, u"inloop"_s, u"--description"_s, u"Nog niemand."_s, u"--handler"_s, u"-"_s});
    QCOMPARE(unassigned.code, 0);

    // What is refused changes nothing.
    const QByteArray before = contentFingerprint(m_db);
    const QList<std::pair<QStringList, QString>> refused = {
        {{u"signal"_s, u"assign"_s, reference, u"cwc_anna"_s}, u"Toelichting bij overdragen ontbreekt"_s},
        {{u"signal"_s, u"assign"_s, reference, u"niemand"_s, u"--note"_s, u"Over."_s}, u"Onbekende of uitgeschakelde gebruiker 'niemand'"_s},
        {{u"signal"_s, u"assign"_s, u"S-2026-999999"_s, u"cwc_anna"_s, u"--note"_s, u"Over."_s}, u"Onbekend signaal"_s},
        {{u"journal"_s, u"add"_s, reference, u"--kind"_s, u"brief"_s, u"--text"_s, u"Brief."_s}, u"Toegestaan: huisbezoek"_s},
        {{u"journal"_s, u"add"_s, reference, u"--kind"_s, u"telefoon"_s, u"--on"_s, u"01-12-2026"_s, u"--text"_s, u"Later."_s},
         u"in de toekomst"_s},
        {{u"journal"_s, u"add"_s, reference, u"--kind"_s, u"telefoon"_s}, u"Tekst ontbreekt"_s},
        {{u"journal"_s, u"add"_s, reference, u"--kind"_s, u"telefoon"_s, u"--text"_s, u"x"_s, u"--corrects"_s, u"twee"_s}, u"--corrects"_s},
    };
    for (const auto& [arguments, says] : refused) {
        const Run run = cli(QStringList{u"--db"_s, m_db} + arguments);
        QVERIFY2(run.code == 1, qPrintable(arguments.join(u' ')));
        QVERIFY2(run.err.contains(says), qPrintable(run.err));
    }
    QCOMPARE(contentFingerprint(m_db), before);

    // Handed over: in Anna's list, with who handed it over; the other one is without a handler.
    const Run assigned = cli({u"--db"_s, m_db, u"signal"_s, u"assign"_s, reference, u"cwc_anna"_s, u"--note"_s, u"Anna kent hem."_s});
    QVERIFY2(assigned.code == 0, qPrintable(assigned.err));
    const Run annas = cli({u"--db"_s, m_db, u"signal"_s, u"list"_s, u"--handler"_s, u"cwc_anna"_s, u"--json"_s});
    QCOMPARE(annas.code, 0);
    const QJsonArray rows = QJsonDocument::fromJson(annas.out.toUtf8()).array();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first()[u"reference"_s].toString(), reference);
    QCOMPARE(rows.first()[u"handler"_s].toString(), u"cwc_anna"_s);
    const Run none = cli({u"--db"_s, m_db, u"signal"_s, u"list"_s, u"--unassigned"_s});
    QVERIFY(none.out.contains(unassigned.out.trimmed()) && !none.out.contains(reference));
    const Run due = cli({u"--db"_s, m_db, u"signal"_s, u"list"_s, u"--follow-up-today"_s});
    QVERIFY2(due.out.contains(reference) && !due.out.contains(unassigned.out.trimmed()), qPrintable(due.out));

    // The journal: written with its date, listed newest first, corrected by a new entry.
    const Run first = cli({u"--db"_s, m_db, u"journal"_s, u"add"_s, reference, u"--kind"_s, u"telefoon"_s, u"--on"_s, u"24-11-2026"_s,
                           u"--text"_s, u"Dochter gebeld; huisbezoek donderdag."_s});
    QVERIFY2(first.code == 0, qPrintable(first.err));
    const Run second = cli({u"--db"_s, m_db, u"journal"_s, u"add"_s, reference, u"--kind"_s, u"huisbezoek"_s, u"--text"_s,
                            u"Het was de zoon."_s, u"--corrects"_s, first.out.trimmed()});
    QVERIFY2(second.code == 0, qPrintable(second.err));
    const Run listed = cli({u"--db"_s, m_db, u"journal"_s, u"list"_s, reference});
    QCOMPARE(listed.code, 0);
    QVERIFY(listed.out.indexOf(u"Het was de zoon."_s) < listed.out.indexOf(u"Dochter gebeld"_s));
    QVERIFY(listed.out.contains(u"24-11-2026"_s));
    QVERIFY(listed.out.contains(u"(correctie op #%1)"_s.arg(first.out.trimmed())));
    const Run json = cli({u"--db"_s, m_db, u"journal"_s, u"list"_s, reference, u"--json"_s});
    const QJsonArray entries = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(1)[u"happened_on"_s].toString(), u"2026-11-24"_s);
    QCOMPARE(entries.at(1)[u"kind"_s].toString(), u"telefoon"_s);
    const Run shown = cli({u"--db"_s, m_db, u"signal"_s, u"show"_s, reference});
    QVERIFY2(shown.out.contains(u"Behandelaar: anna"_s) && shown.out.contains(u"Journaal:"_s), qPrintable(shown.out));
}
