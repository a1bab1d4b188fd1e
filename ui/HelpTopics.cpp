#include "HelpTopics.h"

#include <QFile>
#include <QRegularExpression>
#include <QTabBar>
#include <QTabWidget>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace bs::HelpTopics {

namespace {
constexpr char chapterProperty[] = "helpChapter";
}

QStringList chapters()
{
    return {index, registering, workQueues, referrals, ladder, lateAndStalled, dashboard, report, privacy, management};
}

QUrl urlOf(const QString& chapter, const QString& anchor)
{
    QUrl url(u"qrc:/handleiding/%1.html"_s.arg(chapter));
    if (!anchor.isEmpty())
        url.setFragment(anchor);
    return url;
}

QString titleOf(const QString& chapter)
{
    QFile page(u":/handleiding/%1.html"_s.arg(chapter));
    if (!page.open(QIODevice::ReadOnly))
        return chapter;
    static const QRegularExpression title(u"<title>([^<]*)</title>"_s);
    const QRegularExpressionMatch match = title.match(QString::fromUtf8(page.readAll()));
    return match.hasMatch() ? match.captured(1).trimmed() : chapter;
}

void setChapter(QWidget* widget, const QString& chapter)
{
    widget->setProperty(chapterProperty, chapter);
}

QString chapterFor(const QWidget* widget)
{
    while (widget) {
        const auto* tabs = qobject_cast<const QTabWidget*>(widget->parentWidget());
        if (tabs && qobject_cast<const QTabBar*>(widget) && tabs->currentWidget()) {
            widget = tabs->currentWidget();
            continue;
        }
        const QString chapter = widget->property(chapterProperty).toString();
        if (!chapter.isEmpty())
            return chapter;
        widget = widget->parentWidget();
    }
    return index;
}

}  // namespace bs::HelpTopics
