// buurtsignaal-cli: wires the command-line library to the process's streams and the system clock.
#include "Cli.h"
#include "Clock.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTranslator>

#include <memory>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    // Only the report and the casusoverleg sheet draw (charts, fonts): they get a GUI application,
    // offscreen when there is no display; every other command stays a plain console program.
    bool drawing = false;
    for (int i = 1; i < argc; ++i) {
        drawing = drawing || qstrcmp(argv[i], "report") == 0
                  || (qstrcmp(argv[i], "print") == 0 && qstrcmp(argv[i - 1], "signal") == 0);
    }
    if (drawing && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application(drawing ? new QApplication(argc, argv) : new QCoreApplication(argc, argv));
    QTranslator translator;
    if (drawing && translator.load(u":/i18n/buurtsignaal_nl.qm"_s))
        QCoreApplication::installTranslator(&translator);
    QCoreApplication::setOrganizationName(u"Buurtsignaal"_s);
    QCoreApplication::setApplicationName(u"buurtsignaal"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(BUURTSIGNAAL_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    const bs::Clock& clock = bs::programClock();
    return bs::runCli(QCoreApplication::arguments(), out, err, clock);
}
