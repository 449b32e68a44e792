#include "SettingsPage.h"
#include "ServerText.h"
#include "ui_SettingsPage.h"

#include "Catalogue.h"
#include "DateTimeText.h"
#include "Session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
// "account.summary|orders.view" -> its keys (a section list setting's encoding).
QStringList sectionKeys(const QString& value)
{
    QStringList keys;
    for (const auto& part : value.split(u'|', Qt::SkipEmptyParts)) {
        const auto key = part.trimmed();
        if (!key.isEmpty() && !keys.contains(key))
            keys << key;
    }
    return keys;
}

// A label shown as it is: "&" is no mnemonic ("View Quotes & Enquiries").
QString plainText(QString label)
{
    return label.replace(u'&', u"&&"_s);
}
} // namespace

SettingsPage::SettingsPage(const AppContext& context, QWidget* parent)
    : Page(parent)
    , m_ui(new Ui::SettingsPage)
    , m_context(context)
{
    m_ui->setupUi(this);
    connect(m_ui->saveSettingsButton, &QPushButton::clicked, this, &SettingsPage::save);
    connect(m_ui->revertSettingsButton, &QPushButton::clicked, this, &SettingsPage::refresh);
    connect(m_ui->testEmailButton, &QPushButton::clicked, this, &SettingsPage::sendTestEmail);
    connect(context.catalogue, &Catalogue::changed, this, &SettingsPage::relabelSections);
    retranslateUi();
}

SettingsPage::~SettingsPage() = default;

void SettingsPage::retranslateUi()
{
    m_ui->retranslateUi(this);
    for (int i = 0; i < m_ui->settingsTabs->count(); ++i)
        m_ui->settingsTabs->setTabText(i, groupTitle(m_ui->settingsTabs->widget(i)->property("group").toString()));
    if (m_ui->settingsStack->currentWidget() == m_ui->settingsUnavailable
        && m_ui->settingsUnavailable->text().isEmpty())
        m_ui->settingsUnavailable->setText(tr("Loading settings…"));
}

QString SettingsPage::groupTitle(const QString& group) const
{
    if (group == u"general"_s)
        return tr("General");
    if (group == u"sync"_s)
        return tr("Sync");
    if (group == u"cron"_s)
        return tr("Schedules");
    if (group == u"email"_s)
        return tr("Email");
    if (group == u"portal"_s)
        return tr("Portal");
    if (group == u"password"_s)
        return tr("Passwords");
    return group;
}

void SettingsPage::refresh()
{
    m_activated = true;
    m_loading = true;
    auto* reply = m_context.client->get(u"/settings"_s);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        m_loading = false;
        if (reply->status() == 404 || reply->status() == 405) {
            m_ui->settingsUnavailable->setText(
                tr("Settings are not available on this server (its Admin API has no /settings)."));
            m_ui->settingsStack->setCurrentWidget(m_ui->settingsUnavailable);
            return;
        }
        if (!reply->isOk()) {
            m_ui->settingsUnavailable->setText(tr("The settings could not be loaded.") + u"\n"_s
                                               + reply->error().displayText());
            m_ui->settingsStack->setCurrentWidget(m_ui->settingsUnavailable);
            return;
        }
        build(reply->object());
        m_ui->settingsStack->setCurrentIndex(0);
    });
}

void SettingsPage::build(const QJsonObject& answer)
{
    const int currentTab = m_ui->settingsTabs->currentIndex();
    while (m_ui->settingsTabs->count() > 0) {
        auto* widget = m_ui->settingsTabs->widget(0);
        m_ui->settingsTabs->removeTab(0);
        widget->deleteLater();
    }
    m_fields.clear();

    // Either {items: [{key, value, type, label, choices}]} or a plain {key: value} object.
    QList<QJsonObject> items;
    if (answer.value(u"items"_s).isArray()) {
        for (const auto& item : answer.value(u"items"_s).toArray())
            items.append(item.toObject());
    } else {
        const auto values = answer.value(u"settings"_s).isObject() ? answer.value(u"settings"_s).toObject() : answer;
        for (auto it = values.begin(); it != values.end(); ++it)
            items.append({{u"key"_s, it.key()}, {u"value"_s, it.value()}});
    }

    QHash<QString, QFormLayout*> forms;
    QStringList groupOrder{u"general"_s, u"sync"_s, u"cron"_s, u"email"_s, u"portal"_s, u"password"_s};
    std::stable_sort(items.begin(), items.end(), [&groupOrder](const QJsonObject& a, const QJsonObject& b) {
        const auto ga = a.value(u"key"_s).toString().section(u'.', 0, 0);
        const auto gb = b.value(u"key"_s).toString().section(u'.', 0, 0);
        auto ia = groupOrder.indexOf(ga), ib = groupOrder.indexOf(gb);
        return (ia < 0 ? 99 : ia) < (ib < 0 ? 99 : ib);
    });
    const bool editable = m_context.session->canEdit();
    for (const auto& item : items) {
        Field field;
        field.key = item.value(u"key"_s).toString();
        field.original = item.value(u"value"_s);
        field.type = item.value(u"type"_s).toString();
        if (field.type.isEmpty()) {
            field.type = field.original.isBool()   ? u"bool"_s
                : field.original.isDouble()        ? u"integer"_s
                : field.key.startsWith(u"cron."_s) ? u"cron"_s
                                                   : u"text"_s;
        }
        const auto group = item.value(u"group"_s).toString(field.key.section(u'.', 0, 0));
        auto* form = forms.value(group);
        if (!form) {
            auto* scroll = new QScrollArea;
            scroll->setWidgetResizable(true);
            auto* content = new QWidget;
            form = new QFormLayout(content);
            form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
            scroll->setWidget(content);
            scroll->setProperty("group", group); // for retranslateUi
            m_ui->settingsTabs->addTab(scroll, groupTitle(group));
            forms.insert(group, form);
        }
        const auto text = field.original.isString() ? field.original.toString()
            : field.original.isDouble()             ? QString::number(field.original.toInteger())
            : field.original.isBool()               ? (field.original.toBool() ? u"true"_s : u"false"_s)
                                                    : QString();
        const auto choices = item.value(u"choices"_s).toArray();
        QWidget* editor = nullptr;
        if (field.type == u"bool"_s) {
            auto* check = new QCheckBox;
            check->setChecked(text == u"true"_s);
            editor = check;
        } else if (!choices.isEmpty()) {
            auto* combo = new QComboBox;
            for (const auto& choice : choices)
                combo->addItem(choiceLabel(field.key, choice.toString()), choice.toString());
            const int current = combo->findData(text);
            if (current < 0)
                combo->addItem(text, text); // a value this app does not know is kept as it is
            combo->setCurrentIndex(current < 0 ? combo->count() - 1 : current);
            editor = combo;
        } else if (field.type == u"integer"_s) {
            auto* spin = new QSpinBox;
            spin->setRange(item.value(u"min"_s).toInt(0), item.value(u"max"_s).toInt(std::numeric_limits<int>::max()));
            spin->setValue(text.toInt());
            editor = spin;
        } else if (field.type == u"sections"_s) {
            editor = sectionsEditor(text);
        } else {
            auto* line = new QLineEdit(text);
            if (field.type == u"secret"_s) {
                line->setEchoMode(QLineEdit::Password);
                line->setPlaceholderText(item.value(u"isSet"_s).toBool() ? tr("set — type to replace") : tr("not set"));
            } else if (field.type == u"list"_s) {
                line->setPlaceholderText(tr("comma-separated"));
            }
            editor = line;
        }
        editor->setObjectName(u"setting_"_s + field.key);
        editor->setEnabled(editable);
        const auto label = ServerText::translate(item.value(u"label"_s).toString(field.key));
        field.label = label;
        if (field.type == u"cron"_s) {
            auto* box = new QWidget;
            auto* boxLayout = new QVBoxLayout(box);
            boxLayout->setContentsMargins(0, 0, 0, 0);
            boxLayout->addWidget(editor);
            field.cronPreview = new QLabel;
            field.cronPreview->setObjectName(u"cronPreview_"_s + field.key);
            field.cronPreview->setWordWrap(true);
            field.cronPreview->setTextInteractionFlags(Qt::TextSelectableByMouse);
            boxLayout->addWidget(field.cronPreview);
            field.cronTimer = new QTimer(box);
            field.cronTimer->setSingleShot(true);
            field.cronTimer->setInterval(250);
            const auto key = field.key;
            connect(field.cronTimer, &QTimer::timeout, this, [this, key] { checkCron(key); });
            connect(qobject_cast<QLineEdit*>(editor), &QLineEdit::textChanged, field.cronTimer,
                    qOverload<>(&QTimer::start));
            form->addRow(label + u':', box);
        } else {
            form->addRow(label + u':', editor);
        }
        editor->setToolTip(field.key);
        field.editor = editor;
        m_fields.append(field);
        watch(editor);
        if (field.type == u"cron"_s)
            checkCron(field.key);
    }
    m_ui->settingsTabs->setCurrentIndex(std::max(0, std::min(currentTab, m_ui->settingsTabs->count() - 1)));
    m_ui->saveSettingsButton->setEnabled(editable);
    emit pendingChanged();
}

void SettingsPage::watch(QWidget* editor)
{
    const auto changed = [this] { emit pendingChanged(); };
    if (auto* check = qobject_cast<QCheckBox*>(editor))
        connect(check, &QCheckBox::toggled, this, changed);
    else if (auto* combo = qobject_cast<QComboBox*>(editor))
        connect(combo, &QComboBox::currentIndexChanged, this, changed);
    else if (auto* spin = qobject_cast<QSpinBox*>(editor))
        connect(spin, &QSpinBox::valueChanged, this, changed);
    else if (auto* line = qobject_cast<QLineEdit*>(editor))
        connect(line, &QLineEdit::textChanged, this, changed);
    for (auto* check : editor->findChildren<QCheckBox*>())
        connect(check, &QCheckBox::toggled, this, changed);
}

QString SettingsPage::choiceLabel(const QString& key, const QString& value)
{
    if (key == u"general.customer_selection_mode"_s) {
        if (value == u"customer"_s)
            return tr("Every assigned customer");
        if (value == u"payer"_s)
            return tr("Only assigned customers that are payers");
    } else if (key == u"general.access_policy"_s) {
        if (value == u"all"_s)
            return tr("All customers");
        if (value == u"allow_list"_s)
            return tr("Only customers on the allow list");
        if (value == u"all_except"_s)
            return tr("All customers except the deny list");
    } else if (key == u"email.transport"_s) {
        if (value == u"outbox"_s)
            return tr("Outbox folder (nothing is sent)");
        if (value == u"smtp"_s)
            return tr("SMTP server");
    }
    return ServerText::translate(value);
}
QWidget* SettingsPage::sectionsEditor(const QString& value)
{
    // One check box per portal section of the catalogue, in its order; the value is the ticked keys
    // joined by |. Keys the catalogue does not know are kept as they are.
    auto stored = sectionKeys(value);
    auto* box = new QWidget;
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    const auto sections = m_context.catalogue->sections();
    for (int i = 0; i < sections.size(); ++i) {
        const auto& key = sections.at(i).key;
        auto* check = new QCheckBox(plainText(sections.at(i).label), box);
        check->setObjectName(u"section_"_s + key);
        check->setProperty("sectionKey", key);
        check->setToolTip(key);
        check->setChecked(stored.removeAll(key) > 0);
        grid->addWidget(check, i / 2, i % 2);
    }
    grid->setColumnStretch(2, 1); // the boxes stay together on the left
    box->setProperty("otherSections", stored);
    return box;
}

void SettingsPage::relabelSections()
{
    for (const auto& field : std::as_const(m_fields)) {
        if (field.type != u"sections"_s)
            continue;
        for (auto* check : field.editor->findChildren<QCheckBox*>())
            check->setText(plainText(m_context.catalogue->sectionLabel(check->property("sectionKey").toString())));
    }
}

QJsonValue SettingsPage::currentValue(const Field& field) const
{
    if (field.type == u"sections"_s) {
        QStringList keys;
        for (const auto* check : field.editor->findChildren<QCheckBox*>()) {
            if (check->isChecked())
                keys << check->property("sectionKey").toString();
        }
        keys << field.editor->property("otherSections").toStringList();
        return keys.join(u'|');
    }
    QString text;
    if (auto* check = qobject_cast<QCheckBox*>(field.editor))
        return field.original.isBool() ? QJsonValue(check->isChecked())
                                       : QJsonValue(check->isChecked() ? u"true"_s : u"false"_s);
    if (auto* spin = qobject_cast<QSpinBox*>(field.editor))
        return field.original.isDouble() ? QJsonValue(spin->value()) : QJsonValue(QString::number(spin->value()));
    if (auto* combo = qobject_cast<QComboBox*>(field.editor))
        text = combo->currentData().toString(); // the server's value, not the translated text
    else if (auto* line = qobject_cast<QLineEdit*>(field.editor))
        text = line->text();
    return text;
}

QJsonObject SettingsPage::changedValues() const
{
    QJsonObject changed;
    for (const auto& field : m_fields) {
        const auto value = currentValue(field);
        if (field.type == u"secret"_s && value.toString().isEmpty())
            continue; // an empty secret field means "keep"
        if (field.type == u"sections"_s) {
            auto now = sectionKeys(value.toString()), before = sectionKeys(field.original.toString());
            now.sort();
            before.sort();
            if (now == before)
                continue; // the same sections, whatever their order in the stored text
        }
        if (value != field.original)
            changed.insert(field.key, value);
    }
    return changed;
}

void SettingsPage::checkCron(const QString& key)
{
    for (const auto& field : std::as_const(m_fields)) {
        if (field.key != key || !field.cronPreview)
            continue;
        const auto expression = currentValue(field).toString().trimmed();
        // Only the answer for the text as it is now counts (answers may arrive out of order).
        field.cronPreview->setProperty("cronExpression", expression);
        if (expression.isEmpty()) {
            field.cronPreview->setStyleSheet({});
            field.cronPreview->setText(tr("Disabled (no schedule)."));
            return;
        }
        QUrlQuery query;
        query.addQueryItem(u"expression"_s, expression);
        query.addQueryItem(u"count"_s, u"5"_s);
        auto* reply = m_context.client->get(u"/cron/next"_s, query);
        connect(reply, &ApiReply::finished, this, [reply, expression, guard = QPointer<QLabel>(field.cronPreview)] {
            auto* label = guard.data();
            if (!label || label->property("cronExpression").toString() != expression)
                return;
            if (reply->status() == 404 || reply->status() == 405) {
                label->setText(tr("Checking schedules is not available on this server."));
                return;
            }
            if (!reply->isOk()) {
                label->setText(reply->error().displayText());
                return;
            }
            const auto answer = reply->object();
            if (!answer.value(u"valid"_s).toBool()) {
                label->setStyleSheet(u"color: #b00020;"_s);
                label->setText(tr("Invalid: %1").arg(answer.value(u"error"_s).toString()));
                return;
            }
            QStringList runs;
            for (const auto& run : answer.value(u"next"_s).toArray()) {
                const auto time = DateTimeText::fromIso(run.toString());
                runs << (time.isEmpty() ? run.toString() : time);
            }
            label->setStyleSheet({});
            label->setText(tr("Next runs: %1").arg(runs.join(u" · "_s)));
        });
        return;
    }
}

void SettingsPage::save()
{
    const auto changed = changedValues();
    if (changed.isEmpty()) {
        emit statusMessage(tr("No settings changed."));
        return;
    }
    m_saving = true;
    auto* reply = m_context.client->patch(u"/settings"_s, {{u"values"_s, changed}});
    connect(reply, &ApiReply::finished, this, [this, reply, changed] {
        m_saving = false;
        if (!reply->isOk()) {
            showSaveProblems(reply->error());
            emit saveFinished(false);
            return;
        }
        emit statusMessage(tr("%n setting(s) saved.", nullptr, int(changed.size())));
        // What was sent is what the server holds now: nothing pending, even before the reload arrives.
        for (auto& field : m_fields) {
            if (changed.contains(field.key))
                field.original = changed.value(field.key);
        }
        emit pendingChanged();
        emit saveFinished(true);
        refresh();
    });
}

void SettingsPage::discardEdits()
{
    for (const auto& field : std::as_const(m_fields)) {
        const auto text = field.original.isString() ? field.original.toString()
            : field.original.isDouble()             ? QString::number(field.original.toInteger())
            : field.original.isBool()               ? (field.original.toBool() ? u"true"_s : u"false"_s)
                                                    : QString();
        if (field.type == u"sections"_s) {
            const auto keys = sectionKeys(text);
            for (auto* check : field.editor->findChildren<QCheckBox*>())
                check->setChecked(keys.contains(check->property("sectionKey").toString()));
        } else if (auto* check = qobject_cast<QCheckBox*>(field.editor)) {
            check->setChecked(text == u"true"_s);
        } else if (auto* combo = qobject_cast<QComboBox*>(field.editor)) {
            combo->setCurrentIndex(combo->findData(text));
        } else if (auto* spin = qobject_cast<QSpinBox*>(field.editor)) {
            spin->setValue(text.toInt());
        } else if (auto* line = qobject_cast<QLineEdit*>(field.editor)) {
            line->setText(text);
        }
    }
    emit pendingChanged();
}

void SettingsPage::showSaveProblems(const ApiError& error)
{
    // One line per setting, named by its label (the key is only in the tool tip).
    QStringList lines;
    for (const auto& detail : error.details) {
        const auto object = detail.toObject();
        const auto key = object.value(u"field"_s).toString();
        auto label = key;
        for (const auto& field : std::as_const(m_fields)) {
            if (field.key == key)
                label = field.label;
        }
        lines << tr("%1: %2").arg(label, object.value(u"message"_s).toString());
    }
    if (lines.isEmpty()) {
        GuiUtil::showError(this, tr("Saving settings failed — nothing was saved"), error);
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Saving settings failed — nothing was saved"),
                                lines.join(u'\n'), QMessageBox::Ok, this);
    box->setObjectName(u"errorBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void SettingsPage::sendTestEmail()
{
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(u"testEmailDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Send test email"));
    dialog->setLabelText(tr("Send a test email (with the saved email settings) to:"));
    dialog->setTextValue(m_context.session->email());
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString& value) {
        const auto to = value.trimmed();
        if (to.isEmpty())
            return;
        auto* reply = m_context.client->post(u"/email/test"_s, {{u"to"_s, to}});
        connect(reply, &ApiReply::finished, this, [this, reply, to] {
            if (reply->status() == 404 || reply->status() == 405) {
                GuiUtil::showInfo(this, tr("Send test email"),
                                  tr("Sending a test email is not available on this server."));
                return;
            }
            if (!reply->isOk()) {
                GuiUtil::showError(this, tr("Test email failed"), reply->error());
                return;
            }
            GuiUtil::showInfo(this, tr("Send test email"),
                              tr("A test email to %1 was queued; it goes out with the next email run.").arg(to));
        });
    });
    dialog->open();
}
