// buurtsignaal-cli: wires the command-line library to the process's streams and the system clock.
#include "Cli.h"
#include "Clock.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Buurtsignaal"_s);
    QCoreApplication::setApplicationName(u"buurtsignaal"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(BUURTSIGNAAL_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    const bs::Clock& clock = bs::programClock();
    return bs::runCli(QCoreApplication::arguments(), out, err, clock);
}
