#include "NewPortalUserDialog.h"
#include "ui_NewPortalUserDialog.h"

#include "ApiClient.h"

#include <QJsonArray>
#include <QPushButton>

using namespace Qt::StringLiterals;

NewPortalUserDialog::NewPortalUserDialog(ApiClient* client, const QList<Catalogue::Entry>& sections, QWidget* parent)
    : QDialog(parent)
    , m_ui(new Ui::NewPortalUserDialog)
    , m_client(client)
{
    m_ui->setupUi(this);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Create"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setObjectName(u"createButton"_s);
    for (const auto& section : sections) {
        auto* item = new QListWidgetItem(section.label, m_ui->sectionsList);
        item->setData(Qt::UserRole, section.key);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        // What most portal users get: the account and the invoices; the rest is ticked on purpose.
        const bool usual = section.key == u"account.summary"_s || section.key == u"invoices.view"_s;
        item->setCheckState(usual ? Qt::Checked : Qt::Unchecked);
    }
    connect(m_ui->addCustomerButton, &QPushButton::clicked, this, &NewPortalUserDialog::addCustomer);
    connect(m_ui->assignedEdit, &QLineEdit::returnPressed, this, &NewPortalUserDialog::addCustomer);
    connect(m_ui->removeCustomerButton, &QPushButton::clicked, this,
            [this] { delete m_ui->customersList->currentItem(); });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &NewPortalUserDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->emailEdit->setFocus();
}

NewPortalUserDialog::~NewPortalUserDialog() = default;

void NewPortalUserDialog::addCustomer()
{
    const auto number = m_ui->assignedEdit->text().trimmed().toUpper();
    if (number.isEmpty() || !m_ui->customersList->findItems(number, Qt::MatchExactly).isEmpty())
        return;
    m_ui->customersList->addItem(number);
    m_ui->assignedEdit->clear();
}

QJsonObject NewPortalUserDialog::request() const
{
    const auto customer = m_ui->customerEdit->text().trimmed().toUpper();
    QJsonArray assigned;
    if (!customer.isEmpty())
        assigned.append(customer);
    for (int i = 0; i < m_ui->customersList->count(); ++i) {
        const auto number = m_ui->customersList->item(i)->text();
        if (number != customer)
            assigned.append(number);
    }
    QJsonArray sections;
    for (int i = 0; i < m_ui->sectionsList->count(); ++i) {
        const auto* item = m_ui->sectionsList->item(i);
        if (item->checkState() == Qt::Checked)
            sections.append(item->data(Qt::UserRole).toString());
    }
    return {{u"email"_s, m_ui->emailEdit->text().trimmed()},
            {u"firstName"_s, m_ui->firstNameEdit->text().trimmed()},
            {u"lastName"_s, m_ui->lastNameEdit->text().trimmed()},
            {u"customerNumber"_s, customer},
            {u"assignedCustomers"_s, assigned},
            {u"sections"_s, sections},
            {u"isAdmin"_s, m_ui->adminCheck->isChecked()},
            {u"makePayment"_s, m_ui->makePaymentCheck->isChecked()},
            {u"invite"_s, m_ui->inviteCheck->isChecked()}};
}

void NewPortalUserDialog::accept()
{
    if (m_busy)
        return;
    const auto body = request();
    if (!body.value(u"email"_s).toString().contains(u'@')) {
        m_ui->statusLabel->setText(tr("Enter the person's e-mail address."));
        m_ui->emailEdit->setFocus();
        return;
    }
    if (body.value(u"customerNumber"_s).toString().isEmpty()) {
        m_ui->statusLabel->setText(tr("Enter the number of the customer this person belongs to."));
        m_ui->customerEdit->setFocus();
        return;
    }
    m_ui->statusLabel->clear();
    setBusy(true);
    auto* reply = m_client->post(u"/portal-users"_s, body);
    connect(reply, &ApiReply::finished, this, [this, reply, invite = body.value(u"invite"_s).toBool()] {
        setBusy(false);
        if (!reply->isOk()) {
            showProblems(reply->error());
            return;
        }
        emit created(reply->object(), invite);
        QDialog::accept();
    });
}

void NewPortalUserDialog::showProblems(const ApiError& error)
{
    if (error.status == 409) {
        m_ui->statusLabel->setText(tr("A portal user with this e-mail address already exists."));
        m_ui->emailEdit->setFocus();
        m_ui->emailEdit->selectAll();
        return;
    }
    if (error.status == 422 && !error.details.isEmpty()) {
        // One line per field, named as the form names it.
        const QHash<QString, QString> labels{{u"email"_s, tr("E-mail")},
                                             {u"firstName"_s, tr("First name")},
                                             {u"lastName"_s, tr("Last name")},
                                             {u"customerNumber"_s, tr("Customer")},
                                             {u"assignedCustomers"_s, tr("Assigned customers")},
                                             {u"sections"_s, tr("Allowed sections")}};
        QStringList lines;
        for (const auto& detail : error.details) {
            const auto object = detail.toObject();
            const auto field = object.value(u"field"_s).toString();
            lines << tr("%1: %2").arg(labels.value(field, field), object.value(u"message"_s).toString());
        }
        m_ui->statusLabel->setText(lines.join(u'\n'));
        return;
    }
    m_ui->statusLabel->setText(error.displayText());
}

void NewPortalUserDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    if (busy)
        m_ui->statusLabel->setText(tr("Creating…"));
}

void NewPortalUserDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Create"));
    }
    QDialog::changeEvent(event);
}
