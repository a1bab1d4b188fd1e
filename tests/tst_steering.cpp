// The steering group on a PostgreSQL server reads figures, never a row, and never an exact small
// count: the server's function gives every count from 1 to 4 as NULL with a mark, the exact day
// counts are closed to it, the server protects its own answer, and the app shows the same values as on a file.
// Needs the throwaway server of tests/pg/server.sh (BUURTSIGNAAL_TEST_PG); skipped without it.
#include "tst_steering.h"


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
    // Whole months from the monthly roll-ups, the days at either end from the day counts.
    QTest::newRow("partial months at both ends") << u"2026-02-15"_s << u"2026-10-20"_s << QString() << QString();
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

QTEST_GUILESS_MAIN(TestSteering)
