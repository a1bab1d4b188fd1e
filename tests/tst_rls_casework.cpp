// The server's rules for team casework: a medewerker changes the signals they registered or
// handle, hands one over to a colleague (and then no longer changes it), never becomes its
// registrant; the journal is read with the signals, written only on a signal one may change,
// never by the steering group or a partner, and only blanked by the beheerder.
#include "tst_rls.h"

void TestRls::handlerChangesAndHandsOverOnServer()
{
    auto worker = openAs(medewerker);
    auto colleague = openAs(collega);
    QVERIFY(worker && colleague);
    LoginConnection workerSql(m_database->address(), medewerker);
    LoginConnection colleagueSql(m_database->address(), collega);
    const QString update = u"UPDATE signals SET description = 'Gewijzigd door de behandelaar' WHERE reference = '%1'"_s;

    // The colleague's signal is not the medewerker's to change, nor to take.
    QCOMPARE(workerSql.affected(update.arg(m_otherSignal)), 0);
    QCOMPARE(workerSql.affected(u"UPDATE signals SET handler = '%1' WHERE reference = '%2'"_s.arg(medewerker, m_otherSignal)), 0);
    QVERIFY(!Handlers::assign(*worker, {m_otherSignal, medewerker, u"Ik neem het over."_s, std::nullopt}).ok());

    // The colleague hands it over: now the medewerker handles and changes it, the colleague
    // (who registered it) still may, and the queue says who handed it over.
    const Status handed = Handlers::assign(*colleague, {m_otherSignal, medewerker, u"Jij kent de bewoner."_s, collega});
    QVERIFY2(handed.ok(), qPrintable(message(handed)));
    QCOMPARE(workerSql.affected(update.arg(m_otherSignal)), 1);
    QCOMPARE(workerSql.scalar(u"SELECT handed_over_by FROM signals WHERE reference = '%1'"_s.arg(m_otherSignal)).toString(), collega);

    // The medewerker hands their own signal to the colleague: the colleague may change it; the
    // medewerker too, as its registrant. A handler never becomes the registrant.
    QVERIFY(Handlers::assign(*worker, {m_ownSignal, collega, u"Graag overnemen."_s, std::nullopt}).ok());
    QCOMPARE(colleagueSql.affected(update.arg(m_ownSignal)), 1);
    QCOMPARE(colleagueSql.failure(u"UPDATE signals SET registered_by = '%1' WHERE reference = '%2'"_s.arg(collega, m_ownSignal)),
             u"42501"_s);
    // Handed on by the colleague to a third: the medewerker keeps only what registering gives.
    QVERIFY(Handlers::assign(*colleague, {m_ownSignal, coordinator, u"Naar de coördinator."_s, collega}).ok());
    QCOMPARE(colleagueSql.affected(update.arg(m_ownSignal)), 0);
    // The app shows the same rights as the server enforces.
    auto detail = Signals::detail(*colleague, m_ownSignal);
    QVERIFY(detail.ok());
    QVERIFY(!Access::rightsOn(*colleague, Role::Medewerker, detail->registeredBy, detail->handler).change);
    detail = Signals::detail(*colleague, m_otherSignal);
    QVERIFY(Access::rightsOn(*colleague, Role::Medewerker, detail->registeredBy, detail->handler).change);
}

void TestRls::journalFollowsTheSignalRules()
{
    auto worker = openAs(medewerker);
    QVERIFY(worker);
    auto written = Journal::add(*worker, {m_ownSignal, u"telefoon"_s, {}, u"Bewoner gebeld."_s, true, 0});
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
    // Not on the colleague's signal, and not under another name.
    QVERIFY(!Journal::add(*worker, {m_otherSignal, u"telefoon"_s, {}, u"Ook gebeld."_s, false, 0}).ok());
    LoginConnection workerSql(m_database->address(), medewerker);
    QCOMPARE(workerSql.failure(u"INSERT INTO journal_entries (signal_id, kind, happened_on, written_at, author, text)"
                               " VALUES (%1, 'overig', '2026-11-26', '2026-11-26T10:00:00Z', '%2', 'Namens een ander.')"_s
                                   .arg(signalId(m_ownSignal))
                                   .arg(collega)),
             u"42501"_s);
    // Everyone who reads signals reads it; the steering group and partners do not.
    LoginConnection colleagueSql(m_database->address(), collega);
    QCOMPARE(colleagueSql.scalar(u"SELECT count(*) FROM journal_entries"_s).toInt(), 1);
    LoginConnection steering(m_database->address(), stuurgroep);
    QCOMPARE(steering.failure(u"SELECT count(*) FROM journal_entries"_s), u"42501"_s);
    LoginConnection partner(m_database->address(), partnerA);  // whose organisation has the medewerker's signal
    QCOMPARE(partner.scalar(u"SELECT count(*) FROM journal_entries"_s).toInt(), 0);
    // Nobody rewrites it, not even the beheerder; an erasure blanks it.
    QCOMPARE(workerSql.failure(u"UPDATE journal_entries SET text = 'Anders.'"_s), u"42501"_s);
    LoginConnection admin(m_database->address(), beheerder);
    QVERIFY(!admin.failure(u"UPDATE journal_entries SET text = 'Anders.'"_s).isEmpty());
    auto manager = openAs(beheerder);
    QVERIFY(manager);
    QVERIFY(SubjectRights::erase(*manager, {m_ownSignal}, u"Verzoek betrokkene, brief 26-11-2026."_s).ok());
    QCOMPARE(colleagueSql.scalar(u"SELECT text FROM journal_entries"_s).toString(), QString());
}
