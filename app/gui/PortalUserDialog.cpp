#include "PortalUserDialog.h"
#include "ui_PortalUserDialog.h"

#include <QJsonArray>
#include <QPushButton>

using namespace Qt::StringLiterals;

PortalUserDialog::PortalUserDialog(const QJsonObject& user, const QList<Catalogue::Entry>& sections, QWidget* parent)
    : QDialog(parent)
    , m_ui(new Ui::PortalUserDialog)
    , m_user(user)
{
    m_ui->setupUi(this);
    m_ui->userLabel->setText(tr("<b>%1</b> (%2 %3), primary customer %4")
                                 .arg(user.value(u"email"_s).toString().toHtmlEscaped(),
                                      user.value(u"firstName"_s).toString().toHtmlEscaped(),
                                      user.value(u"lastName"_s).toString().toHtmlEscaped(),
                                      user.value(u"customerNumber"_s).toString().toHtmlEscaped()));
    for (const auto& customer : user.value(u"assignedCustomers"_s).toArray())
        m_ui->customersList->addItem(customer.toString());
    const auto allowed = user.value(u"sections"_s).toArray();
    for (const auto& section : sections) {
        auto* item = new QListWidgetItem(section.label, m_ui->sectionsList);
        item->setData(Qt::UserRole, section.key);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(allowed.contains(QJsonValue(section.key)) ? Qt::Checked : Qt::Unchecked);
    }
    m_ui->adminCheck->setChecked(user.value(u"isAdmin"_s).toBool());
    m_ui->makePaymentCheck->setChecked(user.value(u"makePayment"_s).toBool());
    connect(m_ui->addCustomerButton, &QPushButton::clicked, this, &PortalUserDialog::addCustomer);
    connect(m_ui->customerEdit, &QLineEdit::returnPressed, this, &PortalUserDialog::addCustomer);
    connect(m_ui->removeCustomerButton, &QPushButton::clicked, this,
            [this] { delete m_ui->customersList->currentItem(); });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

PortalUserDialog::~PortalUserDialog() = default;

void PortalUserDialog::addCustomer()
{
    const auto number = m_ui->customerEdit->text().trimmed().toUpper();
    if (number.isEmpty() || !m_ui->customersList->findItems(number, Qt::MatchExactly).isEmpty())
        return;
    m_ui->customersList->addItem(number);
    m_ui->customerEdit->clear();
}

QJsonObject PortalUserDialog::changes() const
{
    QJsonObject set;
    QJsonArray customers;
    for (int i = 0; i < m_ui->customersList->count(); ++i)
        customers.append(m_ui->customersList->item(i)->text());
    if (customers != m_user.value(u"assignedCustomers"_s).toArray())
        set.insert(u"assignedCustomers"_s, customers);
    QJsonArray sections;
    for (int i = 0; i < m_ui->sectionsList->count(); ++i) {
        const auto* item = m_ui->sectionsList->item(i);
        if (item->checkState() == Qt::Checked)
            sections.append(item->data(Qt::UserRole).toString());
    }
    if (sections != m_user.value(u"sections"_s).toArray())
        set.insert(u"sections"_s, sections);
    if (m_ui->adminCheck->isChecked() != m_user.value(u"isAdmin"_s).toBool())
        set.insert(u"isAdmin"_s, m_ui->adminCheck->isChecked());
    if (m_ui->makePaymentCheck->isChecked() != m_user.value(u"makePayment"_s).toBool())
        set.insert(u"makePayment"_s, m_ui->makePaymentCheck->isChecked());
    return set;
}

void PortalUserDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        m_ui->retranslateUi(this);
    QDialog::changeEvent(event);
}
