#include "RoleDialog.h"
#include "ui_RoleDialog.h"

#include <QJsonArray>
#include <QMessageBox>
#include <QRegularExpression>
#include <QRegularExpressionValidator>

using namespace Qt::StringLiterals;

namespace {
void fill(QListWidget* list, const QList<Catalogue::Entry>& entries, const QJsonArray& selected)
{
    list->setSelectionMode(QAbstractItemView::NoSelection);
    for (const auto& entry : entries) {
        auto* item = new QListWidgetItem(entry.label, list);
        item->setData(Qt::UserRole, entry.key);
        item->setToolTip(entry.key);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(selected.contains(QJsonValue(entry.key)) ? Qt::Checked : Qt::Unchecked);
    }
}

QJsonArray checked(const QListWidget* list)
{
    QJsonArray keys;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked)
            keys.append(list->item(i)->data(Qt::UserRole).toString());
    }
    return keys;
}
} // namespace

RoleDialog::RoleDialog(const QJsonObject& role, const Catalogue* catalogue, QWidget* parent)
    : QDialog(parent)
    , m_ui(new Ui::RoleDialog)
    , m_role(role)
{
    m_ui->setupUi(this);
    m_ui->codeEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"[A-Za-z0-9_.-]{1,32}"_s), m_ui->codeEdit));
    m_ui->codeEdit->setText(role.value(u"code"_s).toString());
    m_ui->codeEdit->setReadOnly(!role.isEmpty());
    m_ui->descriptionEdit->setText(role.value(u"description"_s).toString());
    fill(m_ui->processesList, catalogue->processes(), role.value(u"processes"_s).toArray());
    fill(m_ui->modulesList, catalogue->sections(), role.value(u"modules"_s).toArray());
    m_ui->noAccessCheck->setChecked(role.value(u"noAccess"_s).toBool());
    updateTitle();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &RoleDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

RoleDialog::~RoleDialog() = default;

QJsonObject RoleDialog::record() const
{
    return {{u"code"_s, m_ui->codeEdit->text().trimmed().toUpper()},
            {u"description"_s, m_ui->descriptionEdit->text().trimmed()},
            {u"processes"_s, checked(m_ui->processesList)},
            {u"modules"_s, checked(m_ui->modulesList)},
            {u"noAccess"_s, m_ui->noAccessCheck->isChecked()}};
}

QJsonObject RoleDialog::changes() const
{
    QJsonObject set;
    const auto now = record();
    for (const auto& field : {u"description"_s, u"processes"_s, u"modules"_s, u"noAccess"_s}) {
        if (now.value(field) != m_role.value(field))
            set.insert(field, now.value(field));
    }
    return set;
}

void RoleDialog::accept()
{
    if (m_ui->codeEdit->text().trimmed().isEmpty()) {
        m_ui->codeEdit->setFocus();
        QMessageBox::warning(this, windowTitle(), tr("Enter the role code as the ERP names it."));
        return;
    }
    QDialog::accept();
}

void RoleDialog::updateTitle()
{
    setWindowTitle(isNew() ? tr("Add ERP role") : tr("Edit ERP role %1").arg(m_role.value(u"code"_s).toString()));
}

void RoleDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this); // sets the form's generic title
        updateTitle();
    }
    QDialog::changeEvent(event);
}
