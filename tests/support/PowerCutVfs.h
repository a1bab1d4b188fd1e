#pragma once
// A SQLite VFS for the power-cut harness. A SIGKILL leaves the operating system's cache intact, so
// it proves atomicity only; a power cut also loses every write a file had not yet synced. This
// VFS passes everything to the real one and, before each write or truncation of a database,
// write-ahead log or journal file, appends to an undo journal what that write is about to change
// (the file's size at its first change since its last xSync, and the bytes about to be
// overwritten), and after each successful xSync a mark that the file is on the disk. The journal
// is appended with plain write(2): it survives a SIGKILL of the writer as the files do.
//
// After the writer is killed, cutPower() plays the journal back: per file, every change since that
// file's last sync is undone (the bytes put back, the size restored), as a disk without its cache
// would have it; optionally the last write is torn at a 512-byte boundary (its first part kept).
// Files that no longer exist at their path (a backup's ".part" renamed after its own fsync) are
// left alone. Not simulated: losing a directory entry that was never synced.

#include <QString>

namespace bs::test::PowerCutVfs {

// In the writer process, before the first connection: the undo journal goes to `journalPath`.
void install(const QString& journalPath);

struct CutReport {
    int files = 0;           // files that had unsynced changes
    qint64 writesUndone = 0;
    qint64 bytesRestored = 0;
    bool torn = false;       // the last write was kept in part
    QString error;           // the journal could not be read or a file not restored
};

// In the harness, after the writer died: undo every unsynced change. `tearSeed` 0: no tearing.
CutReport cutPower(const QString& journalPath, quint32 tearSeed);

}  // namespace bs::test::PowerCutVfs
