#pragma once
// The fixture of the row-level security suite (tst_rls.cpp, tst_rls_admin.cpp): a registry set up
// by `server init` with one login per role, raw connections as those logins, and the signals they
// refer to each other.

#include "Registry.h"
#include "TestSupport.h"
#include "access/Access.h"
#include "access/AccessLog.h"
#include "privacy/Retention.h"
#include "privacy/SubjectRights.h"
#include "services/Handlers.h"
#include "services/Journal.h"
#include "services/Referrals.h"
#include "services/SignalDetail.h"
#include "services/Signals.h"
#include "services/Subjects.h"
#include "storage/ServerSetup.h"

#include <QFile>
#include <QTemporaryDir>

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

namespace rls {

// A connection of its own to a test database as one login role, as psql with that login would be.
class LoginConnection {
public:
    LoginConnection(const ServerAddress& address, const QString& login) : m_name(u"login-%1"_s.arg(quintptr(this)))
    {
        QSqlDatabase db = addServerConnection(m_name, address, login);
        m_open = db.open();
        m_openError = db.lastError().text();
    }
    ~LoginConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }
    QString openError() const { return m_openError; }
    // The SQLSTATE of the statement's failure, or empty when it succeeded.
    QString failure(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        return query.exec(sql) ? QString() : query.lastError().nativeErrorCode();
    }
    // Rows changed by a statement that must succeed.
    int affected(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return -1;
        }
        return query.numRowsAffected();
    }
    QVariant scalar(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

private:
    QString m_name;
    bool m_open = false;
    QString m_openError;
};

// Login roles belong to the whole server, so each test database shares them.
inline const QString medewerker = u"rls_medewerker"_s;
inline const QString collega = u"rls_collega"_s;
inline const QString coordinator = u"rls_coordinator"_s;
inline const QString stuurgroep = u"rls_stuurgroep"_s;
inline const QString beheerder = u"rls_beheerder"_s;
inline const QString partnerA = u"rls_partner_a"_s;  // a worker of partnerNameA
inline const QString partnerB = u"rls_partner_b"_s;
inline const QString partnerNameA = u"Stichting Welzijn Alblasserdam"_s;
inline const QString partnerNameB = u"Woonkracht10"_s;

inline ProgramRun cli(const QStringList& arguments, const QList<std::pair<QString, QString>>& extraEnvironment = {})
{
    return runProgram(QStringLiteral(BUURTSIGNAAL_CLI_BINARY), arguments, extraEnvironment);
}

inline ServerAddress as(const ServerAddress& address, const QString& login)
{
    ServerAddress person = address;
    person.user = login;
    return person;
}

inline QString uriAs(const ServerAddress& address, const QString& login)
{
    return Location{Location::Engine::Postgresql, {}, as(address, login)}.display();
}

inline QString message(const Status& status)
{
    return status.ok() ? QString() : status.error().message;
}

}  // namespace rls

using namespace rls;

class TestRls : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void initMakesOwnerOwnEverythingAndLoginFirstBeheerder();
    void initTwiceIsRefusedUnchanged();
    void ownerRoleCannotLogIn();
    void stuurgroepCannotSelectCasework();
    void medewerkerReadsAllButUpdatesOnlyOwnSignals();
    void nobodyUpdatesOrDeletesHistoryOrAccessLog();
    void subjectsAreNotReadableDirectly();
    void subjectReadGoesThroughLoggingFunction();
    void userAddCreatesLoginWithGroupRole();
    void userAddByMedewerkerIsRefused();
    void actorIsTheServerLogin();
    void medewerkerCannotInsertSignalAsSomeoneElse();
    void medewerkerCannotReadSubjectOfOthersSignal();
    void beheerderReadsSubjectOnlyForInzage();
    void partnerSeesOnlyItsReferrals();
    void partnerReadsSubjectOnlyWithConsentOrOverride();
    void partnerCannotUpdateOthersReferral();
    void historyOnlyOfReadableSignals();
    void usersSeeTheirOwnRow();
    void purgeAccessLogLogsItself();
    void disabledUserCannotLogIn();
    void userSetMovesTheLoginToItsGroup();
    void serverInitFailureLeavesNothing();
    void serverInitByAnAdministratorWithoutSuperuser();
    void olderSchemaAsksForServerUpgrade();
    void upgradeReappliesPolicies();
    void servicesWorkForEachRoleOnServer();
    void appOffersWhatTheServerAllows();
    // tst_rls_casework.cpp
    void handlerChangesAndHandsOverOnServer();
    void journalFollowsTheSignalRules();

private:
    // The registry as one person sees it: connected with their own login.
    std::unique_ptr<Registry> openAs(const QString& login);
    // Three signals with subject data and referrals (see the definition).
    void referSignals();
    qint64 signalId(const QString& reference);

    std::unique_ptr<TempServerDatabase> m_database;
    FixedClock m_clock{referenceToday()};
    QString m_ownSignal;
    QString m_otherSignal;
    QString m_laterSubject;
    qint64 m_referralA = 0;
    qint64 m_referralB = 0;
    qint64 m_referralLaterA = 0;
};
