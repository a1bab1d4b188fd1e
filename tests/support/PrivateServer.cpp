#include "PrivateServer.h"

#include "TestSupport.h"

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace bs::test {

namespace {
const QString serverScript = QStringLiteral(BUURTSIGNAAL_PG_SCRIPT);
}

PrivateServer::PrivateServer(Durability durability)
{
    if (!QFile::exists(u"/usr/lib/postgresql/15/bin/initdb"_s)) {
        m_unavailable = u"no PostgreSQL 15 here to start a private test server"_s;
        return;
    }
    QString folder;
    const QStringList start = durability == Durability::Durable ? QStringList{u"start"_s, u"durable"_s} : QStringList{u"start"_s};
    if (!script(start, &folder) || folder.isEmpty()) {
        m_unavailable = u"the private test server did not start"_s;
        return;
    }
    m_folder = folder;
    script({u"uri"_s, m_folder}, &m_uri);
}

PrivateServer::~PrivateServer()
{
    if (!m_folder.isEmpty())
        script({u"stop"_s, m_folder});
}

ServerAddress PrivateServer::address() const
{
    return Location::parse(m_uri).value().server;
}

bool PrivateServer::halt()
{
    return script({u"halt"_s, m_folder});
}

bool PrivateServer::crash()
{
    return script({u"crash"_s, m_folder});
}

bool PrivateServer::resume()
{
    return script({u"resume"_s, m_folder});
}

bool PrivateServer::requirePassword(const QString& login)
{
    // pg_hba.conf takes the first line that matches: this one goes before the trust lines.
    QFile hba(m_folder + u"/data/pg_hba.conf"_s);
    if (!hba.open(QIODevice::ReadOnly))
        return false;
    const QByteArray rest = hba.readAll();
    hba.close();
    if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    hba.write("local all " + login.toUtf8() + " scram-sha-256\n" + rest);
    hba.close();
    return run(u"SELECT pg_reload_conf()"_s).isEmpty();
}

QString PrivateServer::run(const QString& sql)
{
    const ServerAddress server = address();
    const QString name = u"private-server-admin"_s;
    QString failure;
    {
        QSqlDatabase db = addServerConnection(name, server);
        if (!db.open()) {
            failure = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(sql))
                failure = query.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return failure;
}

bool PrivateServer::script(const QStringList& arguments, QString* out)
{
    QProcess process;
    process.start(u"bash"_s, QStringList{serverScript} + arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("tests/pg/server.sh %s: %s", qPrintable(arguments.join(u' ')), process.readAllStandardError().constData());
        return false;
    }
    if (out)
        *out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    return true;
}

}  // namespace bs::test
