#pragma once
// A small, strict reader of zip archives as export systems write them (Signalen's export is a zip
// of CSV files). Only what such an archive needs: one disk, stored or deflated entries, sizes
// below 4 GiB (no zip64), no encryption, plain relative names. Anything else is refused with a
// Dutch message (field "file") rather than guessed at: the archive comes from outside.

#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace bs::ZipReader {

struct Entry {
    QString name;  // path inside the archive, '/' separated
    QByteArray data;
};

struct Limits {
    qint64 maxEntrySize = 512LL * 1024 * 1024;   // uncompressed bytes of one entry
    qint64 maxTotalSize = 1024LL * 1024 * 1024;  // of all entries together
    int maxEntries = 1000;
    int maxRatio = 1000;  // uncompressed / compressed, against zip bombs
};

// True when the bytes start like a zip archive (a local file header).
bool looksLikeZip(const QByteArray& bytes);

// Every file entry (directories left out), checked (sizes, CRC-32) and unpacked.
Result<QList<Entry>> read(const QByteArray& archive, const Limits& limits = {});

}  // namespace bs::ZipReader
