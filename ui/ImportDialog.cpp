#include "ImportDialog.h"

#include "HelpTopics.h"
#include "Labels.h"
#include "Registry.h"
#include "services/Lookups.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressDialog>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bs {

namespace {
QTableWidget* valueTable(QWidget* parent, const QString& name, const QString& valueHeader, const QString& codeHeader)
{
    auto* t = new QTableWidget(0, 2, parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels({valueHeader, codeHeader});
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return t;
}
}  // namespace

ImportDialog::ImportDialog(Registry& registry, QWidget* parent) : QDialog(parent), m_registry(registry)
{
    setWindowTitle(tr("Import meldingen"));
    setObjectName(u"importDialog"_s);
    HelpTopics::setChapter(this, HelpTopics::management);
    auto* layout = new QVBoxLayout(this);
    auto* fileRow = new QHBoxLayout();
    auto* choose = new QPushButton(tr("Choose file…"), this);
    m_fileLabel = new QLabel(tr("No file chosen."), this);
    fileRow->addWidget(choose);
    fileRow->addWidget(m_fileLabel, 1);
    layout->addLayout(fileRow);
    connect(choose, &QPushButton::clicked, this, &ImportDialog::chooseFile);

    auto* tabs = new QTabWidget(this);
    auto* mappingPage = new QWidget(tabs);
    auto* form = new QFormLayout(mappingPage);
    m_preset = new QComboBox(mappingPage);
    m_preset->setObjectName(u"preset"_s);
    m_preset->addItem(tr("(none: map every column yourself)"), QString());
    for (const QString& name : MeldingMapping::presets())
        m_preset->addItem(name == u"signalen"_s ? tr("Signalen (zip export)") : name == u"fixmystreet"_s ? tr("FixMyStreet (dashboard CSV)") : name, name);
    form->addRow(tr("Preset"), m_preset);
    connect(m_preset, &QComboBox::currentIndexChanged, this, [this]() { choosePreset(m_preset->currentData().toString()); });
    m_source = new QComboBox(mappingPage);
    m_source->setObjectName(u"source"_s);
    if (auto sources = Lookups::sources(registry); sources.ok()) {
        for (const Source& s : sources.value())
            m_source->addItem(s.name, s.code);
    }
    m_source->setCurrentIndex(qMax(0, m_source->findData(u"fixie"_s)));
    form->addRow(tr("Source"), m_source);
    const QList<QPair<QString, QString>> fields = {
        {u"external_id"_s, tr("External number (required)")}, {u"date"_s, tr("Date reported (required)")},
        {u"buurt"_s, tr("Neighbourhood")},                    {u"category"_s, tr("Category (required)")},
        {u"description"_s, tr("Description")},               {u"status"_s, tr("Status")},
        {u"closed"_s, tr("Date closed")},                     {u"street"_s, tr("Street")},
        {u"latitude"_s, tr("Latitude (WGS84)")},              {u"longitude"_s, tr("Longitude (WGS84)")},
        {u"x"_s, tr("X (RD New)")},                           {u"y"_s, tr("Y (RD New)")}};
    for (const auto& [field, label] : fields) {
        auto* box = new QComboBox(mappingPage);
        box->setObjectName(u"column_"_s + field);
        m_columns.insert(field, box);
        form->addRow(label, box);
        connect(box, &QComboBox::currentIndexChanged, this, [this, field]() {
            if (field == u"category"_s || field == u"status"_s)
                fillValueTables();
        });
    }
    m_update = new QCheckBox(tr("Update the status and closing date of meldingen already in the registry"), mappingPage);
    m_update->setObjectName(u"updateExisting"_s);
    form->addRow(QString(), m_update);
    tabs->addTab(mappingPage, tr("Columns"));
    m_categories = valueTable(tabs, u"categoryValues"_s, tr("Value in the file"), tr("Registry category"));
    tabs->addTab(m_categories, tr("Categories"));
    m_statuses = valueTable(tabs, u"statusValues"_s, tr("Value in the file"), tr("Registry status"));
    tabs->addTab(m_statuses, tr("Statuses"));
    m_preview = new QTableWidget(tabs);
    m_preview->setObjectName(u"preview"_s);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tabs->addTab(m_preview, tr("Preview"));
    layout->addWidget(tabs, 1);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"importSummary"_s);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_problems = new QListWidget(this);
    m_problems->setObjectName(u"problems"_s);
    m_problems->setMaximumHeight(140);
    layout->addWidget(m_problems);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* checkButton = buttons->addButton(tr("Check"), QDialogButtonBox::ActionRole);
    m_importButton = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setEnabled(false);
    connect(checkButton, &QPushButton::clicked, this, &ImportDialog::check);
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::runImport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(820, 640);
}

void ImportDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Melding export"), QString(), tr("Exports (*.csv *.txt *.zip);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

bool ImportDialog::loadFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_summary->setText(tr("The file %1 cannot be read.").arg(path));
        return false;
    }
    m_path = path;
    m_content = file.readAll();
    QList<QStringList> rows;
    auto report = MeldingImport::preview(m_content, &rows);
    m_problems->clear();
    m_importButton->setEnabled(false);
    if (!report.ok()) {
        m_summary->setText(report.error().message);
        return false;
    }
    m_header = report->header;
    m_fileLabel->setText(tr("%1 — %2 rows, %3, separator '%4'").arg(QFileInfo(path).fileName()).arg(report->rowsRead).arg(report->encoding, QString(report->separator)));
    m_preview->clear();
    m_preview->setColumnCount(int(m_header.size()));
    m_preview->setHorizontalHeaderLabels(m_header);
    m_preview->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows.at(r).size() && c < m_header.size(); ++c)
            m_preview->setItem(r, c, new QTableWidgetItem(rows.at(r).at(c)));
    }
    // Guess the columns by their names; the user corrects what is wrong.
    static const QHash<QString, QStringList> hints = {
        {u"external_id"_s, {u"nummer"_s, u"id"_s, u"kenmerk"_s}}, {u"date"_s, {u"datum"_s, u"date"_s, u"waargenomen"_s}},
        {u"buurt"_s, {u"buurt"_s}}, {u"category"_s, {u"soort"_s, u"categorie"_s, u"type"_s}},
        {u"description"_s, {u"omschrijving"_s, u"toelichting"_s, u"tekst"_s}}, {u"status"_s, {u"status"_s}},
        {u"closed"_s, {u"afgehandeld"_s, u"gesloten"_s}}, {u"street"_s, {u"straat"_s, u"adres"_s}}};
    for (auto it = m_columns.begin(); it != m_columns.end(); ++it) {
        QComboBox* box = it.value();
        const QSignalBlocker quiet(box);
        box->clear();
        box->addItem(tr("(none)"), QString());
        for (const QString& column : m_header)
            box->addItem(column, column);
        for (int c = 0; c < m_header.size(); ++c) {
            const QString lower = m_header.at(c).toLower();
            const bool dateColumn = it.key() == u"date"_s && (lower.contains(u"afgehandeld"_s) || lower.contains(u"gesloten"_s));
            for (const QString& hint : hints.value(it.key())) {
                if (lower.contains(hint) && !dateColumn && box->currentIndex() == 0)
                    box->setCurrentIndex(c + 1);
            }
        }
    }
    applyPresetColumns();
    fillValueTables();
    m_summary->setText(tr("Check the columns, categories and statuses, then choose Check."));
    return true;
}

void ImportDialog::choosePreset(const QString& name)
{
    m_presetMapping.reset();
    if (!name.isEmpty()) {
        auto preset = MeldingMapping::preset(name);
        if (!preset.ok()) {
            m_summary->setText(preset.error().message);
            return;
        }
        m_presetMapping = preset.value();
        m_source->setCurrentIndex(qMax(0, m_source->findData(preset->source)));
    }
    if (m_preset->currentData().toString() != name) {
        const QSignalBlocker quiet(m_preset);
        m_preset->setCurrentIndex(qMax(0, m_preset->findData(name)));
    }
    applyPresetColumns();
    fillValueTables();
}

void ImportDialog::setUpdateExisting(bool update)
{
    m_update->setChecked(update);
}

// The preset's column for each field: the first of its choices that the file has.
void ImportDialog::applyPresetColumns()
{
    if (!m_presetMapping || m_header.isEmpty())
        return;
    for (auto it = m_columns.begin(); it != m_columns.end(); ++it) {
        const QSignalBlocker quiet(it.value());
        it.value()->setCurrentIndex(0);
        it.value()->setToolTip(QString());
        const QStringList choices = m_presetMapping->columns.value(it.key());
        for (qsizetype i = 0; i < choices.size(); ++i) {
            if (const int index = it.value()->findData(choices.at(i)); index > 0) {
                it.value()->setCurrentIndex(index);
                // The preset's fallbacks stay in force as long as this column is kept.
                if (i + 1 < choices.size())
                    it.value()->setToolTip(tr("When empty: %1").arg(choices.mid(i + 1).join(u", "_s)));
                break;
            }
        }
    }
}

void ImportDialog::fillValueTables()
{
    auto categories = Lookups::categories(m_registry);
    auto fill = [this](QTableWidget* table, const QString& field, const QList<QPair<QString, QString>>& codes) {
        table->setRowCount(0);
        if (m_content.isEmpty())
            return;
        // Every column the field may be read from (a preset's fallbacks too).
        QStringList found;
        for (const QString& column : mapping().columns.value(field)) {
            if (!m_header.contains(column))
                continue;
            auto values = MeldingImport::distinctValues(m_content, column);
            if (!values.ok())
                continue;
            for (const QString& value : values.value()) {
                if (!found.contains(value))
                    found << value;
            }
        }
        found.sort(Qt::CaseInsensitive);
        table->setRowCount(int(found.size()));
        for (int r = 0; r < found.size(); ++r) {
            const QString value = found.at(r);
            table->setItem(r, 0, new QTableWidgetItem(value));
            auto* box = new QComboBox(table);
            box->addItem(tr("(not mapped)"), QString());
            for (const auto& [code, label] : codes)
                box->addItem(label, code);
            // A value the preset maps, or that already is a code or a name, is matched at once.
            const QHash<QString, QString> preset = !m_presetMapping                 ? QHash<QString, QString>()
                                                   : table == m_statuses ? m_presetMapping->statuses
                                                                         : m_presetMapping->categories;
            if (const QString code = preset.value(value.toLower()); !code.isEmpty())
                box->setCurrentIndex(qMax(0, box->findData(code)));
            for (int i = 1; i < box->count() && box->currentIndex() == 0; ++i) {
                if (box->itemData(i).toString().compare(value, Qt::CaseInsensitive) == 0 || box->itemText(i).compare(value, Qt::CaseInsensitive) == 0)
                    box->setCurrentIndex(i);
            }
            table->setCellWidget(r, 1, box);
        }
    };
    QList<QPair<QString, QString>> categoryCodes;
    if (categories.ok()) {
        for (const Category& c : categories.value())
            categoryCodes << qMakePair(c.code, c.name);
    }
    fill(m_categories, u"category"_s, categoryCodes);
    fill(m_statuses, u"status"_s, {{u"nieuw"_s, Labels::signalStatus(u"nieuw"_s)}, {u"in_behandeling"_s, Labels::signalStatus(u"in_behandeling"_s)},
                                   {u"afgehandeld"_s, Labels::signalStatus(u"afgehandeld"_s)},
                                   {u"geannuleerd"_s, Labels::signalStatus(u"geannuleerd"_s)}});
}

MeldingMapping ImportDialog::mapping() const
{
    // The preset (its fallbacks, skipped values and flags), with what the user chose on top.
    MeldingMapping mapping = m_presetMapping.value_or(MeldingMapping());
    mapping.source = m_source->currentData().toString();
    for (auto it = m_columns.cbegin(); it != m_columns.cend(); ++it) {
        const QString column = it.value()->currentData().toString();
        // The chosen column, followed by the preset's fallbacks after it.
        const QStringList preset = mapping.columns.value(it.key());
        if (column.isEmpty())
            mapping.columns.remove(it.key());
        else
            mapping.columns.insert(it.key(), preset.contains(column) ? preset.mid(preset.indexOf(column)) : QStringList{column});
    }
    auto collect = [](const QTableWidget* table, QHash<QString, QString>& into) {
        for (int r = 0; r < table->rowCount(); ++r) {
            auto* box = qobject_cast<QComboBox*>(table->cellWidget(r, 1));
            if (box && !box->currentData().toString().isEmpty())
                into.insert(table->item(r, 0)->text().trimmed().toLower(), box->currentData().toString());
        }
    };
    collect(m_categories, mapping.categories);
    collect(m_statuses, mapping.statuses);
    return mapping;
}

void ImportDialog::showReport(const ImportReport& report)
{
    m_problems->clear();
    for (const ImportProblem& p : report.problems)
        m_problems->addItem(tr("Row %1, column %2: %3").arg(p.row).arg(p.column, p.reason));
    if (const int left = report.problemCount - int(report.problems.size()); left > 0)
        m_problems->addItem(tr("… and %1 more problems").arg(left));
}

bool ImportDialog::check()
{
    m_importButton->setEnabled(false);
    if (m_content.isEmpty()) {
        m_summary->setText(tr("Choose a file first."));
        return false;
    }
    const MeldingMapping map = mapping();
    const bool hasArea = map.columns.contains(u"buurt"_s) || map.columns.contains(u"street"_s)
                         || (map.columns.contains(u"latitude"_s) && map.columns.contains(u"longitude"_s))
                         || (map.columns.contains(u"x"_s) && map.columns.contains(u"y"_s));
    for (const QString& required : {u"external_id"_s, u"date"_s, u"category"_s}) {
        if (!map.columns.contains(required) || !hasArea) {
            m_summary->setText(tr("Choose the file's column for every required field, and for the neighbourhood, its coordinates or the street."));
            return false;
        }
    }
    auto report = MeldingImport::run(m_registry, m_content, map, QFileInfo(m_path).fileName(), {true, m_update->isChecked()});
    if (!report.ok()) {
        m_summary->setText(report.error().message);
        return false;
    }
    showReport(report.value());
    if (report->problemCount > 0) {
        QString text = tr("%1 of %2 rows cannot be imported; nothing will be saved until they are fixed (in the file or the mapping).")
                           .arg(report->rowsWithProblems)
                           .arg(report->rowsRead);
        if (report->problemCount > int(report->problems.size()))
            text += u' ' + tr("Only the first %1 problems are listed.").arg(ImportReport::maxProblems);
        m_summary->setText(text);
        return false;
    }
    m_summary->setText(tr("All %1 rows can be imported: %2 new, %3 to update, %4 already in the registry, %5 skipped by the mapping. "
                          "Nothing has been saved yet.")
                           .arg(report->rowsRead)
                           .arg(report->imported)
                           .arg(report->updated)
                           .arg(report->alreadyPresent)
                           .arg(report->skipped));
    m_importButton->setEnabled(true);
    return true;
}

bool ImportDialog::runImport()
{
    if (!check())
        return false;
    QProgressDialog progress(tr("Importing meldingen…"), tr("Cancel"), 0, 100, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    auto report = MeldingImport::run(m_registry, m_content, mapping(), QFileInfo(m_path).fileName(), {false, m_update->isChecked()},
                                     [&progress](qint64 done, qint64 total) {
                                         progress.setValue(int(100 * done / std::max<qint64>(1, total)));
                                         return !progress.wasCanceled();
                                     });
    progress.setValue(100);
    if (!report.ok()) {
        m_summary->setText(report.error().message);
        m_importButton->setEnabled(false);
        return false;
    }
    m_summary->setText(tr("%1 meldingen imported, %2 updated; %3 were already in the registry.")
                           .arg(report->imported)
                           .arg(report->updated)
                           .arg(report->alreadyPresent));
    m_importButton->setEnabled(false);
    accept();
    return true;
}

}  // namespace bs
