// buurtsignaal: the desktop application. Loads the Dutch translation, opens the registry named
// on the command line (or the last one used, or the user's own) and shows the main window.
#include "Clock.h"
#include "MainWindow.h"
#include "storage/Location.h"
#include "Registry.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
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
    parser.process(app);

    const bs::Clock& clock = bs::programClock();

    bs::MainWindow window(clock);
    window.show();
    if (parser.isSet(db)) {
        window.openRegistry(parser.value(db), false);
    } else {
        const QString last = QSettings().value(u"registry/last"_s).toString();
        auto lastServer = bs::Location::parse(last);
        if (!last.isEmpty() && lastServer.ok() && lastServer->isServer())
            window.openServerLogin(lastServer->server);  // the password was never kept: asked again
        else if (last.isEmpty() || !QFileInfo::exists(last) || !window.openRegistry(last, false))
            window.openRegistry(bs::Registry::defaultPath(), true);
    }
    return app.exec();
}
