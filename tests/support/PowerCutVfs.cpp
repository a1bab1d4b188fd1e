#include "PowerCutVfs.h"

#include <QFile>
#include <QHash>
#include <QRandomGenerator>

#include <sqlite3.h>

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

sqlite3_vfs* real = nullptr;
sqlite3_vfs powerCut;
int journal = -1;
std::mutex lock;

struct Tracked {
    quint32 id = 0;
    bool dirty = false;  // changed since its last xSync
};
QHash<QByteArray, Tracked> tracked;  // by path

struct File {
    sqlite3_file base;  // must come first: SQLite sees this struct as an sqlite3_file
    sqlite3_file* inner;
    QByteArray path;    // empty: not a file whose loss matters (temporary files)
};

sqlite3_file* inner(sqlite3_file* f) { return reinterpret_cast<File*>(f)->inner; }
const QByteArray& pathOf(sqlite3_file* f) { return reinterpret_cast<File*>(f)->path; }

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
    Tracked& t = tracked[pathOf(f)];
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
    QByteArray record = header(Write, tracked.value(pathOf(f)).id);
    put(record, qint64(offset));
    put(record, quint32(existing));
    const qsizetype start = record.size();
    record.resize(start + existing);
    inner(f)->pMethods->xRead(inner(f), record.data() + start, int(existing), offset);
    append(record);
}

int xClose(sqlite3_file* f)
{
    const int rc = inner(f)->pMethods ? inner(f)->pMethods->xClose(inner(f)) : SQLITE_OK;
    sqlite3_free(inner(f));
    reinterpret_cast<File*>(f)->path.~QByteArray();
    return rc;
}
int xRead(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset) { return inner(f)->pMethods->xRead(inner(f), buffer, amount, offset); }
int xWrite(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset)
{
    if (!pathOf(f).isEmpty()) {
        std::lock_guard guard(lock);
        noteOverwrite(f, offset, amount, noteChange(f));
    }
    return inner(f)->pMethods->xWrite(inner(f), buffer, amount, offset);
}
int xTruncate(sqlite3_file* f, sqlite3_int64 size)
{
    if (!pathOf(f).isEmpty()) {
        std::lock_guard guard(lock);
        const sqlite3_int64 current = noteChange(f);
        if (size < current)
            noteOverwrite(f, size, current - size, current);
    }
    return inner(f)->pMethods->xTruncate(inner(f), size);
}
int xSync(sqlite3_file* f, int flags)
{
    const int rc = inner(f)->pMethods->xSync(inner(f), flags);
    if (rc == SQLITE_OK && !pathOf(f).isEmpty()) {
        std::lock_guard guard(lock);
        Tracked& t = tracked[pathOf(f)];
        append(header(Synced, t.id));
        t.dirty = false;
    }
    return rc;
}
int xFileSize(sqlite3_file* f, sqlite3_int64* size) { return inner(f)->pMethods->xFileSize(inner(f), size); }
int xLock(sqlite3_file* f, int level) { return inner(f)->pMethods->xLock(inner(f), level); }
int xUnlock(sqlite3_file* f, int level) { return inner(f)->pMethods->xUnlock(inner(f), level); }
int xCheckReservedLock(sqlite3_file* f, int* out) { return inner(f)->pMethods->xCheckReservedLock(inner(f), out); }
int xFileControl(sqlite3_file* f, int op, void* arg) { return inner(f)->pMethods->xFileControl(inner(f), op, arg); }
int xSectorSize(sqlite3_file* f) { return inner(f)->pMethods->xSectorSize(inner(f)); }
int xDeviceCharacteristics(sqlite3_file* f) { return inner(f)->pMethods->xDeviceCharacteristics(inner(f)); }
int xShmMap(sqlite3_file* f, int page, int size, int extend, void volatile** out) { return inner(f)->pMethods->xShmMap(inner(f), page, size, extend, out); }
int xShmLock(sqlite3_file* f, int offset, int n, int flags) { return inner(f)->pMethods->xShmLock(inner(f), offset, n, flags); }
void xShmBarrier(sqlite3_file* f) { inner(f)->pMethods->xShmBarrier(inner(f)); }
int xShmUnmap(sqlite3_file* f, int deleteFlag) { return inner(f)->pMethods->xShmUnmap(inner(f), deleteFlag); }

const sqlite3_io_methods methods = {2, xClose, xRead, xWrite, xTruncate, xSync, xFileSize, xLock, xUnlock,
                                    xCheckReservedLock, xFileControl, xSectorSize, xDeviceCharacteristics,
                                    xShmMap, xShmLock, xShmBarrier, xShmUnmap, nullptr, nullptr};

int xOpen(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* outFlags)
{
    auto* wrapper = reinterpret_cast<File*>(file);
    new (&wrapper->path) QByteArray();
    wrapper->inner = static_cast<sqlite3_file*>(sqlite3_malloc(real->szOsFile));
    if (!wrapper->inner)
        return SQLITE_NOMEM;
    std::memset(wrapper->inner, 0, size_t(real->szOsFile));
    const int rc = real->xOpen(real, name, wrapper->inner, flags, outFlags);
    if (rc != SQLITE_OK) {
        sqlite3_free(wrapper->inner);
        wrapper->inner = nullptr;
        wrapper->base.pMethods = nullptr;
        wrapper->path.~QByteArray();
        return rc;
    }
    const int durable = SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_SUPER_JOURNAL;
    if (name && (flags & durable)) {
        wrapper->path = QByteArray(name);
        std::lock_guard guard(lock);
        if (!tracked.contains(wrapper->path)) {
            const quint32 id = quint32(tracked.size()) + 1;
            tracked.insert(wrapper->path, Tracked{id, false});
            QByteArray record = header(Name, id);
            put(record, quint32(wrapper->path.size()));
            record += wrapper->path;
            append(record);
        }
    }
    wrapper->base.pMethods = &methods;
    return SQLITE_OK;
}

int xDelete(sqlite3_vfs*, const char* name, int syncDir)
{
    const int rc = real->xDelete(real, name, syncDir);
    std::lock_guard guard(lock);
    if (rc == SQLITE_OK && tracked.contains(QByteArray(name))) {
        Tracked& t = tracked[QByteArray(name)];
        append(header(Deleted, t.id));
        t.dirty = false;
    }
    return rc;
}
int xAccess(sqlite3_vfs*, const char* name, int flags, int* out) { return real->xAccess(real, name, flags, out); }
int xFullPathname(sqlite3_vfs*, const char* name, int n, char* out) { return real->xFullPathname(real, name, n, out); }
void* xDlOpen(sqlite3_vfs*, const char* name) { return real->xDlOpen(real, name); }
void xDlError(sqlite3_vfs*, int n, char* out) { real->xDlError(real, n, out); }
void (*xDlSym(sqlite3_vfs*, void* handle, const char* symbol))(void) { return real->xDlSym(real, handle, symbol); }
void xDlClose(sqlite3_vfs*, void* handle) { real->xDlClose(real, handle); }
int xRandomness(sqlite3_vfs*, int n, char* out) { return real->xRandomness(real, n, out); }
int xSleep(sqlite3_vfs*, int micro) { return real->xSleep(real, micro); }
int xCurrentTime(sqlite3_vfs*, double* out) { return real->xCurrentTime(real, out); }
int xGetLastError(sqlite3_vfs*, int n, char* out) { return real->xGetLastError(real, n, out); }
int xCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) { return real->xCurrentTimeInt64(real, out); }

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
    if (real)
        return;
    journal = ::open(QFile::encodeName(journalPath).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0600);
    if (journal < 0)
        std::abort();
    real = sqlite3_vfs_find(nullptr);
    powerCut = sqlite3_vfs{2, int(sizeof(File)), real->mxPathname, nullptr, "powercut", nullptr, xOpen, xDelete, xAccess,
                           xFullPathname, xDlOpen, xDlError, xDlSym, xDlClose, xRandomness, xSleep, xCurrentTime,
                           xGetLastError, xCurrentTimeInt64, nullptr, nullptr, nullptr};
    sqlite3_vfs_register(&powerCut, 1);
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
