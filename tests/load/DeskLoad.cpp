// The load tool (issue 16): N desks, each its own process with its own server login, work on one
// registry at once as welfare desks do (DeskMix::desk: 80 % reads, 20 % writes, a pause between
// operations). It prints per kind of operation the count, p50, p95, p99 and how many lost their
// answer to a lost connection, then compares what the desks saw acknowledged with what the
// server stored. It asserts nothing about time; tools/load.sh sets up the server and runs it.
//
//   buurtsignaal-load --uri 'postgresql://%1@/buurtsignaal?host=…' --check-uri URI
//                     [--clients 10] [--seconds 120] [--think-ms 1000] [--login-prefix bureau] [--run NAME] [--out DIR]
// `%1` in --uri becomes each desk's login (<prefix>01, <prefix>02, …; tools/load.sh makes them).
// --check-uri is a login that sees every signal (the owner), for the comparison at the end.
// Exit status 0 when no desk saw an error and everything acknowledged is stored, 1 otherwise.
#include "DeskClient.h"
#include "DeskLedger.h"
#include "Registry.h"
#include "storage/Database.h"
#include "storage/Location.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace bs;
using namespace bs::test;

namespace {

//   buurtsignaal-load --desk URI SECONDS NUMBER THINK_MS NAME
int runDesk(const QStringList& args)
{
    if (args.size() < 7)
        return 2;
    auto opened = Registry::open(args.at(2), Registry::Create::No, programClock(), currentLogin());
    if (!opened.ok()) {
        deskSay(u"FOUT openen "_s + opened.error().message);
        return 1;
    }
    DeskMix mix = DeskMix::desk();
    mix.thinkMs = args.at(5).toInt();
    DeskClient desk(*opened.value(), 20261130 + args.at(4).toUInt(), args.at(6), mix);
    desk.runFor(args.at(3).toLongLong() * 1000);
    return 0;
}

int runHarness(QCoreApplication& app)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"uri"_s, u"server address with %1 for the login"_s, u"uri"_s});
    parser.addOption({u"check-uri"_s, u"address of a login that sees every signal"_s, u"uri"_s});
    parser.addOption({u"clients"_s, u"number of desks"_s, u"n"_s, u"10"_s});
    parser.addOption({u"seconds"_s, u"how long each desk works"_s, u"s"_s, u"120"_s});
    parser.addOption({u"think-ms"_s, u"mean pause between operations"_s, u"ms"_s, u"1000"_s});
    parser.addOption({u"login-prefix"_s, u"desk logins are prefix01, prefix02, …"_s, u"prefix"_s, u"bureau"_s});
    parser.addOption({u"run"_s, u"name of this run, so runs on one registry are told apart"_s, u"name"_s, u"r"_s});
    parser.addOption({u"out"_s, u"folder for each desk's output (kept)"_s, u"dir"_s});
    parser.process(app);
    if (!parser.isSet(u"uri"_s) || !parser.value(u"uri"_s).contains(u"%1"_s) || !parser.isSet(u"check-uri"_s)) {
        std::fputs("buurtsignaal-load: --uri (met %1 voor de login) en --check-uri zijn nodig\n", stderr);
        return 2;
    }
    const int clients = parser.value(u"clients"_s).toInt();
    const int seconds = parser.value(u"seconds"_s).toInt();
    QTemporaryDir temporary;
    const QString out = parser.isSet(u"out"_s) ? parser.value(u"out"_s) : temporary.path();
    QDir().mkpath(out);

    std::vector<std::unique_ptr<QProcess>> desks;
    QElapsedTimer wall;
    wall.start();
    for (int i = 1; i <= clients; ++i) {
        const QString login = u"%1%2"_s.arg(parser.value(u"login-prefix"_s)).arg(i, 2, 10, QChar(u'0'));
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"BUURTSIGNAAL_USER"_s, login);
        process->setProcessEnvironment(env);
        // To a file: nothing a desk printed is lost, and a desk never waits for the harness to read.
        process->setStandardOutputFile(QDir(out).filePath(u"bureau-%1.txt"_s.arg(i)));
        process->setStandardErrorFile(QDir(out).filePath(u"bureau-%1.err"_s.arg(i)));
        process->start(QCoreApplication::applicationFilePath(),
                       {u"--desk"_s, parser.value(u"uri"_s).arg(login), QString::number(seconds), QString::number(i), parser.value(u"think-ms"_s),
                        u"%1-%2"_s.arg(parser.value(u"run"_s)).arg(i)});
        if (!process->waitForStarted(10000)) {
            deskSay(u"bureau %1 start niet"_s.arg(i));
            return 1;
        }
        desks.push_back(std::move(process));
    }
    DeskLedger ledger;
    ledger.deskPrefix = parser.value(u"run"_s) + u'-';
    int abnormal = 0;
    for (int i = 1; i <= clients; ++i) {
        QProcess& desk = *desks.at(std::size_t(i - 1));
        if (!desk.waitForFinished((seconds + 600) * 1000)) {
            desk.kill();
            desk.waitForFinished();
        }
        if (desk.exitStatus() != QProcess::NormalExit || desk.exitCode() != 0)
            ++abnormal;
        QFile output(QDir(out).filePath(u"bureau-%1.txt"_s.arg(i)));
        if (output.open(QIODevice::ReadOnly))
            ledger.read(output.readAll());
    }
    const double elapsed = double(wall.elapsed()) / 1000.0;

    auto location = Location::parse(parser.value(u"check-uri"_s));
    if (!location.ok()) {
        deskSay(location.error().message);
        return 1;
    }
    auto checker = Database::open(location.value(), Database::Mode::ReadOnly);
    if (!checker.ok()) {
        deskSay(checker.error().message);
        return 1;
    }
    qint64 stored = 0;
    const QStringList problems = ledger.compare(*checker.value(), &stored);

    qint64 operations = 0;
    for (const QList<qint64>& durations : ledger.micros)
        operations += durations.size();
    deskSay(u"Belasting: %1 bureaus x %2 s, denktijd gemiddeld %3 ms; %4 bewerkingen in %5 s (%6 per seconde)"_s.arg(clients)
              .arg(seconds)
              .arg(parser.value(u"think-ms"_s))
              .arg(operations)
              .arg(elapsed, 0, 'f', 1)
              .arg(double(operations) / elapsed, 0, 'f', 1));
    for (const QString& line : ledger.timingTable())
        deskSay(line);
    QList<qint64> away = ledger.reconnectMicros;
    std::sort(away.begin(), away.end());
    auto inSeconds = [](qint64 micros) { return QString::number(double(micros) / 1e6, 'f', 1); };
    int lost = 0;
    for (int n : ledger.lost)
        lost += n;
    deskSay(u"Verbroken: %1 bewerkingen verloren hun antwoord (waarvan %2 schrijfacties); %3 keer opnieuw verbonden, mediaan %4 s, langst %5 s"_s
              .arg(lost)
              .arg(ledger.lostAnswers())
              .arg(away.size())
              .arg(away.isEmpty() ? u"-"_s : inSeconds(away.at(away.size() / 2)))
              .arg(away.isEmpty() ? u"-"_s : inSeconds(away.constLast())));
    deskSay(u"Fouten bij de gebruiker: %1; bureaus niet normaal gestopt: %2"_s.arg(ledger.errors.size()).arg(abnormal));
    for (const QString& error : ledger.errors.mid(0, 5))
        deskSay(u"  "_s + error);
    deskSay(u"Bevestigd: %1 schrijfacties, %2 signalen; opgeslagen: %3 signalen; verschillen: %4"_s.arg(ledger.acknowledgedWrites())
              .arg(ledger.status.size())
              .arg(stored)
              .arg(problems.size()));
    for (const QString& problem : problems.mid(0, 10))
        deskSay(u"  "_s + problem);
    return ledger.errors.isEmpty() && problems.isEmpty() && abnormal == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], "--desk") == 0)
        return runDesk(app.arguments());
    return runHarness(app);
}
