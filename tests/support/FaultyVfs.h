#pragma once
// A SQLite VFS for tests that passes everything to the real one, except that it can be told to
// fail writes: as a full disk (SQLITE_FULL) or an I/O error (SQLITE_IOERR_WRITE). Registered as
// the default VFS, so Qt's SQLite driver in this process uses it.

namespace bs::test::FaultyVfs {

enum class Fault { None, DiskFull, IoError };

void install();           // once per process
void arm(Fault fault);    // every write fails from now on, until arm(Fault::None)
int failedWrites();       // writes refused since the last arm()

}  // namespace bs::test::FaultyVfs
