// Services: signals, consent rule, referrals with terms and late flags, the escalation ladder,
// history, and the demo generator.
#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "services/Escalations.h"
#include "services/ReferenceAdmin.h"
#include "services/Referrals.h"
#include "services/SignalDetail.h"
#include "services/Signals.h"
#include "services/Subjects.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

class TestServices : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void referencesAreSequentialPerYear();
    void badSignalInputIsRefusedWithoutTrace_data();
    void badSignalInputIsRefusedWithoutTrace();
    void sqlMetacharactersAreStoredLiterally();
    void duplicatesAreRefusedByField();
    void closingWithOpenReferralIsRefused();
    void consentRuleForReferrals();
    void subjectOnlyForPersonalImpact();
    void referralTermsAndLateFlags();
    void escalationStepsAndStalled();
    void everyChangeIsInHistory();
    void demoIsDeterministicAndCoversEveryState();
    void sortsAndQueuesPageInTheirDefinedOrder();
};

void TestServices::initTestCase()
{
    if (const QString why = engineUnavailable(); !why.isEmpty())
        QSKIP(qPrintable(why));
}

void TestServices::referencesAreSequentialPerYear()
{
    TempRegistry temp;
    QCOMPARE(addSignal(temp.registry()), u"S-2026-000001"_s);
    QCOMPARE(addSignal(temp.registry()), u"S-2026-000002"_s);
    temp.clock().set(QDateTime(QDate(2027, 1, 4), QTime(10, 0), Qt::UTC));
    QCOMPARE(addSignal(temp.registry()), u"S-2027-000001"_s);
}

void TestServices::badSignalInputIsRefusedWithoutTrace_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("errorField");
    QTest::newRow("unknown buurt") << "buurt" << "Atlantis" << "buurt";
    QTest::newRow("empty buurt") << "buurt" << "" << "buurt";
    QTest::newRow("unknown category") << "category" << "ufo" << "category";
    QTest::newRow("unknown source") << "source" << "duif" << "source";
    QTest::newRow("unknown impact") << "impact" << "planeet" << "impact";
    QTest::newRow("unknown urgency") << "urgency" << "zeer" << "urgency";
    QTest::newRow("malformed date") << "observed" << "14.03.2026" << "observed";  // 14-03-2026 is fine: typed as shown
    QTest::newRow("impossible Dutch date") << "observed" << "31-02-2026" << "observed";
    QTest::newRow("impossible date") << "observed" << "2026-02-30" << "observed";
    QTest::newRow("future date") << "observed" << "2026-11-27" << "observed";
    QTest::newRow("empty description") << "description" << "   " << "description";
    QTest::newRow("100 KB description") << "description" << QString(100 * 1024, u'x') << "description";
    QTest::newRow("invalid UTF-8") << "description" << QString::fromUtf8("caf\xc3\x28 \xff") << "description";
    QTest::newRow("control character") << "description" << u"bel\u0007"_s << "description";
    QTest::newRow("BSN") << "description" << u"BSN 111222333 van bewoner"_s << "description";
}

void TestServices::badSignalInputIsRefusedWithoutTrace()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, errorField);
    TempRegistry temp;
    addSignal(temp.registry());
    const QByteArray before = contentFingerprint(temp.path());
    NewSignal input{u"Oranjebuurt"_s, u"schulden"_s, u"inloop"_s, u"individu"_s, u"normaal"_s, {}, {}, u"Stapel aanmaningen."_s, {}, {}};
    if (field == u"buurt"_s) input.buurt = value;
    if (field == u"category"_s) input.category = value;
    if (field == u"source"_s) input.source = value;
    if (field == u"impact"_s) input.impact = value;
    if (field == u"urgency"_s) input.urgency = value;
    if (field == u"observed"_s) input.observedOn = value;
    if (field == u"description"_s) input.description = value;
    auto result = Signals::add(temp.registry(), input);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().field, errorField);
    QVERIFY(!result.error().message.isEmpty());
    QCOMPARE(contentFingerprint(temp.path()), before);
}

void TestServices::sqlMetacharactersAreStoredLiterally()
{
    TempRegistry temp;
    const QString nasty = u"O'Brien zegt: \"; DROP TABLE signals; --\" en /* niets */"_s;
    NewSignal input{u"Oranjebuurt"_s, u"vervuiling"_s, u"bewoner"_s, u"straat"_s, u"laag"_s, {}, u"Dam; --"_s, nasty, {}, {}};
    auto reference = Signals::add(temp.registry(), input);
    QVERIFY(reference.ok());
    auto detail = Signals::detail(temp.registry(), reference.value());
    QCOMPARE(detail->description, nasty);
    QCOMPARE(detail->street, u"Dam; --"_s);
    QCOMPARE(temp->db().scalar(u"SELECT count(*) FROM signals"_s).value().toInt(), 1);
    // Found again whatever the case typed, and a typed % or _ is matched as itself.
    SignalFilter search;
    search.text = u"o'BRIEN"_s;
    QCOMPARE(Signals::count(temp.registry(), search).value(), 1);
    search.text = u"drop_table"_s;
    QCOMPARE(Signals::count(temp.registry(), search).value(), 0);
}

// The database's unique rules come back as the field that clashes, told by the engine's error
// code (not by the words of its message, which differ per engine), and nothing is written.
void TestServices::duplicatesAreRefusedByField()
{
    TempRegistry temp;
    NewSignal input{u"Oranjebuurt"_s, u"vervuiling"_s, u"fixie"_s, u"straat"_s, u"normaal"_s, {}, {}, u"Afval"_s, u"FX-1"_s, {}};
    QVERIFY(Signals::add(temp.registry(), input).ok());
    QByteArray before = contentFingerprint(temp.path());
    auto again = Signals::add(temp.registry(), input);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().kind, ErrorKind::Invalid);
    QCOMPARE(again.error().field, u"external_id"_s);
    QCOMPARE(contentFingerprint(temp.path()), before);
    QCOMPARE(addSignal(temp.registry()), u"S-2026-000002"_s);  // the refused one used no number

    PartnerInput partner;
    partner.name = u"Stichting Welzijn Alblasserdam"_s;
    partner.kind = u"welzijn"_s;
    before = contentFingerprint(temp.path());
    auto saved = ReferenceAdmin::savePartner(temp.registry(), partner);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().field, u"name"_s);
    QCOMPARE(contentFingerprint(temp.path()), before);
}

void TestServices::closingWithOpenReferralIsRefused()
{
    TempRegistry temp;
    const QString ref = addSignal(temp.registry(), u"vervuiling"_s, u"straat"_s);
    auto id = Referrals::add(temp.registry(), {ref, u"Gemeente Alblasserdam"_s, {}, u"Container ophalen"_s, {}, {}});
    QVERIFY(id.ok());
    auto state = Signals::state(temp.registry(), ref);
    QCOMPARE(state->status, u"in_behandeling"_s);  // referring starts the work
    const QByteArray before = contentFingerprint(temp.path());
    Status refused = Signals::changeStatus(temp.registry(), ref, u"afgehandeld"_s, {u"opgelost"_s, u"Opgeruimd"_s, {}});
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(u"#%1"_s.arg(id.value())));
    QVERIFY(refused.error().message.contains(u"Gemeente Alblasserdam"_s));
    QCOMPARE(contentFingerprint(temp.path()), before);
    QVERIFY(Referrals::transition(temp.registry(), id.value(), u"geaccepteerd"_s, {}).ok());
    QVERIFY(Referrals::transition(temp.registry(), id.value(), u"afgerond"_s, {u"geholpen"_s, u"Opgehaald."_s, {}}).ok());
    QVERIFY(Signals::changeStatus(temp.registry(), ref, u"afgehandeld"_s, {u"opgelost"_s, u"Opgeruimd"_s, {}}).ok());
    QVERIFY(!Referrals::add(temp.registry(), {ref, u"Woonkracht10"_s, {}, u"Nog iets"_s, {}, {}}).ok());  // closed signal
    QVERIFY(Signals::changeStatus(temp.registry(), ref, u"heropend"_s, {{}, u"Weer vuil"_s, {}}).ok());
    QVERIFY(Signals::changeStatus(temp.registry(), ref, u"in_behandeling"_s, {}).ok());
}

void TestServices::consentRuleForReferrals()
{
    TempRegistry temp;
    const QString ref = addSignal(temp.registry());
    QVERIFY(Subjects::set(temp.registry(), ref, {u"Mevrouw Test"_s, u"Dam 1"_s, {}, u"1941"_s}).ok());
    const QByteArray before = contentFingerprint(temp.path());
    auto refused = Referrals::add(temp.registry(), {ref, u"Woonkracht10"_s, {}, u"Huurachterstand"_s, {}, {}});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, ErrorKind::Rule);
    QVERIFY(refused.error().message.contains(u"toestemming"_s));
    QCOMPARE(contentFingerprint(temp.path()), before);
    // An override needs a valid ground and a reason.
    QVERIFY(!Referrals::add(temp.registry(), {ref, u"Woonkracht10"_s, {}, u"x"_s, u"nieuwsgierigheid"_s, u"r"_s}).ok());
    QVERIFY(!Referrals::add(temp.registry(), {ref, u"Woonkracht10"_s, {}, u"x"_s, u"veiligheidsrisico"_s, {}}).ok());
    auto overridden = Referrals::add(temp.registry(), {ref, u"Woonkracht10"_s, {}, u"x"_s, u"veiligheidsrisico"_s, u"Brandgevaar"_s});
    QVERIFY(overridden.ok());
    QCOMPARE(Referrals::get(temp.registry(), overridden.value())->overrideGround, u"veiligheidsrisico"_s);
    // Consent by kind covers partners of that kind, not others.
    QVERIFY(!Subjects::setConsent(temp.registry(), ref, {u"gegeven"_s, {}, {}, {}}).ok());  // scope required
    QVERIFY(Subjects::setConsent(temp.registry(), ref, {u"gegeven"_s, {}, {}, {u"welzijn"_s, u"Voedselbank Alblasserdam"_s}}).ok());
    QVERIFY(Referrals::add(temp.registry(), {ref, u"Stichting Welzijn Alblasserdam"_s, {}, u"Maatje"_s, {}, {}}).ok());
    QVERIFY(Referrals::add(temp.registry(), {ref, u"voedselbank alblasserdam"_s, {}, u"Pakket"_s, {}, {}}).ok());
    QVERIFY(!Referrals::add(temp.registry(), {ref, u"CJG Alblasserdam"_s, {}, u"Jeugd"_s, {}, {}}).ok());
    QVERIFY(Subjects::setConsent(temp.registry(), ref, {u"geweigerd"_s, {}, {}, {}}).ok());
    QVERIFY(!Referrals::add(temp.registry(), {ref, u"Rivas"_s, {}, u"Zorg"_s, {}, {}}).ok());
    // Without subject data no consent is needed.
    const QString street = addSignal(temp.registry(), u"vervuiling"_s, u"straat"_s);
    QVERIFY(Referrals::add(temp.registry(), {street, u"Woonkracht10"_s, {}, u"Portiek"_s, {}, {}}).ok());
}

void TestServices::subjectOnlyForPersonalImpact()
{
    TempRegistry temp;
    const QString street = addSignal(temp.registry(), u"vervuiling"_s, u"straat"_s);
    QVERIFY(!Subjects::set(temp.registry(), street, {u"Iemand"_s, {}, {}, {}}).ok());
    const QString person = addSignal(temp.registry());
    QVERIFY(!Subjects::set(temp.registry(), person, {u"Iemand"_s, {}, {}, u"1850"_s}).ok());
    QVERIFY(!Subjects::set(temp.registry(), person, {u"Iemand"_s, u"BSN 111222333"_s, {}, {}}).ok());
    QVERIFY(Subjects::set(temp.registry(), person, {u"Iemand"_s, {}, {}, {}}).ok());
    SignalEdit toStreet;
    toStreet.impact = u"straat"_s;
    QVERIFY(!Signals::edit(temp.registry(), person, toStreet).ok());
    QVERIFY(Subjects::clear(temp.registry(), person, u"Verzoek betrokkene"_s).ok());
    QVERIFY(Signals::edit(temp.registry(), person, toStreet).ok());
    QVERIFY(!Subjects::get(temp.registry(), Signals::state(temp.registry(), person)->id).value().has_value());
}

void TestServices::referralTermsAndLateFlags()
{
    TempRegistry temp;  // Thursday 2026-11-26
    const QString ref = addSignal(temp.registry(), u"portiek"_s, u"gebouw"_s);
    auto id = Referrals::add(temp.registry(), {ref, u"Woonkracht10"_s, {}, u"Portiek leeg"_s, {}, {}});
    auto referral = Referrals::get(temp.registry(), id.value());
    QCOMPARE(referral->respondBy, u"2026-12-10"_s);  // 10 working days
    QVERIFY(!referral->late);
    temp.clock().set(QDateTime(QDate(2026, 12, 10), QTime(12, 0), Qt::UTC));
    QVERIFY(!Referrals::get(temp.registry(), id.value())->late);  // due today is not late yet
    temp.clock().set(QDateTime(QDate(2026, 12, 11), QTime(12, 0), Qt::UTC));
    QVERIFY(Referrals::get(temp.registry(), id.value())->late);
    ReferralFilter late;
    late.onlyLate = true;
    QCOMPARE(Referrals::list(temp.registry(), late)->size(), 1);
    SignalFilter lateSignals;
    lateSignals.onlyLate = true;
    QCOMPARE(Signals::list(temp.registry(), lateSignals)->size(), 1);
    // Accepting sets a completion term of 20 working days from acceptance (over Christmas).
    QVERIFY(Referrals::transition(temp.registry(), id.value(), u"geaccepteerd"_s, {}).ok());
    referral = Referrals::get(temp.registry(), id.value());
    QCOMPARE(referral->completeBy, u"2027-01-12"_s);
    QVERIFY(!referral->late);
    QCOMPARE(Referrals::list(temp.registry(), late)->size(), 0);
    // The loop closes with feedback; a refused transition names what is allowed.
    Status wrong = Referrals::transition(temp.registry(), id.value(), u"afgewezen"_s, {u"geen_capaciteit"_s, {}, {}});
    QVERIFY(!wrong.ok());
    QVERIFY(wrong.error().message.contains(u"afgerond"_s));
    QVERIFY(Referrals::transition(temp.registry(), id.value(), u"afgerond"_s, {u"geholpen"_s, u"Portiek opgeruimd."_s, {}}).ok());
    QCOMPARE(Referrals::get(temp.registry(), id.value())->feedback, u"Portiek opgeruimd."_s);
}

void TestServices::escalationStepsAndStalled()
{
    TempRegistry temp;
    const QString ref = addSignal(temp.registry(), u"jongerenoverlast"_s, u"straat"_s);
    QVERIFY(!Escalations::step(temp.registry(), ref, 2, u"termijn_verstreken"_s, u"Overlast houdt aan"_s).ok());
    QVERIFY(Escalations::step(temp.registry(), ref, 1, u"termijn_verstreken"_s, u"Overlast houdt aan"_s).ok());
    auto detail = Signals::detail(temp.registry(), ref);
    QCOMPARE(detail->level, 1);
    QCOMPARE(detail->levelDueOn, u"2026-12-10"_s);
    QVERIFY(!detail->stalled);
    temp.clock().set(QDateTime(QDate(2026, 12, 14), QTime(12, 0), Qt::UTC));
    QCOMPARE(Escalations::stalled(temp.registry())->size(), 1);
    QCOMPARE(Escalations::stalled(temp.registry())->first().workingDaysOver, 2);
    QVERIFY(Escalations::step(temp.registry(), ref, 4, u"veiligheid"_s, u"Wapens gezien"_s).ok());
    detail = Signals::detail(temp.registry(), ref);
    QCOMPARE(detail->level, 4);
    QVERIFY(detail->levelDueOn.isEmpty());  // the chain acts at once; no term to watch here
    QCOMPARE(Escalations::stalled(temp.registry())->size(), 0);
    QVERIFY(!Escalations::step(temp.registry(), ref, 2, {}, {}).ok());  // stepping down needs a reason
    QVERIFY(Escalations::step(temp.registry(), ref, 2, {}, u"Politie heeft de groep aangesproken"_s).ok());
    QCOMPARE(Signals::detail(temp.registry(), ref)->escalations.size(), 3);
}

void TestServices::everyChangeIsInHistory()
{
    TempRegistry temp;
    const QString ref = addSignal(temp.registry());
    SignalEdit edit;
    edit.urgency = u"hoog"_s;
    edit.reason = u"Situatie verslechterd"_s;
    QVERIFY(Signals::edit(temp.registry(), ref, edit).ok());
    QVERIFY(Subjects::set(temp.registry(), ref, {u"Geheime Naam"_s, u"Geheim Adres 9"_s, {}, {}}).ok());
    QVERIFY(Subjects::setConsent(temp.registry(), ref, {u"gegeven"_s, {}, {}, {u"welzijn"_s}}).ok());
    auto id = Referrals::add(temp.registry(), {ref, u"Stichting Welzijn Alblasserdam"_s, {}, u"Maatje"_s, {}, {}});
    QVERIFY(Referrals::transition(temp.registry(), id.value(), u"afgewezen"_s, {u"geen_capaciteit"_s, {}, {}}).ok());
    QVERIFY(Escalations::step(temp.registry(), ref, 1, u"meerdere_leefgebieden"_s, u"Ook schulden"_s).ok());
    QVERIFY(Signals::changeStatus(temp.registry(), ref, u"afgehandeld"_s, {u"deels_opgelost"_s, u"Contact gelegd"_s, {}}).ok());
    auto detail = Signals::detail(temp.registry(), ref);
    QStringList actions;
    for (const HistoryEntry& entry : detail->history) {
        actions << entry.action;
        QCOMPARE(entry.actor, temp->actor());  // "tester" on a file; on a server the login
        QVERIFY(!entry.detail.contains(u"Geheim"_s));  // subject data never enters the history
    }
    QCOMPARE(actions, (QStringList{u"aangemaakt"_s, u"gewijzigd"_s, u"betrokkene"_s, u"toestemming"_s, u"doorverwijzing"_s,
                                   u"status"_s, u"doorverwijzing"_s, u"escalatie"_s, u"status"_s}));
    QCOMPARE(detail->history.at(1).reason, u"Situatie verslechterd"_s);
}

void TestServices::demoIsDeterministicAndCoversEveryState()
{
    TempRegistry a;
    TempRegistry b;
    QVERIFY(DemoGenerator::generate(a.registry(), {3000, 42}).ok());
    QVERIFY(DemoGenerator::generate(b.registry(), {3000, 42}).ok());
    QCOMPARE(contentFingerprint(a.path()), contentFingerprint(b.path()));
    Database& db = a->db();
    auto distinct = [&](const QString& sql) { return db.scalar(sql).value().toInt(); };
    QCOMPARE(distinct(u"SELECT count(*) FROM signals"_s), 3000);
    QCOMPARE(distinct(u"SELECT count(DISTINCT status) FROM signals"_s), 5);
    QCOMPARE(distinct(u"SELECT count(DISTINCT status) FROM referrals"_s), 5);
    QCOMPARE(distinct(u"SELECT count(DISTINCT escalation_level) FROM signals"_s), 5);
    QCOMPARE(distinct(u"SELECT count(DISTINCT buurt_id) FROM signals"_s), 8);
    QCOMPARE(distinct(u"SELECT count(DISTINCT c.theme_code) FROM signals s JOIN categories c ON c.code = s.category_code"_s), 4);
    QVERIFY(distinct(u"SELECT count(*) FROM activities"_s) > 100);
    ReferralFilter late;
    late.onlyLate = true;
    QVERIFY(!Referrals::list(a.registry(), late)->isEmpty());
    QVERIFY(!Escalations::stalled(a.registry())->isEmpty());
    QCOMPARE(distinct(u"SELECT count(*) FROM signals WHERE observed_on > '2026-11-26' OR observed_on < '2024-11-26'"_s), 0);
    // SQLite checks what the bulk writer wrote with its foreign keys on; a server always enforces them.
    if (!db.isServer()) {
        auto violations = db.scalar(u"PRAGMA foreign_key_check"_s);
        QVERIFY(violations.ok());
        QVERIFY(violations.value().isNull());
    }
    // References continue after the demo: nothing is reused.
    const QString next = addSignal(a.registry());
    QCOMPARE(distinct(u"SELECT count(*) FROM signals WHERE reference = '%1'"_s.arg(next)), 1);
}

// The list's pages, however the query is steered to an index, give exactly the rows and order of
// the plain definition: by buurt or category name, then observation date, then id (in the chosen
// direction); the queue "Wacht op terugkoppeling" = signals with an open referral, newest first.
void TestServices::sortsAndQueuesPageInTheirDefinedOrder()
{
    TempRegistry temp;
    QVERIFY(DemoGenerator::generate(temp.registry(), {3000, 42}).ok());
    Database& db = temp->db();
    auto idsOf = [&](const QString& sql) {
        QList<qint64> ids;
        auto query = db.run(sql);
        while (query.ok() && query->next())
            ids << query->value(0).toLongLong();
        return ids;
    };
    auto listed = [&](SignalFilter filter) {
        QList<qint64> ids;
        filter.limit = 700;  // several pages, the last one short
        for (filter.offset = 0;; filter.offset += filter.limit) {
            auto page = Signals::list(temp.registry(), filter);
            if (!page.ok() || page->isEmpty())
                break;
            for (const SignalRow& row : page.value())
                ids << row.id;
        }
        return ids;
    };
    for (const bool descending : {false, true}) {
        const QString d = descending ? u" DESC"_s : u" ASC"_s;
        SignalFilter byBuurt;
        byBuurt.sort = SignalSort::ByBuurt;
        byBuurt.descending = descending;
        const QList<qint64> buurtOrder = idsOf(u"SELECT s.id FROM signals s JOIN buurten b ON b.id = s.buurt_id"
                                               " ORDER BY b.name%1, s.observed_on%1, s.id%1"_s.arg(d));
        QCOMPARE(buurtOrder.size(), 3000);
        QCOMPARE(listed(byBuurt), buurtOrder);
        SignalFilter byCategory;
        byCategory.sort = SignalSort::ByCategory;
        byCategory.descending = descending;
        QCOMPARE(listed(byCategory), idsOf(u"SELECT s.id FROM signals s JOIN categories c ON c.code = s.category_code"
                                           " ORDER BY c.name%1, s.observed_on%1, s.id%1"_s.arg(d)));
        SignalFilter awaiting;
        awaiting.queue = SignalQueue::AwaitingFeedback;
        awaiting.descending = descending;
        const QList<qint64> waiting = idsOf(u"SELECT s.id FROM signals s WHERE EXISTS (SELECT 1 FROM referrals r WHERE r.signal_id = s.id"
                                            " AND r.status IN ('verstuurd', 'geaccepteerd')) ORDER BY s.observed_on%1, s.id%1"_s.arg(d));
        QVERIFY2(waiting.size() > 10, qPrintable(QString::number(waiting.size())));
        QCOMPARE(listed(awaiting), waiting);
        QCOMPARE(Signals::count(temp.registry(), awaiting).value(), qint64(waiting.size()));
    }
}

QTEST_GUILESS_MAIN(TestServices)
#include "tst_services.moc"
