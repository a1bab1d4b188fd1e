#include "FileSystem.h"

#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_LINUX
#include <sys/vfs.h>
#endif

using namespace Qt::StringLiterals;

namespace bs::FileSystem {

QString networkKind(quint64 magic)
{
    switch (magic) {
    case 0x6969: return u"NFS"_s;
    case 0x517B: return u"SMB"_s;
    case 0xFF534D42: return u"CIFS"_s;
    case 0xFE534D42: return u"SMB2"_s;
    case 0x65735546: return u"FUSE (bijvoorbeeld sshfs)"_s;
    case 0x01021997: return u"9P"_s;
    case 0x5346414F: return u"AFS"_s;
    case 0x00C36400: return u"CephFS"_s;
    case 0x47504653: return u"GPFS"_s;
    default: return {};
    }
}

QString networkShareWarning(const QString& path)
{
#ifdef Q_OS_LINUX
    const QFileInfo info(path);
    const QString probe = info.exists() ? info.absoluteFilePath() : info.absolutePath();
    struct statfs fs {};
    if (::statfs(QFile::encodeName(probe).constData(), &fs) != 0)
        return {};
    const QString kind = networkKind(quint64(fs.f_type) & 0xFFFFFFFFu);
    if (kind.isEmpty())
        return {};
    return u"Het register staat op een netwerkschijf (%1). SQLite kan daar het gelijktijdig schrijven niet veilig "
           "regelen: gegevens kunnen beschadigd raken. Zet het register op een lokale schijf, of gebruik de gedeelde "
           "servermodus (PostgreSQL) als meerdere kantoren één register delen."_s.arg(kind);
#else
    Q_UNUSED(path);
    return {};
#endif
}

}  // namespace bs::FileSystem
