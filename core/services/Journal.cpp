#include "Journal.h"

#include "Registry.h"
#include "access/AccessLog.h"
#include "domain/Codes.h"
#include "domain/Validation.h"
#include "domain/Workflow.h"
#include "services/History.h"
#include "storage/InsertedId.h"

using namespace Qt::StringLiterals;

namespace bs::Journal {

namespace {

Result<QList<JournalEntry>> read(Database& db, qint64 signalId)
{
    auto rows = db.run(u"SELECT j.id, j.kind, j.happened_on, j.written_at, j.author, coalesce(u.display_name, j.author), j.text,"
                       " j.names_person, coalesce(j.corrects_id, 0),"
                       " coalesce((SELECT min(c.id) FROM journal_entries c WHERE c.corrects_id = j.id), 0)"
                       " FROM journal_entries j LEFT JOIN users u ON u.login = j.author WHERE j.signal_id = ?"
                       " ORDER BY j.happened_on DESC, j.written_at DESC, j.id DESC"_s,
                       {signalId});
    if (!rows.ok())
        return rows.error();
    QList<JournalEntry> out;
    while (rows->next()) {
        out << JournalEntry{rows->value(0).toLongLong(), rows->value(1).toString(), rows->value(2).toString(), rows->value(3).toString(),
                            rows->value(4).toString(), rows->value(5).toString(), rows->value(6).toString(), rows->value(7).toInt() == 1,
                            rows->value(8).toLongLong(), rows->value(9).toLongLong()};
    }
    return out;
}

}  // namespace

const QStringList& kinds()
{
    static const QStringList list = Codes::journalKind().codes();
    return list;
}

QString kindLabel(const QString& kind)
{
    return Codes::journalKind().label(kind);
}

Result<qint64> add(Registry& registry, const NewJournalEntry& entry)
{
    BS_TRY(Codes::journalKind().check(entry.kind));
    const QDate today = registry.clock().today();
    QDate happened = today;
    if (!entry.happenedOn.trimmed().isEmpty()) {
        // When it happened may be earlier than when it is written, never later.
        auto parsed = Validation::date(entry.happenedOn, u"on"_s, u"Datum contact"_s, today);
        if (!parsed.ok())
            return parsed.error();
        happened = parsed.value();
    }
    auto text = Validation::text(entry.text, {u"text"_s, u"Tekst"_s, true, maxTextLength, true});
    if (!text.ok())
        return text.error();
    qint64 id = 0;
    BS_TRY(registry.db().write([&]() -> Status {
        Database& db = registry.db();
        auto signal = db.run(u"SELECT id, status FROM signals WHERE reference = ?"_s, {entry.reference.trimmed().toUpper()});
        if (!signal.ok())
            return signal.error();
        if (!signal->next()) {
            return Error::notFound(u"reference"_s,
                                   u"Onbekend signaal '%1'. Een kenmerk ziet eruit als S-2026-000123."_s.arg(entry.reference));
        }
        const qint64 signalId = signal->value(0).toLongLong();
        // A closed signal may still get a late note (a last call); a cancelled one was never casework.
        if (signal->value(1).toString() == u"geannuleerd"_s) {
            return Error::rule(u"Signaal %1 is geannuleerd; een geannuleerd signaal krijgt geen journaal."_s.arg(
                entry.reference.trimmed().toUpper()));
        }
        if (entry.corrects != 0) {
            auto of = db.scalar(u"SELECT signal_id FROM journal_entries WHERE id = ?"_s, {entry.corrects});
            if (!of.ok())
                return of.error();
            if (of.value().isNull() || of.value().toLongLong() != signalId) {
                return Error::invalid(u"corrects"_s, u"Journaalregel %1 hoort niet bij signaal %2; een correctie verwijst naar een regel van "
                                                     "hetzelfde signaal."_s.arg(entry.corrects).arg(entry.reference.trimmed().toUpper()));
            }
        }
        auto inserted = insertReturningId(db,
            u"INSERT INTO journal_entries (signal_id, kind, happened_on, written_at, author, text, names_person, corrects_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {signalId, entry.kind, happened.toString(Qt::ISODate), History::timestamp(registry.clock().now()), registry.actor(),
             text.value(), entry.namesPerson ? 1 : 0, entry.corrects != 0 ? QVariant(entry.corrects) : QVariant()});
        if (!inserted.ok())
            return inserted.error();
        id = inserted.value();
        return AccessLog::record(registry, AccessAction::Changed, signalId, u"journaal"_s);
    }));
    return id;
}

Result<QList<JournalEntry>> forSignal(Registry& registry, const QString& reference)
{
    auto id = registry.db().scalar(u"SELECT id FROM signals WHERE reference = ?"_s, {reference.trimmed().toUpper()});
    if (!id.ok())
        return id.error();
    if (id.value().isNull())
        return Error::notFound(u"reference"_s, u"Onbekend signaal '%1'. Een kenmerk ziet eruit als S-2026-000123."_s.arg(reference));
    return read(registry.db(), id.value().toLongLong());
}

Result<QList<JournalEntry>> forSignalId(Database& db, qint64 signalId)
{
    return read(db, signalId);
}

Result<int> blank(Database& db, const QList<qint64>& signalIds, bool onlyNamingThePerson)
{
    const QString which = onlyNamingThePerson ? u" AND names_person = 1"_s : QString();
    int blanked = 0;
    for (const qint64 id : signalIds) {
        auto updated = db.run(u"UPDATE journal_entries SET text = '' WHERE signal_id = ? AND text <> ''%1"_s.arg(which), {id});
        if (!updated.ok())
            return updated.error();
        blanked += updated->numRowsAffected();
    }
    return blanked;
}

}  // namespace bs::Journal
