#include "UnsavedQuestion.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace bs {

UnsavedAnswer askAboutUnsavedChanges(QWidget* parent, const QString& what)
{
    QMessageBox box(QMessageBox::Warning, QCoreApplication::translate("UnsavedChanges", "Unsaved changes"),
                    QCoreApplication::translate("UnsavedChanges", "Unsaved changes"),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
    box.setObjectName(u"unsavedChangesQuestion"_s);
    box.setInformativeText(
        QCoreApplication::translate("UnsavedChanges", "%1 has changes that are not saved yet. Save them before going on?").arg(what));
    // The answers say what they do, in the application's language rather than the platform's.
    box.button(QMessageBox::Save)->setText(QCoreApplication::translate("UnsavedChanges", "Save"));
    box.button(QMessageBox::Discard)->setText(QCoreApplication::translate("UnsavedChanges", "Don't save"));
    box.button(QMessageBox::Cancel)->setText(QCoreApplication::translate("UnsavedChanges", "Cancel"));
    box.setDefaultButton(QMessageBox::Save);
    box.setEscapeButton(QMessageBox::Cancel);
    switch (box.exec()) {
    case QMessageBox::Save: return UnsavedAnswer::Save;
    case QMessageBox::Discard: return UnsavedAnswer::Discard;
    default: return UnsavedAnswer::Cancel;
    }
}

}  // namespace bs
