// A writer for the durability harness: registers signals, refers and escalates them through the
// core services, as the programs do, for a number of seconds. After each committed write it
// prints one line ("S <reference>", "R <reference>", "E <reference> <level>", "B <backup file>",
// "T" for a retention run, "I <file>" for an import) and flushes, so the harness knows what was
// acknowledged before it killed the process. A refused write prints "FOUT <message>".
//   durability_writer REGISTRY SECONDS SEED [--backups]     (now and then a backup and a retention run)
//   durability_writer REGISTRY import FILE.csv MAPPING.json  (the melding import, as the CLI runs it)
// With BUURTSIGNAAL_POWERCUT_JOURNAL set, SQLite writes through the power-cut VFS, which notes
// in that file what each unsynced write changed (tests/support/PowerCutVfs.h).
#include "Clock.h"
#include "PowerCutVfs.h"
#include "Registry.h"
#include "io/MeldingImport.h"
#include "privacy/Retention.h"
#include "services/Escalations.h"
#include "storage/Backups.h"
#include "services/Referrals.h"
#include "services/Signals.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace bs;

namespace {

void say(const QString& line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4 || args.size() > 5) {
        std::fputs("gebruik: durability_writer REGISTER SECONDEN SEED [--backups] | REGISTER import BESTAND KOPPELING\n", stderr);
        return 2;
    }
    if (const QString journal = qEnvironmentVariable("BUURTSIGNAAL_POWERCUT_JOURNAL"); !journal.isEmpty())
        test::PowerCutVfs::install(journal);
    const Clock& clock = programClock();
    auto opened = Registry::open(args.at(1), Registry::Create::No, clock, currentLogin());
    if (!opened.ok()) {
        say(u"FOUT "_s + opened.error().message);
        return 1;
    }
    Registry& registry = *opened.value();
    if (args.at(2) == u"import"_s && args.size() == 5) {
        QFile file(args.at(3));
        QFile mappingFile(args.at(4));
        if (!file.open(QIODevice::ReadOnly) || !mappingFile.open(QIODevice::ReadOnly)) {
            say(u"FOUT bestand niet leesbaar"_s);
            return 1;
        }
        auto mapping = MeldingMapping::fromJson(mappingFile.readAll(), nullptr);
        if (!mapping.ok()) {
            say(u"FOUT "_s + mapping.error().message);
            return 1;
        }
        auto report = MeldingImport::run(registry, file.readAll(), mapping.value(), QFileInfo(file).fileName(), {});
        if (!report.ok() || report->problemCount > 0) {
            say(u"FOUT import"_s + (report.ok() ? QString() : u" "_s + report.error().message));
            return 1;
        }
        say(u"I "_s + QFileInfo(file).completeBaseName());
        return 0;
    }
    const bool backups = args.size() == 5 && args.at(4) == u"--backups"_s;
    QRandomGenerator rng(args.at(3).toUInt());
    const QStringList buurten = {u"Oranjebuurt"_s, u"Kortland"_s, u"Kinderdijk"_s, u"Souburgh"_s};
    const QStringList categories = {u"eenzaamheid"_s, u"vervuiling"_s, u"schulden"_s, u"jongerenoverlast"_s};
    QStringList mine;
    QStringList notReferred;  // a signal is referred to the same partner once
    QElapsedTimer timer;
    timer.start();
    const qint64 limit = args.at(2).toLongLong() * 1000;
    while (timer.elapsed() < limit) {
        const int roll = int(rng.bounded(100));
        if (backups && roll == 0) {
            auto backup = Backups::create(registry, u"handmatig"_s);
            if (!backup.ok()) {
                say(u"FOUT "_s + backup.error().message);
                continue;
            }
            say(u"B "_s + backup->path);
            continue;
        }
        if (backups && roll == 1) {
            auto retention = Retention::run(registry, false);
            if (!retention.ok()) {
                say(u"FOUT "_s + retention.error().message);
                continue;
            }
            say(u"T"_s);
            continue;
        }
        if (roll < 70 || mine.isEmpty()) {
            NewSignal input;
            input.buurt = buurten.at(int(rng.bounded(buurten.size())));
            input.category = categories.at(int(rng.bounded(categories.size())));
            input.source = u"eigen_waarneming"_s;
            input.impact = u"straat"_s;
            input.description = u"Duurtest schrijver %1, signaal %2"_s.arg(args.at(3)).arg(mine.size() + 1);
            auto reference = Signals::add(registry, input);
            if (!reference.ok()) {
                say(u"FOUT "_s + reference.error().message);
                continue;
            }
            mine << reference.value();
            notReferred << reference.value();
            say(u"S "_s + reference.value());
        } else if (roll < 85) {
            if (notReferred.isEmpty())
                continue;
            const QString reference = notReferred.takeAt(int(rng.bounded(notReferred.size())));
            NewReferral referral{reference, u"Stichting Welzijn Alblasserdam"_s, {}, u"Graag contact"_s, {}, {}};
            auto id = Referrals::add(registry, referral);
            if (!id.ok()) {
                say(u"FOUT "_s + id.error().message);
                continue;
            }
            say(u"R "_s + reference);
        } else {
            const QString reference = mine.at(int(rng.bounded(mine.size())));
            auto state = Signals::state(registry, reference);
            if (!state.ok() || state->level >= 4)
                continue;
            Status stepped = Escalations::step(registry, reference, state->level + 1, u"termijn_verstreken"_s, u"Duurtest"_s);
            if (!stepped.ok()) {
                say(u"FOUT "_s + stepped.error().message);
                continue;
            }
            say(u"E %1 %2"_s.arg(reference).arg(state->level + 1));
        }
    }
    return 0;
}
