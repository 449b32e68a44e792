#pragma once

#include "GuiUtil.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>

#include <memory>

namespace Ui {
class SettingsPage;
}
class QLabel;
class QTimer;

// Every setting of SPEC §4 in groups (tabs). Cron fields are checked by the server as they are
// typed and show the next five run times; a list of portal sections is one check box per section of
// the catalogue. Save sends only what changed. "Send test email". The frame is ui/SettingsPage.ui;
// the editors are made from the server's list of settings.
class SettingsPage : public Page
{
    Q_OBJECT
public:
    explicit SettingsPage(const AppContext& context, QWidget* parent = nullptr);
    ~SettingsPage() override;

    void refresh() override;
    bool isBusy() const override { return m_loading || m_saving; }
    QJsonObject changedValues() const;
    // Settings edited and not saved: counted with the pending edits in the status bar.
    int pendingCount() const { return int(changedValues().size()); }
    void save();
    // Every editor back to the value loaded from the server.
    void discardEdits();
    void sendTestEmail();
    // A drop-down choice as staff read it ("outbox" → "Outbox folder (nothing is sent)").
    static QString choiceLabel(const QString& key, const QString& value);

signals:
    void pendingChanged();
    void saveFinished(bool saved);

protected:
    void retranslateUi() override;

private:
    struct Field
    {
        QString key;
        QString label;
        QString type;
        QJsonValue original;
        QWidget* editor = nullptr;
        QLabel* cronPreview = nullptr;
        QTimer* cronTimer = nullptr;
    };

    void build(const QJsonObject& answer);
    QWidget* sectionsEditor(const QString& value);
    void relabelSections();
    QJsonValue currentValue(const Field& field) const;
    void checkCron(const QString& key);
    QString groupTitle(const QString& group) const;
    void watch(QWidget* editor);
    void showSaveProblems(const ApiError& error);

    std::unique_ptr<Ui::SettingsPage> m_ui;
    AppContext m_context;
    QList<Field> m_fields;
    bool m_loading = false;
    bool m_saving = false;
};
