// Team casework on both engines: the handler of a signal (intake, hand-over, two desks at once,
// bulk assignment), the queues it drives, the contact journal (append-only, blanked on erasure
// and, where it names the person, by the retention run) and the coordinator's casework figures.
#include "TestSupport.h"
#include "access/Access.h"
#include "privacy/Retention.h"
#include "privacy/SubjectRights.h"
#include "services/Handlers.h"
#include "services/History.h"
#include "services/Journal.h"
#include "services/SignalDetail.h"
#include "services/Signals.h"
#include "stats/CaseworkFigures.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

class TestCasework : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void intakeSetsTheHandlerAndTheQueues();
    void handOverNeedsANoteAndAKnownColleague();
    void handOverShowsInTheNewQueue();
    void twoDesksHandOverAtOnce();
    void bulkAssignmentIsAllOrNothing();
    void followUpTodayCoversTheWeekend();
    void journalRefusesBadInput();
    void journalIsAppendOnlyAndCorrectedByNewEntries();
    void erasureAndRetentionBlankTheJournal();
    void caseworkFiguresPerHandler();

private:
    // A registry (fixed on Friday 27 November 2026) with a beheerder, two medewerkers, a coordinator
// and a disabled medewerker. On PostgreSQL each person is a login of the (shared) test server:
// names of this suite's own, so no other suite's logins are touched.
    static void addTeam(Registry& registry);
    static std::unique_ptr<Registry> as(TempRegistry& temp, const QString& login);
    static QString handlerOf(Registry& registry, const QString& reference);
    static QStringList queue(Registry& registry, SignalQueue queue);
};

namespace {
const QDate friday(2026, 11, 27);
}

void TestCasework::initTestCase()
{
    if (const QString why = engineUnavailable(); !why.isEmpty())
        QSKIP(qPrintable(why));
}

void TestCasework::addTeam(Registry& registry)
{
    QVERIFY(Access::setUser(registry, u"cw_beheer"_s, u"Tess Beheer"_s, u"beheerder"_s, true).ok());
    QVERIFY(Access::setUser(registry, u"cw_piet"_s, u"Piet Jansen"_s, u"medewerker"_s, true).ok());
    QVERIFY(Access::setUser(registry, u"cw_anna"_s, u"Anna de Boer"_s, u"medewerker"_s, true).ok());
    QVERIFY(Access::setUser(registry, u"cw_kees"_s, u"Kees de Wit"_s, u"coordinator"_s, true).ok());
    QVERIFY(Access::setUser(registry, u"cw_oud"_s, u"Oud Collega"_s, u"medewerker"_s, false).ok());
}

std::unique_ptr<Registry> TestCasework::as(TempRegistry& temp, const QString& login)
{
    auto opened = Registry::open(temp.pathFor(login), Registry::Create::No, temp.clock(), login);
    if (!opened.ok())
        qFatal("%s", qPrintable(opened.error().message));
    return std::move(opened).value();
}

QString TestCasework::handlerOf(Registry& registry, const QString& reference)
{
    return registry.db().scalar(u"SELECT coalesce(handler, '') FROM signals WHERE reference = ?"_s, {reference}).value().toString();
}

QStringList TestCasework::queue(Registry& registry, SignalQueue which)
{
    SignalFilter filter;
    filter.queue = which;
    QStringList references;
    for (const SignalRow& row : Signals::list(registry, filter).value())
        references << row.reference;
    return references;
}

void TestCasework::intakeSetsTheHandlerAndTheQueues()
{
    TempRegistry temp(friday);
    addTeam(temp.registry());
    auto piet = as(temp, u"cw_piet"_s);
    const QString own = addSignal(*piet);
    NewSignal withoutHandler;
    withoutHandler.buurt = u"Souburgh"_s;
    withoutHandler.category = u"eenzaamheid"_s;
    withoutHandler.source = u"inloop"_s;
    withoutHandler.description = u"Zonder behandelaar."_s;
    withoutHandler.handler = QString();
    const QString none = Signals::add(*piet, withoutHandler).value();
    NewSignal forAnna = withoutHandler;
    forAnna.handler = u"cw_anna"_s;
    const QString annas = Signals::add(*piet, forAnna).value();

    QCOMPARE(handlerOf(*piet, own), u"cw_piet"_s);
    QCOMPARE(handlerOf(*piet, none), QString());
    QCOMPARE(handlerOf(*piet, annas), u"cw_anna"_s);
    // Mine: what I handle and what I registered without a handler; not what went to Anna.
    QVERIFY(queue(*piet, SignalQueue::MyWork).contains(own));
    QVERIFY(queue(*piet, SignalQueue::MyWork).contains(none));
    QVERIFY(!queue(*piet, SignalQueue::MyWork).contains(annas));
    QCOMPARE(queue(*piet, SignalQueue::Unassigned), QStringList{none});
    auto anna = as(temp, u"cw_anna"_s);
    QCOMPARE(queue(*anna, SignalQueue::MyWork), QStringList{annas});
    // Intake with a handler who cannot handle signals is refused, nothing stored.
    NewSignal toDisabled = withoutHandler;
    toDisabled.handler = u"cw_oud"_s;
    auto refused = Signals::add(*piet, toDisabled);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().field, u"handler"_s);
    QCOMPARE(piet->db().scalar(u"SELECT count(*) FROM signals"_s).value().toInt(), 3);
}

void TestCasework::handOverNeedsANoteAndAKnownColleague()
{
    TempRegistry temp(friday);
    addTeam(temp.registry());
    auto piet = as(temp, u"cw_piet"_s);
    const QString reference = addSignal(*piet);
    const QByteArray before = contentFingerprint(temp.path());
    struct Case {
        Assignment assignment;
        QString field;
        QString says;
    };
    const QList<Case> cases = {
        {{reference, u"cw_anna"_s, u"  "_s, std::nullopt}, u"note"_s, u"Toelichting"_s},
        {{reference, u"nobody"_s, u"Over naar nobody."_s, std::nullopt}, u"handler"_s, u"nobody"_s},
        {{reference, u"cw_oud"_s, u"Over naar een oud-collega."_s, std::nullopt}, u"handler"_s, u"uitgeschakelde"_s},
        {{reference, u"cw_piet"_s, u"Aan mezelf."_s, std::nullopt}, u"handler"_s, u"al behandelaar"_s},
        {{u"S-2026-999999"_s, u"cw_anna"_s, u"Onbekend signaal."_s, std::nullopt}, u"reference"_s, u"Onbekend signaal"_s},
    };
    for (const Case& c : cases) {
        const Status refused = Handlers::assign(*piet, c.assignment);
        QVERIFY2(!refused.ok(), qPrintable(c.assignment.login));
        QCOMPARE(refused.error().field, c.field);
        QVERIFY2(refused.error().message.contains(c.says), qPrintable(refused.error().message));
    }
    QCOMPARE(contentFingerprint(temp.path()), before);
    // A closed signal has no handler to hand over.
    QVERIFY(Signals::changeStatus(*piet, reference, u"in_behandeling"_s, {}).ok());
    QVERIFY(Signals::changeStatus(*piet, reference, u"afgehandeld"_s, {u"opgelost"_s, u"Opgeruimd."_s, {}}).ok());
    const Status closed = Handlers::assign(*piet, {reference, u"cw_anna"_s, u"Graag overnemen."_s, std::nullopt});
    QVERIFY(!closed.ok());
    QVERIFY2(closed.error().message.contains(u"niet meer open"_s), qPrintable(closed.error().message));
}

void TestCasework::handOverShowsInTheNewQueue()
{
    TempRegistry temp(friday);
    addTeam(temp.registry());
    auto piet = as(temp, u"cw_piet"_s);
    const QString reference = addSignal(*piet);
    QVERIFY(Handlers::assign(*piet, {reference, u"cw_anna"_s, u"Anna kent de familie."_s, u"cw_piet"_s}).ok());

    auto anna = as(temp, u"cw_anna"_s);
    SignalFilter mine;
    mine.queue = SignalQueue::MyWork;
    const QList<SignalRow> rows = Signals::list(*anna, mine).value();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().handler, u"cw_anna"_s);
    QCOMPARE(rows.first().handedOverBy, u"cw_piet"_s);
    QVERIFY(!queue(*piet, SignalQueue::MyWork).contains(reference));
    auto detail = Signals::detail(*anna, reference);
    QVERIFY(detail.ok());
    QCOMPARE(detail->handlerName, u"Anna de Boer"_s);
    QCOMPARE(detail->handedOverByName, u"Piet Jansen"_s);
    // The hand-over is in the history, with the note.
    bool found = false;
    for (const HistoryEntry& h : detail->history) {
        if (h.action == u"behandelaar"_s) {
            found = true;
            QVERIFY2(h.detail.contains(u"Piet Jansen"_s) && h.detail.contains(u"Anna de Boer"_s), qPrintable(h.detail));
            QCOMPARE(h.reason, u"Anna kent de familie."_s);
            QCOMPARE(h.actor, u"cw_piet"_s);
        }
    }
    QVERIFY(found);
    // Anna taking a signal back to the team: no handler, not handed over by anyone.
    QVERIFY(Handlers::assign(*anna, {reference, QString(), u"Terug naar het team."_s, std::nullopt}).ok());
    QVERIFY(queue(*anna, SignalQueue::Unassigned).contains(reference));
}

void TestCasework::twoDesksHandOverAtOnce()
{
    TempRegistry temp(friday);
    addTeam(temp.registry());
    auto piet = as(temp, u"cw_piet"_s);
    const QString reference = addSignal(*piet);
    // Both desks saw Piet as the handler; the coordinator's desk is first.
    auto kees = as(temp, u"cw_kees"_s);
    QVERIFY(Handlers::assign(*kees, {reference, u"cw_anna"_s, u"Anna neemt het over."_s, u"cw_piet"_s}).ok());
    const Status second = Handlers::assign(*piet, {reference, u"cw_kees"_s, u"Kees graag."_s, u"cw_piet"_s});
    QVERIFY(!second.ok());
    QVERIFY2(second.error().message.contains(u"Anna de Boer"_s), qPrintable(second.error().message));
    QVERIFY2(second.error().message.contains(u"niets gewijzigd"_s), qPrintable(second.error().message));
    QCOMPARE(handlerOf(*piet, reference), u"cw_anna"_s);
    QCOMPARE(piet->db().scalar(u"SELECT count(*) FROM history WHERE action = 'behandelaar'"_s).value().toInt(), 1);
}

void TestCasework::bulkAssignmentIsAllOrNothing()
{
    TempRegistry temp(friday);
    addTeam(temp.registry());
    auto kees = as(temp, u"cw_kees"_s);
    const QString a = addSignal(*kees);
    const QString b = addSignal(*kees);
    const QString closed = addSignal(*kees);
    QVERIFY(Signals::changeStatus(*kees, closed, u"geannuleerd"_s, {u"dubbel"_s, u"Dubbel."_s, {}}).ok());
    const Status refused = Handlers::assignMany(*kees, {a, b, closed}, u"cw_piet"_s, u"Verdeling van de week."_s);
    QVERIFY(!refused.ok());
    QCOMPARE(handlerOf(*kees, a), u"cw_kees"_s);
    QCOMPARE(handlerOf(*kees, b), u"cw_kees"_s);
    QVERIFY(Handlers::assignMany(*kees, {a, b}, u"cw_piet"_s, u"Verdeling van de week."_s).ok());
    QCOMPARE(handlerOf(*kees, a), u"cw_piet"_s);
    QCOMPARE(handlerOf(*kees, b), u"cw_piet"_s);
    // Again: those already with Piet are left as they are.
    QVERIFY(Handlers::assignMany(*kees, {a, b}, u"cw_piet"_s, u"Nogmaals."_s).ok());
    QCOMPARE(kees->db().scalar(u"SELECT count(*) FROM history WHERE action = 'behandelaar'"_s).value().toInt(), 2);
}

void TestCasework::followUpTodayCoversTheWeekend()
{
    TempRegistry temp(friday);
    addTeam(temp.registry());
    auto piet = as(temp, u"cw_piet"_s);
    QStringList due;
    QStringList notDue;
    for (const QString& day : {u"2026-11-20"_s, u"2026-11-27"_s, u"2026-11-28"_s, u"2026-11-29"_s, u"2026-11-30"_s, QString()}) {
        NewSignal input;
        input.buurt = u"Souburgh"_s;
        input.category = u"eenzaamheid"_s;
        input.source = u"inloop"_s;
        input.description = u"Opvolgen."_s;
        input.followUpOn = day;
        const QString reference = Signals::add(*piet, input).value();
        // On Friday: what is due up to and including the weekend; Monday's comes on Monday.
        (day.isEmpty() || day == u"2026-11-30"_s ? notDue : due) << reference;
    }
    const QStringList today = queue(*piet, SignalQueue::FollowUpToday);
    for (const QString& r : due)
        QVERIFY2(today.contains(r), qPrintable(r));
    for (const QString& r : notDue)
        QVERIFY2(!today.contains(r), qPrintable(r));
    // The handler's own queue in the order of the follow-up dates, none last.
    SignalFilter mine;
    mine.queue = SignalQueue::MyWork;
    mine.sort = SignalSort::ByFollowUp;
    mine.descending = false;
    const QList<SignalRow> rows = Signals::list(*piet, mine).value();
    QCOMPARE(rows.size(), 6);
    QCOMPARE(rows.first().followUpOn, u"2026-11-20"_s);
    QCOMPARE(rows.last().followUpOn, QString());
}

void TestCasework::journalRefusesBadInput()
{
    TempRegistry temp(friday);
    addTeam(temp.registry());
    auto piet = as(temp, u"cw_piet"_s);
    const QString reference = addSignal(*piet);
    const QString cancelled = addSignal(*piet);
    QVERIFY(Signals::changeStatus(*piet, cancelled, u"geannuleerd"_s, {u"dubbel"_s, u"Dubbel."_s, {}}).ok());
    const QByteArray before = contentFingerprint(temp.path());
    struct Case {
        NewJournalEntry entry;
        QString field;
    };
    const QList<Case> cases = {
        {{reference, u"telefoon"_s, u"2026-11-28"_s, u"Morgen gebeld."_s, false, 0}, u"on"_s},
        {{reference, u"brief"_s, {}, u"Brief gestuurd."_s, false, 0}, u"kind"_s},
        {{reference, u"telefoon"_s, {}, u"   "_s, false, 0}, u"text"_s},
        {{reference, u"telefoon"_s, {}, QString(2001, u'x'), false, 0}, u"text"_s},
        {{cancelled, u"telefoon"_s, {}, u"Gebeld."_s, false, 0}, QString()},
        {{u"S-2026-999999"_s, u"telefoon"_s, {}, u"Gebeld."_s, false, 0}, u"reference"_s},
        {{reference, u"telefoon"_s, {}, u"Correctie."_s, false, 999}, u"corrects"_s},
    };
    for (const Case& c : cases) {
        auto refused = Journal::add(*piet, c.entry);
        QVERIFY2(!refused.ok(), qPrintable(c.entry.text.left(20)));
        QCOMPARE(refused.error().field, c.field);
        QVERIFY(!refused.error().message.isEmpty());
    }
    QCOMPARE(contentFingerprint(temp.path()), before);
}

void TestCasework::journalIsAppendOnlyAndCorrectedByNewEntries()
{
    TempRegistry temp(friday);
    addTeam(temp.registry());
    auto piet = as(temp, u"cw_piet"_s);
    const QString reference = addSignal(*piet);
    const qint64 first = Journal::add(*piet, {reference, u"telefoon"_s, u"26-11-2026"_s, u"Dochter gebeld."_s, false, 0}).value();
    const qint64 second = Journal::add(*piet, {reference, u"huisbezoek"_s, {}, u"Het was de zoon."_s, false, first}).value();
    auto entries = Journal::forSignal(*piet, reference);
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), 2);
    QCOMPARE(entries->first().id, second);  // newest first
    QCOMPARE(entries->first().corrects, first);
    QCOMPARE(entries->last().correctedBy, second);
    QCOMPARE(entries->last().happenedOn, u"2026-11-26"_s);
    QCOMPARE(entries->last().authorName, u"Piet Jansen"_s);
    // The database itself refuses a rewrite or a removal; only blanking the text is allowed.
    const QByteArray before = contentFingerprint(temp.path());
    QVERIFY(!piet->db().execute(u"UPDATE journal_entries SET text = 'Anders.' WHERE id = ?"_s, {first}).ok());
    QVERIFY(!piet->db().execute(u"UPDATE journal_entries SET kind = 'overig', text = '' WHERE id = ?"_s, {first}).ok());
    QVERIFY(!piet->db().execute(u"DELETE FROM journal_entries WHERE id = ?"_s, {first}).ok());
    QCOMPARE(contentFingerprint(temp.path()), before);
}

void TestCasework::erasureAndRetentionBlankTheJournal()
{
    TempRegistry temp(friday);
    addTeam(temp.registry());
    auto piet = as(temp, u"cw_piet"_s);
    const QString erased = addSignal(*piet);
    const QString kept = addSignal(*piet);
    QVERIFY(Journal::add(*piet, {erased, u"telefoon"_s, {}, u"Mevrouw Jansen gebeld."_s, true, 0}).ok());
    QVERIFY(Journal::add(*piet, {erased, u"overleg"_s, {}, u"Overleg met Woonkracht."_s, false, 0}).ok());
    QVERIFY(Journal::add(*piet, {kept, u"telefoon"_s, {}, u"Meneer De Vries gebeld."_s, true, 0}).ok());
    QVERIFY(Journal::add(*piet, {kept, u"overleg"_s, {}, u"Buurtteam ingelicht."_s, false, 0}).ok());

    auto beheerder = as(temp, u"cw_beheer"_s);
    QVERIFY(SubjectRights::erase(*beheerder, {erased}, u"Verzoek betrokkene, brief 26-11-2026."_s).ok());
    for (const JournalEntry& e : Journal::forSignal(*beheerder, erased).value())
        QVERIFY2(e.text.isEmpty(), qPrintable(e.text));
    QCOMPARE(Journal::forSignal(*beheerder, kept)->size(), 2);

    // The retention run (signals closed longer ago than the term) blanks what names the person only.
    QVERIFY(Signals::changeStatus(*piet, kept, u"in_behandeling"_s, {}).ok());
    QVERIFY(Signals::changeStatus(*piet, kept, u"afgehandeld"_s, {u"opgelost"_s, u"Klaar."_s, {}}).ok());
    temp.clock().advanceDays(int(friday.daysTo(friday.addMonths(30))));
    auto later = as(temp, u"cw_beheer"_s);
    auto run = Retention::run(*later, false);
    QVERIFY2(run.ok(), qPrintable(run.ok() ? QString() : run.error().message));
    QStringList texts;
    for (const JournalEntry& e : Journal::forSignal(*later, kept).value())
        texts << e.text;
    texts.sort();
    QCOMPARE(texts, (QStringList{QString(), u"Buurtteam ingelicht."_s}));
}

void TestCasework::caseworkFiguresPerHandler()
{
    TempRegistry temp(friday);
    addTeam(temp.registry());
    auto piet = as(temp, u"cw_piet"_s);
    addSignal(*piet);
    addSignal(*piet);
    NewSignal none;
    none.buurt = u"Souburgh"_s;
    none.category = u"eenzaamheid"_s;
    none.source = u"inloop"_s;
    none.description = u"Nog niemand."_s;
    none.handler = QString();
    const QString unassigned = Signals::add(*piet, none).value();
    QVERIFY(Journal::add(*piet, {unassigned, u"huisbezoek"_s, u"2026-11-02"_s, u"Langs geweest."_s, false, 0}).ok());
    QVERIFY(Journal::add(*piet, {unassigned, u"telefoon"_s, u"2026-10-30"_s, u"Gebeld."_s, false, 0}).ok());

    auto kees = as(temp, u"cw_kees"_s);
    auto figures = Stats::casework(*kees, Period::month(2026, 11));
    QVERIFY(figures.ok());
    QCOMPARE(figures->openWithoutHandler, 1);
    int pietOpen = -1;
    for (const HandlerLoad& h : figures->handlers) {
        if (h.login == u"cw_piet"_s)
            pietOpen = h.open;
    }
    QCOMPARE(pietOpen, 2);
    QCOMPARE(figures->contacts, 1);  // October's call is outside November
    QCOMPARE(figures->contactsByKind.value(u"huisbezoek"_s), 1);
    // A medewerker does not read the team's figures per person.
    QVERIFY(!Stats::casework(*piet, Period::month(2026, 11)).ok());
}

QTEST_GUILESS_MAIN(TestCasework)
#include "tst_casework.moc"
