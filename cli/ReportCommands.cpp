// report, signal print: the printed documents
#include "CasusSheet.h"
#include "CommandContext.h"
#include "StuurgroepReport.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace bs::cli {

namespace {

// Drawing (fonts, charts) needs the GUI application that main() makes for these commands.
bool canDraw()
{
    return QCoreApplication::instance() && QCoreApplication::instance()->inherits("QApplication");
}

int report(Context& c)
{
    auto period = Period::parse(c.value(u"from"_s), c.value(u"to"_s));
    if (!period.ok())
        return c.fail(period.error());
    if (c.value(u"out"_s).isEmpty())
        return c.fail(Error::invalid(u"out"_s, u"Uitvoerbestand ontbreekt: geef --out RAPPORT.pdf op."_s));
    if (!canDraw())
        return c.fail(Error::rule(u"Het rapport heeft de grafische bibliotheek van Qt nodig; start buurtsignaal-cli opnieuw."_s));
    ReportOptions options{period.value(), {}};
    for (const QString& buurt : c.parser.values(u"buurt"_s)) {
        for (const QString& part : buurt.split(u',', Qt::SkipEmptyParts))
            options.buurten << part.trimmed();
    }
    const Status written = StuurgroepReport::write(*c.registry, options, c.value(u"out"_s));
    if (!written.ok())
        return c.fail(written.error());
    c.err << u"Stuurgroeprapportage geschreven: %1"_s.arg(c.value(u"out"_s)) << Qt::endl;
    return 0;
}

int printSignal(Context& c)
{
    if (c.value(u"out"_s).isEmpty())
        return c.fail(Error::invalid(u"out"_s, u"Uitvoerbestand ontbreekt: geef --out CASUS.pdf op."_s));
    if (!canDraw())
        return c.fail(Error::rule(u"Het casusoverlegblad heeft de grafische bibliotheek van Qt nodig; start buurtsignaal-cli opnieuw."_s));
    const Status written = CasusSheet::write(*c.registry, c.positional.at(0), c.value(u"out"_s));
    if (!written.ok())
        return c.fail(written.error());
    c.err << u"Casusoverlegblad geschreven: %1"_s.arg(c.value(u"out"_s)) << Qt::endl;
    return 0;
}

}  // namespace

QList<Command> reportCommands()
{
    return {
        {{u"report"_s}, {}, 0, u"Stuurgroeprapportage (PDF, A4) voor een periode; alleen cijfers, kleine aantallen als <5."_s,
         {opt(u"from"_s, u"Begindatum dd-mm-jjjj."_s, u"DATUM"_s),
          opt(u"to"_s, u"Einddatum dd-mm-jjjj."_s, u"DATUM"_s),
          opt(u"out"_s, u"Uitvoerbestand (.pdf)."_s, u"FILE"_s), opt(u"buurt"_s, u"Alleen deze buurt(en); herhaalbaar."_s, u"NAAM"_s)},
         Registry::Create::No, true, report},
        {{u"signal"_s, u"print"_s}, u"REF"_s, 1, u"Casusoverlegblad (PDF, A4) van één signaal; vertrouwelijk, wordt gelogd als afgedrukt."_s,
         {opt(u"out"_s, u"Uitvoerbestand (.pdf)."_s, u"FILE"_s)}, Registry::Create::No, true, printSignal},
    };
}

}  // namespace bs::cli
