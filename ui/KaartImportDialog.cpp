#include "KaartImportDialog.h"

#include "HelpTopics.h"
#include "FormErrors.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bs {

KaartImportDialog::KaartImportDialog(Registry& registry, QWidget* parent)
    : QDialog(parent), m_registry(registry), m_error(makeErrorLabel(this))
{
    setWindowTitle(tr("Import buurt map"));
    HelpTopics::setChapter(this, HelpTopics::management);
    setObjectName(u"kaartImportDialog"_s);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("The CBS/Kadaster Wijk- en buurtkaart as a GeoPackage (.gpkg). Only the buurten of this "
                                "registry's municipality are taken; nothing is saved before you apply the plan."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* row = new QHBoxLayout();
    auto* choose = new QPushButton(tr("Choose file…"), this);
    choose->setObjectName(u"chooseKaart"_s);
    m_file = new QLabel(tr("No file chosen"), this);
    m_year = new QSpinBox(this);
    m_year->setObjectName(u"kaartYear"_s);
    m_year->setRange(0, 2100);
    m_year->setSpecialValueText(tr("year from the file"));
    m_year->setValue(0);
    row->addWidget(choose);
    row->addWidget(m_file, 1);
    row->addWidget(new QLabel(tr("Map year"), this));
    row->addWidget(m_year);
    layout->addLayout(row);
    m_lines = new QListWidget(this);
    m_lines->setObjectName(u"kaartPlan"_s);
    layout->addWidget(m_lines, 1);
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    m_apply = buttons->button(QDialogButtonBox::Apply);
    m_apply->setEnabled(false);
    connect(choose, &QPushButton::clicked, this, &KaartImportDialog::chooseFile);
    connect(m_year, &QSpinBox::valueChanged, this, [this]() {
        if (!m_path.isEmpty())
            setFile(m_path);
    });
    connect(m_apply, &QPushButton::clicked, this, &KaartImportDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(680, 460);
}

void KaartImportDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("CBS Wijk- en buurtkaart"), QString(), tr("GeoPackage (*.gpkg);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

bool KaartImportDialog::setFile(const QString& path)
{
    m_path = path;
    m_file->setText(QFileInfo(path).fileName());
    m_lines->clear();
    m_plan.reset();
    m_apply->setEnabled(false);
    m_error->hide();
    const std::optional<int> year = m_year->value() > 0 ? std::optional<int>(m_year->value()) : std::nullopt;
    auto plan = KaartImport::plan(m_registry, path, year);
    if (!plan.ok()) {
        m_error->setText(plan.error().message);
        m_error->show();
        return false;
    }
    m_plan = plan.value();
    m_lines->addItems(m_plan->describe());
    m_apply->setEnabled(true);
    return true;
}

QStringList KaartImportDialog::planLines() const
{
    return m_plan ? m_plan->describe() : QStringList();
}

bool KaartImportDialog::apply()
{
    if (!m_plan)
        return false;
    const Status applied = KaartImport::apply(m_registry, *m_plan);
    if (!applied.ok()) {
        m_error->setText(applied.error().message);
        m_error->show();
        return false;
    }
    accept();
    return true;
}

}  // namespace bs
