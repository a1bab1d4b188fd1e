#pragma once
// The casusoverleg sheet's text as HTML for QTextDocument, built from one signal's detail and
// nothing else. Kept apart from the page writer so its content can be read (and tested) alone.

#include "services/SignalDetail.h"

#include <QString>

namespace bs::CasusSheetHtml {

// Subject data appears only when `detail.subject` holds it; otherwise the sheet says the subject
// is shielded, without telling whether one was recorded.
QString build(const SignalDetail& detail);

}  // namespace bs::CasusSheetHtml
