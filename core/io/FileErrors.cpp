#include "FileErrors.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;

namespace bs::FileErrors {

namespace {
bool saysDiskFull(const QString& systemText)
{
    return !systemText.isEmpty() && systemText.contains(QString::fromLocal8Bit(std::strerror(ENOSPC)), Qt::CaseInsensitive);
}
}  // namespace

QString reason(const QString& path, Purpose purpose, const QString& systemText)
{
    const QFileInfo info(path);
    const QFileInfo folder(info.absolutePath());
    if (saysDiskFull(systemText))
        return u"de schijf is vol"_s;
    if (info.isDir())
        return u"dit is een map, geen bestand"_s;
    if (!folder.exists())
        return u"de map %1 bestaat niet"_s.arg(QDir::toNativeSeparators(folder.absoluteFilePath()));
    if (purpose == Purpose::Read) {
        if (!info.exists())
            return u"het bestand bestaat niet"_s;
        if (!info.isReadable())
            return u"u hebt geen toestemming om dit bestand te lezen"_s;
    } else {
        if (info.exists() && !info.isWritable())
            return u"u hebt geen toestemming om dit bestand te wijzigen"_s;
        if (!folder.isWritable())
            return u"u hebt geen toestemming om in de map %1 te schrijven"_s.arg(QDir::toNativeSeparators(folder.absoluteFilePath()));
    }
    // Rare causes keep the system's own words, marked as such.
    return systemText.isEmpty() ? u"onbekende oorzaak"_s : u"melding van het systeem: %1"_s.arg(systemText);
}

QString reason(const QFileDevice& file, Purpose purpose)
{
    return reason(file.fileName(), purpose, file.errorString());
}

}  // namespace bs::FileErrors
