#include "ServerPasswords.h"

#include <QHash>
#include <QMutex>

using namespace Qt::StringLiterals;

namespace bs::ServerPasswords {

namespace {
QMutex guard;  // background threads open connections too

QHash<QString, QString>& kept()
{
    static QHash<QString, QString> passwords;
    return passwords;
}

QString keyOf(const ServerAddress& server)
{
    return u"%1\n%2\n%3\n%4"_s.arg(server.host).arg(server.port).arg(server.database, server.user);
}
}  // namespace

void remember(const ServerAddress& server)
{
    if (server.password.isEmpty())
        return;
    const QMutexLocker locker(&guard);
    kept().insert(keyOf(server), server.password);
}

QString recall(const ServerAddress& server)
{
    const QMutexLocker locker(&guard);
    return kept().value(keyOf(server));
}

}  // namespace bs::ServerPasswords
