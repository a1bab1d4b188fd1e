#pragma once
// The fixture of the command-line suite (tst_cli.cpp, tst_cli_casework.cpp): the command line run
// in-process with its own streams and a fixed clock, on a file or a server database of each test.
#include "Cli.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

struct Run {
    int code = -1;
    QString out;
    QString err;
};

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void versionHelpAndUsageErrors();
    void initIsIdempotent();
    void signalAddPrintsOnlyTheReference();
    void badInputExitsOneAndChangesNothing_data();
    void badInputExitsOneAndChangesNothing();
    void badFilesExitOne();
    void rulesAreRefusedWithTheRule();
    void demoOnlyIntoANewOrEmptyRegistry();
    void fullFlowWithJson();
    void listsOfReferenceData();
    void invalidUtf8ArgumentAsProcess();
    void statsAndCbsImport();
    void datesAreTypedAsShown();
    void impossibleDatesAreRefusedNamingTheField_data();
    void impossibleDatesAreRefusedNamingTheField();
    void timesAreDutchLocalTimeAndJsonKeepsTheOffset();
    void codesAreShownAsWords();
    void usageErrorsAreDutch();
    void fileErrorsAreDutch();
    // tst_cli_casework.cpp
    void caseworkCommands();

private:
    Run cli(const QStringList& arguments);
    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<TempServerDatabase> m_server;  // on PostgreSQL: the database of one test
    FixedClock m_clock{referenceToday()};
};

inline Run TestCli::cli(const QStringList& arguments)
{
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    Run run;
    run.code = runCli(QStringList{u"buurtsignaal-cli"_s} + arguments, outStream, errStream, m_clock);
    outStream.flush();
    errStream.flush();
    run.out = out;
    run.err = err;
    return run;
}

inline void TestCli::initTestCase()
{
    if (const QString why = engineUnavailable(); !why.isEmpty())
        QSKIP(qPrintable(why));
}

inline void TestCli::init()
{
    if (testEngine() == Engine::Postgresql) {
        m_server = std::make_unique<TempServerDatabase>();
        m_db = m_server->uri();
        return;
    }
    m_db = m_dir.filePath(u"cli-%1.buurtsignaal"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
    if (QTest::currentDataTag())
        m_db += QString::number(qHash(QString::fromUtf8(QTest::currentDataTag())));
}

inline void TestCli::cleanup()
{
    m_server.reset();
}

