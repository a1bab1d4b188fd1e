// The steering-group report, read back with pdftotext: the figures are those of stats, small
// counts print as <5 and cannot be recovered, nothing personal appears, and every page carries
// the period, the date it was made and its page number.
#include "PageBreaks.h"
#include "StuurgroepReport.h"
#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "services/Lookups.h"
#include "services/ReferenceAdmin.h"
#include "services/Signals.h"
#include "services/Subjects.h"
#include "stats/Indicators.h"
#include "stats/Publication.h"
#include "stats/Statistics.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

class TestReport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void reportReadsBackAsTheFigures();
    void headersBreakOnlyBetweenWords();
    void targetsKeepTheirSignAndNoDashboard();
    void summaryTellsTheLargestChange();
    void headingsAndTotalsStayWithTheirRows();
    void reportIsPdfA();
    void allSmallFiguresGiveASentenceNotAnEmptyChart();
    void pageBreaksKeepRowsTotalsAndHeadingsTogether();

private:
    struct Board {
        std::unique_ptr<TempRegistry> temp;
        QStringList pages;
        QString all;
        QByteArray bytes;
    };
    const Board& board();
    std::unique_ptr<Board> m_board;
};

namespace {

const QDate demoToday(2026, 11, 27);

// A demo registry's report of the third quarter, as pages of text; `pdfBytes` gets the file.
QStringList demoReport(TempRegistry& temp, int signalCount, QByteArray* pdfBytes = nullptr)
{
    if (!DemoGenerator::generate(temp.registry(), {signalCount, 1}).ok())
        return {};
    const QString pdf = QDir(temp.dir()).filePath(u"rapport.pdf"_s);
    if (!StuurgroepReport::write(temp.registry(), {Period{QDate(2026, 7, 1), QDate(2026, 9, 30)}, {}}, pdf).ok())
        return {};
    if (pdfBytes) {
        QFile file(pdf);
        if (file.open(QIODevice::ReadOnly))
            *pdfBytes = file.readAll();
    }
    return pdfPages(pdf);
}

// The text lines of a page between its running header and its footer.
QStringList bodyLines(const QString& page)
{
    QStringList lines;
    for (const QString& line : page.split(u'\n')) {
        if (!line.trimmed().isEmpty())
            lines << line.trimmed();
    }
    return lines.mid(1, lines.size() - 2);
}

}  // namespace

void TestReport::initTestCase()
{
    if (const QString why = engineUnavailable(); !why.isEmpty())
        QSKIP(qPrintable(why));
    // The report is read as the steering group reads it: in Dutch.
    static QTranslator dutch;
    QVERIFY(dutch.load(u":/i18n/buurtsignaal_nl.qm"_s));
    QCoreApplication::installTranslator(&dutch);
}

void TestReport::reportReadsBackAsTheFigures()
{
    TempRegistry temp;
    auto add = [&](const QString& buurt, const QString& category, const QString& day, const QString& description) {
        NewSignal input{buurt, category, u"huisbezoek"_s, u"individu"_s, u"normaal"_s, day, u"Geheimstraat 7"_s, description, {}, {}};
        auto reference = Signals::add(temp.registry(), input);
        if (!reference.ok())
            qFatal("%s", qPrintable(reference.error().message));
        return reference.value();
    };
    // Oranjebuurt: 12 signals (7 schulden, 5 eenzaamheid); Kortland: 3 (small); Souburgh: 6 vervuiling.
    for (int i = 0; i < 7; ++i) add(u"Oranjebuurt"_s, u"schulden"_s, u"2026-10-0%1"_s.arg(i + 1), u"GEHEIMEOMSCHRIJVING schulden"_s);
    for (int i = 0; i < 5; ++i) add(u"Oranjebuurt"_s, u"eenzaamheid"_s, u"2026-10-1%1"_s.arg(i), u"Eenzaam"_s);
    for (int i = 0; i < 3; ++i) add(u"Kortland"_s, u"schulden"_s, u"2026-10-2%1"_s.arg(i), u"Kortland"_s);
    for (int i = 0; i < 6; ++i) add(u"Souburgh"_s, u"vervuiling"_s, u"2026-10-1%1"_s.arg(i), u"Afval"_s);
    const QString withSubject = add(u"Oranjebuurt"_s, u"armoede"_s, u"2026-10-20"_s, u"Armoede"_s);
    QVERIFY(Subjects::set(temp.registry(), withSubject, {u"Henkie Geheimnaam"_s, u"Dam 99"_s, u"0612345678"_s, {}}).ok());
    auto kortland = Lookups::findBuurt(temp.registry(), u"Kortland"_s);
    QVERIFY(ReferenceAdmin::saveBuurt(temp.registry(), {kortland->id, u"Kortland"_s, {}, {}, u"900"_s, false, {}}).ok());

    const QString pdf = QDir(temp.dir()).filePath(u"rapport.pdf"_s);
    const Period october = Period::month(2026, 10);
    QVERIFY(StuurgroepReport::write(temp.registry(), {october, {}}, pdf).ok());
    const QStringList text = pdfPages(pdf);
    QVERIFY2(text.size() >= 3, qPrintable(QString::number(text.size())));
    const QString all = text.join(u'\n');

    // Every page: the period, the date it was made, its number.
    for (int i = 0; i < text.size(); ++i) {
        QVERIFY2(text.at(i).contains(u"Periode 01-10-2026 t/m 31-10-2026"_s), qPrintable(u"page %1"_s.arg(i + 1)));
        QVERIFY(text.at(i).contains(u"Gemaakt op 26-11-2026"_s));
        QVERIFY(text.at(i).contains(u"Pagina %1 van %2"_s.arg(i + 1).arg(text.size())));
    }
    QVERIFY(all.contains(u"Inhoud"_s));

    // Nothing personal: no descriptions, names, addresses or phone numbers.
    for (const QString& secret : {u"GEHEIMEOMSCHRIJVING"_s, u"Geheimnaam"_s, u"Henkie"_s, u"Dam 99"_s, u"0612345678"_s, u"Geheimstraat"_s})
        QVERIFY2(!all.contains(secret), qPrintable(secret));

    // The same figures as the statistics.
    auto stats = Stats::compute(temp.registry(), {october, {}, {}});
    QVERIFY(stats.ok());
    QCOMPARE(stats->signalCount, 22);
    static const QRegularExpression signalsLine(u"Geregistreerde signalen\\s+(\\d+)"_s);
    QCOMPARE(signalsLine.match(all).captured(1).toInt(), stats->signalCount);
    // Souburgh's row, with nothing small in it or its columns, prints its exact figures.
    static const QRegularExpression souburgh(u"Souburgh\\s+0\\s+0\\s+6\\s+0\\s+6\\b"_s);
    QVERIFY2(souburgh.match(all).hasMatch(), qPrintable(all.section(u"3. Signalen per buurt"_s, 2, 2).left(1500)));
    // Kortland's 3 signals print as <5 (also its total), and its rate per 1,000 is left out.
    static const QRegularExpression kortlandRow(u"Kortland\\s+0\\s+<5\\s+0\\s+0\\s+<5\\s+0\\s+–"_s);
    QVERIFY2(kortlandRow.match(all).hasMatch(), qPrintable(all.section(u"Kortland"_s, 1, 1).left(120)));
    QVERIFY(!all.contains(u"333,3"_s));  // 3 per 900 inhabitants

    // No hidden count can be worked out: read the neighbourhood table back and check that every
    // line with a printed total has no unknown cell or at least two.
    QList<QList<std::optional<int>>> table;  // rows: cells T1..T4 and total
    static const QRegularExpression row(u"^\\s*(\\S[^\\d<x]*?)\\s+(\\d+|<5|x)\\s+(\\d+|<5|x)\\s+(\\d+|<5|x)\\s+(\\d+|<5|x)\\s+(\\d+|<5|x)\\b"_s);
    const QString buurtPage = all.section(u"3. Signalen per buurt"_s, 2, 2).section(u"4. Verloop per maand"_s, 0, 0);
    std::optional<QList<std::optional<int>>> totalRow;
    for (const QString& line : buurtPage.split(u'\n')) {
        const auto m = row.match(line);
        if (!m.hasMatch())
            continue;
        QList<std::optional<int>> values;
        for (int c = 2; c <= 6; ++c) {
            bool ok = false;
            const int v = m.captured(c).toInt(&ok);
            values << (ok ? std::optional<int>(v) : std::nullopt);
        }
        if (m.captured(1).trimmed() == u"Totaal"_s)
            totalRow = values;
        else
            table << values;
    }
    QCOMPARE(table.size(), 8);
    QVERIFY(totalRow.has_value());
    auto unknowns = [](const QList<std::optional<int>>& line) {
        int n = 0;
        for (const auto& v : line)
            n += !v.has_value();
        return n;
    };
    for (const auto& r : table) {
        if (r.at(4).has_value())
            QVERIFY(unknowns(r.mid(0, 4)) != 1);
    }
    for (int c = 0; c < 5; ++c) {
        QList<std::optional<int>> column;
        for (const auto& r : table)
            column << r.at(c);
        // Column totals are printed in the total row; the grand total is a key figure (always known).
        if (c == 4 || totalRow->at(c).has_value())
            QVERIFY2(unknowns(column) != 1, qPrintable(u"column %1"_s.arg(c)));
    }
}

// What a board member reads, from one demo registry with enough signals for every table to run
// over a page and for more rising trends than are listed.
const TestReport::Board& TestReport::board()
{
    if (!m_board) {
        m_board = std::make_unique<Board>();
        m_board->temp = std::make_unique<TempRegistry>(demoToday);
        m_board->pages = demoReport(*m_board->temp, 6000, &m_board->bytes);
        m_board->all = m_board->pages.join(u'\n');
    }
    return *m_board;
}

// Headers break between words only: "Geaccepteerd", not "Geaccept|eerd"; "Groep", not "Groe|p".
void TestReport::headersBreakOnlyBetweenWords()
{
    const QString& all = board().all;
    QVERIFY(board().pages.size() >= 5);
    static const QRegularExpression partnerHeader(u"^\\s*Partner\\s+Verstuurd\\s+Geaccepteerd\\s+Afgerond\\s+Afgewezen\\b"_s,
                                                  QRegularExpression::MultilineOption);
    QVERIFY2(partnerHeader.match(all).hasMatch(), qPrintable(all.section(u"Doorverwijzingen per partner"_s, 2, 2).left(1200)));
    static const QRegularExpression factorHeader(u"^\\s*Groep\\s+Succesfactor\\s+Waarde"_s, QRegularExpression::MultilineOption);
    QVERIFY(factorHeader.match(all).hasMatch());
}

// Targets as the app's success-factor tab words them, and nothing sends the board to a
// dashboard they do not have (not even when more trends rose than are listed).
void TestReport::targetsKeepTheirSignAndNoDashboard()
{
    const QString& all = board().all;
    QVERIFY2(all.contains(u"+10 % per periode"_s), qPrintable(all.section(u"Succesfactoren"_s, 2, 2).left(1500)));
    QVERIFY(all.contains(u"stijgende trends, zwakker dan deze"_s));
    QVERIFY(!all.contains(u"dashboard"_s, Qt::CaseInsensitive));
}

// The summary opens the report, on a page of its own, with the largest change that can be told
// from the published (protected) figures.
void TestReport::summaryTellsTheLargestChange()
{
    const QStringList& pages = board().pages;
    QVERIFY(pages.size() > 2);
    QVERIFY(pages.at(1).contains(u"1. Samenvatting"_s));
    QVERIFY(!pages.at(1).contains(u"2. Kerncijfers"_s));
    const Period quarter{QDate(2026, 7, 1), QDate(2026, 9, 30)};
    auto stats = Stats::compute(board().temp->registry(), {quarter, {}, {}});
    QVERIFY(stats.ok());
    auto indicators = Indicators::compute(board().temp->registry(), quarter, {});
    QVERIFY(indicators.ok());
    const Published figures = Publication::publish(stats.value(), indicators.value(), Publication::Mode::Protected);
    const PublishedBuurt* largest = nullptr;
    for (const PublishedBuurt& b : figures.buurten) {
        if (b.total.shown() && b.previous.shown()
            && (!largest || std::abs(b.total.value - b.previous.value) > std::abs(largest->total.value - largest->previous.value)))
            largest = &b;
    }
    QVERIFY(largest);
    const int difference = int(largest->total.value - largest->previous.value);
    const QString expected = u"%1: %2 signalen, %3 %4 dan in de vorige periode"_s.arg(largest->buurt).arg(int(largest->total.value))
                                 .arg(std::abs(difference)).arg(difference > 0 ? u"meer"_s : u"minder"_s);
    QVERIFY2(pages.at(1).simplified().contains(expected), qPrintable(expected + u"\n"_s + pages.at(1)));
}

// A section heading is never the last thing on a page, and a total never starts one.
void TestReport::headingsAndTotalsStayWithTheirRows()
{
    const QStringList& pages = board().pages;
    static const QRegularExpression heading(u"^\\d+\\. \\S"_s);
    static const QRegularExpression header(u"^(Buurt|Partner|Trede|Groep|Maand|Soort|Reden)\\s"_s);
    for (int i = 1; i < pages.size(); ++i) {
        const QStringList lines = bodyLines(pages.at(i));
        QVERIFY(!lines.isEmpty());
        QVERIFY2(!heading.match(lines.last()).hasMatch(), qPrintable(u"page %1 ends with %2"_s.arg(i + 1).arg(lines.last())));
        // A continued table: its repeated header, then at least one row above the total.
        int firstRow = 0;
        while (firstRow < lines.size() && (header.match(lines.at(firstRow)).hasMatch() || !lines.at(firstRow).contains(QRegularExpression(u"\\d|<5|–"_s))))
            ++firstRow;
        if (firstRow > 0 && firstRow < lines.size() && header.match(lines.first()).hasMatch())
            QVERIFY2(!lines.at(firstRow).startsWith(u"Totaal"_s), qPrintable(u"page %1 starts with the total"_s.arg(i + 1)));
    }
}

// PDF/A-1b, so the municipality can archive it: the XMP identification or the output intent.
void TestReport::reportIsPdfA()
{
    QVERIFY(!board().bytes.isEmpty());
    QVERIFY(board().bytes.contains("pdfaid:part") || board().bytes.contains("/GTS_PDFA1"));
}

// A registry where nearly every count is below 5: the charts say why there is nothing to see
// instead of printing an empty frame with a legend.
void TestReport::allSmallFiguresGiveASentenceNotAnEmptyChart()
{
    TempRegistry temp(demoToday);
    const QString all = demoReport(temp, 60).join(u'\n');
    QVERIFY(!all.isEmpty());
    QVERIFY2(all.simplified().contains(u"Alle aantallen in deze periode zijn kleiner dan 5; ze worden niet getoond."_s),
             qPrintable(all.section(u"Verloop per maand"_s, 2, 2).left(1500)));
}

namespace {

struct Span {
    qreal top = 1e12;
    qreal bottom = -1e12;
};

Span rowSpan(QTextDocument& doc, QTextTable* table, int row)
{
    Span span;
    for (int c = 0; c < table->columns(); ++c) {
        const QTextTableCell cell = table->cellAt(row, c);
        for (QTextBlock b = doc.findBlock(cell.firstPosition()); b.isValid() && b.position() <= cell.lastPosition(); b = b.next()) {
            const QRectF r = doc.documentLayout()->blockBoundingRect(b);
            span.top = std::min(span.top, r.top());
            span.bottom = std::max(span.bottom, r.bottom());
        }
    }
    return span;
}

}  // namespace

// Qt's rich text cuts rows and leaves headings and totals alone at a page foot; PageBreaks
// measures the laid-out pages and breaks the HTML so none of that happens.
void TestReport::pageBreaksKeepRowsTotalsAndHeadingsTogether()
{
    const qreal pageHeight = 300;
    QString html = u"<html><body>"_s;
    for (int i = 0; i < 3; ++i) {
        html += u"<h2 style='color:#000'>Kop %1</h2>"_s.arg(i);
        html += u"<table width='100%' border='1' cellspacing='0' style='border-color:#888'><thead><tr><th>Naam</th><th>Aantal</th></tr></thead>"_s;
        for (int r = 0; r < 9 + i; ++r)
            html += u"<tr><td>rij %1<br>tweede regel<br>derde regel</td><td>%1</td></tr>"_s.arg(r);
        html += u"<tr><td><b>Totaal</b></td><td>99</td></tr></table><p>Noot onder de tabel.</p><p>%1</p>"_s.arg(
            u"Een lange alinea die over meer regels loopt. "_s.repeated(3 + 4 * i));
    }
    html += u"</body></html>"_s;
    QTextDocument doc;
    auto layOut = [pageHeight](QTextDocument& d, const QString& text) {
        d.clear();
        d.setPageSize(QSizeF(400, pageHeight));
        d.setHtml(text);
    };
    PageBreaks::place(doc, html, pageHeight, layOut);
    QVERIFY(doc.pageCount() > 3);
    auto page = [pageHeight](qreal y) { return int(std::floor(y / pageHeight)); };
    int tables = 0;
    for (QTextFrame* frame : doc.rootFrame()->childFrames()) {
        auto* table = qobject_cast<QTextTable*>(frame);
        if (!table)
            continue;
        ++tables;
        for (int r = 0; r < table->rows(); ++r) {
            const Span s = rowSpan(doc, table, r);
            QVERIFY2(page(s.top) == page(s.bottom - 0.5), qPrintable(u"table %1 row %2 cut"_s.arg(tables).arg(r)));
        }
        const int last = table->rows() - 1;
        QCOMPARE(page(rowSpan(doc, table, last).top), page(rowSpan(doc, table, last - 1).top));
    }
    QVERIFY(tables > 3);  // split, each part with its header
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        if (!QTextCursor(b).currentTable()) {
            const QRectF r = doc.documentLayout()->blockBoundingRect(b);
            QVERIFY2(page(r.top()) == page(r.bottom() - 0.5), qPrintable(u"paragraph cut: "_s + b.text().left(40)));
        }
        if (b.blockFormat().headingLevel() != 2)
            continue;
        QTextTable* table = QTextCursor(b.next()).currentTable();
        QVERIFY(table);
        QCOMPARE(page(doc.documentLayout()->blockBoundingRect(b).top()), page(rowSpan(doc, table, 1).bottom - 0.5));
    }
}

QTEST_MAIN(TestReport)
#include "tst_report.moc"
