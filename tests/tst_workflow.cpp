// The workflow rules, walked exhaustively: every pair of states, every ladder step.
#include "domain/Codes.h"
#include "domain/Workflow.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bs;

class TestWorkflow : public QObject {
    Q_OBJECT

private slots:
    void signalTransitionsAreExactlyTheDesign();
    void signalTransitionRequirements();
    void referralTransitionsAreExactlyTheDesign();
    void referralTransitionRequirements();
    void escalationLadderEveryStep();
    void codeListsRefuseUnknownValues();
};

// Written out independently of the table in Workflow.cpp, from DESIGN.md.
static const QSet<QString> designSignalEdges = {
    u"nieuw>in_behandeling"_s, u"nieuw>geannuleerd"_s,   u"in_behandeling>afgehandeld"_s,
    u"in_behandeling>geannuleerd"_s, u"afgehandeld>heropend"_s, u"heropend>in_behandeling"_s};

static Workflow::TransitionInput completeInputFor(const QString& to)
{
    if (to == u"afgehandeld"_s)
        return {u"opgelost"_s, u"Bewoner heeft een maatje."_s, {}};
    if (to == u"geannuleerd"_s)
        return {u"dubbel"_s, {}, {}};
    if (to == u"heropend"_s)
        return {{}, u"Situatie kwam terug."_s, {}};
    if (to == u"afgewezen"_s)
        return {u"geen_capaciteit"_s, {}, {}};
    if (to == u"afgerond"_s)
        return {u"geholpen"_s, u"Terugkoppeling: in traject."_s, {}};
    if (to == u"ingetrokken"_s)
        return {{}, u"Niet meer nodig."_s, {}};
    return {};
}

void TestWorkflow::signalTransitionsAreExactlyTheDesign()
{
    const QStringList statuses = Codes::signalStatus().codes();
    QCOMPARE(statuses.size(), 5);
    int allowed = 0;
    for (const QString& from : statuses) {
        for (const QString& to : statuses) {
            const bool expected = designSignalEdges.contains(from + u'>' + to);
            const Status result = Workflow::checkSignalTransition(from, to, completeInputFor(to));
            QVERIFY2(result.ok() == expected, qPrintable(u"%1 -> %2: %3"_s.arg(from, to, result.ok() ? u"allowed"_s : result.error().message)));
            if (!expected) {
                QCOMPARE(result.error().kind, ErrorKind::Rule);
                QVERIFY(result.error().message.contains(from));
            }
            allowed += expected;
        }
    }
    QCOMPARE(allowed, 6);
}

void TestWorkflow::signalTransitionRequirements()
{
    // Closing needs an outcome code and a text.
    QVERIFY(!Workflow::checkSignalTransition(u"in_behandeling"_s, u"afgehandeld"_s, {{}, u"tekst"_s, {}}).ok());
    QVERIFY(!Workflow::checkSignalTransition(u"in_behandeling"_s, u"afgehandeld"_s, {u"opgelost"_s, u"  "_s, {}}).ok());
    QVERIFY(!Workflow::checkSignalTransition(u"in_behandeling"_s, u"afgehandeld"_s, {u"verzonnen"_s, u"t"_s, {}}).ok());
    const Status missingOutcome = Workflow::checkSignalTransition(u"in_behandeling"_s, u"afgehandeld"_s, {{}, u"t"_s, {}});
    QCOMPARE(missingOutcome.error().field, u"outcome"_s);
    QVERIFY(missingOutcome.error().message.contains(u"opgelost"_s));  // names what is allowed
    // Cancelling needs a cancellation code; reopening a reason.
    QVERIFY(!Workflow::checkSignalTransition(u"nieuw"_s, u"geannuleerd"_s, {}).ok());
    QVERIFY(!Workflow::checkSignalTransition(u"nieuw"_s, u"geannuleerd"_s, {u"opgelost"_s, {}, {}}).ok());
    QVERIFY(!Workflow::checkSignalTransition(u"afgehandeld"_s, u"heropend"_s, {}).ok());
    QVERIFY(Workflow::checkSignalTransition(u"nieuw"_s, u"in_behandeling"_s, {}).ok());
    // An unknown target status is bad input, not a rule.
    QCOMPARE(Workflow::checkSignalTransition(u"nieuw"_s, u"klaar"_s, {}).error().kind, ErrorKind::Invalid);
}

void TestWorkflow::referralTransitionsAreExactlyTheDesign()
{
    const QSet<QString> design = {u"verstuurd>geaccepteerd"_s, u"verstuurd>afgewezen"_s, u"verstuurd>ingetrokken"_s,
                                  u"geaccepteerd>afgerond"_s, u"geaccepteerd>ingetrokken"_s};
    const QStringList statuses = Codes::referralStatus().codes();
    QCOMPARE(statuses.size(), 5);
    int allowed = 0;
    for (const QString& from : statuses) {
        for (const QString& to : statuses) {
            const bool expected = design.contains(from + u'>' + to);
            const Status result = Workflow::checkReferralTransition(from, to, completeInputFor(to));
            QVERIFY2(result.ok() == expected, qPrintable(u"%1 -> %2"_s.arg(from, to)));
            allowed += expected;
        }
    }
    QCOMPARE(allowed, 5);
}

void TestWorkflow::referralTransitionRequirements()
{
    QVERIFY(!Workflow::checkReferralTransition(u"verstuurd"_s, u"afgewezen"_s, {}).ok());
    QVERIFY(!Workflow::checkReferralTransition(u"verstuurd"_s, u"afgewezen"_s, {u"anders"_s, {}, {}}).ok());
    QVERIFY(Workflow::checkReferralTransition(u"verstuurd"_s, u"afgewezen"_s, {u"anders"_s, u"Verhuisd."_s, {}}).ok());
    QVERIFY(!Workflow::checkReferralTransition(u"geaccepteerd"_s, u"afgerond"_s, {u"geholpen"_s, {}, {}}).ok());
    QVERIFY(!Workflow::checkReferralTransition(u"geaccepteerd"_s, u"afgerond"_s, {u"niet_geholpen"_s, u"fb"_s, {}}).ok());
    QVERIFY(Workflow::checkReferralTransition(u"geaccepteerd"_s, u"afgerond"_s, {u"niet_geholpen"_s, u"fb"_s, u"wilde niet"_s}).ok());
    QVERIFY(!Workflow::checkReferralTransition(u"verstuurd"_s, u"ingetrokken"_s, {}).ok());
}

void TestWorkflow::escalationLadderEveryStep()
{
    const QStringList triggers = Codes::escalationTrigger().codes();
    int checked = 0;
    for (int from = 0; from <= 4; ++from) {
        for (int to = -1; to <= 5; ++to) {
            for (const QString& trigger : triggers + QStringList{QString(), u"onzin"_s}) {
                for (const QString& reason : {QString(), u"Zorgen nemen toe."_s}) {
                    bool expected = to >= 0 && to <= 4 && to != from && !reason.isEmpty();
                    if (expected && to > from) {
                        expected = triggers.contains(trigger) && (to == from + 1 || trigger == u"veiligheid"_s);
                    }
                    const Status result = Workflow::checkEscalationStep(from, to, 4, trigger, reason);
                    QVERIFY2(result.ok() == expected,
                             qPrintable(u"%1 -> %2 trigger '%3' reason '%4': %5"_s.arg(from).arg(to).arg(trigger, reason,
                                                                                               result.ok() ? u"ok"_s : result.error().message)));
                    ++checked;
                }
            }
        }
    }
    QCOMPARE(checked, 5 * 7 * 6 * 2);
    const Status skip = Workflow::checkEscalationStep(1, 3, 4, u"termijn_verstreken"_s, u"r"_s);
    QVERIFY(skip.error().message.contains(u"veiligheid"_s));
}

void TestWorkflow::codeListsRefuseUnknownValues()
{
    for (const CodeList* list : {&Codes::urgency(), &Codes::impactLevel(), &Codes::consent(), &Codes::partnerKind(),
                                 &Codes::rejectionReason(), &Codes::role()}) {
        for (const QString& code : list->codes())
            QVERIFY(list->check(code).ok());
        const Status refused = list->check(u"'; DROP TABLE signals; --"_s);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field, list->field());
        QVERIFY(refused.error().message.contains(list->codes().first()));
    }
}

QTEST_GUILESS_MAIN(TestWorkflow)
#include "tst_workflow.moc"
