#pragma once
// Which chapter of the user guide (docs/handleiding, compiled in as :/handleiding/) belongs to
// which screen. A screen is tagged once where it is built; F1 walks up from the widget with the
// focus to the first tagged one, so a new field on a tagged screen needs nothing.

#include <QString>
#include <QStringList>
#include <QUrl>

class QWidget;

namespace bs::HelpTopics {

// The chapters, as their file names without ".html" (the guide's table of contents, in order).
inline const QString index = QStringLiteral("index");
inline const QString registering = QStringLiteral("registreren");
inline const QString workQueues = QStringLiteral("werkvoorraden");
inline const QString referrals = QStringLiteral("doorverwijzen");
inline const QString ladder = QStringLiteral("escalatieladder");
inline const QString lateAndStalled = QStringLiteral("te-laat-en-gestagneerd");
inline const QString dashboard = QStringLiteral("dashboard");
inline const QString report = QStringLiteral("rapportage");
inline const QString privacy = QStringLiteral("privacy");
inline const QString management = QStringLiteral("beheer");
QStringList chapters();

// qrc:/handleiding/<chapter>.html, with `anchor` as its fragment when given.
QUrl urlOf(const QString& chapter, const QString& anchor = {});
// The chapter's title: the <title> of its page (the Dutch text lives in the guide only).
QString titleOf(const QString& chapter);

void setChapter(QWidget* widget, const QString& chapter);
// The chapter of the nearest tagged widget at or above `widget` (a tab bar stands for the page it
// shows); `index` when none is tagged.
QString chapterFor(const QWidget* widget);

}  // namespace bs::HelpTopics
