// Terms in working days: weekends and Dutch public holidays do not count.
#include "domain/WorkingDays.h"

#include <QTest>

using namespace bs;

class TestWorkingDays : public QObject {
    Q_OBJECT

private slots:
    void easter();
    void holidays();
    void adding();
    void counting();
};

void TestWorkingDays::easter()
{
    QCOMPARE(WorkingDays::easterSunday(2024), QDate(2024, 3, 31));
    QCOMPARE(WorkingDays::easterSunday(2025), QDate(2025, 4, 20));
    QCOMPARE(WorkingDays::easterSunday(2026), QDate(2026, 4, 5));
    QCOMPARE(WorkingDays::easterSunday(2027), QDate(2027, 3, 28));
}

void TestWorkingDays::holidays()
{
    QVERIFY(WorkingDays::isPublicHoliday(QDate(2026, 1, 1)));
    QVERIFY(WorkingDays::isPublicHoliday(QDate(2026, 4, 6)));    // Tweede Paasdag
    QVERIFY(WorkingDays::isPublicHoliday(QDate(2026, 4, 27)));   // Koningsdag (Monday)
    QVERIFY(WorkingDays::isPublicHoliday(QDate(2025, 4, 26)));   // Koningsdag 2025: 27 April was a Sunday
    QVERIFY(!WorkingDays::isPublicHoliday(QDate(2025, 4, 28)));
    QVERIFY(WorkingDays::isPublicHoliday(QDate(2026, 5, 5)));    // Bevrijdingsdag
    QVERIFY(WorkingDays::isPublicHoliday(QDate(2026, 5, 14)));   // Hemelvaartsdag
    QVERIFY(WorkingDays::isPublicHoliday(QDate(2026, 5, 25)));   // Tweede Pinksterdag
    QVERIFY(WorkingDays::isPublicHoliday(QDate(2026, 12, 25)));
    QVERIFY(WorkingDays::isPublicHoliday(QDate(2026, 12, 26)));
    QVERIFY(!WorkingDays::isPublicHoliday(QDate(2026, 4, 3)));   // Goede Vrijdag counts as a working day
    QVERIFY(!WorkingDays::isWorkingDay(QDate(2026, 11, 28)));    // Saturday
    QVERIFY(WorkingDays::isWorkingDay(QDate(2026, 11, 27)));
}

void TestWorkingDays::adding()
{
    QCOMPARE(WorkingDays::add(QDate(2026, 11, 26), 0), QDate(2026, 11, 26));
    QCOMPARE(WorkingDays::add(QDate(2026, 11, 26), 1), QDate(2026, 11, 27));   // Thu -> Fri
    QCOMPARE(WorkingDays::add(QDate(2026, 11, 27), 1), QDate(2026, 11, 30));   // Fri -> Mon
    QCOMPARE(WorkingDays::add(QDate(2026, 11, 26), 10), QDate(2026, 12, 10));
    // Christmas 2026: Fri 25 and Sat 26; 24 Dec + 1 -> Mon 28 Dec.
    QCOMPARE(WorkingDays::add(QDate(2026, 12, 24), 1), QDate(2026, 12, 28));
    // Over Easter 2026 (Mon 6 April is a holiday): Thu 2 April + 2 -> Tue 7 April.
    QCOMPARE(WorkingDays::add(QDate(2026, 4, 2), 2), QDate(2026, 4, 7));
    // From a Saturday, the first working day is Monday.
    QCOMPARE(WorkingDays::add(QDate(2026, 11, 28), 1), QDate(2026, 11, 30));
    QCOMPARE(WorkingDays::add(QDate(2026, 11, 30), -1), QDate(2026, 11, 27));
}

void TestWorkingDays::counting()
{
    QCOMPARE(WorkingDays::between(QDate(2026, 11, 26), QDate(2026, 12, 10)), 10);
    QCOMPARE(WorkingDays::between(QDate(2026, 12, 10), QDate(2026, 11, 26)), -10);
    QCOMPARE(WorkingDays::between(QDate(2026, 11, 27), QDate(2026, 11, 29)), 0);
    for (int n = 0; n < 40; ++n)
        QCOMPARE(WorkingDays::between(QDate(2026, 12, 1), WorkingDays::add(QDate(2026, 12, 1), n)), n);
}

QTEST_GUILESS_MAIN(TestWorkingDays)
#include "tst_workingdays.moc"
