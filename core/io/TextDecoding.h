#pragma once
// Files from other systems arrive in whatever encoding the exporting program used: UTF-8 with
// or without a byte-order mark, UTF-16 with one, or Windows-1252 (Dutch Excel). This decides.

#include <QByteArray>
#include <QString>

namespace bs::TextDecoding {

enum class Encoding { Utf8, Utf8Bom, Utf16Le, Utf16Be, Windows1252 };

QString decode(const QByteArray& bytes, Encoding* detected = nullptr);
QString name(Encoding encoding);

}  // namespace bs::TextDecoding
