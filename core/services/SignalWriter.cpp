#include "SignalWriter.h"

#include "storage/Database.h"
#include "storage/InsertedId.h"
#include "storage/SqlValues.h"

using namespace Qt::StringLiterals;

namespace bs::SignalWriter {

QString formatReference(int year, int number)
{
    return u"S-%1-%2"_s.arg(year).arg(number, 6, 10, QLatin1Char('0'));
}

Result<QString> ReferenceNumbers::next(int year)
{
    auto last = m_last.find(year);
    if (last == m_last.end()) {
        auto stored = m_db->scalar(u"SELECT last_number FROM signal_sequence WHERE year = ?"_s, {year});
        if (!stored.ok())
            return stored.error();
        last = m_last.insert(year, stored.value().toInt());
    }
    return formatReference(year, ++last.value());
}

Status ReferenceNumbers::save()
{
    for (auto it = m_last.cbegin(); it != m_last.cend(); ++it) {
        BS_TRY(m_db->execute(u"INSERT INTO signal_sequence (year, last_number) VALUES (?, ?)"
                             " ON CONFLICT (year) DO UPDATE SET last_number = excluded.last_number"_s,
                             {it.key(), it.value()}));
    }
    return {};
}

Result<Inserter> Inserter::prepare(Database& db, Id id, const QString& work)
{
    const QString insert = u"INSERT INTO signals (reference, observed_on, registered_at, registered_by, buurt_id, street, impact,"
                           " category_code, source_code, external_id, urgency, description, consent, consent_by, consent_on,"
                           " follow_up_on, status, escalation_level, level_since, level_due_on, outcome, outcome_text, closed_on,"
                           " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
    auto query = db.prepare(id == Id::Returned ? returningId(insert) : insert);
    if (!query.ok())
        return query.error();
    return Inserter(db, std::move(query).value(), id, work);
}

void Inserter::bind(int index, const QString& value, QString& bound, bool nullWhenEmpty)
{
    // The same buffer is the same text: `bound` holds a reference, so it cannot have been
    // reused or changed meanwhile.
    if (m_anyBound && value.constData() == bound.constData() && value.size() == bound.size())
        return;
    m_query.bindValue(index, nullWhenEmpty ? orNull(value) : QVariant(value));
    bound = value;
}

void Inserter::bind(int index, qint64 value, qint64& bound)
{
    if (m_anyBound && value == bound)
        return;
    m_query.bindValue(index, value);
    bound = value;
}

Result<qint64> Inserter::insert(const NewSignalRow& row, qsizetype line)
{
    NewSignalRow& b = m_bound;
    bind(0, row.reference, b.reference, false);
    bind(1, row.observedOn, b.observedOn, false);
    bind(2, row.registeredAt, b.registeredAt, false);
    bind(3, row.registeredBy, b.registeredBy, false);
    bind(4, row.buurtId, b.buurtId);
    bind(5, row.street, b.street, true);
    bind(6, row.impact, b.impact, false);
    bind(7, row.category, b.category, false);
    bind(8, row.source, b.source, false);
    bind(9, row.externalId, b.externalId, true);
    bind(10, row.urgency, b.urgency, false);
    bind(11, row.description, b.description, false);
    bind(12, row.consent, b.consent, false);
    bind(13, row.consentBy, b.consentBy, true);
    bind(14, row.consentOn, b.consentOn, true);
    bind(15, row.followUpOn, b.followUpOn, true);
    bind(16, row.status, b.status, false);
    bind(17, row.escalationLevel, b.escalationLevel);
    bind(18, row.levelSince, b.levelSince, false);
    bind(19, row.levelDueOn, b.levelDueOn, true);
    bind(20, row.outcome, b.outcome, true);
    bind(21, row.outcomeText, b.outcomeText, true);
    bind(22, row.closedOn, b.closedOn, true);
    bind(23, row.updatedAt, b.updatedAt, false);
    m_anyBound = true;
    if (!m_query.exec())  // the context is only put into words when it is needed
        return m_db->dialect().translate(m_query.lastError(), line > 0 ? u"%1 van regel %2"_s.arg(m_work).arg(line) : m_work);
    if (m_id == Id::NotNeeded)
        return qint64(0);
    return readReturnedId(m_query);
}

}  // namespace bs::SignalWriter
