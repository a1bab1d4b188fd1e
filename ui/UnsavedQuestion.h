#pragma once
// The one question asked before typed work would be lost: "Unsaved changes — Save / Don't save /
// Cancel". Forms call it only when their FormSnapshot says something changed.

class QString;
class QWidget;

namespace bs {

enum class UnsavedAnswer { Save, Discard, Cancel };

// `what` names the work, e.g. "the new signal". The box is modal and its object name is
// "unsavedChangesQuestion", so tests can find it and press a button.
UnsavedAnswer askAboutUnsavedChanges(QWidget* parent, const QString& what);

}  // namespace bs
