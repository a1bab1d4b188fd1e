#pragma once
// The fixture of the steering-group suite (tst_steering.cpp, tst_steering_raw.cpp): a registry set up
// by `server init` with a stuurgroep login, its published figures, and a reader who attacks the raw
// rows of the server's functions.

#include "Registry.h"
#include "DisclosureReader.h"
#include "TestSupport.h"
#include "access/Access.h"
#include "demo/DemoGenerator.h"
#include "services/Lookups.h"
#include "services/Referrals.h"
#include "services/ReferenceAdmin.h"
#include "services/Signals.h"
#include "stats/Disclosure.h"
#include "stats/Publication.h"
#include "storage/ServerSetup.h"

#include <QFileInfo>
#include <QSet>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

namespace steering_fixture {

inline const QString steeringLogin = u"steer_stuurgroep"_s;

// A connection of its own as one login role, as psql with that login would be.
class RawConnection {
public:
    RawConnection(const ServerAddress& address, const QString& login) : m_name(u"raw-%1"_s.arg(quintptr(this)))
    {
        QSqlDatabase db = addServerConnection(m_name, address, login);
        m_open = db.open();
    }
    ~RawConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }
    // The SQLSTATE of the statement's failure, or empty when it succeeded.
    QString failure(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        return query.exec(sql) ? QString() : query.lastError().nativeErrorCode();
    }
    QList<QVariantList> rows(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        QList<QVariantList> out;
        if (!query.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return out;
        }
        while (query.next()) {
            QVariantList row;
            for (int i = 0; i < query.record().count(); ++i)
                row << query.value(i);
            out << row;
        }
        return out;
    }

private:
    QString m_name;
    bool m_open = false;
};

inline QString message(const Status& s)
{
    return s.ok() ? QString() : s.error().message;
}

// Every published figure with where it stands, as the reader sees it.
inline QStringList marks(const Published& p)
{
    QStringList out;
    auto add = [&out](const QString& where, const Figure& f, int decimals = 0) { out << where + u'=' + f.text(decimals); };
    add(u"signalen"_s, p.signalCount);
    add(u"vorige"_s, p.previousSignalCount);
    add(u"verandering"_s, p.signalChangePct, 1);
    add(u"open"_s, p.openNow);
    add(u"laat"_s, p.lateNow);
    add(u"verwezen"_s, p.referralsSent);
    add(u"lus"_s, p.closedLoopRate, 3);
    add(u"doorbraak"_s, p.overrides);
    add(u"omhoog"_s, p.stepsUp);
    add(u"stil"_s, p.stalled);
    for (const PublishedBuurt& b : p.buurten) {
        for (auto it = b.byTheme.cbegin(); it != b.byTheme.cend(); ++it)
            add(b.buurt + u'/' + it.key(), it.value());
        add(b.buurt + u"/totaal"_s, b.total);
        add(b.buurt + u"/vorige"_s, b.previous);
        add(b.buurt + u"/per1000"_s, b.per1000, 1);
        add(b.buurt + u"/open"_s, b.open);
        add(b.buurt + u"/laat"_s, b.late);
    }
    for (auto it = p.themeTotals.cbegin(); it != p.themeTotals.cend(); ++it)
        add(u"thema/"_s + it.key(), it.value());
    add(u"hoek"_s, p.buurtTotal);
    add(u"hoek/vorige"_s, p.previousBuurtTotal);
    for (const PublishedMonth& m : p.months) {
        for (auto it = m.byTheme.cbegin(); it != m.byTheme.cend(); ++it)
            add(m.month + u'/' + it.key(), it.value());
        add(m.month + u"/totaal"_s, m.total);
    }
    for (const PublishedPartner& f : p.partners) {
        for (const auto& [name, figure] : {std::pair{u"verwezen"_s, &f.sent}, {u"geaccepteerd"_s, &f.accepted}, {u"afgerond"_s, &f.completed},
                                           {u"afgewezen"_s, &f.rejected}, {u"laat"_s, &f.late}})
            add(f.partner + u'/' + name, *figure);
        add(f.partner + u"/lus"_s, f.closedLoopRate, 3);
        add(f.partner + u"/mediaan_accepteren"_s, f.medianDaysToAccept, 1);
        add(f.partner + u"/mediaan_afronden"_s, f.medianDaysToComplete, 1);
    }
    for (const Figure* f : {&p.partnerSent, &p.partnerAccepted, &p.partnerCompleted, &p.partnerRejected})
        add(u"partners"_s, *f);
    for (auto it = p.rejectionReasons.cbegin(); it != p.rejectionReasons.cend(); ++it)
        add(u"reden/"_s + it.key(), it.value());
    for (const PublishedLevel& l : p.levels) {
        for (const Figure* f : {&l.current, &l.stalled, &l.stepsUp, &l.stepsDown})
            add(u"niveau%1"_s.arg(l.level), *f);
    }
    for (const Figure* f : {&p.levelCurrent, &p.levelStalled, &p.levelStepsUp, &p.levelStepsDown})
        add(u"niveaus"_s, *f);
    for (const PublishedTrend& t : p.trends) {
        const QString where = u"trend/"_s + t.buurt + u'/' + t.category;
        add(where, t.count);
        add(where + u"/vorige"_s, t.previous);
        add(where + u"/groei"_s, t.growthPct, 1);
        add(where + u"/gemeente"_s, t.municipalityGrowthPct, 1);
    }
    for (const ActivityFigures& a : p.activities)
        out << u"activiteit/%1=%2/%3/%4"_s.arg(a.kind).arg(a.count).arg(a.participants).arg(a.selfOrganised);
    for (const PublishedIndicator& i : p.indicators) {
        add(u"indicator/"_s + i.source.code, i.value, 2);
        add(u"indicator/"_s + i.source.code + u"/vorige"_s, i.previous, 2);
        out << u"indicator/"_s + i.source.code + u"/status="_s + i.status;
    }
    return out;
}

// The text of a PDF, lines as laid out.
inline QStringList pdfText(const QString& pdf)
{
    QProcess process;
    process.start(u"pdftotext"_s, {u"-layout"_s, pdf, u"-"_s});
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput()).split(u'\n');
}


// The figures of stuurgroep_cijfers as a steering member with psql reads them, attacked with every
// sum they contain: a table with its row, column and overall totals, months by theme adding up to
// the same theme totals, late as part of open, the partner columns and how they relate, the
// rejection reasons, the escalation ladder. Written from the function's meaning, apart from the
// server's own list of sums. With them the success factors' signals per source
// (stuurgroep_indicatoren), which add up to the same total. Returns each hidden count that comes
// back.
inline QStringList attackRawFigures(const QList<QVariantList>& rows, const QList<QVariantList>& indicatorRows)
{
    Reader reader;
    QHash<QString, Term> terms;  // cijfer|sleutel1|sleutel2
    QHash<QString, QStringList> byFigure;  // cijfer -> keys present
    for (const QVariantList& row : rows + indicatorRows) {
        const QString figure = row.at(0).toString();
        const QString key = figure + u'|' + row.at(1).toString() + u'|' + row.at(2).toString();
        const bool hidden = row.at(4).toBool();
        // "x" where the server says so (a column it may add), "<5" otherwise.
        const bool protects = row.size() > 6 && row.at(6).toBool();
        // The steering login does not know the true value: reported as -1.
        terms.insert(key, reader.term(hidden ? QJsonValue(protects ? u"x"_s : u"<5"_s) : QJsonValue(row.at(3).toLongLong()), QJsonValue(-1), key));
        byFigure[figure] << key;
    }
    auto term = [&](const QString& figure, const QString& key1 = {}, const QString& key2 = {}) {
        return terms.value(figure + u'|' + key1 + u'|' + key2, Term{0.0, -1, true});  // no row: none
    };
    auto keyPart = [](const QString& key, int part) { return key.section(u'|', part, part); };
    // Every row of `figure` with the given key part, as addends.
    auto all = [&](const QString& figure, std::function<bool(const QString&)> keep) {
        QList<Term> out;
        for (const QString& key : byFigure.value(figure)) {
            if (keep(key))
                out << terms.value(key);
        }
        return out;
    };
    QSet<QString> buurten, themes, months, partners, levels;
    for (const QString& key : byFigure.value(u"buurt_thema"_s)) {
        buurten << keyPart(key, 1);
        themes << keyPart(key, 2);
    }
    for (const QString& key : byFigure.value(u"maand"_s))
        months << keyPart(key, 1);
    for (const QString& key : byFigure.value(u"verwezen"_s))
        partners << keyPart(key, 1);
    for (const QString& figure : {u"niveau_open"_s, u"niveau_omhoog"_s}) {
        for (const QString& key : byFigure.value(figure))
            levels << keyPart(key, 1);
    }
    for (const QString& b : std::as_const(buurten)) {
        reader.sum(all(u"buurt_thema"_s, [&](const QString& k) { return keyPart(k, 1) == b; }), term(u"buurt"_s, b));
        reader.sum({term(u"laat"_s, b), term(u"open_niet_laat"_s, b)}, term(u"open"_s, b));
    }
    for (const QString& t : std::as_const(themes)) {
        reader.sum(all(u"buurt_thema"_s, [&](const QString& k) { return keyPart(k, 2) == t; }), term(u"thema"_s, {}, t));
        reader.sum(all(u"maand_thema"_s, [&](const QString& k) { return keyPart(k, 2) == t; }), term(u"thema"_s, {}, t));
    }
    for (const QString& m : std::as_const(months))
        reader.sum(all(u"maand_thema"_s, [&](const QString& k) { return keyPart(k, 1) == m; }), term(u"maand"_s, m));
    auto perKey = [&](const QString& k) { return !keyPart(k, 1).isEmpty(); };
    for (const QString& figure : {u"buurt"_s, u"maand"_s})
        reader.sum(all(figure, perKey), term(u"totaal"_s));
    reader.sum(all(u"thema"_s, [](const QString&) { return true; }), term(u"totaal"_s));
    reader.sum(all(u"vorige_buurt"_s, perKey), term(u"vorige_totaal"_s));
    reader.sum({term(u"laat"_s), term(u"open_niet_laat"_s)}, term(u"open"_s));
    for (const QString& figure : {u"open"_s, u"laat"_s, u"open_niet_laat"_s})
        reader.sum(all(figure, perKey), term(figure));
    partners << QString();  // the row over all partners
    for (const QString& p : std::as_const(partners)) {
        auto f = [&](const QString& figure) { return term(figure, p); };
        reader.sum({f(u"geaccepteerd"_s), f(u"afgewezen"_s), f(u"verwezen_overig"_s)}, f(u"verwezen"_s));
        reader.sum({f(u"afgerond"_s), f(u"geaccepteerd_lopend"_s)}, f(u"geaccepteerd"_s));
        reader.sum({f(u"afgerond"_s), f(u"afgewezen"_s), f(u"laat_verwezen"_s), f(u"verwezen_rest"_s)}, f(u"verwezen"_s));
        reader.sum({f(u"lus_gesloten"_s), f(u"gesloten_zonder_lus"_s)}, f(u"gesloten"_s));
        reader.sum({f(u"geaccepteerd"_s)}, f(u"mediaan_accepteren"_s));
        reader.sum({f(u"afgerond"_s)}, f(u"mediaan_afronden"_s));
    }
    for (const QString& figure : {u"verwezen"_s, u"geaccepteerd"_s, u"afgerond"_s, u"afgewezen"_s, u"laat_verwezen"_s, u"verwezen_overig"_s,
                                  u"geaccepteerd_lopend"_s, u"verwezen_rest"_s, u"gesloten"_s, u"lus_gesloten"_s, u"gesloten_zonder_lus"_s})
        reader.sum(all(figure, perKey), term(figure));
    reader.sum(all(u"afwijzing"_s, [](const QString&) { return true; }), term(u"afgewezen"_s));
    levels << QString();  // the row over all levels
    for (const QString& l : std::as_const(levels))
        reader.sum({term(u"niveau_stil"_s, l), term(u"niveau_open_niet_stil"_s, l)}, term(u"niveau_open"_s, l));
    for (const QString& figure : {u"niveau_open"_s, u"niveau_stil"_s, u"niveau_open_niet_stil"_s, u"niveau_omhoog"_s, u"niveau_omlaag"_s})
        reader.sum(all(figure, perKey), term(figure));
    reader.sum({term(u"open"_s)}, term(u"niveau_open"_s));  // the same open signals
    reader.sum(all(u"bron"_s, [](const QString&) { return true; }), term(u"totaal"_s));
    return reader.recover();
}

// The report without its summary: the summary tells only what is shown, so where one report
// hides a count the other shows, it has a sentence fewer (its figures are checked in tst_report).
inline QStringList withoutSummary(const QStringList& lines)
{
    const qsizetype from = lines.indexOf(u"1. Samenvatting"_s);
    const qsizetype to = lines.indexOf(u"2. Kerncijfers"_s);
    return from >= 0 && to > from ? lines.mid(0, from) + lines.mid(to) : lines;
}

// Where two reports with the same layout differ other than in a figure that one of them hides
// ("x", "<5", "–"), word by word; the summary apart.
inline QStringList numbersThatDiffer(const QStringList& serverReport, const QStringList& fileReport)
{
    const QStringList server = withoutSummary(serverReport);
    const QStringList file = withoutSummary(fileReport);
    if (server.size() != file.size())
        return {u"%1 regels tegen %2"_s.arg(server.size()).arg(file.size())};
    auto hides = [](const QString& word) { return word == u"x"_s || word == u"<5"_s || word == u"–"_s; };
    QStringList out;
    for (qsizetype i = 0; i < server.size(); ++i) {
        // "+76,2 %" is one figure, as "–" is.
        const QStringList a = QString(server.at(i)).replace(u" %"_s, u"%"_s).split(u' ', Qt::SkipEmptyParts);
        const QStringList b = QString(file.at(i)).replace(u" %"_s, u"%"_s).split(u' ', Qt::SkipEmptyParts);
        bool agree = a.size() == b.size();
        for (qsizetype w = 0; agree && w < a.size(); ++w)
            agree = a.at(w) == b.at(w) || hides(a.at(w)) || hides(b.at(w));
        if (!agree)
            out << u"server '%1', bestand '%2'"_s.arg(server.at(i).simplified(), file.at(i).simplified());
    }
    return out;
}

}  // namespace steering_fixture

using namespace steering_fixture;

class TestSteering : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void stuurgroepCannotReadExactSmallCounts();
    void stuurgroepDashboardWorksOnServer();
    void stuurgroepFiguresAgreeWithFileFigures_data();
    void stuurgroepFiguresAgreeWithFileFigures();
    void stuurgroepReportAndStatsWorkOnServer();
    void rawServerFiguresPinNoHiddenCount_data();
    void rawServerFiguresPinNoHiddenCount();

private:
    // The same registry content on any engine: demo data and, by hand, cells of 1 to 4.
    void fill(Registry& registry);
    std::unique_ptr<Registry> openServer(const QString& login);
    Result<Published> published(Registry& registry, const StatsFilter& filter);

    std::unique_ptr<TempServerDatabase> m_database;
    FixedClock m_clock{referenceToday()};
};
