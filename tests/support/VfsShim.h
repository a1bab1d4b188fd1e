#pragma once
// The common part of the test VFSes (FaultyVfs, PowerCutVfs): a SQLite VFS that passes every call
// to the real one, registered as the default so Qt's SQLite driver in this process uses it, with
// hooks where a test VFS changes what happens.

#include <sqlite3.h>

namespace bs::test::VfsShim {

struct File {
    sqlite3_file base;    // must come first: SQLite sees this struct as an sqlite3_file
    sqlite3_file* inner;  // the real VFS's file
    void* state;          // the hooks' own, per file
};

inline sqlite3_file* inner(sqlite3_file* f) { return reinterpret_cast<File*>(f)->inner; }
inline void* state(sqlite3_file* f) { return reinterpret_cast<File*>(f)->state; }

struct Hooks {
    // Instead of the real call; each calls through to `inner(f)` itself when it lets it happen.
    int (*write)(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset) = nullptr;
    int (*truncate)(sqlite3_file* f, sqlite3_int64 size) = nullptr;
    int (*sync)(sqlite3_file* f, int flags) = nullptr;
    // After the real open succeeded: the file's `state`; before the real close: release it.
    void* (*opened)(const char* name, int flags) = nullptr;
    void (*closing)(void* state) = nullptr;
    // After the real delete succeeded.
    void (*deleted)(const char* name) = nullptr;
};

// Registers the shim named `name` with `hooks` as the default VFS (once per process).
void install(const char* name, const Hooks& hooks);

}  // namespace bs::test::VfsShim
