// Failures while saving: a full disk, an I/O error, a read-only file. Each gives a clear Dutch
// message, leaves the database exactly as it was and (in the app) keeps what the user typed.
// Faults come from a SQLite VFS that fails writes on command (tests/support/FaultyVfs).
#include "FaultyVfs.h"
#include "MainWindow.h"
#include "NewSignalDialog.h"
#include "TestSupport.h"
#include "services/Referrals.h"
#include "services/Signals.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

class TestFailures : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { FaultyVfs::install(); }
    void cleanup() { FaultyVfs::arm(FaultyVfs::Fault::None); }
    void writeFailsCleanly_data();
    void writeFailsCleanly();
    void readOnlyFileIsRefusedUntouched();
    void appKeepsTypedInputWhenTheDiskIsFull();
};

void TestFailures::writeFailsCleanly_data()
{
    QTest::addColumn<int>("fault");
    QTest::addColumn<QString>("message");
    QTest::newRow("disk full") << int(FaultyVfs::Fault::DiskFull) << u"schijf is vol"_s;
    QTest::newRow("I/O error") << int(FaultyVfs::Fault::IoError) << u"schijffout"_s;
}

void TestFailures::writeFailsCleanly()
{
    QFETCH(int, fault);
    QFETCH(QString, message);
    TempRegistry temp;
    const QString reference = addSignal(temp.registry());
    const QByteArray before = contentFingerprint(temp.path());

    FaultyVfs::arm(FaultyVfs::Fault(fault));
    auto added = Signals::add(temp.registry(), NewSignal{u"Kortland"_s, u"vervuiling"_s, u"bewoner"_s, u"straat"_s, u"normaal"_s,
                                                         {}, {}, u"Volle container"_s, {}, {}});
    QVERIFY(!added.ok());
    QVERIFY2(added.error().message.contains(message), qPrintable(added.error().message));
    QVERIFY(added.error().message.contains(u"niets gewijzigd"_s));
    auto referred = Referrals::add(temp.registry(), NewReferral{reference, u"Gemeente Alblasserdam"_s, {}, u"Graag kijken"_s, {}, {}});
    QVERIFY(!referred.ok());
    QVERIFY(FaultyVfs::failedWrites() > 0);
    FaultyVfs::arm(FaultyVfs::Fault::None);

    QCOMPARE(contentFingerprint(temp.path()), before);
    // The registry works again once the disk does, through the same connection and a new one.
    QVERIFY(Signals::add(temp.registry(), NewSignal{u"Kortland"_s, u"vervuiling"_s, u"bewoner"_s, u"straat"_s, u"normaal"_s,
                                                    {}, {}, u"Na herstel"_s, {}, {}}).ok());
    temp.reopen();
    QCOMPARE(temp->db().scalar(u"PRAGMA integrity_check"_s).value().toString(), u"ok"_s);
    QCOMPARE(temp->db().scalar(u"SELECT count(*) FROM signals"_s).value().toInt(), 2);
}

void TestFailures::readOnlyFileIsRefusedUntouched()
{
    TempRegistry temp;
    addSignal(temp.registry());
    temp.close();
    QFile::setPermissions(temp.path(), QFileDevice::ReadOwner);
    const QByteArray before = contentFingerprint(temp.path());
    FixedClock clock(referenceToday());
    auto opened = Registry::open(temp.path(), Registry::Create::No, clock, u"tester"_s);
    QVERIFY(!opened.ok());
    QVERIFY(opened.error().message.contains(u"alleen-lezen"_s));
    QCOMPARE(contentFingerprint(temp.path()), before);
    QFile::setPermissions(temp.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestFailures::appKeepsTypedInputWhenTheDiskIsFull()
{
    TempRegistry temp;
    const QString path = temp.path();
    temp.close();
    FixedClock clock(referenceToday());
    MainWindow window(clock);
    window.setInteractive(false);
    QVERIFY(window.openRegistry(path, false));
    window.newSignal();
    NewSignalDialog* form = window.newSignalDialog();
    form->findChild<QComboBox*>(u"buurt"_s)->setCurrentText(u"Schildersbuurt"_s);
    form->findChild<QComboBox*>(u"category"_s)->setCurrentText(u"Schulden"_s);
    form->findChild<QPlainTextEdit*>(u"description"_s)->setPlainText(u"Brievenbus puilt uit"_s);
    const QByteArray before = contentFingerprint(path);
    FaultyVfs::arm(FaultyVfs::Fault::DiskFull);
    QVERIFY(!form->submit());
    FaultyVfs::arm(FaultyVfs::Fault::None);
    QVERIFY2(form->errorShownFor(u"description"_s).contains(u"schijf is vol"_s), qPrintable(form->errorShownFor(u"description"_s)));
    QCOMPARE(form->findChild<QComboBox*>(u"buurt"_s)->currentText(), u"Schildersbuurt"_s);
    QCOMPARE(form->findChild<QPlainTextEdit*>(u"description"_s)->toPlainText(), u"Brievenbus puilt uit"_s);
    QCOMPARE(contentFingerprint(path), before);
    // Space again: the same form saves what was typed.
    QVERIFY(form->submit());
}

QTEST_MAIN(TestFailures)
#include "tst_failures.moc"
