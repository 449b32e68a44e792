#include "PortalUserDialog.h"
#include "ui_PortalUserDialog.h"

#include <QHeaderView>
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
    fillAccess(sections);
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

void PortalUserDialog::fillAccess(const QList<Catalogue::Entry>& sections)
{
    // GET /portal-users/{id}/access says per customer whose rights apply there (SPEC "Who sees what").
    const auto access = m_user.value(u"access"_s).toArray();
    m_ui->accessBox->setVisible(!access.isEmpty());
    auto* table = m_ui->accessTable;
    table->setRowCount(int(access.size()));
    const auto label = [&sections](const QString& key) {
        for (const auto& section : sections) {
            if (section.key == key)
                return section.label;
        }
        return key;
    };
    for (int row = 0; row < access.size(); ++row) {
        const auto entry = access.at(row).toObject();
        const bool fromContact = entry.value(u"source"_s).toString() == u"contact"_s;
        QStringList rights;
        for (const auto& key : entry.value(u"sections"_s).toArray())
            rights << label(key.toString());
        if (entry.value(u"makePayment"_s).toBool())
            rights << tr("Make Payment");
        if (entry.value(u"isAdmin"_s).toBool())
            rights << tr("Account Admin");
        if (entry.value(u"ownOrdersOnly"_s).toBool())
            rights << tr("Own Orders Only");
        const QStringList texts{
            entry.value(u"number"_s).toString(),
            fromContact ? tr("Contact %1 (Customers & Contacts)").arg(entry.value(u"contactName"_s).toString())
                        : tr("This portal user's own settings (below)"),
            rights.isEmpty() ? tr("nothing") : rights.join(u", "_s)};
        for (int column = 0; column < 3; ++column) {
            auto* item = new QTableWidgetItem(texts.at(column));
            item->setToolTip(texts.at(column));
            item->setData(Qt::UserRole, entry.value(u"source"_s).toString());
            table->setItem(row, column, item);
        }
    }
    table->horizontalHeader()->resizeSection(0, 100);
    table->horizontalHeader()->resizeSection(1, 260);
}

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
