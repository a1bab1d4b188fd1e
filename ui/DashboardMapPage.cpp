#include "DashboardMapPage.h"

#include "BuurtMapView.h"
#include "TermHelp.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bs {

DashboardMapPage::DashboardMapPage(QWidget* parent) : QWidget(parent)
{
    setObjectName(u"dashboardMapPage"_s);
    auto* layout = new QVBoxLayout(this);
    m_noMap = new QLabel(this);
    m_noMap->setObjectName(u"noBuurtMap"_s);
    m_noMap->setWordWrap(true);
    layout->addWidget(m_noMap);
    auto* controls = new QHBoxLayout();
    m_measure = new QComboBox(this);
    m_measure->setObjectName(u"mapMeasure"_s);
    for (auto measure : {BuurtMapPicture::Measure::Signals, BuurtMapPicture::Measure::PerThousand, BuurtMapPicture::Measure::Open,
                         BuurtMapPicture::Measure::Late})
        m_measure->addItem(BuurtMapPicture::measureName(measure), int(measure));
    m_measure->setItemData(m_measure->findData(int(BuurtMapPicture::Measure::Late)), TermHelp::lateSignal(), Qt::ToolTipRole);
    controls->addWidget(new QLabel(tr("Colour by"), this));
    controls->addWidget(m_measure);
    m_hover = new QLabel(this);
    m_hover->setObjectName(u"mapHover"_s);
    m_hover->setStyleSheet(u"font-weight: bold;"_s);
    controls->addSpacing(12);
    controls->addWidget(m_hover, 1);
    layout->addLayout(controls);
    m_view = new BuurtMapView(this);
    layout->addWidget(m_view, 1);
    m_source = new QLabel(this);
    m_source->setObjectName(u"mapSource"_s);
    m_source->setStyleSheet(u"color: #444;"_s);
    layout->addWidget(m_source);
    connect(m_measure, &QComboBox::currentIndexChanged, this, &DashboardMapPage::redraw);
    connect(m_view, &BuurtMapView::hovered, m_hover, &QLabel::setText);
    connect(m_view, &BuurtMapView::buurtClicked, this, &DashboardMapPage::buurtClicked);
    setContent(BuurtMap(), Published());
}

void DashboardMapPage::setContent(const BuurtMap& map, const Published& figures)
{
    m_map = map;
    m_figures = figures;
    redraw();
}

void DashboardMapPage::showError(const QString& message)
{
    setContent(BuurtMap(), m_figures);
    m_noMap->setText(message);
}

void DashboardMapPage::redraw()
{
    const bool hasMap = !m_map.isEmpty();
    m_noMap->setText(tr("No buurt map yet: import the CBS Wijk- en buurtkaart through Manage ▸ Import buurt map."));
    m_noMap->setVisible(!hasMap);
    for (QWidget* w : QList<QWidget*>{m_measure, m_view, m_hover, m_source})
        w->setVisible(hasMap);
    m_source->setText(hasMap ? m_map.sourceLine() : QString());
    const auto measure = BuurtMapPicture::Measure(m_measure->currentData().toInt());
    m_view->setContent(m_map, BuurtMapPicture::classify(m_map, m_figures, measure));
}

}  // namespace bs
