#pragma once
// What a form held when it was last loaded or saved, so "has the user changed anything?" is one
// comparison instead of a flag per field. It can also hand back what was typed and put it back,
// so a reload of the record underneath does not wipe work in progress.

#include <QHash>
#include <QList>
#include <QVariant>

class QWidget;

namespace bs {

class FormSnapshot {
public:
    using Values = QHash<QWidget*, QVariant>;

    // The fields to watch: combo boxes, line and text edits, date edits, check boxes and
    // checkable group boxes. They must outlive the snapshot (children of the same form).
    void watch(QList<QWidget*> fields) { m_fields = std::move(fields); }

    void take();  // the values shown now are the saved ones
    bool isChanged() const;
    bool isChanged(QWidget* field) const;
    Values changes() const;  // the fields that differ, with what they hold now
    static void restore(const Values& values);

private:
    QList<QWidget*> m_fields;
    Values m_taken;
};

}  // namespace bs
