#include "TextDecoding.h"

#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace bs::TextDecoding {

namespace {

// Windows-1252 differs from Latin-1 only in 0x80..0x9F; undefined bytes become U+FFFD.
QString fromWindows1252(const QByteArray& bytes)
{
    static const char16_t high[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    QString out;
    out.reserve(bytes.size());
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        out += (byte >= 0x80 && byte < 0xA0) ? QChar(high[byte - 0x80]) : QChar(char16_t(byte));
    }
    return out;
}

}  // namespace

QString decode(const QByteArray& bytes, Encoding* detected)
{
    auto report = [detected](Encoding e) {
        if (detected)
            *detected = e;
    };
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        report(Encoding::Utf8Bom);
        return QString::fromUtf8(bytes.mid(3));
    }
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        const bool little = bytes.startsWith("\xFF\xFE");
        report(little ? Encoding::Utf16Le : Encoding::Utf16Be);
        QStringDecoder decoder(little ? QStringConverter::Utf16LE : QStringConverter::Utf16BE);
        return decoder(bytes.mid(2));
    }
    QStringDecoder utf8(QStringConverter::Utf8);
    const QString text = utf8(bytes);
    if (!utf8.hasError()) {
        report(Encoding::Utf8);
        return text;
    }
    report(Encoding::Windows1252);
    return fromWindows1252(bytes);
}

QString name(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8: return u"UTF-8"_s;
    case Encoding::Utf8Bom: return u"UTF-8 met BOM"_s;
    case Encoding::Utf16Le: return u"UTF-16 (LE)"_s;
    case Encoding::Utf16Be: return u"UTF-16 (BE)"_s;
    case Encoding::Windows1252: return u"Windows-1252"_s;
    }
    return {};
}

}  // namespace bs::TextDecoding
