// The steering group on a PostgreSQL server reads figures, never a row, and never an exact small
// count: the server's function gives every count from 1 to 4 as NULL with a mark, the exact day
// counts are closed to it, and the app's Publication still gives the same marks as on a file.
// Needs the throwaway server of tests/pg/server.sh (BUURTSIGNAAL_TEST_PG); skipped without it.
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

namespace {

const QString steeringLogin = u"steer_stuurgroep"_s;

// A connection of its own as one login role, as psql with that login would be.
class RawConnection {
public:
    RawConnection(const ServerAddress& address, const QString& login) : m_name(u"raw-%1"_s.arg(quintptr(this)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
        db.setHostName(address.host);
        db.setPort(address.port);
        db.setDatabaseName(address.database);
        db.setUserName(login);
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

QString message(const Status& s)
{
    return s.ok() ? QString() : s.error().message;
}

// Every published figure with where it stands, as the reader sees it.
QStringList marks(const Published& p)
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
QStringList pdfText(const QString& pdf)
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
QStringList attackRawFigures(const QList<QVariantList>& rows, const QList<QVariantList>& indicatorRows)
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

// Where two reports with the same layout differ other than in a figure that one of them hides
// ("x", "<5", "–"), word by word.
QStringList numbersThatDiffer(const QStringList& server, const QStringList& file)
{
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

}  // namespace

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

void TestSteering::initTestCase()
{
    if (!testServer())
        QSKIP("no PostgreSQL test server: BUURTSIGNAAL_TEST_PG is not set (scripts/test.sh starts one with tests/pg/server.sh)");
}

// A registry set up by `server init`, with a steering-group member added by the beheerder as
// `user add … --role stuurgroep` does.
void TestSteering::init()
{
    m_database = std::make_unique<TempServerDatabase>();
    const Status done = ServerSetup::initialise(m_database->address(), m_clock);
    QVERIFY2(done.ok(), qPrintable(message(done)));
    auto admin = openServer(m_database->address().user);
    QVERIFY(admin);
    const Status added = Access::addUser(*admin, steeringLogin, u"S. de Vries"_s, u"stuurgroep"_s, {});
    QVERIFY2(added.ok(), qPrintable(message(added)));
}

void TestSteering::cleanup()
{
    m_database.reset();
}

std::unique_ptr<Registry> TestSteering::openServer(const QString& login)
{
    ServerAddress address = m_database->address();
    address.user = login;
    auto registry = Registry::open(Location{Location::Engine::Postgresql, {}, address}.display(), Registry::Create::No, m_clock, login);
    if (!registry.ok()) {
        qWarning("%s", qPrintable(registry.error().message));
        return nullptr;
    }
    return std::move(registry.value());
}

void TestSteering::fill(Registry& registry)
{
    QVERIFY(DemoGenerator::generate(registry, {400, 5}).ok());
    auto buurten = Lookups::buurten(registry);
    QVERIFY(buurten.ok());
    const QStringList categories = {u"eenzaamheid"_s, u"schulden"_s, u"vervuiling"_s, u"woonfraude"_s};
    const QDate start(2026, 10, 1);
    for (int i = 0; i < buurten->size(); ++i) {
        const Buurt& b = buurten->at(i);
        QVERIFY(ReferenceAdmin::saveBuurt(registry, {b.id, b.name, b.cbsCode, b.wijkCode, QString::number(700 + 137 * i), b.prioritised, {}})
                    .ok());
        for (int n = 0; n < i % 4 + 1; ++n) {
            NewSignal s{b.name, categories.at(i % 4), u"huisbezoek"_s, u"straat"_s, u"normaal"_s,
                        start.addDays((i + n) % 20).toString(Qt::ISODate), {}, u"Met de hand"_s, {}, {}};
            auto reference = Signals::add(registry, s);
            QVERIFY2(reference.ok(), qPrintable(reference.error().message));
            if (n == 0 && i < 9) {
                auto referral = Referrals::add(registry, {reference.value(), u"Woonkracht10"_s, {}, u"Ter beoordeling"_s, {}, {}});
                QVERIFY2(referral.ok(), qPrintable(referral.error().message));
                if (i % 3 == 0)
                    QVERIFY(Referrals::transition(registry, referral.value(), u"afgewezen"_s, {u"geen_capaciteit"_s, u"Vol"_s, {}}).ok());
            }
        }
    }
}

Result<Published> TestSteering::published(Registry& registry, const StatsFilter& filter)
{
    auto role = Access::role(registry);
    if (!role.ok())
        return role.error();
    auto stats = Stats::compute(registry, filter);
    if (!stats.ok())
        return stats.error();
    auto indicators = Indicators::compute(registry, filter.period, filter.buurt);
    if (!indicators.ok())
        return indicators.error();
    return Publication::publish(stats.value(), indicators.value(), Publication::modeFor(role.value()));
}

void TestSteering::stuurgroepCannotReadExactSmallCounts()
{
    // In Oranjebuurt in October: 2 signals of debt, 6 of litter.
    {
        auto admin = openServer(m_database->address().user);
        QVERIFY(admin);
        for (int i = 0; i < 8; ++i) {
            NewSignal s{u"Oranjebuurt"_s, i < 2 ? u"schulden"_s : u"vervuiling"_s, u"huisbezoek"_s, u"straat"_s, u"normaal"_s,
                        QDate(2026, 10, 5 + i).toString(Qt::ISODate), {}, u"Met de hand"_s, {}, {}};
            auto added = Signals::add(*admin, s);
            QVERIFY2(added.ok(), qPrintable(added.error().message));
        }
    }
    RawConnection admin(m_database->address(), m_database->address().user);
    const QVariantList buurt = admin.rows(u"SELECT b.id, (SELECT theme_code FROM categories WHERE code = 'schulden'),"
                                         " (SELECT theme_code FROM categories WHERE code = 'vervuiling') FROM buurten b WHERE b.name = 'Oranjebuurt'"_s)
                                   .value(0);
    QCOMPARE(buurt.size(), 3);
    QVERIFY(buurt.at(1) != buurt.at(2));  // two themes, so the cells are apart

    RawConnection steering(m_database->address(), steeringLogin);
    QVERIFY(steering.isOpen());
    QCOMPARE(steering.failure(u"SELECT * FROM signal_day_counts"_s), u"42501"_s);
    QCOMPARE(steering.failure(u"SELECT * FROM referral_day_counts"_s), u"42501"_s);
    QCOMPARE(steering.failure(u"SELECT * FROM signals"_s), u"42501"_s);
    const QString cell = u"SELECT aantal, verborgen, beschermd FROM stuurgroep_cijfers('2026-10-01', '2026-10-31', '2026-09-01', '2026-09-30',"
                         " '2026-09-30T22:00:00Z', '2026-10-31T23:00:00Z', NULL, NULL, '2026-11-26', NULL)"
                         " WHERE cijfer = '%1' AND sleutel1 = '%2' AND coalesce(sleutel2, '') = '%3'"_s;
    const QString id = buurt.at(0).toString();
    const QList<QVariantList> debt = steering.rows(cell.arg(u"buurt_thema"_s, id, buurt.at(1).toString()));
    QCOMPARE(debt.size(), 1);
    QVERIFY(debt.at(0).at(0).isNull());  // the 2 never leaves the server
    QCOMPARE(debt.at(0).at(1).toBool(), true);
    QCOMPARE(debt.at(0).at(2).toBool(), false);  // "<5"
    // Nor does it leave as the buurt's 8 minus a shown 6: the 6 is hidden too, as "x".
    const QList<QVariantList> litter = steering.rows(cell.arg(u"buurt_thema"_s, id, buurt.at(2).toString()));
    QVERIFY(litter.value(0).value(0).isNull());
    QCOMPARE(litter.value(0).value(1).toBool(), true);
    QCOMPARE(litter.value(0).value(2).toBool(), true);
    QCOMPARE(steering.rows(cell.arg(u"buurt"_s, id, QString())).value(0).value(0).toInt(), 8);
    // Nor does any other function or view give a row of casework.
    QCOMPARE(steering.failure(u"SELECT * FROM activities"_s), u"42501"_s);
    QCOMPARE(steering.failure(u"SELECT held_on, kind FROM stuurgroep_activiteiten"_s), QString());
}

void TestSteering::stuurgroepDashboardWorksOnServer()
{
    {
        auto admin = openServer(m_database->address().user);
        QVERIFY(admin);
        fill(*admin);
    }
    const StatsFilter quarter{Period::quarter(2026, 3), {}, {}};
    auto admin = openServer(m_database->address().user);
    auto exact = Stats::compute(*admin, quarter);
    QVERIFY2(exact.ok(), qPrintable(exact.ok() ? QString() : exact.error().message));

    auto steering = openServer(steeringLogin);
    QVERIFY(steering);
    auto shown = published(*steering, quarter);
    QVERIFY2(shown.ok(), qPrintable(shown.ok() ? QString() : shown.error().message));
    QVERIFY(shown->isProtected);
    QVERIFY(exact->signalCount >= Disclosure::threshold);
    QVERIFY(shown->signalCount.shown());
    QCOMPARE(int(shown->signalCount.value), exact->signalCount);
    // The server may protect the total of referrals (its own sums hide more than the file's);
    // shown, it is exact.
    if (shown->referralsSent.shown()) {
        QCOMPARE(int(shown->referralsSent.value), [&] {
            int sent = 0;
            for (const PartnerFigures& f : exact->partners)
                sent += f.sent;
            return sent;
        }());
    }
    QCOMPARE(shown->buurten.size(), exact->buurten.size());
    QVERIFY(!shown->partners.isEmpty());
    QCOMPARE(shown->levels.size(), exact->levels.size());
    QVERIFY(!shown->indicators.isEmpty());
}

void TestSteering::stuurgroepFiguresAgreeWithFileFigures_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("buurt");
    QTest::addColumn<QString>("theme");
    QTest::newRow("demo data, a quarter") << u"2026-07-01"_s << u"2026-09-30"_s << QString() << QString();
    QTest::newRow("cells of 1-4, a month") << u"2026-10-01"_s << u"2026-10-31"_s << QString() << QString();
    QTest::newRow("this month so far") << u"2026-11-01"_s << u"2026-11-30"_s << QString() << QString();
    QTest::newRow("one buurt, one theme, a year") << u"2026-01-01"_s << u"2026-12-31"_s << u"Oranjebuurt"_s << u"T1"_s;
}

// Server and file protect the same counts, but not with the same sums: the server protects the
// raw rows of its function itself (a steering member may read them with psql), and those hold
// differences the file never prints (open minus late, the partner columns' rests), so it hides
// other counts than the file and the app protects on top of that. The marks may therefore differ
// (on the server a "<5" of the file may be "x", and a count may be hidden on one side and shown
// on the other), but never the facts: each figure stands in the same place, every number the
// server shows is the exact one, and its "<5" is a count from 1 to 4. That nothing hidden can be
// worked out from the server's figures, of which the printed ones are a part, is
// rawServerFiguresPinNoHiddenCount.
void TestSteering::stuurgroepFiguresAgreeWithFileFigures()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, buurt);
    QFETCH(QString, theme);
    const StatsFilter filter{Period::parse(from, to).value(), buurt, theme};

    TempRegistry file(referenceToday(), Engine::Sqlite);
    fill(file.registry());
    QVERIFY(Access::setUser(file.registry(), steeringLogin, u"S. de Vries"_s, u"stuurgroep"_s, true).ok());
    const QString path = file.path();
    file.close();
    auto onFile = Registry::open(path, Registry::Create::No, m_clock, steeringLogin);
    QVERIFY(onFile.ok());
    auto fromFile = published(*onFile.value(), filter);
    QVERIFY2(fromFile.ok(), qPrintable(fromFile.ok() ? QString() : fromFile.error().message));
    // The truth, to judge the server's figures by: the same counts unprotected.
    auto fileStats = Stats::compute(*onFile.value(), filter);
    QVERIFY(fileStats.ok());
    auto fileIndicators = Indicators::compute(*onFile.value(), filter.period, filter.buurt);
    QVERIFY(fileIndicators.ok());
    const QStringList exactMarks = marks(Publication::publish(fileStats.value(), fileIndicators.value(), Publication::Mode::Exact));

    {
        auto admin = openServer(m_database->address().user);
        QVERIFY(admin);
        fill(*admin);
    }
    auto steering = openServer(steeringLogin);
    QVERIFY(steering);
    auto fromServer = published(*steering, filter);
    QVERIFY2(fromServer.ok(), qPrintable(fromServer.ok() ? QString() : fromServer.error().message));

    const QStringList fileMarks = marks(fromFile.value());
    const QStringList serverMarks = marks(fromServer.value());
    QVERIFY(fileMarks.size() > 100);
    if (from == u"2026-10-01"_s) {
        // Primary and secondary suppression both at work, or the test proves nothing.
        QVERIFY(fileMarks.join(u'\n').contains(u"=<5"_s));
        QVERIFY(fileMarks.join(u'\n').contains(u"=x"_s));
    }
    QCOMPARE(serverMarks.size(), fileMarks.size());
    QCOMPARE(exactMarks.size(), fileMarks.size());
    // By place, not by line: partners with small or hidden counts are listed in their own order.
    auto byPlace = [](const QStringList& list) {
        QHash<QString, QStringList> out;
        for (const QString& mark : list)
            out[mark.section(u'=', 0, 0)] << mark.section(u'=', 1);
        return out;
    };
    const QHash<QString, QStringList> server = byPlace(serverMarks);
    const QHash<QString, QStringList> exact = byPlace(exactMarks);
    QCOMPARE(QSet<QString>(server.keyBegin(), server.keyEnd()), QSet<QString>(exact.keyBegin(), exact.keyEnd()));
    QStringList wrong;
    for (auto it = server.cbegin(); it != server.cend(); ++it) {
        for (qsizetype i = 0; i < it.value().size(); ++i) {
            const QString shown = it.value().at(i);
            const QString truth = exact.value(it.key()).value(i);
            bool isNumber = false;
            const double count = QString(truth).replace(u',', u'.').toDouble(&isNumber);
            const bool right = shown == truth || shown == u"x"_s || shown == u"–"_s || shown.isEmpty()
                               || (shown == u"<5"_s && isNumber && count >= 1 && count <= 4 && count == std::floor(count));
            if (!right)
                wrong << u"%1: server %2, exact %3"_s.arg(it.key(), shown, truth);
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"; "_s)));
}

// The command line as the steering-group login: the report (also for a selection of buurten) and
// `stats --json`, which prints the published figures.
void TestSteering::stuurgroepReportAndStatsWorkOnServer()
{
    {
        auto admin = openServer(m_database->address().user);
        QVERIFY(admin);
        fill(*admin);
    }
    ServerAddress address = m_database->address();
    address.user = steeringLogin;
    const QString uri = Location{Location::Engine::Postgresql, {}, address}.display();
    const QList<std::pair<QString, QString>> asSteering = {{u"BUURTSIGNAAL_USER"_s, steeringLogin}};
    QTemporaryDir dir;
    const QString pdf = dir.filePath(u"stuurgroep.pdf"_s);
    const ProgramRun report = runProgram(QStringLiteral(BUURTSIGNAAL_CLI_BINARY),
                                         {u"--db"_s, uri, u"report"_s, u"--from"_s, u"2026-07-01"_s, u"--to"_s, u"2026-09-30"_s, u"--out"_s, pdf},
                                         asSteering);
    QVERIFY2(report.code == 0, qPrintable(report.err));
    QVERIFY(QFileInfo(pdf).size() > 1000);
    const QString selection = dir.filePath(u"selectie.pdf"_s);
    const ProgramRun selected = runProgram(QStringLiteral(BUURTSIGNAAL_CLI_BINARY),
                                           {u"--db"_s, uri, u"report"_s, u"--from"_s, u"2026-10-01"_s, u"--to"_s, u"2026-10-31"_s,
                                            u"--buurt"_s, u"Oranjebuurt"_s, u"--buurt"_s, u"Kortland"_s, u"--out"_s, selection},
                                           asSteering);
    QVERIFY2(selected.code == 0, qPrintable(selected.err));
    QVERIFY(QFileInfo(selection).size() > 1000);

    // The same reports from a file with the same data read the same, mark for mark.
    TempRegistry file(referenceToday(), Engine::Sqlite);
    fill(file.registry());
    QVERIFY(Access::setUser(file.registry(), steeringLogin, u"S. de Vries"_s, u"stuurgroep"_s, true).ok());
    const QString path = file.path();
    file.close();
    const QString filePdf = dir.filePath(u"bestand.pdf"_s);
    const QString fileSelection = dir.filePath(u"bestand-selectie.pdf"_s);
    QCOMPARE(runProgram(QStringLiteral(BUURTSIGNAAL_CLI_BINARY),
                        {u"--db"_s, path, u"report"_s, u"--from"_s, u"2026-07-01"_s, u"--to"_s, u"2026-09-30"_s, u"--out"_s, filePdf}, asSteering)
                 .code,
             0);
    QCOMPARE(runProgram(QStringLiteral(BUURTSIGNAAL_CLI_BINARY),
                        {u"--db"_s, path, u"report"_s, u"--from"_s, u"2026-10-01"_s, u"--to"_s, u"2026-10-31"_s, u"--buurt"_s,
                         u"Oranjebuurt"_s, u"--buurt"_s, u"Kortland"_s, u"--out"_s, fileSelection},
                        asSteering)
                 .code,
             0);
    // Mark for mark they may differ (see stuurgroepFiguresAgreeWithFileFigures), never in a number
    // both show.
    QStringList disagreements = numbersThatDiffer(pdfText(pdf), pdfText(filePdf));
    disagreements << numbersThatDiffer(pdfText(selection), pdfText(fileSelection));
    QVERIFY2(disagreements.isEmpty(), qPrintable(disagreements.join(u"; "_s)));

    const ProgramRun stats = runProgram(QStringLiteral(BUURTSIGNAAL_CLI_BINARY),
                                        {u"--db"_s, uri, u"stats"_s, u"--from"_s, u"2026-07-01"_s, u"--to"_s, u"2026-09-30"_s, u"--json"_s},
                                        asSteering);
    QVERIFY2(stats.code == 0, qPrintable(stats.err));
    const QJsonObject json = QJsonDocument::fromJson(stats.out.toUtf8()).object();
    QCOMPARE(json.value(u"figures"_s).toString(), u"beschermd"_s);
    auto steering = openServer(steeringLogin);
    QVERIFY(steering);
    auto shown = published(*steering, {Period::quarter(2026, 3), {}, {}});
    QVERIFY(shown.ok());
    QCOMPARE(json.value(u"signals"_s).toVariant(), shown->signalCount.json().toVariant());
}

void TestSteering::rawServerFiguresPinNoHiddenCount_data()
{
    QTest::addColumn<bool>("demo");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::newRow("cells of 1-4 by hand, a month") << false << u"2026-10-01"_s << u"2026-10-31"_s;
    QTest::newRow("demo data and cells of 1-4, a month") << true << u"2026-10-01"_s << u"2026-10-31"_s;
    QTest::newRow("demo data, a quarter") << true << u"2026-07-01"_s << u"2026-09-30"_s;
}

// A steering member who calls the server's function with psql instead of through the app must get
// no figure set from which a hidden count can be worked out: the server protects its output
// itself, as the app's Publication protects what it prints.
void TestSteering::rawServerFiguresPinNoHiddenCount()
{
    QFETCH(bool, demo);
    QFETCH(QString, from);
    QFETCH(QString, to);
    {
        auto admin = openServer(m_database->address().user);
        QVERIFY(admin);
        if (demo)
            fill(*admin);
        // Oranjebuurt: 2 of debt next to 6 of litter (its total minus the litter gives the 2 away
        // under primary suppression alone); Kortland and Souburgh: a block of four small cells
        // beside larger ones, two of Oranjebuurt's litter reported through FIXIE (the only ones
        // from there); and a few referrals, one rejected.
        const QList<std::tuple<QString, QString, int>> cells = {
            {u"Oranjebuurt"_s, u"schulden"_s, 2}, {u"Oranjebuurt"_s, u"vervuiling"_s, 6},
            {u"Kortland"_s, u"schulden"_s, 2},    {u"Kortland"_s, u"vervuiling"_s, 3},    {u"Kortland"_s, u"jongerenoverlast"_s, 7},
            {u"Souburgh"_s, u"schulden"_s, 1},   {u"Souburgh"_s, u"vervuiling"_s, 4},   {u"Souburgh"_s, u"jongerenoverlast"_s, 8},
        };
        int day = 0;
        for (const auto& [buurt, category, count] : cells) {
            for (int i = 0; i < count; ++i) {
                const bool fixie = buurt == u"Oranjebuurt"_s && category == u"vervuiling"_s && i < 2;
                NewSignal s{buurt, category, fixie ? u"fixie"_s : u"huisbezoek"_s, u"straat"_s, u"normaal"_s,
                            QDate(2026, 10, 2 + day++ % 25).toString(Qt::ISODate), {}, u"Met de hand"_s, {}, {}};
                auto reference = Signals::add(*admin, s);
                QVERIFY2(reference.ok(), qPrintable(reference.error().message));
                if (i == 0 && category == u"schulden"_s) {
                    auto referral = Referrals::add(*admin, {reference.value(), u"Woonkracht10"_s, {}, u"Ter beoordeling"_s, {}, {}});
                    QVERIFY2(referral.ok(), qPrintable(referral.error().message));
                    if (buurt == u"Kortland"_s)
                        QVERIFY(Referrals::transition(*admin, referral.value(), u"afgewezen"_s, {u"geen_capaciteit"_s, u"Vol"_s, {}}).ok());
                }
            }
        }
    }
    const QDate first = QDate::fromString(from, Qt::ISODate);
    const QDate last = QDate::fromString(to, Qt::ISODate);
    const qint64 days = first.daysTo(last) + 1;
    const QString call = u"SELECT * FROM stuurgroep_cijfers('%1', '%2', '%3', '%4', '%5T00:00:00Z', '%6T00:00:00Z', NULL, NULL, '2026-11-26', NULL)"_s
                             .arg(from, to, first.addDays(-days).toString(Qt::ISODate), first.addDays(-1).toString(Qt::ISODate), from,
                                  last.addDays(1).toString(Qt::ISODate));
    RawConnection steering(m_database->address(), steeringLogin);
    QVERIFY(steering.isOpen());
    const QList<QVariantList> rows = steering.rows(call);
    QVERIFY(rows.size() > 20);
    int hidden = 0;
    for (const QVariantList& row : rows)
        hidden += row.at(4).toBool();
    QVERIFY(hidden > 0);  // or the attack proves nothing
    const QList<QVariantList> indicatorRows =
        steering.rows(u"SELECT * FROM stuurgroep_indicatoren('%1', '%2', NULL)"_s.arg(from, to));
    QVERIFY(!indicatorRows.isEmpty());
    const QStringList recovered = attackRawFigures(rows, indicatorRows);
    QVERIFY2(recovered.isEmpty(), qPrintable(recovered.join(u"; "_s)));
}

QTEST_GUILESS_MAIN(TestSteering)
#include "tst_steering.moc"
