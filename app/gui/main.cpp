// buurtsignaal: the desktop application. Loads the Dutch translation and shows the main window on
// the registry named on the command line, or the last one used, or (a first start, or a registry
// that cannot be opened) the start page.
#include "Clock.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Buurtsignaal"_s);
    QApplication::setApplicationName(u"buurtsignaal"_s);
    QApplication::setApplicationDisplayName(u"Buurtsignaal"_s);
    QApplication::setApplicationVersion(QStringLiteral(BUURTSIGNAAL_VERSION));

    // Dutch unless explicitly asked for the English source texts.
    QTranslator qtTranslator;
    QTranslator appTranslator;
    if (qEnvironmentVariable("BUURTSIGNAAL_LANG") != u"en"_s) {
        QLocale::setDefault(QLocale(QLocale::Dutch, QLocale::Netherlands));
        if (qtTranslator.load(u"qtbase_nl"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QApplication::installTranslator(&qtTranslator);
        if (appTranslator.load(u":/i18n/buurtsignaal_nl.qm"_s))
            QApplication::installTranslator(&appTranslator);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Registry of signals for the Buurtaanpak."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(u"db"_s, QApplication::translate("main", "Registry file to open."), u"FILE"_s);
    parser.addOption(db);
    // The desktop entry and a double-click on a .buurtsignaal file pass the file as an argument.
    parser.addPositionalArgument(u"file"_s, QApplication::translate("main", "Registry file to open (the same as --db)."),
                                 u"[FILE]"_s);
    parser.process(app);
    // The installed icon theme's icon, or the one compiled in when run from a build folder.
    QApplication::setWindowIcon(QIcon::fromTheme(u"buurtsignaal"_s, QIcon(u":/icons/buurtsignaal-256.png"_s)));

    const bs::Clock& clock = bs::programClock();

    bs::MainWindow window(clock);
    window.show();
    const QStringList files = parser.positionalArguments();
    window.start(parser.isSet(db) || files.isEmpty() ? parser.value(db) : files.constFirst());
    return app.exec();
}
