// import meldingen
#include "Cli.h"
#include "CommandContext.h"
#include "io/FileErrors.h"
#include "io/MeldingImport.h"

#include <QFile>
#include <QFileInfo>

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

int importMeldingen(Context& c)
{
    auto mappingText = readAll(c.value(u"mapping"_s), u"mapping"_s);
    if (!mappingText.ok())
        return c.fail(mappingText.error());
    auto mapping = MeldingMapping::fromJson(mappingText.value());
    if (!mapping.ok())
        return c.fail(mapping.error());
    auto content = readAll(c.positional.at(0), u"file"_s);
    if (!content.ok())
        return c.fail(content.error());
    auto report = MeldingImport::run(*c.registry, content.value(), mapping.value(), QFileInfo(c.positional.at(0)).fileName(),
                                     c.isSet(u"dry-run"_s));
    if (!report.ok())
        return c.fail(report.error());
    const ImportReport& r = report.value();
    for (const ImportProblem& p : r.problems)
        c.out << u"regel %1, kolom %2: %3\n"_s.arg(p.row).arg(p.column, p.reason);
    c.out.flush();
    if (r.problemCount > 0) {
        c.err << u"Niets geïmporteerd: %1 regel(s) kunnen niet worden ingelezen (zie boven; gelezen: %2, codering %3)."_s
                     .arg(r.problemCount)
                     .arg(r.rowsRead)
                     .arg(r.encoding)
              << Qt::endl;
        return ExitCode::Refused;
    }
    c.out << u"%1 regels gelezen (%2, scheidingsteken '%3'): %4 %5, %6 stonden al in het register."_s.arg(r.rowsRead)
                 .arg(r.encoding, QString(r.separator))
                 .arg(r.written ? r.imported : r.rowsRead - r.alreadyPresent)
                 .arg(r.written ? u"geïmporteerd"_s : u"zouden worden geïmporteerd (--dry-run)"_s)
                 .arg(r.alreadyPresent)
          << Qt::endl;
    return 0;
}

}  // namespace

QList<Command> importCommands()
{
    return {
        {{u"import"_s, u"meldingen"_s}, u"FILE.csv"_s, 1,
         u"Meldingen (FIXIE, politie, Signalen) importeren als signalen; alles of niets per bestand."_s,
         {opt(u"mapping"_s, u"Koppelbestand (JSON) van kolommen, categorieën en statussen; zie docs/import-meldingen.md."_s, u"MAP.json"_s),
          opt(u"dry-run"_s, u"Alleen controleren, niets opslaan."_s)},
         Registry::Create::No, true, importMeldingen},
    };
}

}  // namespace bs::cli
