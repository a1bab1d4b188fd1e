// Prints how fast the desktop app is on a large registry (not a test: it asserts nothing).
//   buurtsignaal-bench-ui FILE        (e.g. a registry made by `buurtsignaal-cli demo --signals 1000000`)
// Figures: start-up until the list's first page is shown, first page after opening each work
// queue and after each filter or sort change, and resident memory after scrolling to the end.
#include "DashboardView.h"
#include "MainWindow.h"
#include "stats/Period.h"
#include "QueuePanel.h"
#include "SignalListModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

long residentKb(const char* field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLong();
    }
    return -1;
}

// The time until the view has the data of its first visible rows.
double firstPageMs(bs::MainWindow& window, const std::function<void()>& change)
{
    QElapsedTimer timer;
    timer.start();
    change();
    bs::SignalListModel* model = window.listModel();
    for (int row = 0; row < qMin(model->rowCount(), 30); ++row) {
        for (int column = 0; column < bs::SignalListModel::ColumnCount; ++column)
            (void)model->index(row, column).data();
    }
    QApplication::processEvents();
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    model->waitForCount();  // the exact count arrives in the background; reported separately
    return ms;
}

}  // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Buurtsignaal-bench"_s);
    if (argc < 2) {
        std::fprintf(stderr, "usage: buurtsignaal-bench-ui FILE\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const bs::Clock& clock = bs::programClock();

    bs::MainWindow window(clock);
    window.setInteractive(false);
    window.resize(1366, 768);
    window.show();
    const double opened = firstPageMs(window, [&]() { window.openRegistry(path, false); });
    std::printf("registry            %s\n", qPrintable(path));
    std::printf("signals             %lld\n", static_cast<long long>(window.listModel()->totalCount()));
    std::printf("start-up to first page shown: %.0f ms (opening the registry and first page: %.1f ms)\n",
                double(sinceStart.nsecsElapsed()) / 1e6, opened);

    const QList<QPair<const char*, bs::SignalQueue>> queues = {
        {"Mijn werkvoorraad", bs::SignalQueue::MyWork}, {"Vandaag opvolgen", bs::SignalQueue::FollowUpToday},
        {"Zonder behandelaar", bs::SignalQueue::Unassigned}, {"Nieuw", bs::SignalQueue::New},
        {"Te laat", bs::SignalQueue::Late}, {"Wacht op terugkoppeling", bs::SignalQueue::AwaitingFeedback},
        {"Gestagneerde escalaties", bs::SignalQueue::Stalled}, {"Alle signalen", bs::SignalQueue::All}};
    std::printf("\n%-44s %10s %12s\n", "first page after", "ms", "rows");
    for (const auto& [name, queue] : queues) {
        const double ms = firstPageMs(window, [&, queue = queue]() { window.queues()->selectQueue(queue); });
        std::printf("%-44s %10.1f %12lld\n", (u"queue "_s + QString::fromUtf8(name)).toUtf8().constData(), ms,
                    static_cast<long long>(window.listModel()->totalCount()));
    }
    window.queues()->selectQueue(bs::SignalQueue::All);
    const QList<QPair<const char*, std::function<void(bs::SignalFilter&)>>> filters = {
        {"filter buurt", [](bs::SignalFilter& f) { f.buurt = u"Oranjebuurt"_s; }},
        {"filter theme", [](bs::SignalFilter& f) { f.theme = u"T2"_s; }},
        {"filter category", [](bs::SignalFilter& f) { f.category = u"schulden"_s; }},
        {"filter status", [](bs::SignalFilter& f) { f.status = u"in_behandeling"_s; }},
        {"filter source", [](bs::SignalFilter& f) { f.source = u"fixie"_s; }},
        {"filter period (one month)", [](bs::SignalFilter& f) { f.from = u"2026-03-01"_s; f.to = u"2026-03-31"_s; }},
        {"filter buurt + category + status", [](bs::SignalFilter& f) { f.buurt = u"Souburgh"_s; f.category = u"eenzaamheid"_s; f.status = u"afgehandeld"_s; }},
        {"free text 'portiek'", [](bs::SignalFilter& f) { f.text = u"portiek"_s; }},
        {"free text reference 'S-2025-0123'", [](bs::SignalFilter& f) { f.text = u"S-2025-0123"_s; }},
        {"sort by reference", [](bs::SignalFilter& f) { f.sort = bs::SignalSort::ByReference; }},
        {"sort by status", [](bs::SignalFilter& f) { f.sort = bs::SignalSort::ByStatus; }},
        {"sort by buurt", [](bs::SignalFilter& f) { f.sort = bs::SignalSort::ByBuurt; }},
        {"sort by urgency", [](bs::SignalFilter& f) { f.sort = bs::SignalSort::ByUrgency; }},
    };
    for (const auto& [name, change] : filters) {
        bs::SignalFilter filter;
        change(filter);
        const double ms = firstPageMs(window, [&]() { window.listModel()->setFilter(filter); });
        std::printf("%-44s %10.1f %12lld\n", name, ms, static_cast<long long>(window.listModel()->totalCount()));
    }

    // The dashboard: every chart, the success factors and the trends, recomputed and redrawn. Timed
    // from an idle window: the figures of opening the tab and the list's last count are in first
    // (the window's background jobs run one after another on one connection, so a refresh asked
    // for while they run would also time them).
    window.listModel()->waitForCount();
    window.showDashboardTab();
    window.dashboard()->waitForFigures();
    QApplication::processEvents();
    for (const auto& [name, period] : QList<QPair<const char*, bs::Period>>{
             {"dashboard refresh, a quarter", bs::Period::quarter(2026, 3)}, {"dashboard refresh, a year", bs::Period::year(2025)}}) {
        QElapsedTimer timer;
        timer.start();
        window.dashboard()->setPeriod(period);
        const double responsive = double(timer.nsecsElapsed()) / 1e6;
        window.dashboard()->waitForFigures();
        QApplication::processEvents();
        std::printf("%-44s %10.1f  (window free again after %.1f ms)\n", name, double(timer.nsecsElapsed()) / 1e6, responsive);
    }
    window.findChild<QTabWidget*>(u"mainTabs"_s)->setCurrentIndex(0);

    // Scroll through the whole list the way a user drags the scroll bar: 200 jumps to the end.
    window.listModel()->setFilter(bs::SignalFilter());
    window.listModel()->waitForCount();
    QTableView* view = window.listView();
    QScrollBar* bar = view->verticalScrollBar();
    QElapsedTimer scroll;
    scroll.start();
    double slowest = 0;
    for (int step = 1; step <= 200; ++step) {
        QElapsedTimer one;
        one.start();
        bar->setValue(int(qint64(bar->maximum()) * step / 200));
        view->viewport()->repaint();
        slowest = qMax(slowest, double(one.nsecsElapsed()) / 1e6);
    }
    std::printf("\nscroll to the end in 200 jumps: %.0f ms total, slowest jump %.0f ms\n", double(scroll.nsecsElapsed()) / 1e6, slowest);
    std::printf("last row shown: %s\n", qPrintable(window.listModel()->referenceAt(window.listModel()->rowCount() - 1)));
    std::printf("memory: resident now %ld MB, peak %ld MB\n", residentKb("VmRSS:") / 1024, residentKb("VmHWM:") / 1024);
    return 0;
}
