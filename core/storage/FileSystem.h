#pragma once
// Where the registry file lives. SQLite's locking is not safe on network filesystems (NFS, SMB,
// FUSE mounts): two offices writing one file there can corrupt it. The app warns and points to
// the shared (server) mode instead.

#include <QString>

namespace bs::FileSystem {

// The name of a network filesystem type (statfs f_type), or empty for a local one.
QString networkKind(quint64 magic);

// A Dutch warning when `path` (or its folder) is on a network filesystem, else empty.
QString networkShareWarning(const QString& path);

}  // namespace bs::FileSystem
