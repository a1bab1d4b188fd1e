#include "Validation.h"

#include "DutchDates.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace bs::Validation {

bool containsBsn(const QString& value)
{
    static const QRegularExpression nineDigits(u"(?<![0-9])([0-9]{9}|[0-9]{4}\\.[0-9]{2}\\.[0-9]{3})(?![0-9])"_s);
    auto matches = nineDigits.globalMatch(value);
    while (matches.hasNext()) {
        QString digits = matches.next().captured(1);
        digits.remove(u'.');
        int sum = 0;
        for (int i = 0; i < 8; ++i)
            sum += (9 - i) * digits.at(i).digitValue();
        sum -= digits.at(8).digitValue();
        if (sum % 11 == 0 && digits != u"000000000"_s)
            return true;
    }
    return false;
}

Result<QString> text(const QString& value, const TextRule& rule)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty()) {
        if (rule.required)
            return Error::invalid(rule.field, u"%1 ontbreekt: dit veld is verplicht."_s.arg(rule.label));
        return QString();
    }
    if (trimmed.size() > rule.maxLength) {
        return Error::invalid(rule.field, u"%1 is te lang (%2 tekens); ten hoogste %3 tekens toegestaan."_s
                                              .arg(rule.label)
                                              .arg(trimmed.size())
                                              .arg(rule.maxLength));
    }
    for (const QChar c : trimmed) {
        if (c == QChar::ReplacementCharacter) {
            return Error::invalid(rule.field, u"%1 bevat ongeldige tekens (geen geldige UTF-8-tekst). "
                                              "Typ de tekst opnieuw of plak hem als platte tekst."_s.arg(rule.label));
        }
        const bool allowedControl = rule.multiLine && (c == u'\n' || c == u'\t' || c == u'\r');
        if ((c.category() == QChar::Other_Control || c.category() == QChar::Other_NotAssigned) && !allowedControl) {
            return Error::invalid(rule.field, u"%1 bevat een stuurteken (U+%2); alleen gewone tekst is toegestaan."_s
                                              .arg(rule.label)
                                              .arg(QString::number(c.unicode(), 16).rightJustified(4, u'0')));
        }
    }
    if (containsBsn(trimmed)) {
        return Error::invalid(rule.field, u"%1 lijkt een BSN te bevatten. Een BSN wordt nooit vastgelegd in "
                                          "Buurtsignaal; laat het nummer weg."_s.arg(rule.label));
    }
    return trimmed;
}

Result<QDate> date(const QString& value, const QString& field, const QString& label, const QDate& notAfter)
{
    const QString trimmed = value.trimmed();
    const QDate parsed = DutchDates::parse(trimmed);
    if (!parsed.isValid()) {
        const QString why = DutchDates::hasDateForm(trimmed) ? u"; die dag bestaat niet"_s : QString();
        return Error::invalid(field, u"Ongeldige %1 '%2'%3. Gebruik %4."_s.arg(
                                         label.toLower(), trimmed, why, DutchDates::allowedForms()));
    }
    if (notAfter.isValid() && parsed > notAfter) {
        return Error::invalid(field, u"%1 %2 ligt in de toekomst; de datum mag niet na vandaag (%3) liggen."_s.arg(
                                         label, DutchDates::format(parsed), DutchDates::format(notAfter)));
    }
    if (parsed.year() < 2000) {
        return Error::invalid(field, u"%1 %2 ligt te ver in het verleden; vanaf 01-01-2000 toegestaan."_s.arg(label, DutchDates::format(parsed)));
    }
    return parsed;
}

}  // namespace bs::Validation
