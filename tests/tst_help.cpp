// Help inside the app (issue 14): the guide's chapters are compiled in and every link between them
// resolves; F1 opens the chapter of the screen with the focus, also inside the window's modal
// forms; Help ▸ Keyboard shortcuts lists every key of the window once; the words users stumble on
// ("Te laat", "Gestagneerd", "Gesloten lus") carry their rule as a tooltip where they are shown.
#include "BuurtMapPicture.h"
#include "CoordinatorView.h"
#include "DashboardView.h"
#include "HelpMenu.h"
#include "HelpTopics.h"
#include "HelpViewer.h"
#include "MainWindow.h"
#include "ManagementDialog.h"
#include "NewSignalDialog.h"
#include "PrivacyDialog.h"
#include "QueuePanel.h"
#include "RecordForm.h"
#include "ShortcutList.h"
#include "SignalDetailPanel.h"
#include "SignalListModel.h"
#include "TermHelp.h"
#include "TestSupport.h"
#include "demo/DemoGenerator.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QRegularExpression>
#include <QShortcut>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTranslator>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

namespace {

QString pageText(const QString& chapter)
{
    QFile page(u":/handleiding/%1.html"_s.arg(chapter));
    return page.open(QIODevice::ReadOnly) ? QString::fromUtf8(page.readAll()) : QString();
}

QStringList linksOf(const QString& html)
{
    static const QRegularExpression href(u"href=\"([^\"]*)\""_s);
    QStringList links;
    for (auto it = href.globalMatch(html); it.hasNext();)
        links << it.next().captured(1);
    return links;
}

bool hasAnchor(const QString& html, const QString& anchor)
{
    return html.contains(u"name=\"%1\""_s.arg(anchor)) || html.contains(u"id=\"%1\""_s.arg(anchor));
}

}  // namespace

class TestHelp : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QApplication::setOrganizationName(u"Buurtsignaal-tests"_s);
        QApplication::setApplicationName(u"tst_help"_s);
        QVERIFY(m_dutch.load(u":/i18n/buurtsignaal_nl.qm"_s));
        QApplication::installTranslator(&m_dutch);
    }

    void everyChapterIsCompiledInAndEveryLinkResolves()
    {
        const QStringList chapters = HelpTopics::chapters();
        const QStringList linkedFromIndex = linksOf(pageText(HelpTopics::index));
        for (const QString& chapter : chapters) {
            const QString html = pageText(chapter);
            QVERIFY2(!html.isEmpty(), qPrintable(chapter));
            QVERIFY2(HelpTopics::titleOf(chapter) != chapter, qPrintable(chapter + u": no <title>"_s));
            if (chapter != HelpTopics::index)
                QVERIFY2(linkedFromIndex.contains(chapter + u".html"_s), qPrintable(chapter + u" is not in the contents"_s));
        }
        // Every page in the folder is a chapter (none forgotten in HelpTopics or in CMake).
        const QStringList files = QDir(u":/handleiding"_s).entryList({u"*.html"_s});
        QCOMPARE(files.size(), chapters.size());
        for (const QString& file : files)
            QVERIFY2(chapters.contains(file.chopped(5)), qPrintable(file));
        for (const QString& chapter : chapters) {
            const QString html = pageText(chapter);
            for (const QString& link : linksOf(html)) {
                QVERIFY2(!link.contains(u"://"_s), qPrintable(chapter + u": web link "_s + link));  // the guide works offline
                const qsizetype hash = link.indexOf(u'#');
                const QString file = hash < 0 ? link : link.left(hash);
                const QString anchor = hash < 0 ? QString() : link.mid(hash + 1);
                const QString target = file.isEmpty() ? chapter + u".html"_s : file;
                QVERIFY2(QFile::exists(u":/handleiding/"_s + target), qPrintable(chapter + u": "_s + link));
                if (!anchor.isEmpty() && target.endsWith(u".html"_s))
                    QVERIFY2(hasAnchor(pageText(target.chopped(5)), anchor), qPrintable(chapter + u": no anchor for "_s + link));
            }
        }
    }

    void viewerOpensChaptersAndNeverTheWeb()
    {
        HelpViewer viewer;
        viewer.showChapter(HelpTopics::referrals, u"toestemming"_s);
        QCOMPARE(viewer.currentChapter(), HelpTopics::referrals);
        QCOMPARE(viewer.browser()->source().fragment(), u"toestemming"_s);
        QVERIFY(viewer.browser()->toPlainText().contains(u"Delen zonder toestemming"_s));
        QCOMPARE(viewer.findChild<QListWidget*>(u"helpChapters"_s)->currentItem()->text(), HelpTopics::titleOf(HelpTopics::referrals));
        // A link between chapters is followed, back returns.
        emit viewer.browser()->anchorClicked(QUrl(u"te-laat-en-gestagneerd.html#gesloten-lus"_s));
        QCOMPARE(viewer.currentChapter(), HelpTopics::lateAndStalled);
        viewer.browser()->backward();
        QCOMPARE(viewer.currentChapter(), HelpTopics::referrals);
        // A web address is named, not opened.
        emit viewer.browser()->anchorClicked(QUrl(u"https://example.org/"_s));
        QCOMPARE(viewer.currentChapter(), HelpTopics::referrals);
        QVERIFY(!viewer.findChild<QLabel*>(u"helpOutsideLink"_s)->isHidden());
        // An unknown chapter falls back to the contents.
        viewer.showChapter(u"bestaat-niet"_s);
        QCOMPARE(viewer.currentChapter(), HelpTopics::index);
    }

    void f1OpensTheChapterOfTheScreenWithTheFocus()
    {
        TempRegistry temp(referenceToday(), Engine::Sqlite);
        (void)DemoGenerator::generate(temp.registry(), {60, 3});
        const QString path = temp.path();
        temp.close();
        MainWindow window(m_clock);
        window.setInteractive(false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openRegistry(path, false));
        QVERIFY(window.help());

        auto pressF1In = [&](QWidget* widget) -> QString {
            QApplication::setActiveWindow(widget->window());
            widget->setFocus();
            QTest::keyClick(widget, Qt::Key_F1);
            return window.help()->viewer() ? window.help()->viewer()->currentChapter() : QString();
        };
        QCOMPARE(pressF1In(window.listView()), HelpTopics::workQueues);
        QCOMPARE(pressF1In(window.queues()->findChild<QListWidget*>(u"queueList"_s)), HelpTopics::workQueues);
        window.listView()->selectRow(0);
        QCOMPARE(pressF1In(window.detail()->findChild<QTableWidget*>(u"referrals"_s)), HelpTopics::referrals);
        window.showCoordinatorTab();
        QCOMPARE(pressF1In(window.coordinator()->findChild<QTreeWidget*>(u"openReferrals"_s)), HelpTopics::lateAndStalled);
        window.showDashboardTab();
        QCOMPARE(pressF1In(window.dashboard()->findChild<QComboBox*>(u"periodPreset"_s)), HelpTopics::dashboard);
        // The tab bar stands for the page it shows.
        QCOMPARE(pressF1In(window.tabs()->tabBar()), HelpTopics::dashboard);
        window.tabs()->setCurrentIndex(0);

        // Inside the window's modal forms, which the menu's shortcut does not reach.
        window.newSignal();
        QVERIFY(window.newSignalDialog());
        QVERIFY(window.newSignalDialog()->isModal() || window.newSignalDialog()->windowModality() != Qt::NonModal);
        QCOMPARE(pressF1In(window.newSignalDialog()->findChild<QComboBox*>(u"buurt"_s)), HelpTopics::registering);
        window.newSignalDialog()->close();
        QTRY_VERIFY(!window.newSignalDialog());

        QApplication::setActiveWindow(&window);
        QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);  // the steering-group report
        RecordForm* report = window.findChild<RecordForm*>();
        QVERIFY(report);
        QCOMPARE(pressF1In(report->findChild<QWidget*>(u"from"_s)), HelpTopics::report);
        report->reject();

        window.openPrivacy();
        QVERIFY(window.privacyDialog());
        QCOMPARE(pressF1In(window.privacyDialog()->tabs()), HelpTopics::privacy);
        window.privacyDialog()->close();

        ManagementDialog management(*window.registry(), &window);
        management.open();
        QCOMPARE(pressF1In(management.tabs()), HelpTopics::management);
        management.close();

        // The menu shows the key, and the guide's window never outlives the program's main window.
        QCOMPARE(window.help()->guideAction()->shortcut(), QKeySequence(QKeySequence::HelpContents));
        QCOMPARE(window.help()->guideAction()->text(), u"&Handleiding"_s);
        QVERIFY(window.help()->viewer()->isVisible());
        window.close();
        QVERIFY(!window.help()->viewer()->isVisible());
    }

    // Alt plus the underlined letter jumps to a field of the new-signal form (in Dutch, as shown):
    // two fields with one letter would make Alt+letter cycle between them instead.
    void newSignalFormHasOneLetterPerField()
    {
        TempRegistry temp(referenceToday(), Engine::Sqlite);
        NewSignalDialog dialog(temp.registry());
        QHash<QChar, QString> byLetter;
        int letters = 0;
        for (const QLabel* label : dialog.findChildren<QLabel*>()) {
            const QString text = label->text();
            const qsizetype amp = text.indexOf(u'&');
            if (amp < 0 || amp + 1 >= text.size() || text.at(amp + 1) == u'&' || !label->buddy())
                continue;
            const QChar letter = text.at(amp + 1).toLower();
            QVERIFY2(!byLetter.contains(letter), qPrintable(u"Alt+%1: %2 en %3"_s.arg(letter, byLetter.value(letter), text)));
            byLetter.insert(letter, text);
            ++letters;
        }
        QVERIFY2(letters >= 8, qPrintable(QString::number(letters)));
    }

    void shortcutListHasEveryKeyOnce()
    {
        TempRegistry temp(referenceToday(), Engine::Sqlite);
        const QString path = temp.path();
        temp.close();
        MainWindow window(m_clock);
        window.setInteractive(false);
        QVERIFY(window.openRegistry(path, false));

        const QList<ShortcutEntry> entries = ShortcutList::collect(&window);
        QHash<QKeySequence, QString> byKey;
        for (const ShortcutEntry& e : entries) {
            QVERIFY(!e.what.isEmpty());
            QVERIFY2(!e.what.contains(u'&'), qPrintable(e.what));
            for (const QKeySequence& key : e.keys) {
                QVERIFY2(!byKey.contains(key) || byKey.value(key) == e.what,
                         qPrintable(key.toString() + u": "_s + byKey.value(key) + u" and "_s + e.what));
                byKey.insert(key, e.what);
            }
        }
        QCOMPARE(byKey.value(QKeySequence(QKeySequence::New)), u"Nieuw signaal"_s);
        QCOMPARE(byKey.value(QKeySequence(Qt::CTRL | Qt::Key_J)), u"Journaalregel toevoegen"_s);
        QCOMPARE(byKey.value(QKeySequence(QKeySequence::HelpContents)), u"Handleiding"_s);
        QVERIFY(byKey.contains(QKeySequence(Qt::CTRL | Qt::Key_Enter)));
        QVERIFY(byKey.contains(QKeySequence(Qt::CTRL | Qt::Key_Return)));
        // Where: the menu as the menu bar reads, or the place of a key that is not in a menu.
        QHash<QString, QString> whereOf;
        for (const ShortcutEntry& e : entries)
            whereOf.insert(e.what, e.where);
        QCOMPARE(whereOf.value(u"Nieuw signaal"_s), u"Bestand"_s);
        QCOMPARE(whereOf.value(u"Handleiding"_s), u"Help"_s);
        QCOMPARE(whereOf.value(u"Journaalregel toevoegen"_s), u"Gekozen signaal"_s);
        // Every action of the menus with a key is listed.
        for (const QAction* action : window.findChildren<QAction*>()) {
            for (const QKeySequence& key : action->shortcuts())
                QVERIFY2(!action->isVisible() || byKey.contains(key), qPrintable(key.toString()));
        }
        // The keys of the forms that are not open now are listed too.
        window.newSignal();
        QVERIFY(window.newSignalDialog());
        for (const QShortcut* shortcut : window.newSignalDialog()->findChildren<QShortcut*>())
            QVERIFY2(byKey.contains(shortcut->key()), qPrintable(shortcut->key().toString()));
        window.newSignalDialog()->close();

        window.help()->showShortcuts();
        auto* table = window.help()->shortcutsDialog()->findChild<QTableWidget*>(u"shortcutTable"_s);
        QCOMPARE(table->rowCount(), entries.size());
        QStringList keysShown;
        for (int row = 0; row < table->rowCount(); ++row)
            keysShown << table->item(row, 0)->text();
        QVERIFY(keysShown.contains(QKeySequence(Qt::CTRL | Qt::Key_J).toString(QKeySequence::NativeText)));
        QVERIFY(keysShown.contains(u"F1"_s));
    }

    void termsCarryTheirRuleWhereTheyAreShown()
    {
        // The rules are translated: the Dutch text names the term it explains.
        QVERIFY(TermHelp::lateSignal().startsWith(u"Te laat"_s));
        QVERIFY(TermHelp::lateReferral().startsWith(u"Te laat"_s));
        QVERIFY(TermHelp::stalled().startsWith(u"Gestagneerd"_s));
        QVERIFY(TermHelp::closedLoop().startsWith(u"Gesloten lus"_s));
        QVERIFY(TermHelp::lateReferral().contains(u"20 werkdagen"_s));

        MainWindow window(m_clock);
        auto toolTipOfQueue = [&](const QString& label) {
            const auto items = window.queues()->findChild<QListWidget*>(u"queueList"_s)->findItems(label, Qt::MatchExactly);
            return items.isEmpty() ? u"(no queue)"_s : items.first()->toolTip();
        };
        QCOMPARE(toolTipOfQueue(u"Te laat"_s), TermHelp::lateSignal());
        QCOMPARE(toolTipOfQueue(u"Gestagneerde escalaties"_s), TermHelp::stalled());
        QCOMPARE(window.listModel()->headerData(SignalListModel::Late, Qt::Horizontal).toString(), u"Te laat"_s);
        QCOMPARE(window.listModel()->headerData(SignalListModel::Late, Qt::Horizontal, Qt::ToolTipRole).toString(), TermHelp::lateSignal());

        auto* partners = window.dashboard()->findChild<QTableWidget*>(u"partnerTable"_s);
        QCOMPARE(partners->horizontalHeaderItem(3)->text(), u"Gesloten lus"_s);
        QCOMPARE(partners->horizontalHeaderItem(3)->toolTip(), TermHelp::closedLoop());
        QCOMPARE(partners->horizontalHeaderItem(5)->text(), u"Nu te laat"_s);
        QCOMPARE(partners->horizontalHeaderItem(5)->toolTip(), TermHelp::lateReferral());
        QCOMPARE(window.dashboard()->findChild<QWidget*>(u"levelChart"_s)->toolTip(), TermHelp::stalled());
        QCOMPARE(window.dashboard()->findChild<QWidget*>(u"openLateChart"_s)->toolTip(), TermHelp::lateSignal());

        auto* measure = window.dashboard()->findChild<QComboBox*>(u"mapMeasure"_s);
        const int late = measure->findData(int(BuurtMapPicture::Measure::Late));
        QVERIFY(late >= 0);
        QCOMPARE(measure->itemData(late, Qt::ToolTipRole).toString(), TermHelp::lateSignal());
        QCOMPARE(window.findChild<QLabel*>(u"countLabel"_s)->toolTip(), TermHelp::lateSignal());

        auto* referrals = window.coordinator()->findChild<QTreeWidget*>(u"openReferrals"_s);
        QCOMPARE(referrals->headerItem()->text(5), u"Te laat"_s);
        QCOMPARE(referrals->headerItem()->toolTip(5), TermHelp::lateReferral());
        auto* stalled = window.coordinator()->findChild<QTreeWidget*>(u"stalledEscalations"_s);
        QCOMPARE(stalled->headerItem()->text(0), u"Gestagneerd signaal"_s);
        QCOMPARE(stalled->headerItem()->toolTip(0), TermHelp::stalled());
        auto* handlers = window.coordinator()->findChild<QTreeWidget*>(u"handlerLoads"_s);
        QCOMPARE(handlers->headerItem()->toolTip(2), TermHelp::lateSignal());
    }

private:
    FixedClock m_clock{referenceToday()};
    QTranslator m_dutch;
};

QTEST_MAIN(TestHelp)
#include "tst_help.moc"
