// libFuzzer target for everything that reads an outside file before a person has seen it: the
// encoding detection, the CSV reader, the import mapping parser, the zip reader and the join of
// Signalen's export, and the dates of exports.
#include "domain/DutchDates.h"
#include "io/Csv.h"
#include "io/MeldingImport.h"
#include "io/SignalenExport.h"
#include "io/TextDecoding.h"
#include "io/ZipReader.h"

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
    (void)bs::DutchDates::parseExported(text.left(60));
    // Small limits so a crafted size field cannot make the fuzzer itself run out of memory.
    bs::ZipReader::Limits limits;
    limits.maxEntrySize = 1 << 20;
    limits.maxTotalSize = 4 << 20;
    if (auto entries = bs::ZipReader::read(bytes, limits); entries.ok()) {
        for (const bs::ZipReader::Entry& entry : entries.value()) {
            if (entry.data.size() > limits.maxEntrySize)
                __builtin_trap();
        }
    }
    if (bs::ZipReader::looksLikeZip(bytes) && bytes.size() < (1 << 16))
        (void)bs::SignalenExport::flatten(bytes);
    return 0;
}
