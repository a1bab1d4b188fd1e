#pragma once
// The user guide inside the app: the chapters on the left, the page on the right, back and
// forward. Pages are the HTML files of docs/handleiding compiled in as resources; nothing is read
// from the network, and a link to a web address is named in the window instead of followed.

#include <QWidget>

class QLabel;
class QListWidget;
class QTextBrowser;
class QToolButton;

namespace bs {

class HelpViewer : public QWidget {
    Q_OBJECT

public:
    explicit HelpViewer(QWidget* parent = nullptr);
    // Shows `chapter` (a name of HelpTopics::chapters()), scrolled to `anchor` when given, and
    // brings the window forward.
    void showChapter(const QString& chapter, const QString& anchor = {});
    // The chapter shown now (its file name without ".html").
    QString currentChapter() const;
    QTextBrowser* browser() const { return m_browser; }

private:
    void follow(const QUrl& link);
    void sourceShown(const QUrl& url);

    QListWidget* m_chapters;
    QTextBrowser* m_browser;
    QToolButton* m_back;
    QToolButton* m_forward;
    QLabel* m_outsideLink;  // a web address the guide names, shown rather than opened
};

}  // namespace bs
