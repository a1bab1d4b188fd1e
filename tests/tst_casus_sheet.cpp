// The casusoverleg sheet, read back with pdftotext: one signal with its fields, handler,
// referrals, ladder and journal; subject data only for a reader who may see it; nothing of any
// other signal; the confidential footer with who printed it on every page; an 'afgedrukt' entry
// in the access log; and a path that cannot be written leaves nothing behind. Also the command
// line's `signal print` and the menu actions of the desktop window.
#include "CasusSheet.h"
#include "CasusSheetHtml.h"
#include "MainWindow.h"
#include "SignalDetailPanel.h"
#include "SignalListModel.h"
#include "TestSupport.h"
#include "access/Access.h"
#include "access/PendingLog.h"
#include "domain/DutchDates.h"
#include "privacy/SubjectRights.h"
#include "services/Escalations.h"
#include "services/Handlers.h"
#include "services/Journal.h"
#include "services/Referrals.h"
#include "services/SignalDetail.h"
#include "services/Signals.h"
#include "services/Subjects.h"
#include "storage/ServerSetup.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMenuBar>
#include <QPrinter>
#include <QTableView>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

class TestCasusSheet : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void sheetHoldsTheWholeCaseAndNothingElse();
    void subjectOnlyForWhoMayReadIt();
    void serverShieldsTheSubjectOfAColleaguesSignal();
    void unwritablePathLeavesNothing();
    void printerGetsTheSameSheet();
    void commandLinePrintsOneSignal();
    void menuPrintsTheSelectedSignal();

private:
    // A signal with a subject, consent, a completed and an open referral, one step up the ladder,
    // a handler who got it handed over and two journal entries; and a second signal beside it.
    void fillCase(Registry& registry);
    static int printedEntries(Registry& registry, const QString& reference);

    QString m_case;
    QString m_other;
};

void TestCasusSheet::initTestCase()
{
    if (const QString why = engineUnavailable(); !why.isEmpty())
        QSKIP(qPrintable(why));
    // The sheet is read as the case meeting reads it: in Dutch.
    static QTranslator dutch;
    QVERIFY(dutch.load(u":/i18n/buurtsignaal_nl.qm"_s));
    QCoreApplication::installTranslator(&dutch);
    QApplication::setOrganizationName(u"Buurtsignaal-tests"_s);
    QApplication::setApplicationName(u"tst_casus_sheet"_s);
}

void TestCasusSheet::fillCase(Registry& registry)
{
    QVERIFY(Access::setUser(registry, u"mo"_s, u"Mo Medewerker"_s, u"medewerker"_s, true).ok());
    QVERIFY(Access::setUser(registry, u"co"_s, u"Cor Coördinator"_s, u"coordinator"_s, true).ok());
    NewSignal input{u"Oranjebuurt"_s, u"eenzaamheid"_s, u"huisbezoek"_s, u"individu"_s, u"hoog"_s, u"2026-11-10"_s,
                    u"Molenstraat"_s, u"Komt sinds het overlijden van haar man niet meer buiten."_s, {}, u"2026-12-03"_s};
    auto reference = Signals::add(registry, input);
    QVERIFY2(reference.ok(), qPrintable(reference.ok() ? QString() : reference.error().message));
    m_case = reference.value();
    QVERIFY(Subjects::set(registry, m_case, {u"Mevr. Jansen"_s, u"Dam 12"_s, u"0612345678"_s, {}}).ok());
    QVERIFY(Subjects::setConsent(registry, m_case, {u"gegeven"_s, {}, {}, {u"welzijn"_s}}).ok());
    auto referral = Referrals::add(registry, {m_case, u"Stichting Welzijn Alblasserdam"_s, {}, u"Maatjesproject"_s, {}, {}});
    QVERIFY2(referral.ok(), qPrintable(referral.ok() ? QString() : referral.error().message));
    QVERIFY(Referrals::transition(registry, referral.value(), u"geaccepteerd"_s, {}).ok());
    QVERIFY(Referrals::transition(registry, referral.value(), u"afgerond"_s, {u"geholpen"_s, u"Maatje gekoppeld"_s, {}}).ok());
    QVERIFY(Escalations::step(registry, m_case, 1, u"meerdere_leefgebieden"_s, u"Ook schulden"_s).ok());
    QVERIFY(Handlers::assign(registry, {m_case, u"mo"_s, u"Mo kent de familie"_s, {}}).ok());
    QVERIFY(Journal::add(registry, {m_case, u"huisbezoek"_s, u"2026-11-20"_s, u"Huisbezoek afgelegd, wil een maatje."_s, false, 0}).ok());
    QVERIFY(Journal::add(registry, {m_case, u"telefoon"_s, u"2026-11-24"_s, u"Gebeld met dochter."_s, false, 0}).ok());

    NewSignal second{u"Kortland"_s, u"schulden"_s, u"inloop"_s, u"individu"_s, u"normaal"_s, u"2026-11-12"_s,
                     u"Zijstraat"_s, u"TWEEDESIGNAAL betalingsachterstand"_s, {}, {}};
    auto other = Signals::add(registry, second);
    QVERIFY(other.ok());
    m_other = other.value();
    QVERIFY(Subjects::set(registry, m_other, {u"Piet Anderman"_s, u"Kade 3"_s, {}, {}}).ok());
    QVERIFY(Journal::add(registry, {m_other, u"overleg"_s, u"2026-11-21"_s, u"JOURNAALTWEE besproken"_s, false, 0}).ok());
}

int TestCasusSheet::printedEntries(Registry& registry, const QString& reference)
{
    // A program that only reads (the command line's `signal print`) leaves its entry waiting.
    if (!PendingLog::flush(registry).ok())
        return -1;
    return registry.db()
        .scalar(u"SELECT count(*) FROM access_log a JOIN signals s ON s.id = a.signal_id WHERE a.action = 'afgedrukt' AND s.reference = ?"_s,
                {reference})
        .value()
        .toInt();
}

void TestCasusSheet::sheetHoldsTheWholeCaseAndNothingElse()
{
    TempRegistry temp;
    fillCase(temp.registry());
    QVERIFY(!QTest::currentTestFailed());
    const QString pdf = QDir(temp.dir()).filePath(u"casus.pdf"_s);
    const Status written = CasusSheet::write(temp.registry(), m_case, pdf);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
    const QStringList pages = pdfPages(pdf);
    QVERIFY(!pages.isEmpty());
    const QString all = pages.join(u'\n');

    // The fields.
    for (const QString& expected :
         {u"Casusoverleg: signaal %1"_s.arg(m_case), u"In behandeling"_s, u"10-11-2026"_s, u"Oranjebuurt, Molenstraat"_s,
          u"Eenzaamheid"_s, u"Huisbezoek"_s, u"Hoog"_s, u"Individu"_s, u"Komt sinds het overlijden van haar man niet meer buiten."_s,
          u"Opvolgen op"_s, u"03-12-2026"_s, u"Toestemming"_s, u"Gegeven"_s})
        QVERIFY2(all.contains(expected), qPrintable(expected + u"\n"_s + all));
    // The handler and who handed it over.
    QVERIFY2(all.contains(u"Mo Medewerker (mo)"_s), qPrintable(all));
    const QString me = temp->actor();  // 'tester' on a file, the registry's login on a server
    const QString myName = Access::displayName(temp.registry()).value();
    const QString printedBy = myName == me ? me : u"%1 (%2)"_s.arg(myName, me);
    QVERIFY2(all.contains(u"overgedragen door %1"_s.arg(printedBy)), qPrintable(all));
    // The referral with its terms and answer.
    for (const QString& expected : {u"Doorverwijzingen"_s, u"Stichting Welzijn"_s, u"Reageren"_s, u"Afronden"_s, u"Afgerond"_s,
                                    u"uitkomst: Geholpen"_s, u"terugkoppeling: Maatje"_s})
        QVERIFY2(all.contains(expected), qPrintable(expected));
    auto detail = Signals::detail(temp.registry(), m_case);
    QVERIFY(detail.ok() && detail->referrals.size() == 1);
    QVERIFY(all.contains(DutchDates::formatIso(detail->referrals.first().respondBy)));
    QVERIFY(all.contains(DutchDates::formatIso(detail->referrals.first().completeBy)));
    // The ladder: the current level with its term, and the step.
    QVERIFY2(all.contains(u"Huidige trede: Trede 1 (%1)"_s.arg(detail->levelName)), qPrintable(all));
    QVERIFY(all.contains(u"termijn tot %1"_s.arg(DutchDates::formatIso(detail->levelDueOn))));
    QVERIFY(all.contains(u"0 → 1"_s));
    QVERIFY(all.contains(u"Ook schulden"_s));
    // The journal.
    for (const QString& expected : {u"Journaal"_s, u"20-11-2026"_s, u"Huisbezoek afgelegd, wil een maatje."_s, u"24-11-2026"_s,
                                    u"Telefoon"_s, u"Gebeld met dochter."_s})
        QVERIFY2(all.contains(expected), qPrintable(expected));
    // The subject, for this reader (the registry's beheerder on a file, its owner on a server).
    QVERIFY(all.contains(u"Betrokkene: Mevr. Jansen · Dam 12 · telefoon 0612345678"_s));
    // Nothing of the other signal.
    for (const QString& foreign : {m_other, u"TWEEDESIGNAAL"_s, u"Piet Anderman"_s, u"Kade 3"_s, u"JOURNAALTWEE"_s, u"Kortland"_s})
        QVERIFY2(!all.contains(foreign), qPrintable(foreign));
    // Every page: confidential, who printed it and when, its number.
    for (int i = 0; i < pages.size(); ++i) {
        QVERIFY2(pages.at(i).contains(u"Vertrouwelijk — casusoverleg Buurtaanpak"_s), qPrintable(pages.at(i)));
        QVERIFY(pages.at(i).contains(u"Afgedrukt door %1 op 26-11-2026"_s.arg(printedBy)));
        QVERIFY(pages.at(i).contains(u"Pagina %1 van %2"_s.arg(i + 1).arg(pages.size())));
    }
    // Logged as printed, for this signal only.
    QCOMPARE(printedEntries(temp.registry(), m_case), 1);
    QCOMPARE(printedEntries(temp.registry(), m_other), 0);

    // After an erasure on request the journal's texts print as blanked, the subject as shielded.
    QVERIFY(SubjectRights::erase(temp.registry(), {m_case}, u"verzoek betrokkene"_s).ok());
    QVERIFY(CasusSheet::write(temp.registry(), m_case, pdf).ok());
    const QString erased = pdfPages(pdf).join(u'\n');
    QCOMPARE(erased.count(u"[tekst gewist]"_s), 2);
    QVERIFY(erased.contains(u"Betrokkene: afgeschermd"_s));
    for (const QString& gone : {u"Gebeld met dochter."_s, u"Huisbezoek afgelegd"_s, u"Jansen"_s})
        QVERIFY2(!erased.contains(gone), qPrintable(gone));
}

void TestCasusSheet::subjectOnlyForWhoMayReadIt()
{
    TempRegistry temp;
    fillCase(temp.registry());
    QVERIFY(!QTest::currentTestFailed());
    // A medewerker and a coordinator, each as themselves, read the subject on their sheet.
    for (const QString& login : {u"mo"_s, u"co"_s}) {
        auto registry = Registry::open(temp.pathFor(login), Registry::Create::No, temp.clock(), login);
        QVERIFY2(registry.ok(), qPrintable(registry.ok() ? QString() : registry.error().message));
        const QString pdf = QDir(temp.dir()).filePath(login + u".pdf"_s);
        const Status written = CasusSheet::write(*registry.value(), m_case, pdf);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        const QString all = pdfPages(pdf).join(u'\n');
        QVERIFY2(all.contains(u"Betrokkene: Mevr. Jansen"_s), qPrintable(login));
        QVERIFY(!all.contains(u"afgeschermd"_s));
        QVERIFY(all.contains(u"Afgedrukt door %1"_s.arg(login == u"mo"_s ? u"Mo Medewerker (mo)"_s : u"Cor Coördinator (co)"_s)));
    }
    QCOMPARE(printedEntries(temp.registry(), m_case), 2);

    // A reader the subject is not shown to: shielded, the name nowhere. (Which readers those are
    // is the server's decision: serverShieldsTheSubjectOfAColleaguesSignal.)
    auto detail = Signals::detail(temp.registry(), m_case);
    QVERIFY(detail.ok() && detail->subject);
    SignalDetail shielded = detail.value();
    shielded.subject.reset();
    shielded.subjectHidden = true;
    const QString html = CasusSheetHtml::build(shielded);
    QVERIFY(html.contains(u"Betrokkene: afgeschermd"_s));
    for (const QString& personal : {u"Jansen"_s, u"Dam 12"_s, u"0612345678"_s})
        QVERIFY2(!html.contains(personal), qPrintable(personal));
    // A signal without subject data says the same: the sheet does not tell whether one exists.
    shielded.subjectHidden = false;
    QVERIFY(CasusSheetHtml::build(shielded).contains(u"Betrokkene: afgeschermd"_s));
}

// On a server set up by `server init` a medewerker may not read the subject of a colleague's
// signal: their sheet of that signal shields it, their own sheet shows it.
void TestCasusSheet::serverShieldsTheSubjectOfAColleaguesSignal()
{
    if (testEngine() != Engine::Postgresql)
        QSKIP("the server decides who reads a subject; on a file every role with the signal reads it");
    TempServerDatabase database;
    FixedClock clock(referenceToday());
    const Status initialised = ServerSetup::initialise(database.address(), clock);
    QVERIFY2(initialised.ok(), qPrintable(initialised.ok() ? QString() : initialised.error().message));
    auto openAs = [&](const QString& login) {
        ServerAddress person = database.address();
        person.user = login;
        return Registry::open(Location{Location::Engine::Postgresql, {}, person}.display(), Registry::Create::No, clock, login);
    };
    const QString own = u"casus_medewerker"_s;
    const QString colleague = u"casus_collega"_s;
    {
        auto admin = openAs(database.address().user);
        QVERIFY(admin.ok());
        for (const QString& login : {own, colleague})
            QVERIFY(Access::addUser(*admin.value(), login, {}, u"medewerker"_s, u"geheim-"_s + login).ok());
    }
    auto theirs = openAs(colleague);
    QVERIFY(theirs.ok());
    const QString reference = addSignal(*theirs.value());
    QVERIFY(Subjects::set(*theirs.value(), reference, {u"Dhr. De Vries"_s, u"Dam 40"_s, {}, {}}).ok());

    QTemporaryDir dir;
    auto mine = openAs(own);
    QVERIFY(mine.ok());
    const QString shieldedPdf = dir.filePath(u"collega.pdf"_s);
    QVERIFY(CasusSheet::write(*mine.value(), reference, shieldedPdf).ok());
    const QString shielded = pdfPages(shieldedPdf).join(u'\n');
    QVERIFY2(shielded.contains(u"Betrokkene: afgeschermd"_s), qPrintable(shielded));
    QVERIFY(!shielded.contains(u"De Vries"_s) && !shielded.contains(u"Dam 40"_s));

    const QString shownPdf = dir.filePath(u"eigen.pdf"_s);
    QVERIFY(CasusSheet::write(*theirs.value(), reference, shownPdf).ok());
    QVERIFY(pdfPages(shownPdf).join(u'\n').contains(u"Betrokkene: Dhr. De Vries · Dam 40"_s));
}

void TestCasusSheet::unwritablePathLeavesNothing()
{
    TempRegistry temp;
    const QString reference = addSignal(temp.registry());
    const QStringList before = QDir(temp.dir()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    // A folder that does not exist, and a folder where the file should be.
    for (const QString& path : {QDir(temp.dir()).filePath(u"bestaat-niet/casus.pdf"_s), temp.dir()}) {
        const Status written = CasusSheet::write(temp.registry(), reference, path);
        QVERIFY(!written.ok());
        QVERIFY2(written.error().message.contains(u"Het casusoverlegblad %1 kan niet worden geschreven"_s.arg(path)),
                 qPrintable(written.error().message));
    }
    QVERIFY(!QFile::exists(QDir(temp.dir()).filePath(u"bestaat-niet"_s)));
    QCOMPARE(QDir(temp.dir()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), before);
    QCOMPARE(printedEntries(temp.registry(), reference), 0);  // nothing printed, nothing logged as printed

    // An unknown signal: refused before any file is made.
    const QString pdf = QDir(temp.dir()).filePath(u"onbekend.pdf"_s);
    const Status unknown = CasusSheet::write(temp.registry(), u"S-2026-999999"_s, pdf);
    QVERIFY(!unknown.ok());
    QVERIFY2(unknown.error().message.contains(u"S-2026-999999"_s), qPrintable(unknown.error().message));
    QVERIFY(!QFile::exists(pdf));
}

// What the print dialog hands over: a printer, here one that prints to a PDF file.
void TestCasusSheet::printerGetsTheSameSheet()
{
    TempRegistry temp;
    fillCase(temp.registry());
    QVERIFY(!QTest::currentTestFailed());
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    const QString pdf = QDir(temp.dir()).filePath(u"printer.pdf"_s);
    printer.setOutputFileName(pdf);
    printer.setPageSize(QPageSize(QPageSize::A4));
    const Status printed = CasusSheet::print(temp.registry(), m_case, printer);
    QVERIFY2(printed.ok(), qPrintable(printed.ok() ? QString() : printed.error().message));
    const QStringList pages = pdfPages(pdf);
    QVERIFY(!pages.isEmpty());
    const QString all = pages.join(u'\n');
    for (const QString& expected : {u"Casusoverleg: signaal %1"_s.arg(m_case), u"Betrokkene: Mevr. Jansen"_s, u"Stichting Welzijn"_s,
                                    u"Huidige trede: Trede 1"_s, u"Gebeld met dochter."_s})
        QVERIFY2(all.contains(expected), qPrintable(expected));
    QVERIFY(!all.contains(u"TWEEDESIGNAAL"_s));
    for (int i = 0; i < pages.size(); ++i) {
        QVERIFY(pages.at(i).contains(u"Vertrouwelijk — casusoverleg Buurtaanpak"_s));
        QVERIFY(pages.at(i).contains(u"Pagina %1 van %2"_s.arg(i + 1).arg(pages.size())));
    }
    QCOMPARE(printedEntries(temp.registry(), m_case), 1);
}

void TestCasusSheet::commandLinePrintsOneSignal()
{
    TempRegistry temp;
    fillCase(temp.registry());
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(Access::setUser(temp.registry(), u"sg"_s, u"Stuurgroep"_s, u"stuurgroep"_s, true).ok());
    const QString cli = QStringLiteral(BUURTSIGNAAL_CLI_BINARY);
    const QString pdf = QDir(temp.dir()).filePath(u"cli.pdf"_s);
    const ProgramRun printed = runProgram(cli, {u"--db"_s, temp.path(), u"signal"_s, u"print"_s, m_case, u"--out"_s, pdf});
    QVERIFY2(printed.code == 0, qPrintable(printed.err));
    QVERIFY(printed.err.contains(u"Casusoverlegblad geschreven: %1"_s.arg(pdf)));
    const QString all = pdfPages(pdf).join(u'\n');
    QVERIFY2(all.contains(u"Casusoverleg: signaal %1"_s.arg(m_case)), qPrintable(all));
    QVERIFY(all.contains(u"Vertrouwelijk — casusoverleg Buurtaanpak"_s));  // in Dutch, as the app prints it
    QVERIFY(all.contains(u"Pagina 1 van"_s));
    QVERIFY(!all.contains(u"TWEEDESIGNAAL"_s));
    QCOMPARE(printedEntries(temp.registry(), m_case), 1);

    // An unknown reference: a Dutch message, the usual exit code, no file.
    const QString missing = QDir(temp.dir()).filePath(u"onbekend.pdf"_s);
    const ProgramRun unknown = runProgram(cli, {u"--db"_s, temp.path(), u"signal"_s, u"print"_s, u"S-2026-999999"_s, u"--out"_s, missing});
    QCOMPARE(unknown.code, 1);
    QVERIFY2(unknown.err.contains(u"Onbekend signaal"_s), qPrintable(unknown.err));
    QVERIFY(!QFile::exists(missing));
    // Without --out; and for a role that may not see signals.
    const ProgramRun noOut = runProgram(cli, {u"--db"_s, temp.path(), u"signal"_s, u"print"_s, m_case});
    QCOMPARE(noOut.code, 1);
    QVERIFY2(noOut.err.contains(u"--out"_s), qPrintable(noOut.err));
    const QString refusedPdf = QDir(temp.dir()).filePath(u"sg.pdf"_s);
    const ProgramRun refused = runProgram(cli, {u"--db"_s, temp.pathFor(u"sg"_s), u"signal"_s, u"print"_s, m_case, u"--out"_s, refusedPdf},
                                          {{u"BUURTSIGNAAL_USER"_s, u"sg"_s}});
    QCOMPARE(refused.code, 1);
    QVERIFY2(refused.err.contains(u"signalen inzien"_s), qPrintable(refused.err));
    QVERIFY(!QFile::exists(refusedPdf));
    QCOMPARE(printedEntries(temp.registry(), m_case), 1);
}

void TestCasusSheet::menuPrintsTheSelectedSignal()
{
    if (testEngine() == Engine::Postgresql)
        QSKIP("the window's menus do not depend on the engine");
    TempRegistry temp;
    const QString path = temp.path();
    temp.close();
    MainWindow window(temp.clock());
    window.setInteractive(false);
    QVERIFY(window.openRegistry(path, false));
    auto* print = window.findChild<QAction*>(u"actionPrintSignal"_s);
    auto* save = window.findChild<QAction*>(u"actionSaveSignalPdf"_s);
    QVERIFY(print && save);
    QCOMPARE(print->shortcut(), QKeySequence(QKeySequence::Print));
    // Nothing selected in an empty registry: nothing to print.
    QVERIFY(window.detail()->reference().isEmpty());
    QVERIFY(!print->isEnabled());
    QVERIFY(!save->isEnabled());
    // A signal selected: both can be chosen.
    const QString reference = addSignal(*window.registry());
    window.refresh();
    QCOMPARE(window.listModel()->referenceAt(0), reference);
    window.listView()->setCurrentIndex(window.listModel()->index(0, 0));
    QCOMPARE(window.detail()->reference(), reference);
    QVERIFY(print->isEnabled());
    QVERIFY(save->isEnabled());
    // Ctrl+P is the signal's; the steering-group report moved to Ctrl+Shift+P.
    int withCtrlP = 0;
    QAction* report = nullptr;
    for (QAction* action : window.menuBar()->findChildren<QAction*>()) {
        withCtrlP += action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_P);
        if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P))
            report = action;
    }
    QCOMPARE(withCtrlP, 1);
    QVERIFY(report);
    QVERIFY2(report->text().contains(u"rapportage"_s), qPrintable(report->text()));
}

QTEST_MAIN(TestCasusSheet)
#include "tst_casus_sheet.moc"
