#pragma once
// Shows what a CBS "Kerncijfers wijken en buurten" file would change (new buurten and wijken,
// codes, populations) before anything is written; Apply writes it in one transaction.

#include "io/CbsImport.h"

#include <QDialog>

class QLabel;

namespace bs {

class Registry;

class CbsImportDialog : public QDialog {
    Q_OBJECT

public:
    CbsImportDialog(Registry& registry, const QList<CbsChange>& changes, QWidget* parent = nullptr);
    bool apply();

private:
    Registry& m_registry;
    QList<CbsChange> m_changes;
    QLabel* m_error;
};

}  // namespace bs
