#include "PowerCutVfs.h"

#include "VfsShim.h"

#include <QFile>
#include <QHash>
#include <QRandomGenerator>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <vector>

using namespace Qt::StringLiterals;

namespace bs::test::PowerCutVfs {

namespace {

// Journal records: a type byte, then the file's number and the record's fields (native layout:
// the journal is read back on the same machine).
enum : char { Name = 'N', Size = 'Z', Write = 'W', Synced = 'S', Deleted = 'D' };

int journal = -1;
std::mutex lock;

struct Tracked {
    quint32 id = 0;
    bool dirty = false;  // changed since its last xSync
};
QHash<QByteArray, Tracked> tracked;  // by path

using VfsShim::inner;

// The path of a file whose loss matters; null for temporary files (not tracked).
const QByteArray* pathOf(sqlite3_file* f) { return static_cast<const QByteArray*>(VfsShim::state(f)); }

template <typename T>
void put(QByteArray& record, T value)
{
    record.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void append(const QByteArray& record)
{
    qsizetype done = 0;
    while (done < record.size()) {
        const ssize_t n = ::write(journal, record.constData() + done, size_t(record.size() - done));
        if (n <= 0)
            std::abort();  // a journal that misses a record would make the harness lie
        done += n;
    }
}

QByteArray header(char type, quint32 id)
{
    QByteArray record;
    record.append(type);
    put(record, id);
    return record;
}

// Before a change of `f` (under the lock): its size at the first change since the last sync.
sqlite3_int64 noteChange(sqlite3_file* f)
{
    Tracked& t = tracked[*pathOf(f)];
    sqlite3_int64 size = 0;
    inner(f)->pMethods->xFileSize(inner(f), &size);
    if (!t.dirty) {
        QByteArray record = header(Size, t.id);
        put(record, qint64(size));
        append(record);
        t.dirty = true;
    }
    return size;
}

// The bytes [offset, offset + amount) as they are now (within the file's size), to put back.
void noteOverwrite(sqlite3_file* f, sqlite3_int64 offset, sqlite3_int64 amount, sqlite3_int64 size)
{
    const sqlite3_int64 existing = std::min(amount, size - offset);
    if (existing <= 0)
        return;
    QByteArray record = header(Write, tracked.value(*pathOf(f)).id);
    put(record, qint64(offset));
    put(record, quint32(existing));
    const qsizetype start = record.size();
    record.resize(start + existing);
    inner(f)->pMethods->xRead(inner(f), record.data() + start, int(existing), offset);
    append(record);
}

int onWrite(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset)
{
    if (pathOf(f)) {
        std::lock_guard guard(lock);
        noteOverwrite(f, offset, amount, noteChange(f));
    }
    return inner(f)->pMethods->xWrite(inner(f), buffer, amount, offset);
}

int onTruncate(sqlite3_file* f, sqlite3_int64 size)
{
    if (pathOf(f)) {
        std::lock_guard guard(lock);
        const sqlite3_int64 current = noteChange(f);
        if (size < current)
            noteOverwrite(f, size, current - size, current);
    }
    return inner(f)->pMethods->xTruncate(inner(f), size);
}

int onSync(sqlite3_file* f, int flags)
{
    const int rc = inner(f)->pMethods->xSync(inner(f), flags);
    if (rc == SQLITE_OK && pathOf(f)) {
        std::lock_guard guard(lock);
        Tracked& t = tracked[*pathOf(f)];
        append(header(Synced, t.id));
        t.dirty = false;
    }
    return rc;
}

void* onOpened(const char* name, int flags)
{
    const int durable = SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_SUPER_JOURNAL;
    if (!name || !(flags & durable))
        return nullptr;
    auto* path = new QByteArray(name);
    std::lock_guard guard(lock);
    if (!tracked.contains(*path)) {
        const quint32 id = quint32(tracked.size()) + 1;
        tracked.insert(*path, Tracked{id, false});
        QByteArray record = header(Name, id);
        put(record, quint32(path->size()));
        record += *path;
        append(record);
    }
    return path;
}

void onClosing(void* state)
{
    delete static_cast<QByteArray*>(state);
}

void onDeleted(const char* name)
{
    std::lock_guard guard(lock);
    if (tracked.contains(QByteArray(name))) {
        Tracked& t = tracked[QByteArray(name)];
        append(header(Deleted, t.id));
        t.dirty = false;
    }
}

struct Record {
    char type = 0;
    quint32 id = 0;
    qsizetype at = 0;   // its place in the journal: later records were written later
    qint64 offset = 0;  // Write; the size for Size
    QByteArray bytes;   // Write: what was there before
};

template <typename T>
bool take(const QByteArray& data, qsizetype& at, T& value)
{
    if (at + qsizetype(sizeof value) > data.size())
        return false;
    std::memcpy(&value, data.constData() + at, sizeof value);
    at += sizeof value;
    return true;
}

}  // namespace

void install(const QString& journalPath)
{
    if (journal >= 0)
        return;
    journal = ::open(QFile::encodeName(journalPath).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0600);
    if (journal < 0)
        std::abort();
    VfsShim::Hooks hooks;
    hooks.write = onWrite;
    hooks.truncate = onTruncate;
    hooks.sync = onSync;
    hooks.opened = onOpened;
    hooks.closing = onClosing;
    hooks.deleted = onDeleted;
    VfsShim::install("powercut", hooks);
}

CutReport cutPower(const QString& journalPath, quint32 tearSeed)
{
    CutReport report;
    QFile in(journalPath);
    if (!in.open(QIODevice::ReadOnly)) {
        report.error = u"undo-journaal niet leesbaar: "_s + journalPath;
        return report;
    }
    const QByteArray data = in.readAll();
    QHash<quint32, QString> names;
    QHash<quint32, std::vector<Record>> sinceSync;  // per file: its changes after its last sync
    qsizetype at = 0;
    const Record* last = nullptr;
    while (at < data.size()) {
        Record r;
        r.at = at;
        r.type = data.at(at++);
        if (!take(data, at, r.id))
            break;  // a record cut off by the kill was never acted on: its write had not started
        bool whole = true;
        if (r.type == Name) {
            quint32 length = 0;
            whole = take(data, at, length) && at + length <= data.size();
            if (whole) {
                names.insert(r.id, QFile::decodeName(data.mid(at, length)));
                at += length;
            }
        } else if (r.type == Size) {
            whole = take(data, at, r.offset);
            if (whole)
                sinceSync[r.id].push_back(r);
        } else if (r.type == Write) {
            quint32 length = 0;
            whole = take(data, at, r.offset) && take(data, at, length) && at + length <= data.size();
            if (whole) {
                r.bytes = data.mid(at, length);
                at += length;
                sinceSync[r.id].push_back(std::move(r));
            }
        } else if (r.type == Synced || r.type == Deleted) {
            sinceSync[r.id].clear();
        } else {
            report.error = u"onbekend record in het undo-journaal"_s;
            return report;
        }
        if (!whole)
            break;
    }
    // The most recent write still unsynced is the one a cut may tear.
    for (auto it = sinceSync.cbegin(); it != sinceSync.cend(); ++it) {
        for (const Record& r : it.value()) {
            if (r.type == Write && (!last || r.at > last->at))
                last = &r;
        }
    }
    QRandomGenerator rng(tearSeed);
    for (auto it = sinceSync.cbegin(); it != sinceSync.cend(); ++it) {
        const std::vector<Record>& changes = it.value();
        if (changes.empty() || !QFile::exists(names.value(it.key())))
            continue;
        QFile file(names.value(it.key()));
        if (!file.open(QIODevice::ReadWrite)) {
            report.error = u"niet te herstellen: "_s + file.fileName();
            return report;
        }
        ++report.files;
        for (auto r = changes.crbegin(); r != changes.crend(); ++r) {
            if (r->type != Write)
                continue;
            qsizetype keep = 0;
            if (tearSeed != 0 && &*r == last) {
                keep = qsizetype(rng.bounded(quint32(r->bytes.size() / 512 + 1))) * 512;
                report.torn = keep > 0;
            }
            file.seek(r->offset + keep);
            file.write(r->bytes.constData() + keep, r->bytes.size() - keep);
            ++report.writesUndone;
            report.bytesRestored += r->bytes.size() - keep;
        }
        file.resize(changes.front().offset);  // the first change since the sync noted the size
    }
    return report;
}

}  // namespace bs::test::PowerCutVfs
