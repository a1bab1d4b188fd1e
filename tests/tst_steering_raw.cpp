// What a stuurgroep login gets from the server's functions with raw SQL (fixture: tst_steering.h).
#include "tst_steering.h"

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
