#include "CbsImportDialog.h"

#include "HelpTopics.h"
#include "FormErrors.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bs {

CbsImportDialog::CbsImportDialog(Registry& registry, const QList<CbsChange>& changes, QWidget* parent)
    : QDialog(parent), m_registry(registry), m_changes(changes), m_error(makeErrorLabel(this))
{
    setWindowTitle(tr("Import CBS neighbourhood figures"));
    HelpTopics::setChapter(this, HelpTopics::management);
    setObjectName(u"cbsImportDialog"_s);
    auto* layout = new QVBoxLayout(this);
    int changed = 0;
    auto* list = new QListWidget(this);
    for (const CbsChange& change : changes) {
        auto* item = new QListWidgetItem(change.describe(), list);
        if (change.action == u"ongewijzigd"_s)
            item->setForeground(QColor(0x88, 0x88, 0x88));
        else
            ++changed;
    }
    auto* intro = new QLabel(tr("%1 changes; nothing has been saved yet. Grey lines stay as they are.").arg(changed), this);
    layout->addWidget(intro);
    layout->addWidget(list);
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Apply)->setEnabled(changed > 0);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &CbsImportDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 420);
}

bool CbsImportDialog::apply()
{
    const Status applied = CbsImport::apply(m_registry, m_changes);
    if (!applied.ok()) {
        m_error->setText(applied.error().message);
        m_error->show();
        return false;
    }
    accept();
    return true;
}

}  // namespace bs
