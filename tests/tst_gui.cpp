// The desktop application driven through its widgets, offscreen: the list model under
// QAbstractItemModelTester, intake by keyboard, the referral loop, the ladder, closing, a refused
// save that keeps the input, the page for a login that is not a user, and a change made by another
// program showing up. Typed work that is never dropped without asking: tst_unsaved.
#include "tst_gui.h"

void TestGui::initTestCase()
{
    QApplication::setOrganizationName(u"Buurtsignaal-tests"_s);
    QApplication::setApplicationName(u"tst_gui"_s);
}

QString TestGui::makeRegistry(QTemporaryDir& dir, int demoSignals)
{
    const QString path = dir.filePath(u"gui.buurtsignaal"_s);
    auto registry = Registry::open(path, Registry::Create::IfMissing, m_clock, u"tester"_s);
    if (registry.ok() && demoSignals > 0)
        (void)DemoGenerator::generate(*registry.value(), {demoSignals, 5});
    return path;
}

void TestGui::listModelPassesTheModelTester()
{
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, 1500);
    auto registry = Registry::open(path, Registry::Create::No, m_clock, u"tester"_s);
    QVERIFY(registry.ok());
    SignalListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRegistry(registry.value().get());
    QCOMPARE(model.rowCount(), SignalListModel::pageSize);  // the first page, at once
    QVERIFY(!model.countIsExact());
    model.waitForCount();  // then the list grows to the exact count
    QCOMPARE(model.rowCount(), 1500);
    QVERIFY(model.countIsExact());
    QVERIFY(!model.index(1499, 0).data().toString().isEmpty());  // the last page loads on demand
    model.sort(SignalListModel::Buurt, Qt::AscendingOrder);
    model.waitForCount();
    const QString first = model.index(0, SignalListModel::Buurt).data().toString();
    const QString last = model.index(1499, SignalListModel::Buurt).data().toString();
    QVERIFY(first <= last);
    SignalFilter filter;
    filter.queue = SignalQueue::AwaitingFeedback;
    model.setFilter(filter);
    model.waitForCount();
    QVERIFY(model.rowCount() > 0);
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(model.index(row, SignalListModel::OpenReferrals).data().toInt() > 0);
    filter = SignalFilter();
    filter.status = u"bestaat_niet"_s;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.lastError().isEmpty());
}

void TestGui::mainFlowByKeyboardAndClicks()
{
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, 0);
    MainWindow window(m_clock);
    window.setInteractive(false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openRegistry(path, false));
    QApplication::setActiveWindow(&window);

    // Ctrl+N opens the form; everything else is typed.
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(window.newSignalDialog() != nullptr);
    NewSignalDialog* form = window.newSignalDialog();
    QTRY_VERIFY(form->isVisible());
    auto typeInto = [](QWidget* widget, const QString& text) {
        widget->setFocus();
        QTest::keyClicks(widget, text);
    };
    typeInto(form->findChild<QComboBox*>(u"buurt"_s), u"Oranje"_s);
    typeInto(form->findChild<QComboBox*>(u"category"_s), u"Eenzaam"_s);
    typeInto(form->findChild<QComboBox*>(u"impact"_s), u"I"_s);  // Individu
    typeInto(form->findChild<QComboBox*>(u"urgency"_s), u"H"_s);  // Hoog
    typeInto(form->findChild<QPlainTextEdit*>(u"description"_s), u"Mevrouw komt niet meer buiten."_s);
    QTest::keyClick(form, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(window.newSignalDialog() == nullptr);

    Registry& registry = *window.registry();
    auto rows = Signals::list(registry, SignalFilter());
    QCOMPARE(rows->size(), 1);
    const QString reference = rows->first().reference;
    auto detail = Signals::detail(registry, reference);
    QCOMPARE(detail->buurt, u"Oranjebuurt"_s);
    QCOMPARE(detail->category, u"eenzaamheid"_s);
    QCOMPARE(detail->impact, u"individu"_s);
    QCOMPARE(detail->urgency, u"hoog"_s);
    QCOMPARE(window.detail()->reference(), reference);

    SignalDetailPanel* panel = window.detail();
    auto click = [panel](const QString& name) {
        auto* button = panel->findChild<QPushButton*>(name);
        QVERIFY2(button && button->isEnabled(), qPrintable(name));
        QTest::mouseClick(button, Qt::LeftButton);
    };
    // Taking it into progress asks nothing and shows at once in the panel and the list.
    click(u"status_in_behandeling"_s);
    QCOMPARE(Signals::state(registry, reference)->status, u"in_behandeling"_s);
    QVERIFY(panel->findChild<QLabel*>(u"detailTitle"_s)->text().contains(u"In progress"_s));
    QCOMPARE(window.listModel()->index(0, SignalListModel::Status).data().toString(), u"In progress"_s);

    // Record the person concerned and consent for welfare partners, from the detail panel.
    click(u"editSubject"_s);
    QVERIFY(panel->openForm());
    panel->openForm()->findChild<QLineEdit*>(u"name"_s)->setText(u"Mevr. Test"_s);
    QVERIFY(panel->openForm()->submit());
    QVERIFY(Signals::state(registry, reference)->hasSubject);
    click(u"editConsent"_s);
    auto* consentStatus = panel->openForm()->findChild<QComboBox*>(u"status"_s);
    consentStatus->setCurrentIndex(consentStatus->findData(u"gegeven"_s));
    QVERIFY(!panel->openForm()->submit());  // consent needs a scope
    panel->openForm()->findChild<QLineEdit*>(u"scope"_s)->setText(u"welzijn"_s);
    QVERIFY(panel->openForm()->submit());
    QCOMPARE(Signals::state(registry, reference)->consent, u"gegeven"_s);

    // Refer to a partner (covered by the consent just recorded).
    click(u"refer"_s);
    ActionDialog* dialog = panel->openDialog();
    QVERIFY(dialog);
    dialog->findChild<QComboBox*>(u"to"_s)->setCurrentText(u"Stichting Welzijn Alblasserdam"_s);
    typeInto(dialog->findChild<QPlainTextEdit*>(u"reason"_s), u"Maatjesproject"_s);
    QVERIFY(dialog->submit());
    auto referrals = Referrals::list(registry, {});
    QCOMPARE(referrals->size(), 1);
    QCOMPARE(referrals->first().status, u"verstuurd"_s);

    // Accept, then complete with feedback.
    auto* table = panel->findChild<QTableWidget*>(u"referrals"_s);
    table->selectRow(0);
    click(u"acceptReferral"_s);
    QCOMPARE(Referrals::list(registry, {})->first().status, u"geaccepteerd"_s);
    table->selectRow(0);
    click(u"completeReferral"_s);
    dialog = panel->openDialog();
    typeInto(dialog->findChild<QPlainTextEdit*>(u"note"_s), u"Maatje gekoppeld."_s);
    QVERIFY(dialog->submit());
    QCOMPARE(Referrals::list(registry, {})->first().status, u"afgerond"_s);
    QCOMPARE(Referrals::list(registry, {})->first().feedback, u"Maatje gekoppeld."_s);

    // Escalate to level 1 and step down again.
    click(u"stepUp"_s);
    dialog = panel->openDialog();
    typeInto(dialog->findChild<QPlainTextEdit*>(u"reason"_s), u"Ook schulden"_s);
    QVERIFY(dialog->submit());
    QCOMPARE(Signals::state(registry, reference)->level, 1);
    click(u"stepDown"_s);
    dialog = panel->openDialog();
    typeInto(dialog->findChild<QPlainTextEdit*>(u"reason"_s), u"Afspraken lopen"_s);
    QVERIFY(dialog->submit());
    QCOMPARE(Signals::state(registry, reference)->level, 0);

    // Close with an outcome; a missing text is refused first and the dialog stays.
    click(u"status_afgehandeld"_s);
    dialog = panel->openDialog();
    QVERIFY(!dialog->submit());
    QVERIFY(dialog->errorShownFor(u"reason"_s).contains(u"Toelichting"_s));
    typeInto(dialog->findChild<QPlainTextEdit*>(u"reason"_s), u"Wekelijks bezoek"_s);
    QVERIFY(dialog->submit());
    QCOMPARE(Signals::state(registry, reference)->status, u"afgehandeld"_s);
    QCOMPARE(Signals::detail(registry, reference)->history.size(), 10);  // referring no longer moves it: it is already in progress
}

void TestGui::refusedSaveKeepsWhatWasTyped()
{
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, 0);
    MainWindow window(m_clock);
    window.setInteractive(false);
    QVERIFY(window.openRegistry(path, false));
    window.newSignal();
    NewSignalDialog* form = window.newSignalDialog();
    form->findChild<QComboBox*>(u"buurt"_s)->setCurrentText(u"Schildersbuurt"_s);
    form->findChild<QComboBox*>(u"category"_s)->setCurrentText(u"Schulden"_s);
    const QByteArray before = contentFingerprint(path);
    QVERIFY(!form->submit());
    QVERIFY(form->errorShownFor(u"description"_s).contains(u"Omschrijving"_s));
    QCOMPARE(form->findChild<QComboBox*>(u"buurt"_s)->currentText(), u"Schildersbuurt"_s);
    QVERIFY(form->isVisible() || !form->result());
    QCOMPARE(contentFingerprint(path), before);
    form->findChild<QPlainTextEdit*>(u"description"_s)->setPlainText(u"BSN 111222333"_s);
    QVERIFY(!form->submit());
    QVERIFY(form->errorShownFor(u"description"_s).contains(u"BSN"_s));
    QCOMPARE(form->findChild<QPlainTextEdit*>(u"description"_s)->toPlainText(), u"BSN 111222333"_s);
    QCOMPARE(contentFingerprint(path), before);
}

void TestGui::unknownLoginSeesWhomToAskForAccess()
{
    QTranslator dutch;
    QVERIFY(dutch.load(u":/i18n/buurtsignaal_nl.qm"_s));
    QCoreApplication::installTranslator(&dutch);
    const auto english = qScopeGuard([&dutch]() { QCoreApplication::removeTranslator(&dutch); });
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, 5);  // made by "tester", its beheerder

    qputenv("BUURTSIGNAAL_USER", "onbekend");
    MainWindow window(m_clock);
    window.setInteractive(false);
    window.show();
    const bool opened = window.openRegistry(path, false);
    qputenv("BUURTSIGNAAL_USER", "tester");
    QVERIFY(opened);
    QCOMPARE(window.role(), Role::None);
    // A page saying who may give access and in which menu, not a blank window.
    auto* page = window.findChild<QLabel*>(u"noAccessText"_s);
    QVERIFY(page);
    QVERIFY(page->isVisible());
    QVERIFY(!window.tabs()->isVisible());
    QVERIFY(page->text().contains(u"<b>onbekend</b>"_s));
    QVERIFY(page->text().contains(u"<b>tester</b>"_s));
    QVERIFY(page->text().contains(u"Beheer ▸ Privacy, gebruikers en back-ups"_s));
    // The signals are not read for a login that may not see them.
    QCOMPARE(window.listModel()->rowCount(), 0);
}

void TestGui::steeringGroupSeesOnlyTheDashboard()
{
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, 30);
    {
        auto registry = Registry::open(path, Registry::Create::No, m_clock, u"tester"_s);
        QVERIFY(Access::setUser(*registry.value(), u"sg"_s, u"Stuurgroep"_s, u"stuurgroep"_s, true).ok());
    }
    qputenv("BUURTSIGNAAL_USER", "sg");
    MainWindow window(m_clock);
    window.setInteractive(false);
    const bool opened = window.openRegistry(path, false);
    qputenv("BUURTSIGNAAL_USER", "tester");
    QVERIFY(opened);
    QCOMPARE(window.role(), Role::Stuurgroep);
    QVERIFY(!window.tabs()->isTabVisible(0));
    QVERIFY(!window.tabs()->isTabVisible(1));
    QVERIFY(window.tabs()->isTabVisible(2));
    QCOMPARE(window.tabs()->currentIndex(), 2);
    // Opening a signal is refused by the core as well, and the refusal is logged.
    QVERIFY(!Signals::detail(*window.registry(), u"S-2026-000001"_s).ok());
    QVERIFY(window.registry()->db().scalar(u"SELECT count(*) FROM access_log WHERE actor = 'sg' AND action = 'geweigerd'"_s).value().toInt() >= 1);
}

void TestGui::changesFromAnotherProgramAppear()
{
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, 20);
    MainWindow window(m_clock);
    window.setInteractive(false);
    QVERIFY(window.openRegistry(path, false));
    QCOMPARE(window.listModel()->totalCount(), 20);
    {
        auto other = Registry::open(path, Registry::Create::No, m_clock, u"collega"_s);
        QVERIFY(other.ok());
        addSignal(*other.value());
    }
    QTRY_COMPARE_WITH_TIMEOUT(window.listModel()->totalCount(), 21, 6000);
}

void TestGui::demoRegistryIsMarkedPlainly()
{
    QTemporaryDir dir;
    const QString demoPath = makeRegistry(dir, 30);
    const QString realPath = dir.filePath(u"echt.buurtsignaal"_s);
    {
        auto real = Registry::open(realPath, Registry::Create::IfMissing, m_clock, u"tester"_s);
        QVERIFY(real.ok());
        addSignal(*real.value());
    }
    MainWindow window(m_clock);
    window.setInteractive(false);
    auto* band = window.findChild<QLabel*>(u"demoBand"_s);
    QVERIFY(band);
    QVERIFY(window.openRegistry(demoPath, false));
    QVERIFY(!band->isHidden());
    QVERIFY(band->text().startsWith(u"DEMO"_s));
    QVERIFY2(window.windowTitle().startsWith(u"DEMO — "_s), qPrintable(window.windowTitle()));
    QVERIFY(window.openRegistry(realPath, false));
    QVERIFY(band->isHidden());
    QVERIFY(!window.windowTitle().contains(u"DEMO"_s));
    // An empty registry that another program fills with demo data gets the band as well.
    QTemporaryDir emptyDir;
    const QString emptyPath = makeRegistry(emptyDir, 0);
    QVERIFY(window.openRegistry(emptyPath, false));
    QVERIFY(band->isHidden());
    {
        auto other = Registry::open(emptyPath, Registry::Create::No, m_clock, u"tester"_s);
        QVERIFY(other.ok());
        QVERIFY(DemoGenerator::generate(*other.value(), {20, 2}).ok());
    }
    QTRY_VERIFY_WITH_TIMEOUT(!band->isHidden(), 6000);
    QVERIFY(window.windowTitle().startsWith(u"DEMO — "_s));
}

void TestGui::countsAreRightWhileAnotherProgramWrites()
{
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, 300);
    qint64 open = 0;
    qint64 late = 0;
    {
        auto registry = Registry::open(path, Registry::Create::No, m_clock, u"tester"_s);
        SignalFilter openFilter;
        openFilter.onlyOpen = true;
        SignalFilter lateFilter;
        lateFilter.queue = SignalQueue::Late;
        open = Signals::count(*registry.value(), openFilter).value();
        late = Signals::count(*registry.value(), lateFilter).value();
    }
    QVERIFY(open > 0 && late > 0);
    WriteLockHolder holder(path);
    QVERIFY(holder.holding());
    MainWindow window(m_clock);
    window.setInteractive(false);
    QVERIFY(window.openRegistry(path, false));
    // The list's full count and the open and late counts come from read-only connections in the
    // background, which the other program's write lock does not hold up.
    window.listModel()->waitForCount();
    QCOMPARE(window.listModel()->totalCount(), 300);
    auto* counts = window.findChild<QLabel*>(u"countLabel"_s);
    QVERIFY(counts);
    const QString expected = u"300 in this list · %1 open · %2 late"_s.arg(open).arg(late);
    QTRY_COMPARE_WITH_TIMEOUT(counts->text(), expected, 20000);
    // The day's backup is made in the background on its own connection, writer or not.
    window.dailyBackup()->waitForFinished();
    QCOMPARE(Backups::list(path)->size(), 1);
    QCOMPARE(window.dailyBackup()->text(), u"Today's backup was made."_s);
    QVERIFY(holder.holding());
}

void TestGui::dashboardShowsFiguresAndOpensTheSignalsBehindABar()
{
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, 0);
    {
        auto registry = Registry::open(path, Registry::Create::No, m_clock, u"tester"_s);
        for (const auto& [buurt, category, day] : QList<std::tuple<QString, QString, QString>>{
                 {u"Kinderdijk"_s, u"schulden"_s, u"2026-10-02"_s},
                 {u"Kinderdijk"_s, u"eenzaamheid"_s, u"2026-10-20"_s},
                 {u"Kinderdijk"_s, u"vervuiling"_s, u"2026-10-21"_s},
                 {u"Souburgh"_s, u"schulden"_s, u"2026-10-31"_s},
                 {u"Souburgh"_s, u"schulden"_s, u"2026-11-01"_s}}) {
            NewSignal input;
            input.buurt = buurt;
            input.category = category;
            input.source = u"inloop"_s;
            input.observedOn = day;
            input.description = u"Test."_s;
            QVERIFY(Signals::add(*registry.value(), input).ok());
        }
    }
    MainWindow window(m_clock);
    window.setInteractive(false);
    QVERIFY(window.openRegistry(path, false));
    window.showDashboardTab();
    window.dashboard()->setPeriod(Period::month(2026, 10));
    window.dashboard()->waitForFigures();
    const Statistics& stats = window.dashboard()->statistics();
    QCOMPARE(stats.signalCount, 4);
    // The per-buurt chart: Kinderdijk has 2 signals of theme T2 (schulden, eenzaamheid).
    auto* chart = window.dashboard()->findChild<QChartView*>(u"buurtChart"_s)->chart();
    auto* series = qobject_cast<QAbstractBarSeries*>(chart->series().first());
    QVERIFY(series);
    auto* axis = qobject_cast<QBarCategoryAxis*>(chart->axes(Qt::Vertical).first());
    const int kinderdijk = int(axis->categories().indexOf(u"Kinderdijk"_s));
    QBarSet* t2 = nullptr;
    for (QBarSet* set : series->barSets()) {
        if (set->label().startsWith(u"T2"_s))
            t2 = set;
    }
    QVERIFY(t2);
    QCOMPARE(t2->at(kinderdijk), 2.0);
    // Clicking that bar opens the matching signals in the list.
    emit t2->clicked(kinderdijk);
    QCOMPARE(window.findChild<QTabWidget*>(u"mainTabs"_s)->currentIndex(), 0);
    window.listModel()->waitForCount();
    QCOMPARE(window.listModel()->totalCount(), 2);
    QCOMPARE(window.listModel()->filter().buurt, u"Kinderdijk"_s);
    QCOMPARE(window.listModel()->filter().theme, u"T2"_s);
    QCOMPARE(window.listModel()->filter().from, u"2026-10-01"_s);
    QCOMPARE(window.listModel()->filter().to, u"2026-10-31"_s);

    // The open-and-late chart opens today's open signals of a buurt.
    window.showDashboardTab();
    auto* openLate = window.dashboard()->findChild<QChartView*>(u"openLateChart"_s)->chart();
    auto* openSeries = qobject_cast<QAbstractBarSeries*>(openLate->series().first());
    auto* openAxis = qobject_cast<QBarCategoryAxis*>(openLate->axes(Qt::Vertical).first());
    const int souburgh = int(openAxis->categories().indexOf(u"Souburgh"_s));
    QCOMPARE(openSeries->barSets().first()->at(souburgh), 2.0);  // both Souburgh signals are open
    emit openSeries->barSets().first()->clicked(souburgh);
    window.listModel()->waitForCount();
    QCOMPARE(window.listModel()->totalCount(), 2);
    QVERIFY(window.listModel()->filter().onlyOpen);
    QCOMPARE(window.listModel()->filter().buurt, u"Souburgh"_s);
}

QTEST_MAIN(TestGui)
#include "tst_gui.moc"
