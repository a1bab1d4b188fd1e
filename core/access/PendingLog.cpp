#include "PendingLog.h"

#include "Registry.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace bs::PendingLog {

namespace {

// The registry's setting that says up to which waiting entry (of which waiting file) is moved in.
const QString movedSetting = u"log.moved_from_queue"_s;

// Only these tables and columns are ever written from the waiting file.
const QHash<QString, QStringList>& allowedColumns()
{
    static const QHash<QString, QStringList> columns = {
        {u"access_log"_s, {u"at"_s, u"actor"_s, u"role"_s, u"action"_s, u"signal_id"_s, u"detail"_s}},
        {u"export_log"_s, {u"at"_s, u"actor"_s, u"what"_s, u"filter"_s, u"rows_written"_s, u"file"_s}},
    };
    return columns;
}

Status insert(Database& db, const LogRow& row)
{
    const auto columns = allowedColumns().constFind(row.table);
    if (columns == allowedColumns().constEnd())
        return Error::storage(u"Onbekend logboek '%1'."_s.arg(row.table));
    QVariantList values;
    for (const QString& column : *columns) {
        const QVariant value = row.values.value(column);
        values << (value.isNull() ? QVariant() : value);
    }
    return db.execute(u"INSERT INTO %1 (%2) VALUES (?%3)"_s.arg(row.table, columns->join(u", "_s),
                                                                 u", ?"_s.repeated(columns->size() - 1)),
                      values);
}

// The waiting file, created owner-only like the registry; `create` false gives none when absent.
Result<std::unique_ptr<Database>> openQueue(const QString& registryPath, bool create)
{
    const QString path = pathFor(registryPath);
    if (!QFileInfo::exists(path)) {
        if (!create)
            return std::unique_ptr<Database>();
        QFile file(path);
        // Another program may create it at the same moment; then its file is used.
        if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            file.close();
            QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
    }
    return Database::openSqlite(path);
}

struct Moved {
    QString queue;  // the waiting file's own id: a new file starts counting again
    qint64 last = 0;
};

Result<Moved> movedSoFar(Database& registryDb)
{
    auto value = registryDb.scalar(u"SELECT value FROM settings WHERE key = ?"_s, {movedSetting});
    if (!value.ok())
        return value.error();
    const QStringList parts = value.value().toString().split(u' ');
    return parts.size() == 2 ? Moved{parts.at(0), parts.at(1).toLongLong()} : Moved{};
}

Result<QString> queueId(Database& queue)
{
    auto hasTable = queue.scalar(queue.dialect().countTablesSql(true), {u"queue"_s});
    if (!hasTable.ok())
        return hasTable.error();
    if (hasTable.value().toInt() == 0)
        return QString();
    auto id = queue.scalar(u"SELECT id FROM queue"_s);
    if (!id.ok())
        return id.error();
    return id.value().toString();
}

Status append(const QString& registryPath, const QList<LogRow>& rows)
{
    auto opened = openQueue(registryPath, true);
    if (!opened.ok())
        return opened.error();
    Database& queue = *opened.value();
    return queue.write([&]() -> Status {
        BS_TRY(queue.execute(u"CREATE TABLE IF NOT EXISTS queue (id TEXT NOT NULL)"_s));
        // AUTOINCREMENT: a number is never given twice, even after the moved entries are deleted.
        BS_TRY(queue.execute(u"CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                             " target TEXT NOT NULL, row TEXT NOT NULL)"_s));
        BS_TRY(queue.execute(u"INSERT INTO queue (id) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM queue)"_s,
                             {QUuid::createUuid().toString(QUuid::WithoutBraces)}));
        for (const LogRow& row : rows) {
            const QByteArray json = QJsonDocument(QJsonObject::fromVariantMap(row.values)).toJson(QJsonDocument::Compact);
            BS_TRY(queue.execute(u"INSERT INTO entries (target, row) VALUES (?, ?)"_s, {row.table, QString::fromUtf8(json)}));
        }
        return {};
    });
}

Status moveEntries(Registry& registry)
{
    auto opened = openQueue(registry.path(), false);
    if (!opened.ok())
        return opened.error();
    if (!opened.value())
        return {};
    Database& queue = *opened.value();
    Database& db = registry.db();
    auto id = queueId(queue);
    if (!id.ok())
        return id.error();
    if (id.value().isEmpty())
        return {};
    auto moved = movedSoFar(db);
    if (!moved.ok())
        return moved.error();
    const qint64 after = moved->queue == id.value() ? moved->last : 0;
    // Entries moved by an earlier, committed transaction may go; failing that they are skipped.
    (void)queue.execute(u"DELETE FROM entries WHERE id <= ?"_s, {after});
    auto waiting = queue.run(u"SELECT id, target, row FROM entries WHERE id > ? ORDER BY id"_s, {after});
    if (!waiting.ok())
        return waiting.error();
    qint64 last = after;
    QList<LogRow> rows;
    while (waiting->next()) {
        last = waiting->value(0).toLongLong();
        rows << LogRow{waiting->value(1).toString(),
                       QJsonDocument::fromJson(waiting->value(2).toString().toUtf8()).object().toVariantMap()};
    }
    waiting->finish();
    if (rows.isEmpty())
        return {};
    for (const LogRow& row : rows)
        BS_TRY(insert(db, row));
    return db.execute(u"INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s,
                      {movedSetting, u"%1 %2"_s.arg(id.value()).arg(last)});
}

}  // namespace

QString pathFor(const QString& registryPath)
{
    return registryPath + u".logwachtrij"_s;
}

Status moveIn(Registry& registry)
{
    Database& db = registry.db();
    if (!db.inTransaction())
        return Error::storage(u"Wachtende logregels kunnen alleen binnen een schrijftransactie worden overgezet."_s);
    if (db.isServer())
        return {};  // nothing ever waits beside a server
    // A savepoint, so a failure half-way leaves the caller's transaction as it was.
    BS_TRY(db.execute(u"SAVEPOINT pending_log"_s));
    const Status moved = moveEntries(registry);
    if (!moved.ok())
        (void)db.execute(u"ROLLBACK TO pending_log"_s);
    (void)db.execute(u"RELEASE pending_log"_s);
    return moved;
}

Status flush(Registry& registry, Database::Wait wait)
{
    if (registry.db().isReadOnly() || registry.db().isServer() || !QFileInfo::exists(pathFor(registry.path())))
        return {};
    return registry.db().write([&]() { return moveIn(registry); }, wait);
}

Status write(Registry& registry, const QList<LogRow>& rows)
{
    Database& db = registry.db();
    const auto insertAll = [&]() -> Status {
        for (const LogRow& row : rows)
            BS_TRY(insert(db, row));
        return {};
    };
    if (db.inTransaction())
        return insertAll();
    // A server has no waiting file, and log rows need no write lock there: they are only ever
    // appended (the tables refuse changes), each gets its own number from the server, and no
    // service decides anything from them under the lock, so an entry written beside another desk's
    // transaction breaks nothing that lock protects. Taking it would make every logged read (a
    // signal's detail) wait behind all writers.
    if (db.isServer())
        return db.write(insertAll, Database::Wait::Patiently, Database::Lock::LogOnly);
    if (!db.isReadOnly()) {
        const Status written = db.write(
            [&]() -> Status {
                (void)moveIn(registry);  // what waits goes first, in order; a failure leaves it waiting
                return insertAll();
            },
            Database::Wait::No);
        if (written.ok() || written.error().kind != ErrorKind::Busy)
            return written;
    }
    const Status queued = append(registry.path(), rows);
    if (!queued.ok()) {
        Error error = queued.error();
        error.message = u"Het toegangslogboek kon niet worden bijgewerkt: het register is bezet en de wachtrij %1 is niet "
                        "beschikbaar (%2). Daarom wordt niets getoond of opgeslagen; probeer het zo opnieuw."_s.arg(
                            pathFor(registry.path()), queued.error().message);
        return error;
    }
    return {};
}

Result<qint64> waiting(Registry& registry)
{
    auto opened = openQueue(registry.path(), false);
    if (!opened.ok())
        return opened.error();
    if (!opened.value())
        return 0;
    auto id = queueId(*opened.value());
    if (!id.ok())
        return id.error();
    if (id.value().isEmpty())
        return 0;
    auto moved = movedSoFar(registry.db());
    if (!moved.ok())
        return moved.error();
    auto count = opened.value()->scalar(u"SELECT count(*) FROM entries WHERE id > ?"_s,
                                        {moved->queue == id.value() ? moved->last : 0});
    if (!count.ok())
        return count.error();
    return count.value().toLongLong();
}

}  // namespace bs::PendingLog
