#pragma once
// The stable codes of docs/codes.md with their Dutch labels. The database, the command line and
// JSON/CSV output use the codes; people see the labels.

#include "Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace bs {

struct CodeLabel {
    QString code;
    QString label;  // Dutch
};

class CodeList {
public:
    CodeList(QString field, QString fieldLabel, QList<CodeLabel> entries);

    const QString& field() const { return m_field; }
    const QString& fieldLabel() const { return m_fieldLabel; }
    const QList<CodeLabel>& entries() const { return m_entries; }
    QStringList codes() const;
    bool contains(const QString& code) const;
    QString label(const QString& code) const;  // the code itself when unknown
    QString allowedText() const;                // "laag, normaal, hoog, acuut"

    // Refuses a value that is not one of the codes, naming the field and what is allowed.
    Status check(const QString& value) const;

private:
    QString m_field;
    QString m_fieldLabel;
    QList<CodeLabel> m_entries;
};

namespace Codes {
const CodeList& signalStatus();
const CodeList& signalOutcome();
const CodeList& cancellationReason();
const CodeList& urgency();
const CodeList& impactLevel();
const CodeList& consent();
const CodeList& overrideGround();
const CodeList& referralStatus();
const CodeList& rejectionReason();
const CodeList& referralOutcome();
const CodeList& journalKind();
const CodeList& escalationTrigger();
const CodeList& partnerKind();
const CodeList& activityKind();
const CodeList& role();
const CodeList& indicatorStatus();
const CodeList& accessAction();

// Impact levels at which a signal may concern a person or household (and so hold subject data).
bool impactAllowsSubject(const QString& impact);
}  // namespace Codes

}  // namespace bs
