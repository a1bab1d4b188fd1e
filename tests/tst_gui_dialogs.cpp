// The dialogs of the desktop application, offscreen: the melding import (checked first, a preset
// to start from), dates typed as shown, backups on a server, and a partner user with its organisation.
#include "tst_gui.h"

void TestGui::importDialogChecksThenImports()
{
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, 0);
    auto registry = Registry::open(path, Registry::Create::No, m_clock, u"tester"_s);
    const QString csv = dir.filePath(u"fixie.csv"_s);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Meldingnummer;Datum melding;Buurt;Soort melding;Omschrijving;Status;Afgehandeld op\r\n"
               "FX-1;03-10-2026;Kinderdijk;Zwerfafval;Zakken bij de kerk;Open;\r\n"
               "FX-2;04-10-2026;Souburgh;vervuiling;Glas;Afgehandeld;06-10-2026\r\n");
    file.close();
    ImportDialog dialog(*registry.value());
    QVERIFY(dialog.loadFile(csv));
    // Columns are guessed from their names; "vervuiling" is a code and maps itself.
    QCOMPARE(dialog.mapping().columns.value(u"external_id"_s), QStringList{u"Meldingnummer"_s});
    QCOMPARE(dialog.mapping().columns.value(u"date"_s), QStringList{u"Datum melding"_s});
    QCOMPARE(dialog.mapping().columns.value(u"closed"_s), QStringList{u"Afgehandeld op"_s});
    QCOMPARE(dialog.mapping().categories.value(u"vervuiling"_s), u"vervuiling"_s);
    QVERIFY(!dialog.check());  // "Zwerfafval" and the statuses are not mapped yet
    auto* categories = dialog.findChild<QTableWidget*>(u"categoryValues"_s);
    for (int r = 0; r < categories->rowCount(); ++r) {
        if (categories->item(r, 0)->text() == u"Zwerfafval"_s) {
            auto* box = qobject_cast<QComboBox*>(categories->cellWidget(r, 1));
            box->setCurrentIndex(box->findData(u"vervuiling"_s));
        }
    }
    auto* statuses = dialog.findChild<QTableWidget*>(u"statusValues"_s);
    for (int r = 0; r < statuses->rowCount(); ++r) {
        auto* box = qobject_cast<QComboBox*>(statuses->cellWidget(r, 1));
        box->setCurrentIndex(box->findData(statuses->item(r, 0)->text() == u"Open"_s ? u"nieuw"_s : u"afgehandeld"_s));
    }
    const QByteArray before = contentFingerprint(path);
    QVERIFY(dialog.check());
    QCOMPARE(contentFingerprint(path), before);  // checking writes nothing
    QVERIFY(dialog.runImport());
    SignalFilter fixie;
    fixie.source = u"fixie"_s;
    QCOMPARE(Signals::count(*registry.value(), fixie).value(), 2);
}

void TestGui::importDialogStartsFromPreset()
{
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, 0);
    auto registry = Registry::open(path, Registry::Create::No, m_clock, u"tester"_s);
    const QString csv = dir.filePath(u"fms.csv"_s);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Report ID,Title,Detail,User Name,Category,Subcategory,Created,Confirmed,Acknowledged,Fixed,Closed,Status,Latitude,"
               "Longitude,Query,Ward,Easting,Northing\r\n"
               "9001,Afval,Zakken,Jan,Afval,,2026-10-01T09:15:00,,,,,confirmed,,,,Kinderdijk,,\r\n"
               "9002,Afval,Glas,Piet,Afval,,2026-10-02T09:15:00,,,2026-10-03T10:00:00,,fixed - council,,,,Souburgh,,\r\n"
               "9003,Test,x,Anon,Afval,,2026-10-02T09:15:00,,,,,unconfirmed,,,,Souburgh,,\r\n");
    file.close();
    ImportDialog dialog(*registry.value());
    QVERIFY(dialog.loadFile(csv));
    dialog.choosePreset(u"fixmystreet"_s);
    // The preset's columns, its fallbacks kept; its statuses already chosen.
    QCOMPARE(dialog.mapping().source, u"fixmystreet"_s);
    QCOMPARE(dialog.mapping().columns.value(u"category"_s), (QStringList{u"Subcategory"_s, u"Category"_s}));
    QCOMPARE(dialog.mapping().columns.value(u"closed"_s), (QStringList{u"Fixed"_s, u"Closed"_s}));
    QCOMPARE(dialog.mapping().statuses.value(u"fixed - council"_s), u"afgehandeld"_s);
    QVERIFY(dialog.mapping().skip.value(u"status"_s).contains(u"unconfirmed"_s));
    // The municipality's part: the ward is the buurt here, and "Afval" is its vervuiling.
    auto* buurt = dialog.findChild<QComboBox*>(u"column_buurt"_s);
    buurt->setCurrentIndex(buurt->findData(u"Ward"_s));
    auto* categories = dialog.findChild<QTableWidget*>(u"categoryValues"_s);
    QCOMPARE(categories->rowCount(), 1);  // the values of the column the preset starts with that has any
    auto* box = qobject_cast<QComboBox*>(categories->cellWidget(0, 1));
    box->setCurrentIndex(box->findData(u"vervuiling"_s));
    QVERIFY(dialog.check());
    QVERIFY(dialog.runImport());
    SignalFilter fms;
    fms.source = u"fixmystreet"_s;
    QCOMPARE(Signals::count(*registry.value(), fms).value(), 2);
}

void TestGui::datesAreTypedAsShown()
{
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, 0);
    auto opened = Registry::open(path, Registry::Create::No, m_clock, u"tester"_s);
    QVERIFY(opened.ok());
    Registry& registry = *opened.value();
    NewSignal input;
    input.buurt = u"Kortland"_s;
    input.category = u"vervuiling"_s;
    input.source = u"inloop"_s;
    input.description = u"Afval bij de container."_s;
    const auto reference = Signals::add(registry, input);
    QVERIFY(reference.ok());
    auto typeDate = [](QLineEdit* field, const QString& text) {
        field->setFocus();
        field->selectAll();
        QTest::keyClick(field, Qt::Key_Backspace);
        QTest::keyClicks(field, text);
        QTest::keyClick(field, Qt::Key_Return);  // confirming (or leaving) the field settles it
    };

    // Opvolgen op: typed as the app shows dates, and as d-m-jjjj or jjjj-mm-dd; empty is none.
    SignalDetailPanel panel;
    panel.setRegistry(&registry);
    panel.showSignal(reference.value());
    auto* followUp = panel.findChild<QLineEdit*>(u"detailFollowUp"_s);
    QVERIFY(followUp);
    const QList<std::pair<QString, QString>> forms = {
        {u"27-11-2026"_s, u"2026-11-27"_s}, {u"7-1-2027"_s, u"2027-01-07"_s}, {u"2026-12-01"_s, u"2026-12-01"_s}};
    for (const auto& [typed, stored] : forms) {
        typeDate(followUp, typed);
        QVERIFY2(panel.saveEdits(), qPrintable(typed));
        QCOMPARE(Signals::detail(registry, reference.value())->followUpOn, stored);
        QCOMPARE(followUp->text(), QDate::fromString(stored, Qt::ISODate).toString(u"dd-MM-yyyy"_s));
    }
    typeDate(followUp, u"31-02-2026"_s);  // no such day: refused, kept as typed, nothing saved
    QVERIFY(!panel.saveEdits());
    QCOMPARE(followUp->text(), u"31-02-2026"_s);
    QCOMPARE(Signals::detail(registry, reference.value())->followUpOn, u"2026-12-01"_s);
    typeDate(followUp, QString());
    QVERIFY(panel.saveEdits());
    QCOMPARE(Signals::detail(registry, reference.value())->followUpOn, QString());

    // The period of the list: typed, or picked in the calendar.
    FilterBar bar;
    bar.setRegistry(&registry);
    QSignalSpy changed(&bar, &FilterBar::changed);
    auto* from = bar.findChild<QLineEdit*>(u"filterFrom"_s);
    auto* to = bar.findChild<QLineEdit*>(u"filterTo"_s);
    QVERIFY(from && to);
    typeDate(from, u"1-11-2026"_s);
    typeDate(to, u"2026-11-30"_s);
    QVERIFY(changed.count() >= 2);
    SignalFilter filter;
    bar.applyTo(filter);
    QCOMPARE(filter.from, u"2026-11-01"_s);
    QCOMPARE(filter.to, u"2026-11-30"_s);
    QCOMPARE(from->text(), u"01-11-2026"_s);
    QCOMPARE(to->text(), u"30-11-2026"_s);
    auto* pick = from->findChild<QAction*>(u"pickDate"_s);
    QVERIFY(pick);
    pick->trigger();
    auto* calendar = from->findChild<QCalendarWidget*>();
    QVERIFY(calendar && calendar->isVisible());
    QCOMPARE(calendar->selectedDate(), QDate(2026, 11, 1));
    emit calendar->clicked(QDate(2026, 11, 3));
    QVERIFY(!calendar->isVisible());
    bar.applyTo(filter);
    QCOMPARE(filter.from, u"2026-11-03"_s);

    // Dates in the small forms (partners, activities, the report period) work the same way.
    RecordForm form(u"Periode"_s, {{u"from"_s, u"Van"_s, FormField::Date, u"2026-07-01"_s, {}}},
                    [](const QVariantMap&) { return Status(); });
    auto* formDate = form.findChild<QLineEdit*>(u"from"_s);
    QCOMPARE(formDate->text(), u"01-07-2026"_s);
    typeDate(formDate, u"27-11-2026"_s);
    QCOMPARE(form.values().value(u"from"_s).toString(), u"2026-11-27"_s);
}

// On a server the window copies nothing: no daily backup, and the backup and restore actions
// explain the server's own backups (pg_dump, pg_restore) instead, changing nothing.
void TestGui::backupOnAServerExplainsTheServersOwnBackups()
{
    if (!testServer())
        QSKIP("no PostgreSQL test server: BUURTSIGNAAL_TEST_PG is not set");
    TempRegistry server(referenceToday(), Engine::Postgresql);
    addSignal(server.registry());
    server.close();
    MainWindow window(m_clock);
    window.setInteractive(false);
    QVERIFY(window.openRegistry(server.path(), false));
    window.dailyBackup()->waitForFinished();
    QCOMPARE(window.dailyBackup()->text(), QString());
    QVERIFY(!QFileInfo::exists(Backups::folderFor(server.path())));

    window.openPrivacy();
    QVERIFY(window.privacyDialog());
    auto* backup = window.privacyDialog()->findChild<QPushButton*>(u"makeBackup"_s);
    QVERIFY(backup);
    backup->click();
    const QString shown = window.privacyDialog()->findChild<QLabel*>(u"privacyMessage"_s)->text();
    QVERIFY2(shown.startsWith(u"Van een register op een server maakt Buurtsignaal geen back-upbestanden"_s), qPrintable(shown));
    QVERIFY2(shown.contains(u"pg_dump --format=custom --file=buurtsignaal-2026-11-26.dump"_s), qPrintable(shown));

    // Restoring is refused before anything is closed: the window keeps its registry.
    window.restoreBackup(u"/tmp/bestaat-niet.buurtsignaal"_s);
    QVERIFY(window.registry());
    QVERIFY2(window.statusBar()->currentMessage().startsWith(u"Een register op een server zet Buurtsignaal niet terug"_s),
             qPrintable(window.statusBar()->currentMessage()));
    QCOMPARE(window.registry()->db().scalar(u"SELECT count(*) FROM signals"_s).value().toInt(), 1);
    QVERIFY(!QFileInfo::exists(Backups::folderFor(server.path())));
}

// In a registry file the beheerder cannot add a partner organisation's worker (only a server's
// row-level security keeps a partner to its referrals): the form asks for the organisation first,
// then refuses the role with the reason, keeps what was typed and adds nobody.
void TestGui::partnerUserIsRefusedInAFile()
{
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, 0);
    auto registry = Registry::open(path, Registry::Create::No, m_clock, u"tester"_s);
    QVERIFY(registry.ok());
    PrivacyDialog dialog(*registry.value());
    auto* add = [&]() -> QPushButton* {
        for (auto* button : dialog.findChildren<QPushButton*>()) {
            if (button->text().startsWith(u"Add user"_s) || button->text().startsWith(u"Gebruiker toevoegen"_s))
                return button;
        }
        return nullptr;
    }();
    QVERIFY(add);
    QString refusal;
    QString fileRefusal;
    bool partnerEnabledForMedewerker = true;
    QTimer::singleShot(0, this, [&]() {
        auto* form = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        QVERIFY(form);
        // A failed check below must not leave the modal form waiting for a person.
        const auto closeForm = qScopeGuard([form]() {
            if (form->isVisible())
                form->reject();
        });
        auto* role = form->findChild<QComboBox*>(u"userRole"_s);
        auto* partner = form->findChild<QComboBox*>(u"userPartner"_s);
        QVERIFY(role && partner);
        partnerEnabledForMedewerker = partner->isEnabled();
        form->findChildren<QLineEdit*>().first()->setText(u"w.bos"_s);
        role->setCurrentIndex(role->findData(u"partner"_s));
        QVERIFY(partner->isEnabled());
        auto* buttons = form->findChild<QDialogButtonBox*>();
        buttons->button(QDialogButtonBox::Ok)->click();  // no organisation chosen yet: refused
        refusal = form->findChild<QLabel*>(u"userError"_s)->text();
        QVERIFY(form->isVisible());
        if (!qEnvironmentVariableIsEmpty("BUURTSIGNAAL_SHOTS")) {
            QDir().mkpath(qEnvironmentVariable("BUURTSIGNAAL_SHOTS"));
            form->grab().save(qEnvironmentVariable("BUURTSIGNAAL_SHOTS") + u"/user-partner-refused.png"_s);
        }
        QCOMPARE(form->findChildren<QLineEdit*>().first()->text(), u"w.bos"_s);
        partner->setCurrentIndex(partner->findText(u"Woonkracht10"_s));
        buttons->button(QDialogButtonBox::Ok)->click();  // a file cannot keep a partner to its referrals
        fileRefusal = form->findChild<QLabel*>(u"userError"_s)->text();
        QVERIFY(form->isVisible());
        QCOMPARE(form->findChildren<QLineEdit*>().first()->text(), u"w.bos"_s);
        form->reject();
    });
    add->click();
    QVERIFY(!partnerEnabledForMedewerker);
    QVERIFY2(refusal.contains(u"partnerorganisatie"_s), qPrintable(refusal));
    QVERIFY2(fileRefusal.contains(u"alleen in een register op de server"_s), qPrintable(fileRefusal));
    auto users = Access::users(*registry.value());
    QVERIFY(users.ok());
    for (const User& user : users.value())
        QVERIFY(user.login != u"w.bos"_s);
}

