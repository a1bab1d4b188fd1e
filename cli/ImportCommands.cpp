// import meldingen, import straten
#include "Cli.h"
#include "CommandContext.h"
#include "domain/DutchLocale.h"
#include "io/FileErrors.h"
#include "io/MeldingImport.h"
#include "io/StreetImport.h"

#include <QFile>
#include <QFileInfo>

#include <optional>

using namespace Qt::StringLiterals;

namespace bs::cli {

namespace {

Result<QByteArray> readAll(const QString& path, const QString& field)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::invalid(field, u"Het bestand %1 kan niet worden gelezen: %2."_s.arg(path, FileErrors::reason(file, FileErrors::Purpose::Read)));
    return file.readAll();
}

// The preset, extended by the municipality's own mapping file; or only the mapping file.
Result<MeldingMapping> mappingOf(Context& c)
{
    const bool hasPreset = c.isSet(u"preset"_s);
    const bool hasMapping = c.isSet(u"mapping"_s);
    if (!hasPreset && !hasMapping) {
        return Error::invalid(u"mapping"_s, u"Geef --preset (%1) en/of --mapping KOPPELING.json."_s.arg(
                                                MeldingMapping::presets().join(u", "_s)));
    }
    std::optional<MeldingMapping> preset;
    if (hasPreset) {
        auto loaded = MeldingMapping::preset(c.value(u"preset"_s));
        if (!loaded.ok())
            return loaded.error();
        preset = loaded.value();
        if (!hasMapping)
            return preset.value();
    }
    auto text = readAll(c.value(u"mapping"_s), u"mapping"_s);
    if (!text.ok())
        return text.error();
    return MeldingMapping::fromJson(text.value(), preset ? &preset.value() : nullptr);
}

int importMeldingen(Context& c)
{
    auto mapping = mappingOf(c);
    if (!mapping.ok())
        return c.fail(mapping.error());
    auto content = readAll(c.positional.at(0), u"file"_s);
    if (!content.ok())
        return c.fail(content.error());
    const ImportOptions options{c.isSet(u"dry-run"_s), c.isSet(u"update"_s)};
    auto report = MeldingImport::run(*c.registry, content.value(), mapping.value(), QFileInfo(c.positional.at(0)).fileName(), options);
    if (!report.ok())
        return c.fail(report.error());
    const ImportReport& r = report.value();
    for (const ImportProblem& p : r.problems)
        c.out << u"regel %1, kolom %2: %3\n"_s.arg(p.row).arg(p.column, p.reason);
    if (const QString cut = MeldingImport::cutNotice(r); !cut.isEmpty())
        c.out << cut << u'\n';
    c.out.flush();
    if (r.problemCount > 0) {
        c.err << u"Niets geïmporteerd: %1 van de %2 regels %3 niet worden ingelezen (%4, zie boven; codering %5)."_s
                     .arg(dutchLocale().toString(r.rowsWithProblems), dutchLocale().toString(r.rowsRead))
                     .arg(r.rowsWithProblems == 1 ? u"kan"_s : u"kunnen"_s)
                     .arg(countOf(r.problemCount, u"probleem"_s, u"problemen"_s))
                     .arg(r.encoding)
              << Qt::endl;
        return ExitCode::Refused;
    }
    const QString separator = r.separator.isNull() ? QString() : u", scheidingsteken '%1'"_s.arg(r.separator);
    QStringList parts;
    if (r.written) {
        parts << u"%1 geïmporteerd"_s.arg(r.imported);
        if (options.update)
            parts << u"%1 bijgewerkt"_s.arg(r.updated);
    } else {
        parts << u"%1 zouden worden geïmporteerd"_s.arg(r.imported);
        if (options.update)
            parts << u"%1 zouden worden bijgewerkt"_s.arg(r.updated);
    }
    parts << u"%1 stonden al in het register"_s.arg(r.alreadyPresent);
    if (r.skipped > 0)
        parts << u"%1 overgeslagen volgens de koppeling"_s.arg(r.skipped);
    c.out << u"%1 regels gelezen (%2%3): %4%5."_s.arg(r.rowsRead)
                 .arg(r.encoding, separator, parts.join(u", "_s), r.written ? QString() : u" (--dry-run: niets opgeslagen)"_s)
          << Qt::endl;
    return 0;
}

int importStraten(Context& c)
{
    auto content = readAll(c.positional.at(0), u"file"_s);
    if (!content.ok())
        return c.fail(content.error());
    auto count = StreetImport::replaceAll(*c.registry, content.value());
    if (!count.ok())
        return c.fail(count.error());
    c.out << u"Stratenlijst vervangen: %1 straten."_s.arg(count.value()) << Qt::endl;
    return 0;
}

}  // namespace

QList<Command> importCommands()
{
    return {
        {{u"import"_s, u"meldingen"_s}, u"FILE"_s, 1,
         u"Meldingen (Signalen, FixMyStreet, Fixi, politie) importeren als signalen; alles of niets per bestand. FILE is een "
         "CSV-bestand of de zip-export van Signalen."_s,
         {opt(u"preset"_s, u"Voorinstelling van een bekend systeem: %1."_s.arg(MeldingMapping::presets().join(u", "_s)), u"NAAM"_s),
          opt(u"mapping"_s, u"Koppelbestand (JSON) van kolommen, categorieën en statussen; vult een voorinstelling aan. Zie "
                           "docs/import-meldingen.md."_s,
              u"MAP.json"_s),
          opt(u"update"_s, u"Meldingen die er al zijn krijgen de status en afhandeldatum uit het bestand."_s),
          opt(u"dry-run"_s, u"Alleen controleren, niets opslaan."_s)},
         Registry::Create::No, true, importMeldingen},
        {{u"import"_s, u"straten"_s}, u"FILE.csv"_s, 1,
         u"De stratenlijst (kolommen straat;buurt) vervangen: de buurt van meldingen met alleen een straat."_s, {},
         Registry::Create::No, true, importStraten},
    };
}

}  // namespace bs::cli
