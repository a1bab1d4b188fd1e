// Team casework in the desktop app (issue 12), offscreen through the real widgets: one's own queue
// in follow-up order, handing a signal over (and the refusals that keep what was typed, also when
// another window was first), the journal added with Ctrl+J on top of the timeline, a coordinator's
// bulk assignment of selected rows, and the follow-up count in the status bar. Runs in Dutch.
#include "ActionDialogs.h"
#include "CoordinatorView.h"
#include "FilterBar.h"
#include "MainWindow.h"
#include "NewSignalDialog.h"
#include "QueuePanel.h"
#include "SignalDetailPanel.h"
#include "SignalListModel.h"
#include "TestSupport.h"
#include "access/Access.h"
#include "services/Handlers.h"
#include "services/Journal.h"
#include "services/SignalDetail.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>
#include <QTranslator>
#include <QTextBrowser>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

namespace {

// A window of its own for `login` on `path` (the login is who the program is told it is).
std::unique_ptr<MainWindow> windowFor(const Clock& clock, const QString& path, const QString& login)
{
    qputenv("BUURTSIGNAAL_USER", login.toUtf8());
    auto window = std::make_unique<MainWindow>(clock);
    window->setInteractive(false);
    window->show();
    const bool opened = window->openRegistry(path, false);
    qputenv("BUURTSIGNAAL_USER", "tester");
    if (!opened)
        return nullptr;
    return window;
}

void chooseQueue(MainWindow& window, const QString& shownName)
{
    auto* list = window.queues()->findChild<QListWidget*>(u"queueList"_s);
    const auto found = list->findItems(shownName, Qt::MatchExactly);
    QVERIFY2(found.size() == 1, qPrintable(shownName));
    list->setCurrentItem(found.first());
}

QStringList shownReferences(MainWindow& window)
{
    QStringList out;
    for (int row = 0; row < window.listModel()->rowCount(); ++row)
        out << window.listModel()->referenceAt(row);
    return out;
}

QSet<QString> shownSet(MainWindow& window)
{
    const QStringList shown = shownReferences(window);
    return QSet<QString>(shown.cbegin(), shown.cend());
}

int rowOf(MainWindow& window, const QString& reference)
{
    return shownReferences(window).indexOf(reference);
}

void select(MainWindow& window, const QString& reference)
{
    const int row = rowOf(window, reference);
    QVERIFY2(row >= 0, qPrintable(reference));
    window.listView()->selectRow(row);
    QTRY_COMPARE(window.detail()->reference(), reference);
}

QString handlerOf(Registry& registry, const QString& reference)
{
    auto detail = Signals::detail(registry, reference);
    return detail.ok() ? detail->handler : u"?"_s;
}

void chooseCode(QComboBox* box, const QString& code)
{
    const int index = box->findData(code);
    QVERIFY2(index >= 0, qPrintable(code));
    box->setCurrentIndex(index);
}

}  // namespace

class TestCaseworkGui : public QObject {
    Q_OBJECT

private:
    FixedClock m_clock{referenceToday()};
    QTranslator m_dutch;
    QTemporaryDir m_dir;
    int m_files = 0;
    QString m_a, m_b, m_c, m_kees;  // piet's A (follow-up later), B (today), C (none); kees's own

    // A registry with coordinator anna, workers piet and kees, piet's three signals and one of kees.
    QString makeRegistry()
    {
        const QString path = m_dir.filePath(u"casework%1.buurtsignaal"_s.arg(++m_files));
        {
            auto admin = Registry::open(path, Registry::Create::IfMissing, m_clock, u"tester"_s);
            if (!admin.ok())
                return {};
            (void)Access::setUser(*admin.value(), u"anna"_s, u"Anna de Vries"_s, u"coordinator"_s, true);
            (void)Access::setUser(*admin.value(), u"piet"_s, u"Piet Jansen"_s, u"medewerker"_s, true);
            (void)Access::setUser(*admin.value(), u"kees"_s, u"Kees Bakker"_s, u"medewerker"_s, true);
        }
        auto add = [&](const QString& login, const QString& followUp) {
            auto registry = Registry::open(path, Registry::Create::No, m_clock, login);
            NewSignal input;
            input.buurt = u"Oranjebuurt"_s;
            input.category = u"eenzaamheid"_s;
            input.source = u"huisbezoek"_s;
            input.impact = u"individu"_s;
            input.description = u"Bewoner komt nauwelijks buiten."_s;
            input.followUpOn = followUp;
            auto reference = Signals::add(*registry.value(), input);
            return reference.ok() ? reference.value() : QString();
        };
        m_a = add(u"piet"_s, u"2026-12-10"_s);
        m_b = add(u"piet"_s, referenceToday().toString(Qt::ISODate));
        m_c = add(u"piet"_s, QString());
        m_kees = add(u"kees"_s, referenceToday().toString(Qt::ISODate));
        return path;
    }

private slots:
    void initTestCase()
    {
        QApplication::setOrganizationName(u"Buurtsignaal-tests"_s);
        QApplication::setApplicationName(u"tst_casework_gui"_s);
        QVERIFY(m_dutch.load(u":/i18n/buurtsignaal_nl.qm"_s));
        QApplication::installTranslator(&m_dutch);
    }

    void myWorkShowsOwnSignalsInFollowUpOrder()
    {
        const QString path = makeRegistry();
        auto window = windowFor(m_clock, path, u"piet"_s);
        QVERIFY(window);
        chooseQueue(*window, u"Mijn werkvoorraad"_s);
        // Follow-up date first (none last), and kees's signal is not piet's work.
        QCOMPARE(shownReferences(*window), QStringList({m_b, m_a, m_c}));
        QCOMPARE(window->listModel()->index(0, SignalListModel::Handler).data().toString(), u"piet"_s);
        QCOMPARE(window->listModel()->headerData(SignalListModel::Handler, Qt::Horizontal).toString(), u"Behandelaar"_s);
        // A click on a column header orders by that column instead.
        window->listView()->horizontalHeader()->setSortIndicator(SignalListModel::Reference, Qt::DescendingOrder);
        QCOMPARE(shownReferences(*window), QStringList({m_c, m_b, m_a}));
        // Only a coordinator chooses a handler in the filter bar.
        QVERIFY(window->findChild<QComboBox*>(u"filterHandler"_s)->isHidden());
    }

    void handOverMovesTheSignalToTheColleaguesQueue()
    {
        const QString path = makeRegistry();
        auto piet = windowFor(m_clock, path, u"piet"_s);
        QVERIFY(piet);
        chooseQueue(*piet, u"Mijn werkvoorraad"_s);
        select(*piet, m_a);
        auto* line = piet->detail()->findChild<QLabel*>(u"detailHandler"_s);
        QCOMPARE(line->text(), u"Behandelaar: Piet Jansen"_s);
        piet->detail()->findChild<QPushButton*>(u"handOver"_s)->click();
        ActionDialog* dialog = piet->detail()->openDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), u"%1 overdragen"_s.arg(m_a));
        chooseCode(dialog->findChild<QComboBox*>(u"handler"_s), u"kees"_s);
        dialog->findChild<QPlainTextEdit*>(u"note"_s)->setPlainText(u"Kees kent de familie."_s);
        QVERIFY(dialog->submit());
        QCOMPARE(handlerOf(*piet->registry(), m_a), u"kees"_s);
        QVERIFY(!shownReferences(*piet).contains(m_a));  // out of piet's own queue

        auto kees = windowFor(m_clock, path, u"kees"_s);
        QVERIFY(kees);
        chooseQueue(*kees, u"Mijn werkvoorraad"_s);
        const int row = rowOf(*kees, m_a);
        QVERIFY(row >= 0);
        const QModelIndex cell = kees->listModel()->index(row, SignalListModel::Handler);
        QCOMPARE(cell.data().toString(), u"kees ⇠ piet"_s);
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(), u"Overgedragen door piet"_s);
        select(*kees, m_a);
        QCOMPARE(kees->detail()->findChild<QLabel*>(u"detailHandler"_s)->text(),
                 u"Behandelaar: Kees Bakker (overgedragen door Piet Jansen)"_s);
    }

    void handOverWithoutANoteIsRefusedAndKeepsTheChoice()
    {
        const QString path = makeRegistry();
        auto piet = windowFor(m_clock, path, u"piet"_s);
        QVERIFY(piet);
        select(*piet, m_a);
        const QByteArray before = contentFingerprint(path);
        piet->detail()->findChild<QPushButton*>(u"handOver"_s)->click();
        ActionDialog* dialog = piet->detail()->openDialog();
        QVERIFY(dialog);
        auto* to = dialog->findChild<QComboBox*>(u"handler"_s);
        chooseCode(to, u"anna"_s);
        QVERIFY(!dialog->submit());
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->errorShownFor(u"note"_s).contains(u"Toelichting bij overdragen"_s), qPrintable(dialog->errorShownFor(u"note"_s)));
        QCOMPARE(to->currentData().toString(), u"anna"_s);
        QCOMPARE(contentFingerprint(path), before);
        QCOMPARE(handlerOf(*piet->registry(), m_a), u"piet"_s);
    }

    void aHandOverMadeElsewhereFirstIsNotOverwritten()
    {
        const QString path = makeRegistry();
        auto first = windowFor(m_clock, path, u"piet"_s);
        auto second = windowFor(m_clock, path, u"anna"_s);
        QVERIFY(first && second);
        select(*first, m_a);
        select(*second, m_a);
        // The second desk starts its hand-over while the signal is still piet's...
        second->detail()->findChild<QPushButton*>(u"handOver"_s)->click();
        ActionDialog* late = second->detail()->openDialog();
        QVERIFY(late);
        chooseCode(late->findChild<QComboBox*>(u"handler"_s), u"anna"_s);
        late->findChild<QPlainTextEdit*>(u"note"_s)->setPlainText(u"Ik neem het over."_s);
        // ...the first desk hands it to kees...
        first->detail()->findChild<QPushButton*>(u"handOver"_s)->click();
        ActionDialog* early = first->detail()->openDialog();
        chooseCode(early->findChild<QComboBox*>(u"handler"_s), u"kees"_s);
        early->findChild<QPlainTextEdit*>(u"note"_s)->setPlainText(u"Kees kent de familie."_s);
        QVERIFY(early->submit());
        const QByteArray afterFirst = contentFingerprint(path);
        // ...and the second is refused, naming who got it, with nothing changed and its choice kept.
        QVERIFY(!late->submit());
        QVERIFY2(late->errorShownFor(u"handler"_s).contains(u"intussen overgedragen aan Kees Bakker (kees)"_s),
                 qPrintable(late->errorShownFor(u"handler"_s)));
        QCOMPARE(late->code(u"handler"_s), u"anna"_s);
        QCOMPARE(late->text(u"note"_s), u"Ik neem het over."_s);
        QCOMPARE(contentFingerprint(path), afterFirst);
        QCOMPARE(handlerOf(*second->registry(), m_a), u"kees"_s);
    }

    void ctrlJAddsAJournalEntryOnTopOfTheTimeline()
    {
        const QString path = makeRegistry();
        auto piet = windowFor(m_clock, path, u"piet"_s);
        QVERIFY(piet);
        QVERIFY(QTest::qWaitForWindowActive(piet.get()));
        select(*piet, m_a);
        auto* street = piet->detail()->findChild<QLineEdit*>(u"detailStreet"_s);
        street->setFocus();
        QTest::keyClick(street, Qt::Key_J, Qt::ControlModifier);
        ActionDialog* dialog = piet->detail()->openDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->objectName(), u"journalDialog"_s);
        chooseCode(dialog->findChild<QComboBox*>(u"kind"_s), u"telefoon"_s);
        dialog->findChild<QPlainTextEdit*>(u"text"_s)->setPlainText(u"Gebeld met de dochter; zij komt zaterdag langs."_s);
        QVERIFY(dialog->submit());
        // On top of the timeline (newest first), above the signal's history.
        auto* timeline = piet->detail()->findChild<QTextBrowser*>(u"timeline"_s);
        const QStringList lines = timeline->toPlainText().split(u'\n');
        QVERIFY2(lines.size() > 2, qPrintable(timeline->toPlainText()));
        QVERIFY2(lines.at(0).contains(u"Telefoon · Piet Jansen"_s), qPrintable(lines.at(0)));
        QCOMPARE(lines.at(1), u"Gebeld met de dochter; zij komt zaterdag langs."_s);
        QVERIFY(timeline->toPlainText().contains(u"Geschiedenis"_s));
        // The filter shows the journal alone.
        auto* filter = piet->detail()->findChild<QComboBox*>(u"timelineFilter"_s);
        filter->setCurrentIndex(filter->findText(u"Journaal"_s));
        QVERIFY(!timeline->toPlainText().contains(u"Geschiedenis"_s));
        QVERIFY(timeline->toPlainText().contains(u"Gebeld met de dochter"_s));
    }

    void aJournalEntryInTheFutureIsRefused()
    {
        const QString path = makeRegistry();
        auto piet = windowFor(m_clock, path, u"piet"_s);
        QVERIFY(piet);
        select(*piet, m_a);
        piet->detail()->requestJournalEntry();
        ActionDialog* dialog = piet->detail()->openDialog();
        QVERIFY(dialog);
        const QByteArray before = contentFingerprint(path);
        auto* on = dialog->findChild<QLineEdit*>(u"on"_s);
        on->setText(u"03-12-2026"_s);
        auto* text = dialog->findChild<QPlainTextEdit*>(u"text"_s);
        text->setPlainText(u"Huisbezoek gepland."_s);
        QVERIFY(!dialog->submit());
        QVERIFY2(dialog->errorShownFor(u"on"_s).contains(u"Datum contact"_s), qPrintable(dialog->errorShownFor(u"on"_s)));
        QCOMPARE(text->toPlainText(), u"Huisbezoek gepland."_s);
        QCOMPARE(on->text(), u"03-12-2026"_s);
        QCOMPARE(contentFingerprint(path), before);
    }

    void coordinatorAssignsTwoSelectedRows()
    {
        const QString path = makeRegistry();
        auto anna = windowFor(m_clock, path, u"anna"_s);
        QVERIFY(anna);
        QVERIFY(!anna->findChild<QComboBox*>(u"filterHandler"_s)->isHidden());
        QCOMPARE(anna->listView()->contextMenuPolicy(), Qt::CustomContextMenu);
        QTableView* view = anna->listView();
        view->clearSelection();
        for (const QString& reference : {m_c, m_kees}) {
            view->selectionModel()->select(anna->listModel()->index(rowOf(*anna, reference), 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        QCOMPARE(anna->selectedReferences().size(), 2);
        anna->assignSelected();
        ActionDialog* dialog = anna->assignDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), u"2 signalen toewijzen"_s);
        chooseCode(dialog->findChild<QComboBox*>(u"handler"_s), u"anna"_s);
        dialog->findChild<QPlainTextEdit*>(u"note"_s)->setPlainText(u"Casusoverleg: ik pak deze op."_s);
        QVERIFY(dialog->submit());
        QCOMPARE(handlerOf(*anna->registry(), m_c), u"anna"_s);
        QCOMPARE(handlerOf(*anna->registry(), m_kees), u"anna"_s);
        QCOMPARE(handlerOf(*anna->registry(), m_a), u"piet"_s);
        // The handler filter now finds them under anna.
        chooseCode(anna->findChild<QComboBox*>(u"filterHandler"_s), u"anna"_s);
        QCOMPARE(shownSet(*anna), QSet<QString>({m_c, m_kees}));
    }

    // The coordination tab shows what each colleague carries, and the journal's recent contacts.
    void coordinatorSeesTheTeamsWork()
    {
        const QString path = makeRegistry();
        {
            auto piet = Registry::open(path, Registry::Create::No, m_clock, u"piet"_s);
            QVERIFY(Journal::add(*piet.value(), {m_a, u"huisbezoek"_s, {}, u"Langs geweest."_s, false, 0}).ok());
        }
        auto window = windowFor(m_clock, path, u"anna"_s);
        QVERIFY(window);
        window->showCoordinatorTab();
        auto* loads = window->coordinator()->findChild<QTreeWidget*>(u"handlerLoads"_s);
        QVERIFY(loads);
        QMap<QString, QString> open;
        for (int i = 0; i < loads->topLevelItemCount(); ++i)
            open.insert(loads->topLevelItem(i)->text(0), loads->topLevelItem(i)->text(1));
        QCOMPARE(open.value(u"Piet Jansen"_s), u"3"_s);
        QCOMPARE(open.value(u"Kees Bakker"_s), u"1"_s);
        QCOMPARE(open.value(u"Zonder behandelaar"_s), u"0"_s);
        auto* contacts = window->coordinator()->findChild<QLabel*>(u"journalContacts"_s);
        QVERIFY2(contacts->text().contains(u"1 contact (huisbezoek 1)"_s), qPrintable(contacts->text()));
    }

    void statusBarCountsTodaysFollowUps()
    {
        const QString path = makeRegistry();
        auto piet = windowFor(m_clock, path, u"piet"_s);
        QVERIFY(piet);
        QPushButton* count = piet->followUpCount();
        QTRY_COMPARE(count->text(), u"Vandaag opvolgen: 2"_s);
        QVERIFY(count->isVisible());
        count->click();
        QCOMPARE(piet->listModel()->filter().queue, SignalQueue::FollowUpToday);
        QCOMPARE(shownSet(*piet), QSet<QString>({m_b, m_kees}));
    }

    void newSignalIsHandledByWhoeverRegistersIt()
    {
        const QString path = makeRegistry();
        auto piet = windowFor(m_clock, path, u"piet"_s);
        QVERIFY(piet);
        piet->newSignal();
        auto* handler = piet->newSignalDialog()->findChild<QComboBox*>(u"handler"_s);
        QCOMPARE(handler->currentData().toString(), u"piet"_s);
        QVERIFY(handler->findText(u"(geen)"_s) >= 0);
        QVERIFY(handler->findData(u"anna"_s) >= 0);
        piet->newSignalDialog()->close();
        // The beheerder handles no signals: a new one waits for the coordinator.
        auto admin = windowFor(m_clock, path, u"tester"_s);
        admin->newSignal();
        QCOMPARE(admin->newSignalDialog()->findChild<QComboBox*>(u"handler"_s)->currentData().toString(), QString());
    }

    // With BUURTSIGNAAL_SHOTS set: the detail panel with a handed-over signal and a journal, and
    // both dialogs, as PNG files to look at.
    void screenshotsForReview()
    {
        const QString shots = qEnvironmentVariable("BUURTSIGNAAL_SHOTS");
        if (shots.isEmpty())
            QSKIP("BUURTSIGNAAL_SHOTS not set");
        QDir().mkpath(shots);
        const QString path = makeRegistry();
        {
            auto registry = Registry::open(path, Registry::Create::No, m_clock, u"piet"_s);
            QVERIFY(Handlers::assign(*registry.value(), {m_a, u"kees"_s, u"Kees kent de familie."_s, std::nullopt}).ok());
            auto first = Journal::add(*registry.value(), {m_a, u"huisbezoek"_s, u"2026-11-24"_s,
                                                          u"Huisbezoek: bewoner oogt vermoeid, koelkast leeg. Dochter woont in Dordrecht."_s, true, 0});
            QVERIFY(first.ok());
            QVERIFY(Journal::add(*registry.value(), {m_a, u"telefoon"_s, u"2026-11-25"_s, u"Correctie: dochter woont in Papendrecht."_s,
                                                      false, first.value()}).ok());
        }
        auto kees = windowFor(m_clock, path, u"kees"_s);
        QVERIFY(kees);
        kees->resize(1500, 1000);
        select(*kees, m_a);
        QTRY_VERIFY(kees->followUpCount()->isVisible());
        kees->grab().save(shots + u"/casework-window.png"_s);
        kees->detail()->grab().save(shots + u"/casework-detail.png"_s);
        kees->detail()->findChild<QTextBrowser*>(u"timeline"_s)->parentWidget()->grab().save(shots + u"/casework-timeline.png"_s);
        kees->detail()->requestHandOver();
        kees->detail()->openDialog()->grab().save(shots + u"/casework-handover.png"_s);
        QVERIFY(!kees->detail()->openDialog()->submit());  // no note: the message as shown
        kees->detail()->openDialog()->adjustSize();
        kees->detail()->openDialog()->grab().save(shots + u"/casework-handover-refused.png"_s);
        kees->detail()->openDialog()->close();
        kees->detail()->requestJournalEntry();
        kees->detail()->openDialog()->grab().save(shots + u"/casework-journal.png"_s);
    }
};

QTEST_MAIN(TestCaseworkGui)
#include "tst_casework_gui.moc"
