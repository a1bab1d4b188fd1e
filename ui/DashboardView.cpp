#include "DashboardView.h"

#include "HelpTopics.h"
#include "TermHelp.h"
#include "Charts.h"
#include "DashboardMapPage.h"
#include "DateField.h"
#include "geo/BuurtMap.h"
#include "domain/DutchLocale.h"
#include "Labels.h"
#include "RecordForm.h"
#include "BackgroundReader.h"
#include "Registry.h"
#include "access/Access.h"
#include "services/Lookups.h"
#include "stats/Indicators.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bs {

namespace {

// Puts a new chart in the view (which owns it) and deletes the one it replaces.
void showChart(QChartView* view, QChart* chart)
{
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
}

QChartView* makeView(QWidget* parent, const QString& name)
{
    auto* view = new QChartView(parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(300);
    return view;
}

QString share(const Figure& fraction)
{
    return fraction.shown() ? dutchLocale().toString(fraction.value * 100.0, 'f', 0) + u" %"_s : fraction.text();
}

QString change(const Figure& pct, int decimals)
{
    return pct.shown() ? (pct.value > 0 ? u"+"_s : QString()) + dutchLocale().toString(pct.value, 'f', decimals) + u" %"_s : pct.text();
}

}  // namespace

DashboardView::DashboardView(QWidget* parent) : QWidget(parent)
{
    setObjectName(u"dashboard"_s);
    HelpTopics::setChapter(this, HelpTopics::dashboard);
    auto* layout = new QVBoxLayout(this);
    auto* controls = new QHBoxLayout();
    m_preset = new QComboBox(this);
    m_preset->setObjectName(u"periodPreset"_s);
    m_preset->addItems({tr("This month"), tr("Last month"), tr("This quarter"), tr("Last quarter"), tr("This year"),
                        tr("Last year"), tr("Custom")});
    m_from = new DateField(this);
    m_from->setObjectName(u"dashboardFrom"_s);
    m_to = new DateField(this);
    m_to->setObjectName(u"dashboardTo"_s);
    m_buurt = new QComboBox(this);
    m_buurt->setObjectName(u"dashboardBuurt"_s);
    m_theme = new QComboBox(this);
    m_theme->setObjectName(u"dashboardTheme"_s);
    m_perThousand = new QCheckBox(tr("Per 1,000 inhabitants"), this);
    m_perThousand->setObjectName(u"perThousand"_s);
    controls->addWidget(new QLabel(tr("Period"), this));
    controls->addWidget(m_preset);
    controls->addWidget(m_from);
    controls->addWidget(new QLabel(tr("to"), this));
    controls->addWidget(m_to);
    controls->addSpacing(12);
    controls->addWidget(m_buurt);
    controls->addWidget(m_theme);
    controls->addWidget(m_perThousand);
    controls->addStretch();
    layout->addLayout(controls);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"dashboardSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setStyleSheet(u"font-weight: bold;"_s);
    m_summary->setToolTip(TermHelp::lateSignal());
    layout->addWidget(m_summary);
    // For the steering group: what <5, x and – mean, under the figures they explain.
    m_legend = new QLabel(this);
    m_legend->setObjectName(u"dashboardLegend"_s);
    m_legend->setWordWrap(true);
    m_legend->setStyleSheet(u"color: #444;"_s);
    m_legend->hide();
    layout->addWidget(m_legend);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(chartsPage(), tr("Charts"));
    m_tabs->addTab(indicatorsPage(), tr("Success factors"));
    m_tabs->addTab(trendsPage(), tr("Rising trends"));
    m_mapPage = new DashboardMapPage(this);
    m_tabs->addTab(m_mapPage, tr("Map"));
    connect(m_mapPage, &DashboardMapPage::buurtClicked, this,
            [this](const QString& buurt) { emit openSignals(filterFor(buurt, m_theme->currentData().toString())); });
    layout->addWidget(m_tabs);

    connect(m_preset, &QComboBox::currentIndexChanged, this, &DashboardView::applyPreset);
    for (DateField* edit : {m_from, m_to}) {
        connect(edit, &DateField::dateChanged, this, [this]() {
            if (m_updating)
                return;
            m_updating = true;
            m_preset->setCurrentIndex(m_preset->count() - 1);  // custom
            m_updating = false;
            refresh();
        });
    }
    for (QComboBox* box : {m_buurt, m_theme}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this]() {
            if (!m_updating)
                refresh();
        });
    }
    connect(m_perThousand, &QCheckBox::toggled, this, [this]() { drawBuurten(); });
    connect(&m_watcher, &QFutureWatcher<Figures>::finished, this, &DashboardView::figuresArrived);
}

QWidget* DashboardView::chartsPage()
{
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto* page = new QWidget(scroll);
    auto* grid = new QGridLayout(page);
    m_buurtChart = makeView(page, u"buurtChart"_s);
    m_monthChart = makeView(page, u"monthChart"_s);
    m_partnerChart = makeView(page, u"partnerChart"_s);
    m_partnerChart->setMinimumHeight(380);
    m_levelChart = makeView(page, u"levelChart"_s);
    m_openLateChart = makeView(page, u"openLateChart"_s);
    m_levelChart->setToolTip(TermHelp::stalled());
    m_openLateChart->setToolTip(TermHelp::lateSignal());
    m_partnerTable = new QTableWidget(0, 7, page);
    m_partnerTable->setObjectName(u"partnerTable"_s);
    m_partnerTable->setHorizontalHeaderLabels({tr("Partner"), tr("Sent"), tr("Accepted"), tr("Closed loop"),
                                               tr("Median days to accept"), tr("Late now"), tr("Rejection reasons")});
    m_partnerTable->horizontalHeaderItem(3)->setToolTip(TermHelp::closedLoop());
    m_partnerTable->horizontalHeaderItem(5)->setToolTip(TermHelp::lateReferral());
    m_partnerTable->verticalHeader()->hide();
    m_partnerTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_partnerTable->horizontalHeader()->setStretchLastSection(true);
    m_partnerTable->setMinimumHeight(220);
    grid->addWidget(m_buurtChart, 0, 0);
    grid->addWidget(m_monthChart, 0, 1);
    grid->addWidget(m_partnerChart, 1, 0);
    grid->addWidget(m_partnerTable, 1, 1);
    grid->addWidget(m_levelChart, 2, 0);
    grid->addWidget(m_openLateChart, 2, 1);
    scroll->setWidget(page);
    return scroll;
}

QWidget* DashboardView::indicatorsPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_indicators = new QTableWidget(0, 7, page);
    m_indicators->setObjectName(u"indicatorTable"_s);
    m_indicators->setHorizontalHeaderLabels({tr("Group"), tr("Success factor"), tr("Value"), tr("Previous period"), tr("Target"),
                                             tr("Status"), tr("Note")});
    m_indicators->verticalHeader()->hide();
    m_indicators->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_indicators->setSelectionMode(QAbstractItemView::SingleSelection);
    m_indicators->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_indicators->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_indicators);
    auto* enter = new QPushButton(tr("Enter figure or note for this period…"), page);
    enter->setObjectName(u"enterIndicator"_s);
    connect(enter, &QPushButton::clicked, this, &DashboardView::enterIndicator);
    connect(m_indicators, &QTableWidget::cellDoubleClicked, this, &DashboardView::enterIndicator);
    auto* row = new QHBoxLayout();
    row->addWidget(enter);
    row->addStretch();
    layout->addLayout(row);
    return page;
}

QWidget* DashboardView::trendsPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* note = new QLabel(tr("Categories that rose in a neighbourhood compared with the previous period, faster than in the "
                               "municipality as a whole, with at least %1 signals — to pass on to policy.")
                                .arg(Stats::minimumTrendCount),
                            page);
    note->setWordWrap(true);
    layout->addWidget(note);
    m_trends = new QTableWidget(0, 6, page);
    m_trends->setObjectName(u"trendTable"_s);
    m_trends->setHorizontalHeaderLabels({tr("Neighbourhood"), tr("Category"), tr("This period"), tr("Previous period"),
                                         tr("Change"), tr("Change in the municipality")});
    m_trends->verticalHeader()->hide();
    m_trends->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_trends->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_trends);
    return page;
}

void DashboardView::setRegistry(Registry* registry)
{
    m_registry = registry;
    // Exact figures only for a role that may see them; when in doubt, protected.
    auto role = registry ? Access::role(*registry) : Result<Role>(Role::None);
    m_mode = role.ok() ? Publication::modeFor(role.value()) : Publication::Mode::Protected;
    m_updating = true;
    m_buurt->clear();
    m_theme->clear();
    m_buurt->addItem(tr("Whole municipality"), QString());
    m_theme->addItem(tr("All themes"), QString());
    if (registry) {
        if (auto buurten = Lookups::buurten(*registry); buurten.ok()) {
            for (const Buurt& b : buurten.value())
                m_buurt->addItem(b.name, b.name);
        }
        if (auto categories = Lookups::categories(*registry); categories.ok()) {
            QString last;
            for (const Category& c : categories.value()) {
                if (c.themeCode != last)
                    m_theme->addItem(u"%1 %2"_s.arg(c.themeCode, c.themeName), c.themeCode);
                last = c.themeCode;
            }
        }
    }
    m_updating = false;
    if (registry)
        applyPreset(m_preset->currentIndex());
}

void DashboardView::setPeriod(const Period& period)
{
    m_updating = true;
    m_preset->setCurrentIndex(m_preset->count() - 1);
    m_from->setDate(period.from);
    m_to->setDate(period.to);
    m_updating = false;
    refresh();
}

void DashboardView::applyPreset(int index)
{
    if (m_updating || !m_registry)
        return;
    const QDate today = m_registry->clock().today();
    const int quarter = (today.month() - 1) / 3 + 1;
    Period p = Period::month(today.year(), today.month());
    switch (index) {
    case 1: p = Period::month(today.addMonths(-1).year(), today.addMonths(-1).month()); break;
    case 2: p = Period::quarter(today.year(), quarter); break;
    case 3: p = quarter == 1 ? Period::quarter(today.year() - 1, 4) : Period::quarter(today.year(), quarter - 1); break;
    case 4: p = Period::year(today.year()); break;
    case 5: p = Period::year(today.year() - 1); break;
    case 6: return;  // custom: the dates stay as they are
    default: break;
    }
    m_updating = true;
    m_from->setDate(p.from);
    m_to->setDate(p.to);
    m_updating = false;
    refresh();
}

bool DashboardView::refresh()
{
    if (!m_registry)
        return false;
    auto period = Period::parse(m_from->isoDate(), m_to->isoDate());
    if (!period.ok()) {
        m_summary->setText(period.error().message);
        return false;
    }
    const StatsFilter filter{period.value(), m_buurt->currentData().toString(), m_theme->currentData().toString()};
    const Publication::Mode mode = m_mode;
    const quint64 generation = ++m_generation;
    m_summary->setText(tr("Computing the figures…"));
    // A year of a large registry takes a moment: counted on the registry's background connection
    // so the window stays responsive; only the newest request is drawn.
    m_watcher.setFuture(m_registry->background().run<Figures>(
        this,
        [=](Registry& registry) {
            Figures figures;
            figures.generation = generation;
            auto stats = Stats::compute(registry, filter);
            auto indicators = Indicators::compute(registry, filter.period, filter.buurt);
            if (!stats.ok() || !indicators.ok()) {
                figures.error = stats.ok() ? indicators.error().message : stats.error().message;
                return figures;
            }
            figures.published = Publication::publish(stats.value(), indicators.value(), mode);
            figures.stats = std::move(stats).value();
            return figures;
        },
        [=](const Error& error) {
            Figures figures;
            figures.generation = generation;
            figures.error = error.message;
            return figures;
        }));
    return true;
}

void DashboardView::waitForFigures()
{
    m_watcher.waitForFinished();
    figuresArrived();
}

void DashboardView::figuresArrived()
{
    if (!m_watcher.future().isFinished() || m_watcher.future().resultCount() == 0)
        return;
    Figures figures = m_watcher.result();
    if (figures.generation != m_generation || figures.generation == m_drawnGeneration)
        return;  // an older request, or already drawn
    m_drawnGeneration = figures.generation;
    if (!figures.error.isEmpty()) {
        m_summary->setText(figures.error);
        return;
    }
    m_stats = std::move(figures.stats);
    m_published = std::move(figures.published);
    const Published& p = m_published;
    // Both periods named; a period that still runs is compared day for day.
    const bool running = p.elapsed.to < p.filter.period.to;
    QString text = tr("%1 to %2: %3 signals").arg(Labels::date(p.elapsed.fromText()), Labels::date(p.elapsed.toText()), p.signalCount.text());
    if (running)
        text += u" "_s + tr("(period runs until %1)").arg(Labels::date(p.filter.period.toText()));
    text += u" · "_s + tr("compared with %1 to %2: %3 (%4)")
                           .arg(Labels::date(p.previous.fromText()), Labels::date(p.previous.toText()), p.previousSignalCount.text(),
                                change(p.signalChangePct, 1));
    text += u" · "_s + tr("open now %1, of which late %2").arg(p.openNow.text(), p.lateNow.text());
    m_summary->setText(text);
    m_legend->setText(Publication::legend());
    m_legend->setVisible(p.isProtected);
    drawBuurten();
    drawMonths();
    drawPartners();
    drawLevels();
    drawOpenLate();
    fillIndicators();
    fillTrends();
    drawMap();
}

void DashboardView::drawMap()
{
    // Read again with the figures, so a map imported meanwhile shows up.
    auto map = m_registry ? BuurtMap::load(*m_registry) : Result<BuurtMap>(BuurtMap());
    if (map.ok())
        m_mapPage->setContent(map.value(), m_published);
    else
        m_mapPage->showError(map.error().message);
}

SignalFilter DashboardView::filterFor(const QString& buurt, const QString& theme) const
{
    SignalFilter filter;
    filter.buurt = buurt;
    filter.theme = theme;
    filter.from = m_stats.filter.period.fromText();
    filter.to = m_stats.filter.period.toText();
    return filter;
}

void DashboardView::drawBuurten()
{
    QChart* chart = Charts::buurten(m_published.forCharts, m_perThousand->isChecked());
    showChart(m_buurtChart, chart);
    auto* series = qobject_cast<QAbstractBarSeries*>(chart->series().constFirst());
    const QStringList names = qobject_cast<QBarCategoryAxis*>(chart->axes(Qt::Vertical).constFirst())->categories();
    for (QBarSet* set : series->barSets()) {
        const QString theme = set->property("theme").toString();
        connect(set, &QBarSet::clicked, this, [this, names, theme](int index) {
            if (index >= 0 && index < names.size())
                emit openSignals(filterFor(names.at(index), theme));
        });
    }
}

void DashboardView::drawMonths()
{
    showChart(m_monthChart, Charts::months(m_published.forCharts));
}

void DashboardView::drawPartners()
{
    showChart(m_partnerChart, Charts::partners(m_published.forCharts));
    const QList<PublishedPartner>& partners = m_published.partners;
    m_partnerTable->setRowCount(int(partners.size()));
    for (int i = 0; i < partners.size(); ++i) {
        const PublishedPartner& p = partners.at(i);
        QStringList reasons;
        for (auto it = p.rejectionReasons.cbegin(); it != p.rejectionReasons.cend(); ++it)
            reasons << u"%1 %2"_s.arg(Labels::rejection(it.key()), it.value().text());
        const QStringList cells = {p.partner, p.sent.text(), p.accepted.text(), share(p.closedLoopRate),
                                   p.medianDaysToAccept.text(1), p.late.text(), reasons.join(u", "_s)};
        for (int c = 0; c < cells.size(); ++c)
            m_partnerTable->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    m_partnerTable->resizeColumnsToContents();
}

void DashboardView::drawLevels()
{
    showChart(m_levelChart, Charts::levels(m_published.forCharts));
}

void DashboardView::drawOpenLate()
{
    QChart* chart = Charts::openLate(m_published.forCharts);
    showChart(m_openLateChart, chart);
    auto* series = qobject_cast<QAbstractBarSeries*>(chart->series().constFirst());
    const QStringList names = qobject_cast<QBarCategoryAxis*>(chart->axes(Qt::Vertical).constFirst())->categories();
    // These bars are about today, not the period: they open today's open or late signals.
    for (QBarSet* set : series->barSets()) {
        const bool late = set->property("late").toBool();
        connect(set, &QBarSet::clicked, this, [this, names, late](int index) {
            if (index < 0 || index >= names.size())
                return;
            SignalFilter filter;
            filter.buurt = names.at(index);
            filter.theme = m_stats.filter.theme;
            filter.onlyOpen = true;
            if (late)
                filter.queue = SignalQueue::Late;
            emit openSignals(filter);
        });
    }
}

void DashboardView::fillIndicators()
{
    const QList<PublishedIndicator>& figures = m_published.indicators;
    const QHash<QString, QPair<QString, QColor>> statuses = {
        {u"op_koers"_s, {tr("on course"), QColor(0x2e, 0x7d, 0x32)}},
        {u"niet_op_koers"_s, {tr("not on course"), QColor(0xb0, 0x1c, 0x1c)}},
        {u"geen_doel"_s, {tr("no target"), QColor(0x66, 0x66, 0x66)}},
        {u"geen_gegevens"_s, {tr("no figures yet"), QColor(0x99, 0x66, 0x00)}},
        {QString(), {u"–"_s, QColor(0x66, 0x66, 0x66)}}};
    auto number = [](const Figure& v) { return v.text(v.shown() && v.value != std::floor(v.value) ? 1 : 0); };
    m_indicators->setRowCount(int(figures.size()));
    for (int i = 0; i < figures.size(); ++i) {
        const IndicatorFigure& f = figures.at(i).source;
        QString target = tr("none");
        if (f.target && f.targetKind == u"relative_change_pct"_s)
            target = tr("%1%2 % per period").arg(*f.target > 0 ? u"+"_s : QString()).arg(dutchLocale().toString(*f.target));
        else if (f.target && f.targetKind == u"absolute_per_year"_s)
            target = tr("%1 per year").arg(dutchLocale().toString(*f.target));
        const auto status = statuses.value(figures.at(i).status);
        // An average or median says what it is taken over.
        const QString label = f.basisWords.isEmpty() ? f.label : u"%1 (%2)"_s.arg(f.label, f.basisWords);
        const QStringList cells = {QString::number(f.group), label,
                                   f.measure == u"qualitative"_s ? tr("(qualitative)") : number(figures.at(i).value),
                                   f.measure == u"qualitative"_s ? QString() : number(figures.at(i).previous), target, status.first, f.note};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            item->setData(Qt::UserRole, f.code);
            if (c == 5)
                item->setForeground(status.second);
            m_indicators->setItem(i, c, item);
        }
    }
    m_indicators->resizeColumnsToContents();
}

void DashboardView::fillTrends()
{
    const QList<PublishedTrend>& trends = m_published.trends;
    m_trends->setRowCount(int(trends.size()));
    for (int i = 0; i < trends.size(); ++i) {
        const PublishedTrend& t = trends.at(i);
        const QStringList cells = {t.buurt, t.categoryName, t.count.text(), t.previous.text(), change(t.growthPct, 0),
                                   change(t.municipalityGrowthPct, 0)};
        for (int c = 0; c < cells.size(); ++c)
            m_trends->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    m_trends->resizeColumnsToContents();
}

void DashboardView::enterIndicator()
{
    const auto selected = m_indicators->selectedItems();
    if (selected.isEmpty() || !m_registry)
        return;
    const QString code = selected.first()->data(Qt::UserRole).toString();
    const QString label = m_indicators->item(selected.first()->row(), 1)->text();
    QList<QPair<QString, QString>> buurten = {{QString(), tr("Whole municipality")}};
    if (auto list = Lookups::buurten(*m_registry); list.ok()) {
        for (const Buurt& b : list.value())
            buurten << qMakePair(b.name, b.name);
    }
    const Period period = m_stats.filter.period;
    auto* form = new RecordForm(tr("%1, %2 to %3").arg(label, Labels::date(period.fromText()), Labels::date(period.toText())),
                                {{u"buurt"_s, tr("Neighbourhood"), FormField::Choice, m_stats.filter.buurt, buurten},
                                 {u"value"_s, tr("Figure"), FormField::Text, QString(), {}},
                                 {u"note"_s, tr("Note"), FormField::Text, QString(), {}}},
                                [this, code, period](const QVariantMap& v) {
                                    return Indicators::enter(*m_registry, {code, period.fromText(), period.toText(),
                                                                           v.value(u"buurt"_s).toString(), v.value(u"value"_s).toString(),
                                                                           v.value(u"note"_s).toString()});
                                },
                                this);
    connect(form, &QDialog::accepted, this, &DashboardView::refresh);
    form->open();
}

}  // namespace bs
