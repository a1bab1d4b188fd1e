#pragma once
// Filters above the signal list: buurt, theme, category, status, source, period and free text,
// and for a coordinator (or beheerder) the handler.
// Every change is applied in SQL by the list model.

#include "services/Signals.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTimer;

namespace bs {

class DateField;
class Registry;

class FilterBar : public QWidget {
    Q_OBJECT

public:
    explicit FilterBar(QWidget* parent = nullptr);
    void setRegistry(Registry* registry);
    // Copies the bar's fields into `filter`, leaving queue and sorting as they are.
    void applyTo(SignalFilter& filter) const;
    void setFrom(const SignalFilter& filter);
    void clear();

signals:
    void changed();

private:
    QComboBox* m_buurt;
    QComboBox* m_theme;
    QComboBox* m_category;
    QComboBox* m_status;
    QComboBox* m_source;
    QComboBox* m_handler;  // shown only to those who coordinate
    DateField* m_from;
    DateField* m_to;
    QLineEdit* m_text;
    QTimer* m_textDelay;
    bool m_updating = false;
};

}  // namespace bs
