// Renders every screen offscreen at 1366x768 with demo data into PNG files, so a person can look
// at them: buurtsignaal-screenshots OUTDIR [--signals N]
// It makes its own demo registry in a temporary folder, as the beheerder m.jansen, and shows it as
// m.jansen whoever runs it (BUURTSIGNAAL_USER is set here); a login that is not a user of the
// registry is shown once, on its own page.
#include "ActionDialogs.h"
#include "Clock.h"
#include "CoordinatorView.h"
#include "DashboardView.h"
#include "HelpMenu.h"
#include "HelpTopics.h"
#include "HelpViewer.h"
#include "ImportDialog.h"
#include "MainWindow.h"
#include "ManagementDialog.h"
#include "PrivacyDialog.h"
#include "access/Access.h"
#include "privacy/Retention.h"
#include "services/Subjects.h"
#include "NewSignalDialog.h"
#include "QueuePanel.h"
#include "Registry.h"
#include "SignalDetailPanel.h"
#include "SignalListModel.h"
#include "demo/DemoGenerator.h"
#include "stats/Period.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QScrollArea>
#include <QSettings>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
bool allSaved = true;

void save(QWidget* widget, const QString& dir, const QString& name)
{
    if (!widget) {  // a screen that did not open (e.g. refused): say so rather than crash
        std::fprintf(stderr, "%s: not shown\n", qPrintable(name));
        allSaved = false;
        return;
    }
    QApplication::processEvents();
    const QString path = QDir(dir).filePath(name + u".png"_s);
    widget->grab().save(path);
    std::printf("%s\n", qPrintable(path));
}

// Renders the "unsaved changes" question that the next call asks, then answers it.
void saveQuestionThenAnswer(const QString& dir, const QString& name, QMessageBox::StandardButton answer)
{
    QTimer::singleShot(0, [dir, name, answer]() {
        for (QWidget* window : QApplication::topLevelWidgets()) {
            auto* box = qobject_cast<QMessageBox*>(window);
            if (box && box->isVisible() && box->objectName() == u"unsavedChangesQuestion"_s) {
                save(box, dir, name);
                box->button(answer)->click();
                return;
            }
        }
        save(nullptr, dir, name);
    });
}
}  // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Buurtsignaal-screenshots"_s);
    QApplication::setApplicationName(u"buurtsignaal"_s);
    const QStringList args = QApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: buurtsignaal-screenshots OUTDIR [postgresql://STUURGROEPLOGIN@…]\n");
        return 2;
    }
    const QString out = args.at(1);
    QDir().mkpath(out);
    QTranslator translator;
    QTranslator qtTranslator;
    QLocale::setDefault(QLocale(QLocale::Dutch, QLocale::Netherlands));
    if (translator.load(u":/i18n/buurtsignaal_nl.qm"_s))
        QApplication::installTranslator(&translator);
    if (qtTranslator.load(u"qtbase_nl"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);

    qputenv("BUURTSIGNAAL_USER", "m.jansen");
    QTemporaryDir dir;
    // Settings and the data folder of their own: the recent registries shown are those made here.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.filePath(u"config"_s));
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir.filePath(u"data"_s)));
    bs::FixedClock clock(QDate(2026, 11, 27));
    const QString path = dir.filePath(u"demo.buurtsignaal"_s);
    {
        auto registry = bs::Registry::open(path, bs::Registry::Create::IfMissing, clock, u"m.jansen"_s);
        if (!registry.ok() || !bs::DemoGenerator::generate(*registry.value(), {20000, 3}).ok())
            return 1;
    }
    // The start page of a first start (with two recent registries), and as it comes back when the
    // registry used last was moved.
    {
        QSettings settings;
        const QString server = u"postgresql://m.jansen@db.alblasserdam.nl/buurtsignaal"_s;
        settings.setValue(u"registry/recent"_s, QStringList{path, server});
        bs::MainWindow first(clock);
        first.setInteractive(false);
        first.resize(1366, 768);
        first.show();
        first.start();
        save(&first, out, u"start"_s);
        const QString moved = u"/home/m.jansen/Documenten/Buurtsignaal/wijkteam-west.buurtsignaal"_s;
        settings.setValue(u"registry/recent"_s, QStringList{moved, path, server});
        settings.setValue(u"registry/last"_s, moved);
        bs::MainWindow failed(clock);
        failed.setInteractive(false);
        failed.resize(1366, 768);
        failed.show();
        failed.start();
        save(&failed, out, u"start-fout"_s);
        settings.clear();
    }

    bs::MainWindow window(clock);
    window.setInteractive(false);
    window.resize(1366, 768);
    window.show();
    window.openRegistry(path, false);
    window.listView()->selectRow(3);
    save(&window, out, u"01-main-window"_s);

    window.queues()->selectQueue(bs::SignalQueue::Late);
    window.listView()->selectRow(0);
    save(&window, out, u"02-queue-late"_s);

    window.newSignal();
    bs::NewSignalDialog* form = window.newSignalDialog();
    form->findChild<QComboBox*>(u"buurt"_s)->setCurrentText(u"Oranjebuurt"_s);
    form->findChild<QComboBox*>(u"category"_s)->setCurrentText(u"Eenzaamheid"_s);
    form->findChild<QComboBox*>(u"impact"_s)->setCurrentIndex(0);
    form->submit();  // no description: shows the message beside the field
    save(form, out, u"03-new-signal-refused"_s);
    saveQuestionThenAnswer(out, u"03b-new-signal-unsaved-question"_s, QMessageBox::Discard);
    form->reject();
    QApplication::processEvents();  // the form closes

    // The detail panel with its buttons, and its question when another signal is chosen.
    save(window.detail(), out, u"03c-detail-panel"_s);
    if (auto* street = window.detail()->findChild<QLineEdit*>(u"detailStreet"_s); street && street->isEnabled()) {
        street->setText(street->text() + u" 12"_s);
        window.listView()->selectRow(1);  // asked once the list has handled the change
        saveQuestionThenAnswer(out, u"03d-detail-unsaved-question"_s, QMessageBox::Discard);
        QApplication::processEvents();
        window.listView()->selectRow(0);
    }

    window.detail()->requestReferral();
    save(window.detail()->openDialog(), out, u"04-referral-dialog"_s);
    window.detail()->openDialog()->reject();
    window.detail()->requestEscalation(true);
    save(window.detail()->openDialog(), out, u"05-escalation-dialog"_s);
    window.detail()->openDialog()->reject();

    window.showCoordinatorTab();
    save(&window, out, u"06-coordinator"_s);

    window.showDashboardTab();
    window.dashboard()->setPeriod(bs::Period::quarter(2026, 3));
    window.dashboard()->waitForFigures();
    save(&window, out, u"08-dashboard"_s);
    // The whole charts page, as it scrolls.
    auto* scroll = window.dashboard()->findChild<QScrollArea*>();
    QWidget* page = scroll->widget();
    page->resize(1340, 1150);
    save(page, out, u"09-dashboard-all-charts"_s);
    window.dashboard()->findChild<QCheckBox*>(u"perThousand"_s)->setChecked(true);
    save(window.dashboard()->findChild<QWidget*>(u"buurtChart"_s), out, u"10-per-thousand"_s);
    window.dashboard()->findChild<QCheckBox*>(u"perThousand"_s)->setChecked(false);
    window.dashboard()->tabs()->setCurrentIndex(1);
    save(&window, out, u"11-success-factors"_s);
    window.dashboard()->tabs()->setCurrentIndex(2);
    save(&window, out, u"12-trends"_s);

    // Help: the guide on three chapters and the list of keys.
    for (const QString& chapter : {bs::HelpTopics::index, bs::HelpTopics::registering, bs::HelpTopics::lateAndStalled}) {
        window.help()->showChapter(chapter);
        save(window.help()->viewer(), out, u"help-handleiding-"_s + chapter);
    }
    window.help()->showChapter(bs::HelpTopics::index, u"eerste-start"_s);
    save(window.help()->viewer(), out, u"help-handleiding-index-eerste-start"_s);
    window.help()->viewer()->close();
    window.help()->showShortcuts();
    save(window.help()->shortcutsDialog(), out, u"sneltoetsen"_s);
    window.help()->shortcutsDialog()->close();

    {
        const QString csv = dir.filePath(u"fixie-export.csv"_s);
        QFile file(csv);
        if (file.open(QIODevice::WriteOnly)) {
            file.write("Meldingnummer;Datum melding;Buurt;Soort melding;Omschrijving;Status;Afgehandeld op\r\n"
                       "FX-90001;03-10-2026 14:05;Kinderdijk;Zwerfafval;Zakken naast de container;Open;\r\n"
                       "FX-90002;04-10-2026;Souburgh;Overlast jongeren;Brommers op het plein;Afgehandeld;06-10-2026\r\n"
                       "FX-90003;05-10-2026;Atlantis;Zwerfafval;Glas op straat;Open;\r\n");
            file.close();
        }
        bs::ImportDialog import(*window.registry(), &window);
        import.loadFile(csv);
        import.show();
        import.check();
        save(&import, out, u"13-import-check"_s);
    }

    bs::ManagementDialog management(*window.registry(), &window);
    management.resize(1100, 620);
    management.show();
    for (int i = 0; i < management.tabs()->count(); ++i) {
        management.tabs()->setCurrentIndex(i);
        save(&management, out, u"07-management-%1"_s.arg(i));
    }
    management.hide();

    // The privacy screen of the beheerder, with a person to find and a steering-group member.
    {
        bs::Registry& registry = *window.registry();
        (void)bs::Access::setUser(registry, u"s.devries"_s, u"S. de Vries (stuurgroep)"_s, u"stuurgroep"_s, true);
        (void)bs::Access::setUser(registry, u"p.bakker"_s, u"P. Bakker"_s, u"medewerker"_s, true);
        const QString reference = window.listModel()->referenceAt(0);
        (void)bs::Signals::edit(registry, reference, [] { bs::SignalEdit e; e.impact = u"individu"_s; return e; }());
        (void)bs::Subjects::set(registry, reference, {u"Mevrouw J. Verbeek"_s, u"Kerkstraat 12"_s, u"078-6912345"_s, u"1944"_s});
        (void)bs::Retention::run(registry, true);
    }
    window.openPrivacy();
    bs::PrivacyDialog* privacy = window.privacyDialog();
    privacy->setInteractive(false);
    privacy->searchSubjects(u"verbeek"_s);
    privacy->reloadAccessLog();
    for (int i = 0; i < privacy->tabs()->count(); ++i) {
        privacy->tabs()->setCurrentIndex(i);
        save(privacy, out, u"14-privacy-%1"_s.arg(i));
    }
    privacy->close();

    qputenv("BUURTSIGNAAL_USER", "s.devries");
    bs::MainWindow steering(clock);
    steering.setInteractive(false);
    steering.resize(1366, 768);
    steering.show();
    steering.openRegistry(path, false);
    steering.dashboard()->waitForFigures();
    save(&steering, out, u"15-stuurgroep-only-dashboard"_s);

    qputenv("BUURTSIGNAAL_USER", "onbekend");
    bs::MainWindow stranger(clock);
    stranger.setInteractive(false);
    stranger.resize(1366, 768);
    stranger.show();
    stranger.openRegistry(path, false);
    save(&stranger, out, u"16-login-without-access"_s);

    // Optionally the dashboard as a steering-group login on a server registry: the figures come
    // from the server's own functions, with small counts hidden there.
    if (args.size() > 2) {
        bs::MainWindow server(clock);
        server.setInteractive(false);
        server.resize(1366, 768);
        server.show();
        server.openRegistry(args.at(2), false);
        server.dashboard()->waitForFigures();
        save(&server, out, u"17-stuurgroep-on-server"_s);
    }
    return allSaved ? 0 : 1;
}
