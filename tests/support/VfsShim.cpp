#include "VfsShim.h"

#include <cstring>

namespace bs::test::VfsShim {

namespace {

sqlite3_vfs* real = nullptr;
sqlite3_vfs shim;
Hooks hooks;

int xClose(sqlite3_file* f)
{
    if (hooks.closing)
        hooks.closing(state(f));
    const int rc = inner(f)->pMethods ? inner(f)->pMethods->xClose(inner(f)) : SQLITE_OK;
    sqlite3_free(inner(f));
    return rc;
}
int xRead(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset) { return inner(f)->pMethods->xRead(inner(f), buffer, amount, offset); }
int xWrite(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset)
{
    return hooks.write ? hooks.write(f, buffer, amount, offset) : inner(f)->pMethods->xWrite(inner(f), buffer, amount, offset);
}
int xTruncate(sqlite3_file* f, sqlite3_int64 size)
{
    return hooks.truncate ? hooks.truncate(f, size) : inner(f)->pMethods->xTruncate(inner(f), size);
}
int xSync(sqlite3_file* f, int flags) { return hooks.sync ? hooks.sync(f, flags) : inner(f)->pMethods->xSync(inner(f), flags); }
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
    wrapper->state = nullptr;
    wrapper->inner = static_cast<sqlite3_file*>(sqlite3_malloc(real->szOsFile));
    if (!wrapper->inner)
        return SQLITE_NOMEM;
    std::memset(wrapper->inner, 0, size_t(real->szOsFile));
    const int rc = real->xOpen(real, name, wrapper->inner, flags, outFlags);
    if (rc != SQLITE_OK) {
        sqlite3_free(wrapper->inner);
        wrapper->inner = nullptr;
        wrapper->base.pMethods = nullptr;
        return rc;
    }
    if (hooks.opened)
        wrapper->state = hooks.opened(name, flags);
    wrapper->base.pMethods = &methods;
    return SQLITE_OK;
}

int xDelete(sqlite3_vfs*, const char* name, int syncDir)
{
    const int rc = real->xDelete(real, name, syncDir);
    if (rc == SQLITE_OK && hooks.deleted)
        hooks.deleted(name);
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

}  // namespace

void install(const char* name, const Hooks& withHooks)
{
    if (real)
        return;
    hooks = withHooks;
    real = sqlite3_vfs_find(nullptr);
    shim = sqlite3_vfs{2, int(sizeof(File)), real->mxPathname, nullptr, name, nullptr, xOpen, xDelete, xAccess,
                       xFullPathname, xDlOpen, xDlError, xDlSym, xDlClose, xRandomness, xSleep, xCurrentTime,
                       xGetLastError, xCurrentTimeInt64, nullptr, nullptr, nullptr};
    sqlite3_vfs_register(&shim, 1);
}

}  // namespace bs::test::VfsShim
