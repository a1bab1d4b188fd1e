#pragma once
// The fixture of the server suite (tst_server.cpp, tst_server_move.cpp): raw connections, the command
// line, and a desk's file to move to a server.

#include "Registry.h"
#include "TestSupport.h"
#include "services/SignalDetail.h"
#include "services/Escalations.h"
#include "services/Referrals.h"
#include "services/Signals.h"
#include "services/Subjects.h"
#include "storage/Backups.h"
#include "storage/Migrations.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

namespace server_fixture {

// A connection of its own to a test database, as another program (psql) would have.
class RawConnection {
public:
    explicit RawConnection(const ServerAddress& address) : m_name(u"raw-%1"_s.arg(quintptr(this)))
    {
        QSqlDatabase db = addServerConnection(m_name, address);
        if (!db.open())
            qFatal("raw connection: %s", qPrintable(db.lastError().text()));
    }
    ~RawConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    // The SQLSTATE of the statement's failure, or empty when it succeeded.
    QString failure(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        return query.exec(sql) ? QString() : query.lastError().nativeErrorCode();
    }
    QVariant scalar(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }
    QStringList column(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        QStringList values;
        query.exec(sql);
        while (query.next())
            values << query.value(0).toString();
        return values;
    }

private:
    QString m_name;
};

inline ServerAddress addressOf(const QString& uri)
{
    return Location::parse(uri).value().server;
}

inline ProgramRun cli(const QStringList& arguments, const QList<std::pair<QString, QString>>& environment = {})
{
    return runProgram(QStringLiteral(BUURTSIGNAAL_CLI_BINARY), arguments, environment);
}

// The rows of a table in a SQLite file, each as one text (columns joined), in id order when it has one.
inline QStringList fileRows(const QString& path, const QString& sql)
{
    const QString name = u"file-rows-%1"_s.arg(quintptr(&path));
    QStringList rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.open();
        QSqlQuery query(db);
        query.exec(sql);
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i)
                values << (query.value(i).isNull() ? u"NULL"_s : query.value(i).toString());
            rows << values.join(u'|');
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

inline QStringList serverRows(const ServerAddress& address, const QString& sql)
{
    const QString name = u"server-rows-%1"_s.arg(quintptr(&address));
    QStringList rows;
    {
        QSqlDatabase db = addServerConnection(name, address);
        db.open();
        QSqlQuery query(db);
        query.exec(sql);
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i)
                values << (query.value(i).isNull() ? u"NULL"_s : query.value(i).toString());
            rows << values.join(u'|');
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

// A desk's registry file with casework of every kind, written through the services.
inline void fillDeskFile(Registry& registry)
{
    const QString first = addSignal(registry);
    const QString second = addSignal(registry, u"schulden"_s, u"huishouden"_s);
    addSignal(registry, u"eenzaamheid"_s);
    QVERIFY(Subjects::set(registry, first, {u"Mevr. Jansen"_s, u"Dam 12"_s, {}, u"1948"_s}).ok());
    QVERIFY(Subjects::setConsent(registry, first, {u"gegeven"_s, {}, {}, {u"welzijn"_s}}).ok());
    NewReferral referral;
    referral.reference = first;
    referral.toPartner = u"Stichting Welzijn Alblasserdam"_s;
    referral.reason = u"Maatjesproject"_s;
    auto added = Referrals::add(registry, referral);
    QVERIFY2(added.ok(), qPrintable(added.error().message));
    QVERIFY(Referrals::transition(registry, added.value(), u"geaccepteerd"_s, {}).ok());
    const Status stepped = Escalations::step(registry, second, 1, u"meerdere_leefgebieden"_s, u"Ook schulden"_s);
    QVERIFY2(stepped.ok(), qPrintable(stepped.error().message));
}

// Sets up an empty registry on the server as a municipality would: `server init`.
inline void serverInit(const QString& uri)
{
    const ProgramRun run = cli({u"--db"_s, uri, u"server"_s, u"init"_s});
    QVERIFY2(run.code == 0, qPrintable(run.err));
}

}  // namespace server_fixture

using namespace server_fixture;

class TestServer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void ladderBuildsTheSameTablesOnBothEngines();
    void historyAndLogsAreAppendOnly();
    void accessLogKeepsRecentEntries();
    void dayCountsFollowSignalsAndReferrals();
    void oneOpenReferralPerPartnerIsAUniqueIndex();
    void writersAreSerialised();
    void readingADetailDoesNotWaitForWriters();
    void newerSchemaIsRefusedUntouched();
    void databaseWithoutRegistryOffersInit();
    void foreignDatabaseIsRefused();
    void unreachableServerIsRefused();
    void cliWorksAgainstTheServer();
    void cliRefusesBadServerAddresses();
    void importFileCopiesEverythingAndCountsMatch();
    void importFileRefusesNonEmptyServer();
    void importFileRefusesOtherSchemaVersion();
    void importFileIsAllOrNothing();
    void importFileKeepsTheServersUserAdministration();
    void backupOnServerExplainsPgDump();
    void restoreOnServerRefused();
    void checkOnServerFindsABrokenDayCount();
};
