// The steering-group report, read back with pdftotext: the figures are those of stats, small
// counts print as <5 and cannot be recovered, nothing personal appears, and every page carries
// the period, the date it was made and its page number.
#include "StuurgroepReport.h"
#include "TestSupport.h"
#include "services/Lookups.h"
#include "services/ReferenceAdmin.h"
#include "services/Signals.h"
#include "services/Subjects.h"
#include "stats/Statistics.h"

#include <QApplication>
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

class TestReport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void reportReadsBackAsTheFigures();
};

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
    QVERIFY2(souburgh.match(all).hasMatch(), qPrintable(all.section(u"2. Signalen per buurt"_s, 2, 2).left(1500)));
    // Kortland's 3 signals print as <5 (also its total), and its rate per 1,000 is left out.
    static const QRegularExpression kortlandRow(u"Kortland\\s+0\\s+<5\\s+0\\s+0\\s+<5\\s+0\\s+–"_s);
    QVERIFY2(kortlandRow.match(all).hasMatch(), qPrintable(all.section(u"Kortland"_s, 1, 1).left(120)));
    QVERIFY(!all.contains(u"333,3"_s));  // 3 per 900 inhabitants

    // No hidden count can be worked out: read the neighbourhood table back and check that every
    // line with a printed total has no unknown cell or at least two.
    QList<QList<std::optional<int>>> table;  // rows: cells T1..T4 and total
    static const QRegularExpression row(u"^\\s*(\\S[^\\d<x]*?)\\s+(\\d+|<5|x)\\s+(\\d+|<5|x)\\s+(\\d+|<5|x)\\s+(\\d+|<5|x)\\s+(\\d+|<5|x)\\b"_s);
    const QString buurtPage = all.section(u"2. Signalen per buurt"_s, 2, 2).section(u"3. Verloop per maand"_s, 0, 0);
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

QTEST_MAIN(TestReport)
#include "tst_report.moc"
