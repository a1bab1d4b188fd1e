// The steering group never gets a hidden count back. A reader with `stats --json` (as the
// stuurgroep) and the PDF report tries what a curious reader would: add up rows, columns and
// totals, subtract shown figures from shown totals, and turn percentages, rates per 1,000,
// closed-loop rates and medians back into counts. On demo data and on a registry full of cells
// of 1 to 4, nothing hidden comes back, no count from 1 to 4 is printed, and the PDF prints the
// same published figures as `stats`.
#include "Cli.h"
#include "StuurgroepReport.h"
#include "DisclosureReader.h"
#include "TestSupport.h"
#include "access/Access.h"
#include "demo/DemoGenerator.h"
#include "services/Lookups.h"
#include "services/ReferenceAdmin.h"
#include "services/Referrals.h"
#include "services/Signals.h"
#include "stats/Publication.h"
#include "DashboardView.h"

#include <QLabel>
#include <QTableWidget>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

namespace {

const QStringList countKeys = {u"signals"_s,   u"previous_signals"_s, u"open_now"_s,  u"late_now"_s,    u"sent"_s,
                               u"accepted"_s,  u"completed"_s,        u"rejected"_s,  u"withdrawn"_s,   u"open"_s,
                               u"late"_s,      u"closed"_s,           u"loop_closed"_s, u"stalled_now"_s, u"steps_up"_s,
                               u"steps_down"_s, u"referrals_shared_without_consent"_s};
const QStringList countMaps = {u"by_theme"_s, u"rejection_reasons"_s};

// Every count printed as a number from 1 to 4, anywhere in the document.
void smallCounts(const QJsonValue& v, const QString& path, QStringList& out)
{
    auto small = [](const QJsonValue& x) { return x.isDouble() && x.toDouble() >= 1 && x.toDouble() <= 4; };
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (int i = 0; i < a.size(); ++i)
            smallCounts(a.at(i), u"%1[%2]"_s.arg(path).arg(i), out);
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString p = path + u'.' + it.key();
            if (countKeys.contains(it.key()) && small(it.value()))
                out << p;
            if (countMaps.contains(it.key())) {
                const QJsonObject m = it.value().toObject();
                for (auto c = m.begin(); c != m.end(); ++c) {
                    if (small(c.value()))
                        out << p + u'.' + c.key();
                }
            }
            smallCounts(it.value(), p, out);
        }
    }
}

}  // namespace

class TestDisclosure : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void nothingHiddenComesBack_data();
    void nothingHiddenComesBack();
    void dashboardShowsTheSteeringGroupWhatTheReportShows();
    void aSelectionOfBuurtenDoesNotGiveTheOthersAway();

private:
    QJsonObject stats(const QString& user, const QString& path, const QString& from, const QString& to);
    static QStringList attack(const QJsonObject& shown, const QJsonObject& exact);
    static QStringList derivedLeaks(const QJsonObject& shown, const QJsonObject& exact);
    static QString pdfText(const QString& pdf);
    FixedClock m_clock{referenceToday()};
};

void TestDisclosure::initTestCase()
{
    if (const QString why = engineUnavailable(); !why.isEmpty())
        QSKIP(qPrintable(why));
    static QTranslator dutch;
    QVERIFY(dutch.load(u":/i18n/buurtsignaal_nl.qm"_s));
    QCoreApplication::installTranslator(&dutch);
}

QJsonObject TestDisclosure::stats(const QString& user, const QString& path, const QString& from, const QString& to)
{
    qputenv("BUURTSIGNAAL_USER", user.toUtf8());
    QString o, e;
    QTextStream os(&o), es(&e);
    const int code = runCli({u"buurtsignaal-cli"_s, u"--db"_s, path, u"stats"_s, u"--from"_s, from, u"--to"_s, to, u"--json"_s}, os, es, m_clock);
    os.flush();
    es.flush();
    qputenv("BUURTSIGNAAL_USER", "tester");
    if (code != 0)
        qWarning("stats failed: %s", qPrintable(e));
    return QJsonDocument::fromJson(o.toUtf8()).object();
}

// Rows, columns and totals, as a reader of the JSON would add them up.
QStringList TestDisclosure::attack(const QJsonObject& shown, const QJsonObject& exact)
{
    Reader r;
    auto at = [&](const QJsonValue& s, const QJsonValue& x, const QString& where) { return r.term(s, x, where); };
    const QJsonArray sb = shown.value(u"buurten"_s).toArray(), xb = exact.value(u"buurten"_s).toArray();
    const QJsonObject st = shown.value(u"buurten_total"_s).toObject(), xt = exact.value(u"buurten_total"_s).toObject();
    const QStringList themes = xt.value(u"by_theme"_s).toObject().keys();
    QList<Term> rowTotals, previous, open, late;
    QHash<QString, QList<Term>> columns;
    for (int i = 0; i < sb.size(); ++i) {
        const QJsonObject s = sb.at(i).toObject(), x = xb.at(i).toObject();
        const QString name = x.value(u"buurt"_s).toString();
        QList<Term> row;
        for (const QString& t : themes) {
            row << at(s.value(u"by_theme"_s).toObject().value(t), x.value(u"by_theme"_s).toObject().value(t), name + u' ' + t);
            columns[t] << row.last();
        }
        rowTotals << at(s.value(u"signals"_s), x.value(u"signals"_s), name + u" totaal"_s);
        r.sum(row, rowTotals.last());
        previous << at(s.value(u"previous_signals"_s), x.value(u"previous_signals"_s), name + u" vorige"_s);
        open << at(s.value(u"open_now"_s), x.value(u"open_now"_s), name + u" open"_s);
        late << at(s.value(u"late_now"_s), x.value(u"late_now"_s), name + u" te laat"_s);
        // Late signals are open ones.
        r.sum({late.last(), r.difference(x.value(u"open_now"_s).toDouble() - x.value(u"late_now"_s).toDouble(), name + u" open niet te laat"_s)},
              open.last());
    }
    QList<Term> themeTotals;
    for (const QString& t : themes) {
        themeTotals << at(st.value(u"by_theme"_s).toObject().value(t), xt.value(u"by_theme"_s).toObject().value(t), u"totaal "_s + t);
        r.sum(columns.value(t), themeTotals.last());
    }
    const Term corner = at(st.value(u"signals"_s), xt.value(u"signals"_s), u"totaal"_s);
    r.sum(rowTotals, corner);
    r.sum(themeTotals, corner);
    const Term signalCount = at(shown.value(u"signals"_s), exact.value(u"signals"_s), u"signalen"_s);
    r.sum({corner}, signalCount);
    const Term previousCorner = at(st.value(u"previous_signals"_s), xt.value(u"previous_signals"_s), u"totaal vorige"_s);
    r.sum(previous, previousCorner);
    r.sum({previousCorner}, at(shown.value(u"previous_signals"_s), exact.value(u"previous_signals"_s), u"signalen vorige"_s));
    r.sum(open, at(shown.value(u"open_now"_s), exact.value(u"open_now"_s), u"open"_s));
    r.sum(late, at(shown.value(u"late_now"_s), exact.value(u"late_now"_s), u"te laat"_s));

    // Months: rows, and columns that add up to the same theme totals.
    const QJsonArray sm = shown.value(u"months"_s).toArray(), xm = exact.value(u"months"_s).toArray();
    QHash<QString, QList<Term>> monthColumns;
    QList<Term> monthTotals;
    for (int i = 0; i < sm.size(); ++i) {
        const QJsonObject s = sm.at(i).toObject(), x = xm.at(i).toObject();
        QList<Term> row;
        for (const QString& t : themes) {
            row << at(s.value(u"by_theme"_s).toObject().value(t), x.value(u"by_theme"_s).toObject().value(t),
                      x.value(u"month"_s).toString() + u' ' + t);
            monthColumns[t] << row.last();
        }
        monthTotals << at(s.value(u"signals"_s), x.value(u"signals"_s), x.value(u"month"_s).toString());
        r.sum(row, monthTotals.last());
    }
    for (int t = 0; t < themes.size(); ++t)
        r.sum(monthColumns.value(themes.at(t)), themeTotals.at(t));
    r.sum(monthTotals, corner);

    // Partners: columns with totals, closed = completed + rejected + withdrawn, reasons add up.
    const QJsonArray sp = shown.value(u"partners"_s).toArray(), xp = exact.value(u"partners"_s).toArray();
    const QJsonObject spt = shown.value(u"partners_total"_s).toObject(), xpt = exact.value(u"partners_total"_s).toObject();
    const QStringList columnsWithTotals = {u"sent"_s, u"accepted"_s, u"completed"_s, u"rejected"_s, u"closed"_s, u"loop_closed"_s};
    QHash<QString, QList<Term>> partnerColumns;
    QHash<QString, QList<Term>> reasons;
    // Paired by name: for the steering group partners with fewer than 5 are not ordered by size.
    auto exactPartner = [](const QJsonArray& list, const QString& name) {
        for (const QJsonValue& v : list) {
            if (v.toObject().value(u"partner"_s).toString() == name)
                return v.toObject();
        }
        return QJsonObject();
    };
    for (int i = 0; i < sp.size(); ++i) {
        const QJsonObject s = sp.at(i).toObject(), x = exactPartner(xp, s.value(u"partner"_s).toString());
        const QString name = x.value(u"partner"_s).toString();
        QHash<QString, Term> t;
        for (const QString& key : {u"sent"_s, u"accepted"_s, u"completed"_s, u"rejected"_s, u"withdrawn"_s, u"closed"_s, u"loop_closed"_s}) {
            t.insert(key, at(s.value(key), x.value(key), name + u' ' + key));
            partnerColumns[key] << t.value(key);
        }
        r.sum({t.value(u"completed"_s), t.value(u"rejected"_s), t.value(u"withdrawn"_s)}, t.value(u"closed"_s));
        // What every reader knows of referrals: accepted and rejected ones were sent, completed ones
        // were accepted, late ones are neither completed nor rejected.
        auto n = [&](const QString& key) { return x.value(key).toDouble(); };
        t.insert(u"late"_s, at(s.value(u"late"_s), x.value(u"late"_s), name + u" late"_s));
        r.sum({t.value(u"accepted"_s), t.value(u"rejected"_s), r.difference(n(u"sent"_s) - n(u"accepted"_s) - n(u"rejected"_s), name + u" rest"_s)},
              t.value(u"sent"_s));
        r.sum({t.value(u"completed"_s), r.difference(n(u"accepted"_s) - n(u"completed"_s), name + u" accepted rest"_s)}, t.value(u"accepted"_s));
        r.sum({t.value(u"completed"_s), t.value(u"rejected"_s), t.value(u"late"_s),
               r.difference(n(u"sent"_s) - n(u"completed"_s) - n(u"rejected"_s) - n(u"late"_s), name + u" sent rest"_s)},
              t.value(u"sent"_s));
        r.sum({t.value(u"loop_closed"_s), r.difference(n(u"closed"_s) - n(u"loop_closed"_s), name + u" closed without feedback"_s)},
              t.value(u"closed"_s));
        QList<Term> own;
        const QJsonObject sr = s.value(u"rejection_reasons"_s).toObject(), xr = x.value(u"rejection_reasons"_s).toObject();
        for (const QString& k : xr.keys()) {
            own << at(sr.value(k), xr.value(k), name + u" reden "_s + k);
            reasons[k] << own.last();
        }
        r.sum(own, t.value(u"rejected"_s));
    }
    for (const QString& key : columnsWithTotals)
        r.sum(partnerColumns.value(key), at(spt.value(key), xpt.value(key), u"partners totaal "_s + key));
    QList<Term> reasonTotals;
    const QJsonObject srt = spt.value(u"rejection_reasons"_s).toObject(), xrt = xpt.value(u"rejection_reasons"_s).toObject();
    for (const QString& k : xrt.keys()) {
        reasonTotals << at(srt.value(k), xrt.value(k), u"reden "_s + k);
        r.sum(reasons.value(k), reasonTotals.last());
    }
    r.sum(reasonTotals, at(spt.value(u"rejected"_s), xpt.value(u"rejected"_s), u"afgewezen totaal"_s));

    // The ladder: columns with totals.
    const QJsonArray sl = shown.value(u"escalation_levels"_s).toArray(), xl = exact.value(u"escalation_levels"_s).toArray();
    const QJsonObject slt = shown.value(u"escalation_total"_s).toObject(), xlt = exact.value(u"escalation_total"_s).toObject();
    for (const QString& key : {u"open_now"_s, u"stalled_now"_s, u"steps_up"_s, u"steps_down"_s}) {
        QList<Term> column;
        for (int i = 0; i < sl.size(); ++i)
            column << at(sl.at(i).toObject().value(key), xl.at(i).toObject().value(key), u"trede %1 %2"_s.arg(i).arg(key));
        r.sum(column, at(slt.value(key), xlt.value(key), u"treden totaal "_s + key));
    }
    for (int i = 0; i < sl.size(); ++i) {  // stalled signals are open ones
        const QJsonObject s = sl.at(i).toObject(), x = xl.at(i).toObject();
        r.sum({at(s.value(u"stalled_now"_s), x.value(u"stalled_now"_s), u"trede %1 gestagneerd"_s.arg(i)),
               r.difference(x.value(u"open_now"_s).toDouble() - x.value(u"stalled_now"_s).toDouble(), u"trede %1 niet gestagneerd"_s.arg(i))},
              at(s.value(u"open_now"_s), x.value(u"open_now"_s), u"trede %1 open"_s.arg(i)));
    }
    QStringList out = r.recover();
    if (r.hidden() == 0)
        out << u"(nothing was hidden: the test registry has no small cells)"_s;
    return out;
}

// A percentage, rate or median printed while an input is hidden turns the input back into a count.
QStringList TestDisclosure::derivedLeaks(const QJsonObject& s, const QJsonObject& exact)
{
    QStringList out;
    auto isNumber = [](const QJsonValue& v) { return v.isDouble(); };
    if (isNumber(s.value(u"signals_change_pct"_s)) && !(isNumber(s.value(u"signals"_s)) && isNumber(s.value(u"previous_signals"_s))))
        out << u"signals_change_pct"_s;
    for (const QJsonValue& v : s.value(u"buurten"_s).toArray()) {
        const QJsonObject b = v.toObject();
        if (isNumber(b.value(u"per_1000"_s)) && !isNumber(b.value(u"signals"_s)))
            out << b.value(u"buurt"_s).toString() + u" per_1000"_s;
    }
    for (const QJsonValue& v : s.value(u"trends"_s).toArray()) {
        const QJsonObject t = v.toObject();
        if (isNumber(t.value(u"growth_pct"_s)) && !(isNumber(t.value(u"signals"_s)) && isNumber(t.value(u"previous_signals"_s))))
            out << t.value(u"buurt"_s).toString() + u' ' + t.value(u"category"_s).toString() + u" growth_pct"_s;
    }
    auto enough = [&](const QJsonValue& v) { return isNumber(v) && v.toDouble() >= 5; };
    auto small = [](double n) { return n >= 1 && n <= 4; };
    QJsonArray partners = s.value(u"partners"_s).toArray();
    partners.append(s.value(u"partners_total"_s));
    QJsonArray exactPartners = exact.value(u"partners"_s).toArray();
    exactPartners.append(exact.value(u"partners_total"_s));
    for (int i = 0; i < partners.size(); ++i) {
        const QJsonObject p = partners.at(i).toObject();
        // Paired by name (the total last): for the steering group small partners are not ordered by size.
        QJsonObject x = exactPartners.last().toObject();
        for (const QJsonValue& v : std::as_const(exactPartners)) {
            if (i + 1 < partners.size() && v.toObject().value(u"partner"_s) == p.value(u"partner"_s))
                x = v.toObject();
        }
        // The share of closed referrals with feedback: the closed ones, those with and those
        // without feedback may each be 0 or at least 5, never 1 to 4 (printed or not).
        const double closed = x.value(u"closed"_s).toDouble(), loop = x.value(u"loop_closed"_s).toDouble();
        if (isNumber(p.value(u"closed_loop_rate"_s)) && (closed < 5 || small(loop) || small(closed - loop)))
            out << p.value(u"partner"_s).toString() + u" closed_loop_rate"_s;
        if (isNumber(p.value(u"median_days_to_accept"_s)) && !enough(p.value(u"accepted"_s)))
            out << p.value(u"partner"_s).toString() + u" median_days_to_accept"_s;
        if (isNumber(p.value(u"median_days_to_complete"_s)) && !enough(p.value(u"completed"_s)))
            out << p.value(u"partner"_s).toString() + u" median_days_to_complete"_s;
    }
    for (const QJsonValue& v : s.value(u"indicators"_s).toArray()) {
        const QJsonObject i = v.toObject();
        const bool hiddenInput = (!i.value(u"value"_s).isNull() && !isNumber(i.value(u"value"_s)))
                                 || (i.value(u"target_kind"_s).toString() == u"relative_change_pct"_s && !i.value(u"previous"_s).isNull()
                                     && !isNumber(i.value(u"previous"_s)));
        if (hiddenInput && i.value(u"status"_s).toString() != u"–"_s)
            out << i.value(u"code"_s).toString() + u" status"_s;
    }
    return out;
}

QString TestDisclosure::pdfText(const QString& pdf)
{
    QProcess process;
    process.start(u"pdftotext"_s, {u"-layout"_s, pdf, u"-"_s});
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

void TestDisclosure::nothingHiddenComesBack_data()
{
    QTest::addColumn<int>("demoSignals");
    QTest::addColumn<int>("smallPerBuurt");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::newRow("demo data, a quarter") << 5000 << 0 << u"2026-07-01"_s << u"2026-09-30"_s;
    QTest::newRow("many cells of 1-4, a month") << 300 << 4 << u"2026-10-01"_s << u"2026-10-31"_s;
    QTest::newRow("many cells of 1-4, this month so far") << 300 << 4 << u"2026-11-01"_s << u"2026-11-30"_s;
}

void TestDisclosure::nothingHiddenComesBack()
{
    QFETCH(int, demoSignals);
    QFETCH(int, smallPerBuurt);
    QFETCH(QString, from);
    QFETCH(QString, to);
    TempRegistry temp;
    QVERIFY(DemoGenerator::generate(temp.registry(), {demoSignals, 11}).ok());
    // By hand: in every buurt 1 to 4 signals of one category, a population so rates are printed,
    // and a few referrals to partners, some rejected, so partner cells are small as well.
    auto buurten = Lookups::buurten(temp.registry());
    QVERIFY(buurten.ok());
    const QStringList categories = {u"eenzaamheid"_s, u"schulden"_s, u"vervuiling"_s, u"woonfraude"_s};
    const QDate start = QDate::fromString(from, Qt::ISODate);
    for (int i = 0; i < buurten->size(); ++i) {
        const Buurt& b = buurten->at(i);
        QVERIFY(ReferenceAdmin::saveBuurt(temp.registry(), {b.id, b.name, b.cbsCode, b.wijkCode, QString::number(700 + 137 * i),
                                                            b.prioritised, {}})
                    .ok());
        for (int n = 0; n < (smallPerBuurt ? i % smallPerBuurt + 1 : 0); ++n) {
            NewSignal s{b.name, categories.at(i % 4), u"huisbezoek"_s, u"straat"_s, u"normaal"_s,
                        start.addDays((i + n) % 20).toString(Qt::ISODate), {}, u"Met de hand"_s, {}, {}};
            auto reference = Signals::add(temp.registry(), s);
            QVERIFY2(reference.ok(), qPrintable(reference.error().message));
            if (n == 0 && i < 9) {
                auto referral = Referrals::add(temp.registry(), {reference.value(), u"Woonkracht10"_s, {}, u"Ter beoordeling"_s, {}, {}});
                QVERIFY2(referral.ok(), qPrintable(referral.error().message));
                if (i % 3 == 0)
                    QVERIFY(Referrals::transition(temp.registry(), referral.value(), u"afgewezen"_s, {u"geen_capaciteit"_s, u"Vol"_s, {}}).ok());
            }
        }
    }
    QVERIFY(Access::setUser(temp.registry(), u"s.devries"_s, u"S. de Vries"_s, u"stuurgroep"_s, true).ok());
    const QString path = temp.path();
    temp.close();

    const QJsonObject shown = stats(u"s.devries"_s, temp.pathFor(u"s.devries"_s), from, to);
    const QJsonObject exact = stats(u"tester"_s, path, from, to);
    QStringList exactSmall;
    smallCounts(exact, u"stats"_s, exactSmall);
    QVERIFY2(!exactSmall.isEmpty(), "the registry must hold small cells, or the test proves nothing");
    QStringList small;
    smallCounts(shown, u"stats"_s, small);
    QVERIFY2(small.isEmpty(), qPrintable(small.join(u", "_s)));
    QCOMPARE(shown.value(u"figures"_s).toString(), u"beschermd"_s);
    QCOMPARE(exact.value(u"figures"_s).toString(), u"exact"_s);
    const QStringList recovered = attack(shown, exact);
    QVERIFY2(recovered.isEmpty(), qPrintable(recovered.join(u"; "_s)));
    const QStringList derived = derivedLeaks(shown, exact);
    QVERIFY2(derived.isEmpty(), qPrintable(derived.join(u"; "_s)));

    // The PDF prints the same published figures: each buurt's row reads as in `stats`, and a
    // trend with a hidden previous count has no percentage.
    auto registry = Registry::open(path, Registry::Create::No, m_clock, u"tester"_s);
    QVERIFY(registry.ok());
    const QString pdf = QDir(temp.dir()).filePath(u"rapport.pdf"_s);
    auto period = Period::parse(from, to);
    QVERIFY(StuurgroepReport::write(*registry.value(), {period.value(), {}}, pdf).ok());
    const QString text = pdfText(pdf);
    const QString buurtPage = text.section(u"3. Signalen per buurt"_s, 2, 2).section(u"4. Verloop per maand"_s, 0, 0);
    QVERIFY(!buurtPage.isEmpty());
    auto cell = [](const QJsonValue& v, int decimals = 0) {
        return v.isDouble() ? QLocale(QLocale::Dutch, QLocale::Netherlands).toString(v.toDouble(), 'f', decimals) : v.toString();
    };
    int rowsChecked = 0;
    for (const QJsonValue& v : shown.value(u"buurten"_s).toArray()) {
        const QJsonObject b = v.toObject();
        QStringList expected = {b.value(u"buurt"_s).toString()};
        for (const QString& t : {u"T1"_s, u"T2"_s, u"T3"_s, u"T4"_s})
            expected << cell(b.value(u"by_theme"_s).toObject().value(t));
        expected << cell(b.value(u"signals"_s)) << cell(b.value(u"previous_signals"_s)) << cell(b.value(u"per_1000"_s), 1);
        const QRegularExpression line(u"^\\s*"_s + QRegularExpression::escape(expected.first()) + u"\\s+(.*)$"_s,
                                      QRegularExpression::MultilineOption);
        const auto m = line.match(buurtPage);
        QVERIFY2(m.hasMatch(), qPrintable(expected.first()));
        QCOMPARE(m.captured(1).simplified(), expected.mid(1).join(u' '));
        ++rowsChecked;
    }
    QVERIFY(rowsChecked > 5);
    static const QRegularExpression keyLine(u"Geregistreerde signalen\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)"_s);
    const auto key = keyLine.match(text);
    QVERIFY(key.hasMatch());
    QCOMPARE(key.captured(1), cell(shown.value(u"signals"_s)));
    QCOMPARE(key.captured(2), cell(shown.value(u"previous_signals"_s)));
    static const QRegularExpression trendWithHiddenBase(u"\\s(\\d+)\\s+<5\\s+(\\S+)"_s);
    const QString trendPage = text.mid(text.lastIndexOf(u"9. Stijgende trends"_s));
    for (auto it = trendWithHiddenBase.globalMatch(trendPage); it.hasNext();) {
        const auto m = it.next();
        QVERIFY2(m.captured(2) == u"–"_s, qPrintable(m.captured(0)));
    }
    // (A success factor's target, "+10 % per periode", is no change and may follow a "<5".)
    QVERIFY(!text.contains(QRegularExpression(u"<5\\s+[+-]\\d+(,\\d+)? %(?! per periode)"_s)));
}

void TestDisclosure::dashboardShowsTheSteeringGroupWhatTheReportShows()
{
    TempRegistry temp;
    QVERIFY(DemoGenerator::generate(temp.registry(), {400, 5}).ok());
    QVERIFY(Access::setUser(temp.registry(), u"s.devries"_s, u"S. de Vries"_s, u"stuurgroep"_s, true).ok());
    QVERIFY(Access::setUser(temp.registry(), u"c.smit"_s, u"C. Smit"_s, u"coordinator"_s, true).ok());
    temp.close();
    const Period quarter = Period::quarter(2026, 3);
    auto dashboardFor = [&](const QString& user, auto&& check) {
        auto registry = Registry::open(temp.pathFor(user), Registry::Create::No, m_clock, user);
        QVERIFY(registry.ok());
        DashboardView view;
        view.setRegistry(registry->get());
        view.setPeriod(quarter);
        view.waitForFigures();
        check(view);
    };
    auto smallInColumns = [](QTableWidget* table, const QList<int>& columns) {
        QStringList found;
        for (int r = 0; r < table->rowCount(); ++r) {
            for (int c : columns) {
                const QString text = table->item(r, c) ? table->item(r, c)->text() : QString();
                if (QStringList{u"1"_s, u"2"_s, u"3"_s, u"4"_s}.contains(text))
                    found << u"%1,%2=%3"_s.arg(r).arg(c).arg(text);
            }
        }
        return found;
    };
    dashboardFor(u"s.devries"_s, [&](DashboardView& view) {
        QVERIFY(view.published().isProtected);
        auto* partners = view.findChild<QTableWidget*>(u"partnerTable"_s);
        auto* trends = view.findChild<QTableWidget*>(u"trendTable"_s);
        QVERIFY(partners && partners->rowCount() > 0);
        const QStringList leaks = smallInColumns(partners, {1, 2, 5}) + smallInColumns(trends, {2, 3});
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u' ')));
        // The charts draw only what is shown: no bar holds a hidden count.
        for (const BuurtFigures& b : view.published().forCharts.buurten) {
            for (int n : b.byTheme)
                QVERIFY(n == 0 || n >= 5);
        }
        QVERIFY(view.findChild<QLabel*>(u"dashboardLegend"_s)->text().contains(u"<5"_s));
        QVERIFY(!view.findChild<QLabel*>(u"dashboardLegend"_s)->isHidden());
    });
    dashboardFor(u"c.smit"_s, [&](DashboardView& view) {
        QVERIFY(!view.published().isProtected);
        auto* partners = view.findChild<QTableWidget*>(u"partnerTable"_s);
        QVERIFY(!smallInColumns(partners, {1, 2, 5}).isEmpty());  // a coordinator keeps exact figures
    });
}

void TestDisclosure::aSelectionOfBuurtenDoesNotGiveTheOthersAway()
{
    // A report for some buurten: its key figures and months are the municipality's, its buurt table
    // only the selection's. Rivierenbuurt, left out, had one signal; key figure minus table total
    // must not say so.
    TempRegistry temp;
    auto add = [&](const QString& buurt, const QString& category, int n) {
        for (int i = 0; i < n; ++i) {
            NewSignal s{buurt, category, u"huisbezoek"_s, u"straat"_s, u"normaal"_s, u"2026-10-%1"_s.arg(10 + i), {}, u"x"_s, {}, {}};
            QVERIFY(Signals::add(temp.registry(), s).ok());
        }
    };
    add(u"Oranjebuurt"_s, u"schulden"_s, 9);
    add(u"Souburgh"_s, u"vervuiling"_s, 7);
    add(u"Kortland"_s, u"schulden"_s, 6);
    add(u"Rivierenbuurt"_s, u"schulden"_s, 1);
    auto stats = Stats::compute(temp.registry(), {Period::month(2026, 10), {}, {}});
    QVERIFY(stats.ok());
    const QStringList selection = {u"Oranjebuurt"_s, u"Souburgh"_s, u"Kortland"_s};
    const Published p = Publication::publish(stats.value(), {}, Publication::Mode::Protected, selection);
    QVERIFY(!p.everyBuurt);
    QCOMPARE(p.buurten.size(), 3);
    auto gap = [](const Figure& all, const Figure& part) { return all.shown() && part.shown() && all.value - part.value >= 1 && all.value - part.value <= 4; };
    QVERIFY2(!gap(p.signalCount, p.buurtTotal), qPrintable(p.signalCount.text() + u" / "_s + p.buurtTotal.text()));
    // The months' theme column (the municipality) against the table's theme total.
    double monthsT2 = 0;
    bool monthsShown = true;
    for (const PublishedMonth& m : p.months) {
        monthsShown = monthsShown && m.byTheme.value(u"T2"_s).shown();
        monthsT2 += m.byTheme.value(u"T2"_s).value;
    }
    const Figure tableT2 = p.themeTotals.value(u"T2"_s);
    QVERIFY(!(monthsShown && tableT2.shown() && monthsT2 - tableT2.value >= 1 && monthsT2 - tableT2.value <= 4));
    // The report says which buurten its tables show.
    const QString pdf = QDir(temp.dir()).filePath(u"selectie.pdf"_s);
    QVERIFY(StuurgroepReport::write(temp.registry(), {Period::month(2026, 10), selection}, pdf).ok());
    const QString text = pdfText(pdf).simplified();
    QVERIFY2(text.contains(u"Bereik: de gemeente; de buurttabellen tonen Kortland, Oranjebuurt, Souburgh"_s), qPrintable(text.left(600)));
}

QTEST_MAIN(TestDisclosure)
#include "tst_disclosure.moc"
