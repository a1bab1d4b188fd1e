// Typed work is never thrown away: the "Wijzigingen niet opgeslagen — Opslaan / Niet opslaan /
// Annuleren" question before the new-signal form closes or the detail panel's edits are left (another
// signal, another queue, another registry, closing the window), each answer driven through the real
// question box, and typed work on a signal another window closed kept readable.
#include "ActionDialogs.h"
#include "DailyBackupStatus.h"
#include "DashboardView.h"
#include "FilterBar.h"
#include "ImportDialog.h"
#include "MainWindow.h"
#include "access/Access.h"
#include "NewSignalDialog.h"
#include "QueuePanel.h"
#include "RecordForm.h"
#include "SignalDetailPanel.h"
#include "SignalListModel.h"
#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "services/Referrals.h"
#include "services/SignalDetail.h"
#include "storage/Backups.h"

#include <QAbstractBarSeries>
#include <QAction>
#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCalendarWidget>
#include <QChart>
#include <QChartView>
#include <QTabWidget>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QScopeGuard>
#include <QTest>
#include <QTimer>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

namespace {

// Answers every "unsaved changes" question with one button, and remembers what was asked. A test
// that expects no question still installs one, so a question nobody expected cannot hang it.
class UnsavedAnswerer : public QObject {
public:
    explicit UnsavedAnswerer(QMessageBox::StandardButton answer) : m_answer(answer)
    {
        connect(&m_poll, &QTimer::timeout, this, &UnsavedAnswerer::answerOpenQuestion);
        m_poll.start(5);
    }
    void setAnswer(QMessageBox::StandardButton answer) { m_answer = answer; }
    int asked = 0;
    QString question;
    QStringList buttons;

private:
    void answerOpenQuestion()
    {
        for (QWidget* window : QApplication::topLevelWidgets()) {
            auto* box = qobject_cast<QMessageBox*>(window);
            if (!box || !box->isVisible() || box->objectName() != u"unsavedChangesQuestion"_s)
                continue;
            ++asked;
            question = box->text() + u' ' + box->informativeText();
            buttons.clear();
            for (auto which : {QMessageBox::Save, QMessageBox::Discard, QMessageBox::Cancel})
                buttons << box->button(which)->text();
            box->button(m_answer)->click();
            return;
        }
    }
    QMessageBox::StandardButton m_answer;
    QTimer m_poll;
};

QString storedDescription(Registry& registry, const QString& reference)
{
    return Signals::detail(registry, reference)->description;
}

}  // namespace

class TestUnsaved : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void newSignalFormAsksBeforeDroppingTypedWork();
    void detailEditsAskBeforeAnotherSignalIsShown();
    void detailEditsAskBeforeQueueRegistryOrClose();
    void questionAndCancelButtonInDutch();
    void typedWorkOnASignalClosedElsewhereStaysReadable();

private:
    QString makeRegistry(QTemporaryDir& dir, int demoSignals);
    FixedClock m_clock{referenceToday()};
};

void TestUnsaved::initTestCase()
{
    QApplication::setOrganizationName(u"Buurtsignaal-tests"_s);
    QApplication::setApplicationName(u"tst_unsaved"_s);
}

QString TestUnsaved::makeRegistry(QTemporaryDir& dir, int demoSignals)
{
    const QString path = dir.filePath(u"gui.buurtsignaal"_s);
    auto registry = Registry::open(path, Registry::Create::IfMissing, m_clock, u"tester"_s);
    if (registry.ok() && demoSignals > 0)
        (void)DemoGenerator::generate(*registry.value(), {demoSignals, 5});
    return path;
}

void TestUnsaved::newSignalFormAsksBeforeDroppingTypedWork()
{
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, 0);
    MainWindow window(m_clock);
    window.setInteractive(false);
    window.show();
    QVERIFY(window.openRegistry(path, false));
    UnsavedAnswerer answerer(QMessageBox::Cancel);
    auto countSignals = [&window]() { return Signals::count(*window.registry(), SignalFilter()).value(); };

    // Nothing typed: Esc closes without a question.
    window.newSignal();
    QPointer<NewSignalDialog> form = window.newSignalDialog();
    QTRY_VERIFY(form->isVisible());
    QTest::keyClick(form, Qt::Key_Escape);
    QTRY_VERIFY(form.isNull());
    QCOMPARE(answerer.asked, 0);

    // Typed, then Esc: Cancel keeps the form with everything typed.
    window.newSignal();
    form = window.newSignalDialog();
    auto* buurt = form->findChild<QComboBox*>(u"buurt"_s);
    auto* description = form->findChild<QPlainTextEdit*>(u"description"_s);
    buurt->setCurrentText(u"Oranjebuurt"_s);
    form->findChild<QComboBox*>(u"category"_s)->setCurrentText(u"Eenzaamheid"_s);
    QTest::keyClick(form, Qt::Key_Escape);
    QCOMPARE(answerer.asked, 1);
    QVERIFY(answerer.question.contains(u"The new signal"_s));
    QVERIFY(form->isVisible());
    QCOMPARE(buurt->currentText(), u"Oranjebuurt"_s);

    // Save with the description missing: refused, the form stays with the reason and the input.
    answerer.setAnswer(QMessageBox::Save);
    QTest::keyClick(form, Qt::Key_Escape);
    QCOMPARE(answerer.asked, 2);
    QVERIFY(form->isVisible());
    QVERIFY(form->errorShownFor(u"description"_s).contains(u"Omschrijving"_s));
    QCOMPARE(buurt->currentText(), u"Oranjebuurt"_s);
    QCOMPARE(countSignals(), 0);

    // Closing the form's window asks the same; Save now goes through.
    description->setPlainText(u"Mevrouw komt niet meer buiten."_s);
    QVERIFY(form->close());
    QCOMPARE(answerer.asked, 3);
    QTRY_VERIFY(form.isNull());
    QCOMPARE(countSignals(), 1);

    // Don't save throws the typed work away, on purpose.
    window.newSignal();
    form = window.newSignalDialog();
    form->findChild<QLineEdit*>(u"street"_s)->setText(u"Dam"_s);
    answerer.setAnswer(QMessageBox::Discard);
    QVERIFY(form->close());
    QCOMPARE(answerer.asked, 4);
    QTRY_VERIFY(form.isNull());
    QCOMPARE(countSignals(), 1);

    // Closing the main window with typed work in the form asks too; Cancel keeps both open.
    window.newSignal();
    form = window.newSignalDialog();
    form->findChild<QPlainTextEdit*>(u"description"_s)->setPlainText(u"Half getypt"_s);
    answerer.setAnswer(QMessageBox::Cancel);
    QVERIFY(!window.close());
    QCOMPARE(answerer.asked, 5);
    QVERIFY(window.isVisible());
    QVERIFY(form && form->isVisible());
    QCOMPARE(form->findChild<QPlainTextEdit*>(u"description"_s)->toPlainText(), u"Half getypt"_s);
    answerer.setAnswer(QMessageBox::Discard);
}

void TestUnsaved::detailEditsAskBeforeAnotherSignalIsShown()
{
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, 0);
    {
        auto registry = Registry::open(path, Registry::Create::No, m_clock, u"tester"_s);
        for (int i = 0; i < 3; ++i)
            addSignal(*registry.value());
    }
    MainWindow window(m_clock);
    window.setInteractive(false);
    window.show();
    QVERIFY(window.openRegistry(path, false));
    Registry& registry = *window.registry();
    SignalDetailPanel* panel = window.detail();
    auto* description = panel->findChild<QPlainTextEdit*>(u"detailDescription"_s);
    const QString first = window.listModel()->referenceAt(0);
    const QString second = window.listModel()->referenceAt(1);
    const QString third = window.listModel()->referenceAt(2);
    const QString stored = storedDescription(registry, first);
    auto shownInList = [&window]() { return window.listModel()->referenceAt(window.listView()->currentIndex().row()); };
    UnsavedAnswerer answerer(QMessageBox::Cancel);

    // Without edits another signal is shown at once, and nothing is asked; nor for spaces only.
    QCOMPARE(panel->reference(), first);
    window.listView()->selectRow(1);
    QTRY_COMPARE(panel->reference(), second);
    window.listView()->selectRow(0);
    QTRY_COMPARE(panel->reference(), first);
    description->setPlainText(description->toPlainText() + u"  "_s);
    window.listView()->selectRow(1);
    QTRY_COMPARE(panel->reference(), second);
    window.listView()->selectRow(0);
    QTRY_COMPARE(panel->reference(), first);
    QCOMPARE(answerer.asked, 0);

    // Cancel: the panel keeps the edited signal with what was typed, and the list goes back to it.
    description->setPlainText(u"Buurvrouw brengt nu boodschappen."_s);
    window.listView()->selectRow(1);
    QTRY_COMPARE(answerer.asked, 1);
    QVERIFY(answerer.question.contains(first));
    QTRY_COMPARE(shownInList(), first);
    QCOMPARE(panel->reference(), first);
    QCOMPARE(description->toPlainText(), u"Buurvrouw brengt nu boodschappen."_s);
    QCOMPARE(storedDescription(registry, first), stored);

    // Don't save: the other signal is shown, the edit is gone, the registry unchanged.
    answerer.setAnswer(QMessageBox::Discard);
    window.listView()->selectRow(1);
    QTRY_COMPARE(panel->reference(), second);
    QCOMPARE(answerer.asked, 2);
    QCOMPARE(storedDescription(registry, first), stored);
    QCOMPARE(description->toPlainText(), storedDescription(registry, second));

    // Save: the edit is stored, then the chosen signal is shown and selected.
    description->setPlainText(u"Gesprek gevoerd met de buren."_s);
    answerer.setAnswer(QMessageBox::Save);
    window.listView()->selectRow(2);
    QTRY_COMPARE(panel->reference(), third);
    QCOMPARE(answerer.asked, 3);
    QCOMPARE(storedDescription(registry, second), u"Gesprek gevoerd met de buren."_s);
    QCOMPARE(shownInList(), third);

    // Save refused (a BSN): the panel stays with the reason and the input, the list goes back.
    description->setPlainText(u"BSN 111222333"_s);
    window.listView()->selectRow(0);
    QTRY_COMPARE(answerer.asked, 4);
    QTRY_COMPARE(shownInList(), third);
    QCOMPARE(panel->reference(), third);
    QCOMPARE(description->toPlainText(), u"BSN 111222333"_s);
    QVERIFY(panel->findChild<QLabel*>(u"error_description"_s)->text().contains(u"BSN"_s));

    // What was typed survives a reload underneath (another window's change, or an action).
    panel->reload();
    QCOMPARE(description->toPlainText(), u"BSN 111222333"_s);
    answerer.setAnswer(QMessageBox::Discard);
}

void TestUnsaved::detailEditsAskBeforeQueueRegistryOrClose()
{
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, 0);
    const QString otherPath = dir.filePath(u"other.buurtsignaal"_s);
    {
        auto registry = Registry::open(path, Registry::Create::No, m_clock, u"tester"_s);
        addSignal(*registry.value());
        auto other = Registry::open(otherPath, Registry::Create::IfMissing, m_clock, u"tester"_s);
        QVERIFY(other.ok());
    }
    MainWindow window(m_clock);
    window.setInteractive(false);
    window.show();
    QVERIFY(window.openRegistry(path, false));
    SignalDetailPanel* panel = window.detail();
    const QString reference = panel->reference();
    QVERIFY(!reference.isEmpty());
    auto* street = panel->findChild<QLineEdit*>(u"detailStreet"_s);
    auto* queues = window.queues()->findChild<QListWidget*>(u"queueList"_s);
    const int allSignals = queues->currentRow();
    int late = -1;  // the row of the queue "Te laat" (each queue item carries its queue as Qt::UserRole + 1)
    for (int row = 0; row < queues->count(); ++row) {
        if (queues->item(row)->data(Qt::UserRole + 1).toInt() == int(SignalQueue::Late))
            late = row;
    }
    QVERIFY(late >= 0);
    UnsavedAnswerer answerer(QMessageBox::Cancel);

    // Another queue: Cancel keeps the queue, the signal and the edit.
    street->setText(u"Dam"_s);
    queues->setCurrentRow(late);
    QCOMPARE(answerer.asked, 1);
    QTRY_COMPARE(queues->currentRow(), allSignals);
    QCOMPARE(panel->reference(), reference);
    QCOMPARE(street->text(), u"Dam"_s);
    QCOMPARE(window.listModel()->filter().queue, SignalQueue::All);

    // Another registry: Cancel keeps this one open with the edit.
    QVERIFY(!window.openRegistry(otherPath, false));
    QCOMPARE(answerer.asked, 2);
    QCOMPARE(window.registry()->path(), path);
    QCOMPARE(street->text(), u"Dam"_s);

    // Closing the window: Cancel keeps it open; Save stores the edit and closes.
    QVERIFY(!window.close());
    QCOMPARE(answerer.asked, 3);
    QVERIFY(window.isVisible());
    answerer.setAnswer(QMessageBox::Save);
    QVERIFY(window.close());
    QCOMPARE(answerer.asked, 4);
    QCOMPARE(Signals::detail(*window.registry(), reference)->street, u"Dam"_s);

    // The queue and the other registry again, now answered Don't save and Save.
    window.show();
    street->setText(u"Kerkstraat"_s);
    answerer.setAnswer(QMessageBox::Discard);
    queues->setCurrentRow(late);
    QCOMPARE(answerer.asked, 5);
    QCOMPARE(window.listModel()->filter().queue, SignalQueue::Late);
    QCOMPARE(Signals::detail(*window.registry(), reference)->street, u"Dam"_s);
    queues->setCurrentRow(allSignals);
    window.listView()->selectRow(0);
    QTRY_COMPARE(panel->reference(), reference);
    street->setText(u"Kerkstraat"_s);
    answerer.setAnswer(QMessageBox::Save);
    QVERIFY(window.openRegistry(otherPath, false));
    QCOMPARE(answerer.asked, 6);
    auto first = Registry::open(path, Registry::Create::No, m_clock, u"tester"_s);
    QCOMPARE(Signals::detail(*first.value(), reference)->street, u"Kerkstraat"_s);
}

void TestUnsaved::questionAndCancelButtonInDutch()
{
    QTranslator dutch;
    QVERIFY(dutch.load(u":/i18n/buurtsignaal_nl.qm"_s));
    QCoreApplication::installTranslator(&dutch);
    const auto english = qScopeGuard([&dutch]() { QCoreApplication::removeTranslator(&dutch); });
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, 0);
    {
        auto registry = Registry::open(path, Registry::Create::No, m_clock, u"tester"_s);
        addSignal(*registry.value());
    }
    MainWindow window(m_clock);
    window.setInteractive(false);
    QVERIFY(window.openRegistry(path, false));
    // The button that cancels the signal says so, apart from the panel's "Opslaan".
    QCOMPARE(window.detail()->findChild<QPushButton*>(u"status_geannuleerd"_s)->text(), u"Signaal annuleren…"_s);

    // The question, as the issue words it.
    window.newSignal();
    window.newSignalDialog()->findChild<QLineEdit*>(u"street"_s)->setText(u"Dam"_s);
    UnsavedAnswerer answerer(QMessageBox::Discard);
    window.newSignalDialog()->reject();
    QCOMPARE(answerer.asked, 1);
    QVERIFY(answerer.question.startsWith(u"Wijzigingen niet opgeslagen"_s));
    QVERIFY(answerer.question.contains(u"Het nieuwe signaal"_s));
    QCOMPARE(answerer.buttons, (QStringList{u"Opslaan"_s, u"Niet opslaan"_s, u"Annuleren"_s}));
}

void TestUnsaved::typedWorkOnASignalClosedElsewhereStaysReadable()
{
    QTemporaryDir dir;
    const QString path = makeRegistry(dir, 0);
    {
        auto registry = Registry::open(path, Registry::Create::No, m_clock, u"tester"_s);
        addSignal(*registry.value());
    }
    MainWindow window(m_clock);
    window.setInteractive(false);
    QVERIFY(window.openRegistry(path, false));
    SignalDetailPanel* panel = window.detail();
    const QString reference = panel->reference();
    QVERIFY(!reference.isEmpty());
    panel->findChild<QPlainTextEdit*>(u"detailDescription"_s)->setPlainText(u"Dochter belt donderdag terug."_s);
    {
        // Another desk cancels the signal meanwhile.
        auto other = Registry::open(path, Registry::Create::No, m_clock, u"collega"_s);
        QVERIFY(other.ok());
        QVERIFY(Signals::changeStatus(*other.value(), reference, u"geannuleerd"_s, {u"dubbel"_s, u"Dubbel geregistreerd"_s, {}}).ok());
    }
    auto* lost = panel->findChild<QLabel*>(u"detailLostWork"_s);
    QVERIFY(lost);
    // The window notices the change and reloads; the typed text does not vanish without a word.
    QTRY_VERIFY_WITH_TIMEOUT(!lost->isHidden(), 6000);
    QVERIFY2(lost->text().contains(u"Dochter belt donderdag terug."_s), qPrintable(lost->text()));
}

QTEST_MAIN(TestUnsaved)
#include "tst_unsaved.moc"
