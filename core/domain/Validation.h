#pragma once
// Checks on what people type, shared by every service so each field is refused the same way:
// the message names the field (in Dutch) and says what is allowed.

#include "Result.h"

#include <QDate>
#include <QString>

namespace bs::Validation {

struct TextRule {
    QString field;   // code name, e.g. "description"
    QString label;   // Dutch label, e.g. "Omschrijving"
    bool required = false;
    int maxLength = 200;
    bool multiLine = false;
};

// Trims and checks a text: required, length, no control characters, valid UTF-8 (the command
// line turns invalid bytes into U+FFFD) and never a BSN.
Result<QString> text(const QString& value, const TextRule& rule);

// A date as people type it (dd-mm-jjjj, d-m-jjjj or jjjj-mm-dd, see DutchDates::parse); with
// notAfter valid, later dates are refused.
Result<QDate> date(const QString& value, const QString& field, const QString& label, const QDate& notAfter = {});

// True when the text holds a nine-digit number that passes the BSN eleven-test.
bool containsBsn(const QString& value);

}  // namespace bs::Validation
