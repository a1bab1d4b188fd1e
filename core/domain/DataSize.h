#pragma once
// File sizes as people read them: decimal units with a Dutch decimal comma ("25,4 MB"), the way
// file managers and disk labels count, not the binary MiB of QLocale::formattedDataSize.

#include <QString>

namespace bs::DataSize {

QString text(qint64 bytes);

}  // namespace bs::DataSize
