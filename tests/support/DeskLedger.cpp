#include "DeskLedger.h"

#include "DeskClient.h"
#include "storage/Database.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bs::test {


void DeskLedger::read(const QByteArray& output)
{
    for (const QByteArray& raw : output.split('\n')) {
        const QStringList f = QString::fromUtf8(raw).split(u' ');
        const QString& tag = f.first();
        if (tag == u"FOUT"_s) {
            errors << QString::fromUtf8(raw);
        } else if (tag == u"HOUDT"_s && f.size() == 2) {
            held << f.at(1);
        } else if (tag == u"VERBROKEN"_s && f.size() >= 2) {
            ++lost[f.at(1)];
        } else if (tag == u"HERSTELD"_s && f.size() == 2) {
            reconnectMicros << f.at(1).toLongLong();
        } else if (tag == u"NOTITIE"_s && f.size() == 2) {
            journal.insert(f.at(1));
        } else if (tag == u"STAND"_s && f.size() == 6) {
            // Read back after a lost answer: what is stored is what counts from here on.
            const QString& reference = f.at(1);
            const int newLevel = f.at(3).toInt();
            escalations += std::max(0, newLevel - level.value(reference, 0));
            status.insert(reference, f.at(2));
            level.insert(reference, newLevel);
            if (const qint64 referral = f.at(4).toLongLong())
                referrals.insert(referral, reference);
            if (f.at(5) == u"1"_s)
                accepted.insert(f.at(4).toLongLong());
        } else if (tag == u"OK"_s && f.size() >= 3) {
            const QString& kind = f.at(1);
            micros[kind] << f.at(2).toLongLong();
            if (kind == u"signaal"_s) {
                status.insert(f.at(3), u"nieuw"_s);
            } else if (kind == u"status"_s) {
                status.insert(f.at(3), f.at(4));
            } else if (kind == u"verwijzing"_s) {
                referrals.insert(f.at(3).toLongLong(), f.at(4));
                if (status.value(f.at(4)) == u"nieuw"_s)
                    status.insert(f.at(4), u"in_behandeling"_s);  // referring starts the work
            } else if (kind == u"acceptatie"_s) {
                accepted.insert(f.at(3).toLongLong());
            } else if (kind == u"escalatie"_s) {
                level.insert(f.at(3), f.at(4).toInt());
                ++escalations;
            } else if (kind == u"journaal"_s) {
                journal.insert(f.at(3));
            }
        }
    }
}

qint64 DeskLedger::acknowledgedWrites() const
{
    qint64 n = 0;
    for (const QString& kind : deskWriteKinds())
        n += micros.value(kind).size();
    return n;
}

qint64 DeskLedger::lostAnswers() const
{
    qint64 n = 0;
    for (const QString& kind : deskWriteKinds())
        n += lost.value(kind);
    return n;
}

QStringList DeskLedger::compare(Database& db, qint64* stored) const
{
    QStringList problems;
    auto count = [&](const QString& sql, const QVariantList& values = {}) { return db.scalar(sql, values).value().toLongLong(); };
    // The signals desks register are described "Bureau <name>, signaal <n>", their notes
    // "bureau-<name>-notitie-<n>" (DeskClient); the prefix is a fixed test value, not input.
    const QString deskSignals = u"s.description LIKE 'Bureau %1%'"_s.arg(deskPrefix);
    const QString deskNotes = u"text LIKE 'bureau-%1%-notitie-%'"_s.arg(deskPrefix);
    QHash<QString, QString> statusStored;
    QHash<QString, int> levelStored;
    auto signalRows = db.run(u"SELECT s.reference, s.status, s.escalation_level FROM signals s WHERE %1"_s.arg(deskSignals));
    while (signalRows.ok() && signalRows->next()) {
        statusStored.insert(signalRows->value(0).toString(), signalRows->value(1).toString());
        levelStored.insert(signalRows->value(0).toString(), signalRows->value(2).toInt());
    }
    *stored = statusStored.size();
    if (statusStored.size() != status.size())
        problems << u"%1 signalen bevestigd, %2 opgeslagen"_s.arg(status.size()).arg(statusStored.size());
    for (auto it = status.cbegin(); it != status.cend(); ++it) {
        if (!statusStored.contains(it.key()))
            problems << u"bevestigd signaal %1 ontbreekt"_s.arg(it.key());
        else if (statusStored.value(it.key()) != it.value())
            problems << u"%1 heeft status %2, bevestigd was %3"_s.arg(it.key(), statusStored.value(it.key()), it.value());
        if (levelStored.value(it.key()) != level.value(it.key(), 0))
            problems << u"%1 staat op trede %2, bevestigd was %3"_s.arg(it.key()).arg(levelStored.value(it.key())).arg(level.value(it.key(), 0));
    }
    if (const qint64 n = count(u"SELECT count(*) FROM signals WHERE description = ?"_s, {DeskClient::neverCommitted()}))
        problems << u"%1 signalen uit een nooit bevestigde transactie staan in het register"_s.arg(n);

    QHash<qint64, std::pair<QString, QString>> referralStored;
    auto referralRows = db.run(u"SELECT r.id, s.reference, r.status FROM referrals r JOIN signals s ON s.id = r.signal_id WHERE %1"_s.arg(deskSignals));
    while (referralRows.ok() && referralRows->next())
        referralStored.insert(referralRows->value(0).toLongLong(), {referralRows->value(1).toString(), referralRows->value(2).toString()});
    if (referralStored.size() != referrals.size())
        problems << u"%1 doorverwijzingen bevestigd, %2 opgeslagen"_s.arg(referrals.size()).arg(referralStored.size());
    for (auto it = referrals.cbegin(); it != referrals.cend(); ++it) {
        const auto [reference, referralStatus] = referralStored.value(it.key());
        if (reference != it.value())
            problems << u"doorverwijzing #%1 van %2 ontbreekt"_s.arg(it.key()).arg(it.value());
        else if ((referralStatus == u"geaccepteerd"_s) != accepted.contains(it.key()))
            problems << u"doorverwijzing #%1 is %2"_s.arg(it.key()).arg(referralStatus);
    }
    const qint64 escalationsStored = count(u"SELECT count(*) FROM escalations e JOIN signals s ON s.id = e.signal_id WHERE %1"_s.arg(deskSignals));
    if (escalationsStored != escalations)
        problems << u"%1 escalaties bevestigd, %2 opgeslagen"_s.arg(escalations).arg(escalationsStored);

    QSet<QString> notesStored;
    auto noteRows = db.run(u"SELECT text FROM journal_entries WHERE %1"_s.arg(deskNotes));
    while (noteRows.ok() && noteRows->next())
        notesStored.insert(noteRows->value(0).toString());
    if (notesStored != journal) {
        problems << u"%1 journaalregels bevestigd, %2 opgeslagen, %3 bevestigde ontbreken"_s.arg(journal.size()).arg(notesStored.size())
                        .arg(QSet<QString>(journal).subtract(notesStored).size());
    }

    // Nothing half-written: every signal has its history, every referral its signal and history,
    // and the day counts equal a fresh count of the signals.
    if (const qint64 n = count(u"SELECT count(*) FROM signals s WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.signal_id = s.id"
                               " AND h.action = 'aangemaakt')"_s))
        problems << u"%1 signalen zonder geschiedenisregel"_s.arg(n);
    if (const qint64 n = count(u"SELECT count(*) FROM referrals r WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.referral_id = r.id)"_s))
        problems << u"%1 doorverwijzingen zonder geschiedenis"_s.arg(n);
    const QString dayCounts = u"SELECT observed_on, buurt_id, category_code, signals FROM signal_day_counts WHERE signals <> 0"_s;
    const QString fresh = u"SELECT observed_on, buurt_id, category_code, count(*) FROM signals GROUP BY observed_on, buurt_id, category_code"_s;
    if (const qint64 n = count(u"SELECT count(*) FROM (%1 EXCEPT %2) AS d"_s.arg(dayCounts, fresh))
                         + count(u"SELECT count(*) FROM (%2 EXCEPT %1) AS d"_s.arg(dayCounts, fresh)))
        problems << u"%1 dagtellingen wijken af van een nieuwe telling"_s.arg(n);
    return problems;
}

QString percentileMs(QList<qint64> values, double p)
{
    if (values.isEmpty())
        return u"-"_s;
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min(values.size() - 1, qsizetype(p * double(values.size())));
    return QString::number(double(values.at(index)) / 1000.0, 'f', 1);
}

QStringList DeskLedger::timingTable() const
{
    QStringList lines;
    for (auto it = micros.cbegin(); it != micros.cend(); ++it) {
        const bool write = deskWriteKinds().contains(it.key());
        lines << u"  %1 %2 %3 keer  p50 %4  p95 %5  p99 %6 ms  verbroken %7"_s.arg(it.key(), -12)
                     .arg(write ? u"schrijven"_s : u"lezen    "_s)
                     .arg(it.value().size(), 6)
                     .arg(percentileMs(it.value(), 0.50), 6)
                     .arg(percentileMs(it.value(), 0.95), 6)
                     .arg(percentileMs(it.value(), 0.99), 6)
                     .arg(lost.value(it.key()));
    }
    return lines;
}

}  // namespace bs::test
