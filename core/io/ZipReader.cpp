#include "ZipReader.h"

#include <QSet>

#include <algorithm>

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace bs::ZipReader {

namespace {

constexpr quint32 localSignature = 0x04034b50;
constexpr quint32 centralSignature = 0x02014b50;
constexpr quint32 endSignature = 0x06054b50;
constexpr qsizetype endRecordSize = 22;

quint16 u16(const QByteArray& b, qsizetype at)
{
    return quint16(quint8(b[at]) | (quint8(b[at + 1]) << 8));
}

quint32 u32(const QByteArray& b, qsizetype at)
{
    return quint32(u16(b, at)) | (quint32(u16(b, at + 2)) << 16);
}

Error refused(const QString& why)
{
    return Error::invalid(u"file"_s, u"Het zip-bestand kan niet worden gelezen: %1."_s.arg(why));
}

// The entry's name as a plain relative path: no absolute path, no drive, no '..', no backslash.
bool plainName(const QString& name)
{
    if (name.isEmpty() || name.startsWith(u'/') || name.contains(u'\\') || name.contains(u':') || name.contains(QChar(0)))
        return false;
    const QStringList parts = name.split(u'/');
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString& part = parts.at(i);
        if (part == u".."_s || part == u"."_s || (part.isEmpty() && i != parts.size() - 1))
            return false;
    }
    return true;
}

Result<QByteArray> inflateRaw(const QByteArray& compressed, qint64 expectedSize, const QString& name)
{
    QByteArray out;
    out.resize(qsizetype(expectedSize));
    z_stream stream {};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
        return refused(u"zlib kan niet worden gestart"_s);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.constData()));
    stream.avail_in = uInt(compressed.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = inflate(&stream, Z_FINISH);
    const qint64 produced = qint64(stream.total_out);
    inflateEnd(&stream);
    // Z_BUF_ERROR with no room left: the data is larger than the archive says.
    if (result != Z_STREAM_END || produced != expectedSize)
        return refused(u"'%1' is beschadigd of groter dan opgegeven"_s.arg(name));
    return out;
}

}  // namespace

bool looksLikeZip(const QByteArray& bytes)
{
    return bytes.size() >= 4 && u32(bytes, 0) == localSignature;
}

Result<QList<Entry>> read(const QByteArray& archive, const Limits& limits)
{
    if (archive.size() < endRecordSize)
        return refused(u"het is te kort"_s);
    if (archive.size() > 0xFFFFFFFFLL)
        return refused(u"het is groter dan 4 GB (zip64 wordt niet ondersteund)"_s);
    // The end record is the last thing in the file, followed by a comment of at most 64 KiB.
    qsizetype end = -1;
    const qsizetype lowest = qMax<qsizetype>(0, archive.size() - endRecordSize - 0xFFFF);
    for (qsizetype at = archive.size() - endRecordSize; at >= lowest; --at) {
        if (u32(archive, at) == endSignature && at + endRecordSize + u16(archive, at + 20) == archive.size()) {
            end = at;
            break;
        }
    }
    if (end < 0)
        return refused(u"het einde van de inhoudsopgave ontbreekt"_s);
    if (u16(archive, end + 4) != 0 || u16(archive, end + 6) != 0 || u16(archive, end + 8) != u16(archive, end + 10))
        return refused(u"het is verdeeld over meer delen"_s);
    const int count = u16(archive, end + 10);
    const qint64 directorySize = u32(archive, end + 12);
    const qint64 directoryOffset = u32(archive, end + 16);
    if (count == 0xFFFF || directorySize == 0xFFFFFFFF || directoryOffset == 0xFFFFFFFF)
        return refused(u"het is een zip64-archief; dat wordt niet ondersteund"_s);
    if (count > limits.maxEntries)
        return refused(u"het bevat meer dan %1 bestanden"_s.arg(limits.maxEntries));
    if (directoryOffset + directorySize > end)
        return refused(u"de inhoudsopgave ligt buiten het bestand"_s);

    QList<Entry> entries;
    QSet<QString> names;
    qint64 total = 0;
    qsizetype at = qsizetype(directoryOffset);
    for (int i = 0; i < count; ++i) {
        if (at + 46 > end || u32(archive, at) != centralSignature)
            return refused(u"de inhoudsopgave is beschadigd"_s);
        const quint16 flags = u16(archive, at + 8);
        const quint16 method = u16(archive, at + 10);
        const quint32 crc = u32(archive, at + 16);
        const qint64 compressedSize = u32(archive, at + 20);
        const qint64 size = u32(archive, at + 24);
        const qsizetype nameLength = u16(archive, at + 28);
        const qsizetype extraLength = u16(archive, at + 30);
        const qsizetype commentLength = u16(archive, at + 32);
        const qint64 localOffset = u32(archive, at + 42);
        if (at + 46 + nameLength + extraLength + commentLength > end)
            return refused(u"de inhoudsopgave is beschadigd"_s);
        const QByteArray rawName = archive.mid(at + 46, nameLength);
        at += 46 + nameLength + extraLength + commentLength;
        // Bit 11: the name is UTF-8; otherwise it is CP437, of which only ASCII is accepted here.
        const QString name = QString::fromUtf8(rawName);
        if (!(flags & 0x800) && std::any_of(rawName.cbegin(), rawName.cend(), [](char c) { return quint8(c) >= 0x80; }))
            return refused(u"een bestandsnaam is niet in UTF-8"_s);
        if (!plainName(name))
            return refused(u"de bestandsnaam '%1' is geen gewoon pad binnen het archief"_s.arg(name));
        if (flags & 0x1)
            return refused(u"'%1' is versleuteld"_s.arg(name));
        if (compressedSize == 0xFFFFFFFF || size == 0xFFFFFFFF || localOffset == 0xFFFFFFFF)
            return refused(u"'%1' is een zip64-item; dat wordt niet ondersteund"_s.arg(name));
        if (name.endsWith(u'/')) {
            if (size != 0)
                return refused(u"de map '%1' heeft inhoud"_s.arg(name));
            continue;
        }
        if (names.contains(name))
            return refused(u"'%1' staat er twee keer in"_s.arg(name));
        names.insert(name);
        if (method != 0 && method != 8)
            return refused(u"'%1' is ingepakt met methode %2; alleen opgeslagen en deflate worden gelezen"_s.arg(name).arg(method));
        if (size > limits.maxEntrySize || total + size > limits.maxTotalSize)
            return refused(u"'%1' is uitgepakt te groot (%2 bytes)"_s.arg(name).arg(size));
        if (method == 0 && compressedSize != size)
            return refused(u"'%1' heeft tegenstrijdige groottes"_s.arg(name));
        if (method == 8 && size > qMax<qint64>(compressedSize, 1) * limits.maxRatio)
            return refused(u"'%1' pakt onwaarschijnlijk groot uit (zip-bom?)"_s.arg(name));
        total += size;

        if (localOffset + 30 > directoryOffset || u32(archive, qsizetype(localOffset)) != localSignature)
            return refused(u"'%1' staat niet waar de inhoudsopgave zegt"_s.arg(name));
        const qsizetype dataOffset = qsizetype(localOffset) + 30 + u16(archive, qsizetype(localOffset) + 26)
                                   + u16(archive, qsizetype(localOffset) + 28);
        if (dataOffset + compressedSize > directoryOffset)
            return refused(u"'%1' loopt door tot buiten zijn plaats"_s.arg(name));
        const QByteArray stored = archive.mid(dataOffset, qsizetype(compressedSize));
        QByteArray data;
        if (method == 0) {
            data = stored;
        } else {
            auto inflated = inflateRaw(stored, size, name);
            if (!inflated.ok())
                return inflated.error();
            data = inflated.value();
        }
        const uLong actualCrc = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(data.constData()), uInt(data.size()));
        if (quint32(actualCrc) != crc)
            return refused(u"'%1' is beschadigd (controlegetal klopt niet)"_s.arg(name));
        entries << Entry{name, data};
    }
    return entries;
}

}  // namespace bs::ZipReader
