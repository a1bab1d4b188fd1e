#pragma once
// Why a file could not be read or written, in Dutch. Qt and the operating system explain in
// English ("No such file or directory"); people get the common reasons in their own words: the file
// or its folder does not exist, it is a folder, there is no permission, the disk is full.

#include <QFileDevice>
#include <QString>

namespace bs::FileErrors {

enum class Purpose { Read, Write };

// A short reason without a final full stop, to follow "... kan niet worden gelezen: ".
QString reason(const QFileDevice& file, Purpose purpose);
QString reason(const QString& path, Purpose purpose, const QString& systemText = {});

}  // namespace bs::FileErrors
