#include "CasusSheetHtml.h"

#include "HtmlTable.h"
#include "domain/Codes.h"
#include "domain/DutchDates.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace bs::CasusSheetHtml {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("bs::CasusSheetHtml", text);  // the context lupdate gives this namespace
}

// Free text as HTML: escaped, line breaks kept.
QString text(const QString& value)
{
    return value.toHtmlEscaped().replace(u'\n', u"<br>"_s);
}

QString day(const QString& isoDate)
{
    return isoDate.isEmpty() ? u"—"_s : DutchDates::formatIso(isoDate);
}

// A date in a narrow column: kept on one line.
QString noWrap(const QString& html)
{
    return u"<span style='white-space:nowrap'>%1</span>"_s.arg(html);
}

QString dayCell(const QString& isoDate)
{
    return noWrap(day(isoDate));
}

QString person(const QString& name, const QString& login)
{
    return name.isEmpty() || name == login ? login : u"%1 (%2)"_s.arg(name, login);
}

QString orDash(const QString& value)
{
    return value.trimmed().isEmpty() ? u"—"_s : text(value);
}

QString heading(const QString& title)
{
    return u"<h2 style='color:#1f4e79; margin-top:14px'>%1</h2>"_s.arg(title.toHtmlEscaped());
}

QString line(const QString& label, const QString& html)
{
    return u"<p><b>%1:</b> %2</p>"_s.arg(label.toHtmlEscaped(), html);
}

// Two label/value pairs per row, so the fields take half a page rather than a whole one.
QString fieldTable(const QList<QPair<QString, QString>>& fields)
{
    QString html = u"<table width='100%' cellspacing='0' cellpadding='2'>"_s;
    for (int i = 0; i < fields.size(); i += 2) {
        html += u"<tr>"_s;
        for (int j = i; j < i + 2; ++j) {
            if (j < fields.size())
                html += u"<td width='18%' style='color:#445566'>%1</td><td width='32%'>%2</td>"_s.arg(fields.at(j).first.toHtmlEscaped(),
                                                                                                  fields.at(j).second);
            else
                html += u"<td></td><td></td>"_s;
        }
        html += u"</tr>"_s;
    }
    return html + u"</table>"_s;
}

QString handlerText(const SignalDetail& d)
{
    if (d.handler.isEmpty())
        return tr("none");
    QString html = text(person(d.handlerName, d.handler));
    if (!d.handedOverBy.isEmpty())
        html += u"<br>"_s + text(tr("handed over by %1").arg(person(d.handedOverByName, d.handedOverBy)));
    return html;
}

QString consentText(const SignalDetail& d)
{
    QString html = text(Codes::consent().label(d.consent.status));
    if (!d.consent.givenBy.isEmpty() || !d.consent.givenOn.isEmpty())
        html += text(tr(", by %1 on %2").arg(d.consent.givenBy.isEmpty() ? u"—"_s : d.consent.givenBy, day(d.consent.givenOn)));
    if (!d.consent.scope.isEmpty())
        html += u"<br>"_s + text(tr("scope: %1").arg(d.consent.scope.join(u", "_s)));
    return html;
}

QString subjectLine(const SignalDetail& d)
{
    if (!d.subject)
        return u"<p><b>%1</b></p>"_s.arg(tr("Subject: shielded").toHtmlEscaped());
    QStringList parts{d.subject->name};
    if (!d.subject->address.isEmpty())
        parts << d.subject->address;
    if (!d.subject->phone.isEmpty())
        parts << tr("phone %1").arg(d.subject->phone);
    if (d.subject->birthYear)
        parts << tr("born %1").arg(*d.subject->birthYear);
    return line(tr("Subject"), text(parts.join(u" · "_s)));
}

QString referrals(const SignalDetail& d)
{
    if (d.referrals.isEmpty())
        return u"<p>%1</p>"_s.arg(tr("No referrals."));
    QList<QStringList> rows;
    for (const ReferralInfo& r : d.referrals) {
        QString partner = text(r.toPartner);
        if (!r.reason.isEmpty())
            partner += u"<br><i>%1</i>"_s.arg(text(r.reason));
        if (!r.overrideGround.isEmpty()) {
            QString ground = Codes::overrideGround().label(r.overrideGround);
            if (!r.overrideReason.isEmpty())
                ground += u" — "_s + r.overrideReason;
            partner += u"<br>"_s + text(tr("shared without consent: %1").arg(ground));
        }
        QString status = text(Codes::referralStatus().label(r.status));
        if (r.late)
            status += u"<br><b style='color:#b00020'>%1</b>"_s.arg(tr("late"));
        QStringList answer;
        if (!r.acceptedOn.isEmpty())
            answer << text(tr("accepted %1").arg(day(r.acceptedOn)));
        if (!r.rejectionReason.isEmpty())
            answer << text(tr("rejected: %1").arg(Codes::rejectionReason().label(r.rejectionReason)));
        if (!r.outcome.isEmpty())
            answer << text(tr("outcome: %1").arg(Codes::referralOutcome().label(r.outcome)));
        if (!r.outcomeReason.isEmpty())
            answer << text(r.outcomeReason);
        if (!r.feedback.isEmpty())
            answer << text(tr("feedback: %1").arg(r.feedback));
        if (!r.closedOn.isEmpty())
            answer << text(tr("closed %1").arg(day(r.closedOn)));
        rows << QStringList{partner, dayCell(r.sentOn), dayCell(r.respondBy), dayCell(r.completeBy), status,
                            answer.isEmpty() ? u"—"_s : answer.join(u"<br>"_s)};
    }
    return htmlTable({tr("Partner"), tr("Sent"), tr("Respond by"), tr("Complete by"), tr("Status"), tr("Feedback and outcome")},
                     rows, {}, {22, 13, 13, 13, 12, 27});
}

QString ladder(const SignalDetail& d)
{
    QString current = tr("Level %1 (%2) since %3").arg(d.level).arg(d.levelName, day(d.levelSince));
    if (!d.levelDueOn.isEmpty()) {
        current += d.stalled ? tr("; term passed on %1 (%2 working days over): stalled").arg(day(d.levelDueOn)).arg(-d.workingDaysLeft)
                             : tr("; term until %1 (%2 working days left)").arg(day(d.levelDueOn)).arg(d.workingDaysLeft);
    }
    QString html = line(tr("Current level"), text(current));
    if (d.escalations.isEmpty())
        return html + u"<p>%1</p>"_s.arg(tr("No steps on the ladder."));
    QList<QStringList> rows;
    for (const EscalationStepInfo& e : d.escalations) {
        const QString trigger = e.trigger.isEmpty() ? tr("stepped down") : Codes::escalationTrigger().label(e.trigger);
        rows << QStringList{noWrap(text(DutchDates::localTime(e.at))), u"%1 → %2"_s.arg(e.fromLevel).arg(e.toLevel), text(trigger),
                            orDash(e.reason), text(e.by)};
    }
    return html + htmlTable({tr("When"), tr("Level"), tr("Trigger"), tr("Reason"), tr("By")}, rows, {}, {19, 8, 21, 40, 12});
}

QString journal(const SignalDetail& d)
{
    if (d.journal.isEmpty())
        return u"<p>%1</p>"_s.arg(tr("No journal entries."));
    QList<QStringList> rows;
    for (const JournalEntry& e : d.journal) {
        QString entry = e.text.isEmpty() ? u"<i>%1</i>"_s.arg(tr("[text blanked]").toHtmlEscaped()) : text(e.text);
        if (e.corrects)
            entry += u"<br><i>%1</i>"_s.arg(tr("corrects an earlier entry"));
        if (e.correctedBy)
            entry += u"<br><i>%1</i>"_s.arg(tr("corrected by a later entry"));
        rows << QStringList{dayCell(e.happenedOn), text(Journal::kindLabel(e.kind)), text(person(e.authorName, e.author)), entry};
    }
    return htmlTable({tr("Date"), tr("Kind"), tr("Author"), tr("Text")}, rows, {}, {13, 13, 17, 57});
}

}  // namespace

QString build(const SignalDetail& d)
{
    QString html = u"<html><body style='font-size:9.5pt; font-family:sans-serif'>"_s;
    html += u"<h1 style='color:#1f4e79'>%1</h1>"_s.arg(tr("Case meeting: signal %1").arg(d.reference).toHtmlEscaped());
    QString status = text(Codes::signalStatus().label(d.status));
    if (!d.outcome.isEmpty()) {
        const CodeList& outcomes = d.status == u"geannuleerd"_s ? Codes::cancellationReason() : Codes::signalOutcome();
        status += text(u" — "_s + outcomes.label(d.outcome));
        if (!d.outcomeText.isEmpty())
            status += text(u": "_s + d.outcomeText);
    }
    const QString where = d.street.isEmpty() ? d.buurt : u"%1, %2"_s.arg(d.buurt, d.street);
    const QString source = d.externalId.isEmpty() ? d.sourceName : u"%1 (%2)"_s.arg(d.sourceName, d.externalId);
    html += fieldTable({
        {tr("Reference"), text(d.reference)},
        {tr("Status"), status},
        {tr("Observed on"), day(d.observedOn)},
        {tr("Registered"), text(tr("%1 by %2").arg(DutchDates::localTime(d.registeredAt), d.registeredBy))},
        {tr("Neighbourhood"), text(where)},
        {tr("Closed on"), day(d.closedOn)},
        {tr("Theme"), text(d.themeName)},
        {tr("Category"), text(d.categoryName.isEmpty() ? d.category : d.categoryName)},
        {tr("Source"), text(source)},
        {tr("Urgency"), text(Codes::urgency().label(d.urgency))},
        {tr("Impact"), text(Codes::impactLevel().label(d.impact))},
        {tr("Follow up on"), day(d.followUpOn)},
        {tr("Handler"), handlerText(d)},
        {tr("Consent"), consentText(d)},
    });
    html += subjectLine(d);
    html += heading(tr("Description")) + u"<p>%1</p>"_s.arg(orDash(d.description));
    html += heading(tr("Referrals")) + referrals(d);
    html += heading(tr("Escalation ladder")) + ladder(d);
    html += heading(tr("Journal")) + journal(d);
    return html + u"</body></html>"_s;
}

}  // namespace bs::CasusSheetHtml
