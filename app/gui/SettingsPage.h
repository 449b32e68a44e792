#pragma once

#include "GuiUtil.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTimer;

// Every setting of SPEC §4 in groups (tabs). Cron fields are checked by the server as they are
// typed and show the next five run times. Save sends only what changed. "Send test email".
class SettingsPage : public Page
{
    Q_OBJECT
public:
    explicit SettingsPage(const AppContext& context, QWidget* parent = nullptr);

    void refresh() override;
    bool isBusy() const override { return m_loading || m_saving; }
    QJsonObject changedValues() const;
    void save();
    void sendTestEmail();

protected:
    void retranslateUi() override;

private:
    struct Field
    {
        QString key;
        QString type;
        QJsonValue original;
        QWidget* editor = nullptr;
        QLabel* cronPreview = nullptr;
        QTimer* cronTimer = nullptr;
    };

    void build(const QJsonObject& answer);
    QJsonValue currentValue(const Field& field) const;
    void checkCron(const QString& key);
    QString groupTitle(const QString& group) const;

    AppContext m_context;
    QStackedWidget* m_stack;
    QLabel* m_unavailable;
    QTabWidget* m_tabs;
    QLabel* m_intro;
    QPushButton* m_save;
    QPushButton* m_revert;
    QPushButton* m_testEmail;
    QList<Field> m_fields;
    bool m_loading = false;
    bool m_saving = false;
};
