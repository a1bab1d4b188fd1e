#pragma once
// The journal (journaal) of a signal: dated contacts — a home visit, a call, a meeting — with who
// wrote it and when it happened (which may be earlier than when it was written). Append-only in
// the database: a correction is a new entry that refers to the one it corrects. An erasure on
// request blanks the texts of that signal; the retention run blanks only entries marked as
// naming the person (the journal is casework, not subject data).

#include "Result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace bs {

class Database;
class Registry;

struct NewJournalEntry {
    QString reference;
    QString kind;        // huisbezoek, telefoon, overleg, e-mail, casusoverleg, overig
    QString happenedOn;  // date (dd-mm-jjjj or jjjj-mm-dd); empty: today
    QString text;
    bool namesPerson = false;  // the text names the resident: blanked by the retention run too
    qint64 corrects = 0;       // the entry this one corrects (of the same signal), 0 for none
};

struct JournalEntry {
    qint64 id = 0;
    QString kind;
    QString happenedOn;  // ISO date
    QString writtenAt;   // ISO 8601 UTC
    QString author;      // login
    QString authorName;
    QString text;        // empty once blanked
    bool namesPerson = false;
    qint64 corrects = 0;
    qint64 correctedBy = 0;  // a later entry that corrects this one
};

namespace Journal {

constexpr int maxTextLength = 2000;

const QStringList& kinds();
QString kindLabel(const QString& kind);

Result<qint64> add(Registry& registry, const NewJournalEntry& entry);
// Newest first (by the day it happened, then by when it was written).
Result<QList<JournalEntry>> forSignal(Registry& registry, const QString& reference);
Result<QList<JournalEntry>> forSignalId(Database& db, qint64 signalId);

// Inside the caller's write transaction: blanks the texts of these signals' entries (all of
// them, or only those marked as naming the person). Returns how many were blanked.
Result<int> blank(Database& db, const QList<qint64>& signalIds, bool onlyNamingThePerson);

}  // namespace Journal
}  // namespace bs
