// libFuzzer target for everything that reads an outside file before a person has seen it: the
// encoding detection, the CSV reader and the import mapping parser.
#include "io/Csv.h"
#include "io/MeldingImport.h"
#include "io/TextDecoding.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const QString text = bs::TextDecoding::decode(bytes);
    const QChar separator = bs::Csv::detectSeparator(text);
    const bs::Csv::Parsed parsed = bs::Csv::parseChecked(text, separator);
    // What the reader promises: one start line per row, no more columns than allowed.
    if (parsed.rows.size() != parsed.lineOfRow.size())
        __builtin_trap();
    for (const QStringList& row : parsed.rows) {
        if (row.size() > bs::Csv::ParseLimits().maxColumns)
            __builtin_trap();
    }
    (void)bs::Csv::parse(text, separator);
    (void)bs::MeldingMapping::fromJson(bytes);
    (void)bs::MeldingImport::parseDutchDate(text.left(40));
    return 0;
}
