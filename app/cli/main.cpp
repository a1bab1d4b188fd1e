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
    // Tests and demonstrations may pin "today"; terms and late flags then follow that date.
    const QDate pinned = QDate::fromString(qEnvironmentVariable("BUURTSIGNAAL_TODAY"), Qt::ISODate);
    bs::SystemClock systemClock;
    bs::FixedClock fixedClock(pinned);
    const bs::Clock& clock = pinned.isValid() ? static_cast<const bs::Clock&>(fixedClock) : systemClock;
    return bs::runCli(QCoreApplication::arguments(), out, err, clock);
}
