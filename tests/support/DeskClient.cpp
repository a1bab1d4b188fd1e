#include "DeskClient.h"

#include "services/Escalations.h"
#include "services/Journal.h"
#include "services/Referrals.h"
#include "services/SignalDetail.h"
#include "services/Signals.h"
#include "stats/Statistics.h"

#include <QDate>
#include <QElapsedTimer>
#include <QThread>

#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace bs::test {

DeskMix DeskMix::soak()
{
    DeskMix mix;
    mix.registerSignal = 25;
    mix.changeStatus = 10;
    mix.refer = 10;
    mix.accept = 8;
    mix.escalate = 7;
    mix.listQueue = 15;
    mix.readDetail = 15;
    mix.dashboard = 10;
    return mix;
}

DeskMix DeskMix::desk()
{
    DeskMix mix;
    mix.registerSignal = 6;
    mix.changeStatus = 4;
    mix.refer = 3;
    mix.accept = 2;
    mix.journal = 4;
    mix.escalate = 1;
    mix.listQueue = 40;
    mix.readDetail = 30;
    mix.dashboard = 10;
    mix.thinkMs = 1000;
    return mix;
}

const QStringList& deskWriteKinds()
{
    static const QStringList kinds = {u"signaal"_s, u"status"_s, u"verwijzing"_s, u"acceptatie"_s, u"escalatie"_s, u"journaal"_s};
    return kinds;
}

void deskSay(const QString& line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

const QString& DeskClient::neverCommitted()
{
    // The description of the signal added in the transaction that is killed. (Its reference may be
    // stored all the same: numbers of a rolled-back transaction are handed out again.)
    static const QString text = u"Soak: toegevoegd in een transactie die nooit wordt bevestigd"_s;
    return text;
}

DeskClient::DeskClient(Registry& registry, quint32 seed, QString name, DeskMix mix)
    : m_registry(registry), m_rng(seed), m_name(std::move(name)), m_mix(mix)
{
}

void DeskClient::runFor(qint64 milliseconds)
{
    QElapsedTimer timer;
    timer.start();
    // A pause first as well: desks that start together do not all press save in the same instant
    // (that burst, every desk's first write queued behind the others', is not a working day).
    think();
    while (timer.elapsed() < milliseconds) {
        step();
        think();
    }
}

void DeskClient::think()
{
    if (m_mix.thinkMs <= 0)
        return;
    // Exponential, capped at five times the mean: desks do not march in step.
    const double u = std::max(1e-9, m_rng.generateDouble());
    const double pause = std::min(5.0, -std::log(u)) * m_mix.thinkMs;
    QThread::msleep(static_cast<unsigned long>(pause));
}

void DeskClient::holdATransaction()
{
    const Status never = m_registry.db().write([&]() -> Status {
        NewSignal input;
        input.buurt = u"Kortland"_s;
        input.category = u"eenzaamheid"_s;
        input.source = u"eigen_waarneming"_s;
        input.impact = u"straat"_s;
        input.observedOn = u"2026-11-20"_s;
        input.description = neverCommitted();
        auto reference = Signals::add(m_registry, input);
        if (!reference.ok())
            return reference.error();
        deskSay(u"HOUDT "_s + reference.value());
        QThread::sleep(600);
        return Error::rule(u"niet bedoeld om te eindigen"_s);
    });
    deskSay(u"FOUT houden "_s + never.error().message);
}

void DeskClient::step()
{
    const std::vector<std::pair<int, void (DeskClient::*)()>> operations = {
        {m_mix.registerSignal, &DeskClient::registerSignal}, {m_mix.changeStatus, &DeskClient::changeStatus},
        {m_mix.refer, &DeskClient::refer},                   {m_mix.accept, &DeskClient::accept},
        {m_mix.escalate, &DeskClient::escalate},             {m_mix.journal, &DeskClient::writeJournal},
        {m_mix.listQueue, &DeskClient::listQueue},           {m_mix.readDetail, &DeskClient::readDetail},
        {m_mix.dashboard, &DeskClient::dashboard}};
    if (m_mine.empty()) {  // a desk starts with a signal of its own
        registerSignal();
        return;
    }
    int total = 0;
    for (const auto& operation : operations)
        total += operation.first;
    int roll = int(m_rng.bounded(quint32(std::max(1, total))));
    for (const auto& operation : operations) {
        if (roll < operation.first) {
            (this->*operation.second)();
            return;
        }
        roll -= operation.first;
    }
}

bool DeskClient::timed(const QString& kind, const std::function<Status(QString& written)>& operation,
                       const std::function<void()>& resolve)
{
    QElapsedTimer timer;
    timer.start();
    QString written;
    const Status done = operation(written);
    const qint64 micros = timer.nsecsElapsed() / 1000;
    if (done.ok()) {
        deskSay(u"OK %1 %2%3"_s.arg(kind).arg(micros).arg(written.isEmpty() ? QString() : u" "_s + written));
        return true;
    }
    if (done.error().kind != ErrorKind::ConnectionLost) {
        deskSay(u"FOUT %1 %2"_s.arg(kind, done.error().message));
        return false;
    }
    deskSay(u"VERBROKEN %1 %2"_s.arg(kind).arg(micros));
    reconnect();
    if (resolve)
        resolve();
    return false;
}

void DeskClient::reconnect()
{
    // As the window's ChangeFeed does: try again every half second until the server is back.
    QElapsedTimer away;
    away.start();
    while (!m_registry.db().reconnect().ok()) {
        if (away.elapsed() > 300'000) {
            deskSay(u"FOUT verbinden de server bleef weg"_s);
            std::exit(1);
        }
        QThread::msleep(500);
    }
    deskSay(u"HERSTELD %1"_s.arg(away.nsecsElapsed() / 1000));
}

void DeskClient::readBack(OwnSignal& signal)
{
    auto detail = Signals::detail(m_registry, signal.reference);
    if (!detail.ok()) {
        deskSay(u"FOUT teruglezen %1"_s.arg(detail.error().message));
        return;
    }
    signal.status = detail->status;
    signal.level = detail->level;
    signal.referral = detail->referrals.isEmpty() ? 0 : detail->referrals.constLast().id;
    signal.accepted = !detail->referrals.isEmpty() && detail->referrals.constLast().status == u"geaccepteerd"_s;
    deskSay(u"STAND %1 %2 %3 %4 %5"_s.arg(signal.reference, signal.status).arg(signal.level).arg(signal.referral).arg(signal.accepted ? 1 : 0));
}

DeskClient::OwnSignal* DeskClient::pick(const std::function<bool(const OwnSignal&)>& fits)
{
    std::vector<OwnSignal*> candidates;
    for (OwnSignal& signal : m_mine) {
        if (fits(signal))
            candidates.push_back(&signal);
    }
    return candidates.empty() ? nullptr : candidates.at(m_rng.bounded(quint32(candidates.size())));
}

namespace {
bool isOpen(const QString& status) { return status != u"afgehandeld"_s; }
}  // namespace

void DeskClient::registerSignal()
{
    static const QStringList buurten = {u"Oranjebuurt"_s, u"Kortland"_s, u"Kinderdijk"_s, u"Souburgh"_s};
    static const QStringList categories = {u"eenzaamheid"_s, u"vervuiling"_s, u"schulden"_s, u"jongerenoverlast"_s};
    NewSignal input;
    input.buurt = buurten.at(int(m_rng.bounded(buurten.size())));
    input.category = categories.at(int(m_rng.bounded(categories.size())));
    input.source = u"eigen_waarneming"_s;
    input.impact = u"straat"_s;
    input.observedOn = QDate(2026, 11, 26).addDays(-qint64(m_rng.bounded(60))).toString(Qt::ISODate);
    input.description = u"Bureau %1, signaal %2"_s.arg(m_name).arg(++m_written);
    QString reference;
    const bool added = timed(
        u"signaal"_s,
        [&](QString& written) -> Status {
            auto result = Signals::add(m_registry, input);
            if (!result.ok())
                return result.error();
            reference = written = result.value();
            return {};
        },
        [&]() {
            // Stored or not: the desk looks for what it typed.
            auto found = m_registry.db().scalar(u"SELECT reference FROM signals WHERE description = ?"_s, {input.description});
            if (found.ok() && !found->isNull()) {
                m_mine.push_back({found->toString()});
                readBack(m_mine.back());
            }
        });
    if (added)
        m_mine.push_back({reference});
}

void DeskClient::changeStatus()
{
    // nieuw → in_behandeling; in_behandeling → afgehandeld while no referral is open.
    OwnSignal* signal = pick([](const OwnSignal& s) { return s.status == u"nieuw"_s || (s.status == u"in_behandeling"_s && s.referral == 0); });
    if (!signal)
        return;
    const bool start = signal->status == u"nieuw"_s;
    const QString to = start ? u"in_behandeling"_s : u"afgehandeld"_s;
    const Workflow::TransitionInput input = start ? Workflow::TransitionInput{} : Workflow::TransitionInput{u"opgelost"_s, u"Bureau"_s, {}};
    if (timed(
            u"status"_s,
            [&](QString& written) -> Status {
                BS_TRY(Signals::changeStatus(m_registry, signal->reference, to, input));
                written = signal->reference + u' ' + to;
                return {};
            },
            [&]() { readBack(*signal); }))
        signal->status = to;
}

void DeskClient::refer()
{
    OwnSignal* signal = pick([](const OwnSignal& s) { return isOpen(s.status) && s.referral == 0; });
    if (!signal)
        return;
    qint64 id = 0;
    if (timed(
            u"verwijzing"_s,
            [&](QString& written) -> Status {
                auto sent = Referrals::add(m_registry, {signal->reference, u"Stichting Welzijn Alblasserdam"_s, {}, u"Graag contact"_s, {}, {}});
                if (!sent.ok())
                    return sent.error();
                id = sent.value();
                written = u"%1 %2"_s.arg(id).arg(signal->reference);
                return {};
            },
            [&]() { readBack(*signal); })) {
        signal->referral = id;
        if (signal->status == u"nieuw"_s)
            signal->status = u"in_behandeling"_s;
    }
}

void DeskClient::accept()
{
    OwnSignal* signal = pick([](const OwnSignal& s) { return s.referral != 0 && !s.accepted; });
    if (!signal)
        return;
    if (timed(
            u"acceptatie"_s,
            [&](QString& written) -> Status {
                BS_TRY(Referrals::transition(m_registry, signal->referral, u"geaccepteerd"_s, {}));
                written = QString::number(signal->referral);
                return {};
            },
            [&]() { readBack(*signal); }))
        signal->accepted = true;
}

void DeskClient::escalate()
{
    OwnSignal* signal = pick([](const OwnSignal& s) { return isOpen(s.status) && s.level < 4; });
    if (!signal)
        return;
    if (timed(
            u"escalatie"_s,
            [&](QString& written) -> Status {
                BS_TRY(Escalations::step(m_registry, signal->reference, signal->level + 1, u"termijn_verstreken"_s, u"Bureau"_s));
                written = u"%1 %2"_s.arg(signal->reference).arg(signal->level + 1);
                return {};
            },
            [&]() { readBack(*signal); }))
        ++signal->level;
}

void DeskClient::writeJournal()
{
    OwnSignal* signal = pick([](const OwnSignal& s) { return isOpen(s.status); });
    if (!signal)
        return;
    // One word, so the ledger reads it back from its line; unique, so it can be found again.
    const QString text = u"bureau-%1-notitie-%2"_s.arg(m_name).arg(++m_written);
    timed(
        u"journaal"_s,
        [&](QString& written) -> Status {
            auto added = Journal::add(m_registry, {signal->reference, u"telefoon"_s, {}, text, false, 0});
            if (!added.ok())
                return added.error();
            written = text;
            return {};
        },
        [&]() {
            auto entries = Journal::forSignal(m_registry, signal->reference);
            if (!entries.ok())
                return;
            for (const JournalEntry& entry : entries.value()) {
                if (entry.text == text)
                    deskSay(u"NOTITIE "_s + text);
            }
        });
}

void DeskClient::listQueue()
{
    static const QList<SignalQueue> queues = {SignalQueue::All, SignalQueue::MyWork, SignalQueue::New,
                                              SignalQueue::Late, SignalQueue::AwaitingFeedback, SignalQueue::Stalled};
    SignalFilter filter;
    filter.queue = queues.at(int(m_rng.bounded(queues.size())));
    timed(u"werkvoorraad"_s, [&](QString&) -> Status {
        auto rows = Signals::list(m_registry, filter);
        if (!rows.ok())
            return rows.error();
        auto counted = Signals::count(m_registry, filter);
        return counted.ok() ? Status{} : Status{counted.error()};
    });
}

void DeskClient::readDetail()
{
    const OwnSignal& signal = m_mine.at(m_rng.bounded(quint32(m_mine.size())));
    timed(u"detail"_s, [&](QString&) -> Status {
        auto detail = Signals::detail(m_registry, signal.reference);
        return detail.ok() ? Status{} : Status{detail.error()};
    });
}

void DeskClient::dashboard()
{
    StatsFilter filter;
    filter.period = Period::quarter(2026, 4);
    timed(u"dashboard"_s, [&](QString&) -> Status {
        auto figures = Stats::compute(m_registry, filter);
        return figures.ok() ? Status{} : Status{figures.error()};
    });
}

}  // namespace bs::test
