// The main window's part in team casework: one's own queues in follow-up order, a coordinator's
// bulk assignment of selected rows, and the follow-up count in the status bar (MainWindow.cpp).
#include "MainWindow.h"

#include "ActionDialogs.h"
#include "CaseworkDialogs.h"
#include "SignalDetailPanel.h"
#include "SignalListModel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMenu>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace bs {

void MainWindow::chooseQueue(SignalQueue queue)
{
    m_currentQueue = int(queue);
    m_onlyOpen = false;
    SignalFilter filter = m_model->filter();
    QHeaderView* header = m_view->horizontalHeader();
    const QSignalBlocker quiet(header);  // the order is set here; a header click later still sorts
    if (queue == SignalQueue::MyWork || queue == SignalQueue::FollowUpToday) {
        // What to do first on top: the handler's own order, until they click a column header.
        filter.sort = SignalSort::ByFollowUp;
        filter.descending = false;
        header->setSortIndicator(SignalListModel::FollowUp, Qt::AscendingOrder);
    } else if (filter.sort == SignalSort::ByFollowUp && header->sortIndicatorSection() == SignalListModel::FollowUp) {
        filter.sort = SignalSort::ByObserved;
        filter.descending = true;
        header->setSortIndicator(SignalListModel::Observed, Qt::DescendingOrder);
    }
    header->viewport()->update();
    applyFilterOn(filter);
}

void MainWindow::applyCaseworkRole()
{
    // Selecting several rows is for assigning them, which is the coordinator's.
    const bool coordinates = Access::allows(m_role, Permission::Coordinate);
    m_view->setSelectionMode(coordinates ? QAbstractItemView::ExtendedSelection : QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(coordinates ? Qt::CustomContextMenu : Qt::DefaultContextMenu);
}

void MainWindow::listMenu(const QPoint& at)
{
    if (!Access::allows(m_role, Permission::Coordinate) || selectedReferences().isEmpty())
        return;
    QMenu menu;
    QAction* assign = menu.addAction(tr("Assign to…"), this, &MainWindow::assignSelected);
    assign->setObjectName(u"actionAssign"_s);
    menu.exec(m_view->viewport()->mapToGlobal(at));
}

QStringList MainWindow::selectedReferences() const
{
    QStringList references;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows()) {
        const QString reference = m_model->referenceAt(index.row());
        if (!reference.isEmpty())
            references << reference;
    }
    return references;
}

void MainWindow::assignSelected()
{
    const QStringList references = selectedReferences();
    if (!m_registry || references.isEmpty() || !Access::allows(m_role, Permission::Coordinate))
        return;
    if (!m_detail->mayLeave())
        return;  // the list is read again after the assignment
    ActionDialog* dialog = Dialogs::assignMany(*m_registry, references, this);
    m_assignDialog = dialog;
    connect(dialog, &ActionDialog::done, this, [this, count = references.size()]() {
        refresh();
        statusBar()->showMessage(tr("%n signal(s) assigned.", nullptr, int(count)), 5000);
    });
    dialog->open();
}

ActionDialog* MainWindow::assignDialog() const
{
    return m_assignDialog.data();
}

}  // namespace bs
