#include "SettingsPage.h"

#include "Session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SettingsPage::SettingsPage(const AppContext& context, QWidget* parent)
    : Page(parent)
    , m_context(context)
    , m_stack(new QStackedWidget(this))
    , m_unavailable(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_intro(new QLabel(this))
    , m_save(new QPushButton(this))
    , m_revert(new QPushButton(this))
    , m_testEmail(new QPushButton(this))
{
    setObjectName(u"settingsPage"_s);
    m_unavailable->setObjectName(u"settingsUnavailable"_s);
    m_unavailable->setAlignment(Qt::AlignCenter);
    m_unavailable->setWordWrap(true);
    m_tabs->setObjectName(u"settingsTabs"_s);
    m_save->setObjectName(u"saveSettingsButton"_s);
    m_revert->setObjectName(u"revertSettingsButton"_s);
    m_testEmail->setObjectName(u"testEmailButton"_s);
    m_intro->setWordWrap(true);

    auto* editorPage = new QWidget(this);
    auto* editorLayout = new QVBoxLayout(editorPage);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_intro);
    editorLayout->addWidget(m_tabs, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_testEmail);
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    editorLayout->addLayout(buttons);
    m_stack->addWidget(editorPage);
    m_stack->addWidget(m_unavailable);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);

    connect(m_save, &QPushButton::clicked, this, &SettingsPage::save);
    connect(m_revert, &QPushButton::clicked, this, &SettingsPage::refresh);
    connect(m_testEmail, &QPushButton::clicked, this, &SettingsPage::sendTestEmail);
    retranslateUi();
}

void SettingsPage::retranslateUi()
{
    m_intro->setText(tr("Changes take effect when saved. Cron expressions have five fields (minute hour day month "
                        "weekday) and an optional year; leave one empty to disable that job."));
    m_save->setText(tr("&Save settings"));
    m_revert->setText(tr("&Discard changes"));
    m_testEmail->setText(tr("Send &test email…"));
    if (m_stack->currentWidget() == m_unavailable && m_unavailable->text().isEmpty())
        m_unavailable->setText(tr("Loading settings…"));
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
            m_unavailable->setText(tr("Settings are not available on this server (its Admin API has no /settings)."));
            m_stack->setCurrentWidget(m_unavailable);
            return;
        }
        if (!reply->isOk()) {
            m_unavailable->setText(tr("The settings could not be loaded.") + u"\n"_s + reply->error().displayText());
            m_stack->setCurrentWidget(m_unavailable);
            return;
        }
        build(reply->object());
        m_stack->setCurrentIndex(0);
    });
}

void SettingsPage::build(const QJsonObject& answer)
{
    const int currentTab = m_tabs->currentIndex();
    while (m_tabs->count() > 0) {
        auto* widget = m_tabs->widget(0);
        m_tabs->removeTab(0);
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
            m_tabs->addTab(scroll, groupTitle(group));
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
                combo->addItem(choice.toString());
            combo->setCurrentText(text);
            editor = combo;
        } else if (field.type == u"integer"_s) {
            auto* spin = new QSpinBox;
            spin->setRange(item.value(u"min"_s).toInt(0), item.value(u"max"_s).toInt(std::numeric_limits<int>::max()));
            spin->setValue(text.toInt());
            editor = spin;
        } else {
            auto* line = new QLineEdit(text);
            if (field.type == u"secret"_s) {
                line->setEchoMode(QLineEdit::Password);
                line->setPlaceholderText(item.value(u"isSet"_s).toBool() ? tr("set — type to replace") : tr("not set"));
            } else if (field.type == u"sections"_s) {
                line->setPlaceholderText(tr("section keys separated by |"));
            } else if (field.type == u"list"_s) {
                line->setPlaceholderText(tr("comma-separated"));
            }
            editor = line;
        }
        editor->setObjectName(u"setting_"_s + field.key);
        editor->setEnabled(editable);
        const auto label = item.value(u"label"_s).toString(field.key);
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
        if (field.type == u"cron"_s)
            checkCron(field.key);
    }
    m_tabs->setCurrentIndex(std::max(0, std::min(currentTab, m_tabs->count() - 1)));
    m_save->setEnabled(editable);
}

QJsonValue SettingsPage::currentValue(const Field& field) const
{
    QString text;
    if (auto* check = qobject_cast<QCheckBox*>(field.editor))
        return field.original.isBool() ? QJsonValue(check->isChecked())
                                       : QJsonValue(check->isChecked() ? u"true"_s : u"false"_s);
    if (auto* spin = qobject_cast<QSpinBox*>(field.editor))
        return field.original.isDouble() ? QJsonValue(spin->value()) : QJsonValue(QString::number(spin->value()));
    if (auto* combo = qobject_cast<QComboBox*>(field.editor))
        text = combo->currentText();
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
                const auto time = QDateTime::fromString(run.toString(), Qt::ISODate);
                runs << (time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                                        : run.toString());
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
            GuiUtil::showError(this, tr("Saving settings failed — nothing was saved"), reply->error());
            return;
        }
        emit statusMessage(tr("%n setting(s) saved.", nullptr, int(changed.size())));
        refresh();
    });
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
