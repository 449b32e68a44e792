#pragma once

#include "GuiUtil.h"

#include <QJsonObject>
#include <QPointer>

#include <memory>

namespace Ui {
class ImportPage;
}
class QFile;
class QTimer;

// CSV import (LeanSwift "Import"): entity type, behaviour, validation strategy, allowed errors,
// separators, enclosure and the empty-value constant; the file (streamed to the server, never read
// whole); Check Data with a table of row / column / message and an "errors only" filter; Import with
// a progress bar and Cancel; the counts and the change report. Every request is asynchronous.
class ImportPage : public Page
{
    Q_OBJECT
public:
    explicit ImportPage(const AppContext& context, QWidget* parent = nullptr);
    ~ImportPage() override;

    void refresh() override { }
    bool isBusy() const override;

    // The file chooser's result (tests and the screenshot tour set it directly).
    void setFile(const QString& path);
    void setEntity(const QString& entity); // "portal-users", "customers", "contacts", "roles"
    void checkData();
    void startImport();
    void cancel();
    // Saves the entity's sample file / the last run's change report (asynchronous).
    void saveSample(const QString& path);
    void saveReport(const QString& path);
    qint64 importId() const { return m_importId; }

signals:
    void checkFinished(const QJsonObject& report);
    void importFinished(const QJsonObject& status);
    void fileSaved(const QString& path, bool ok);

protected:
    void retranslateUi() override;

private:
    enum class Mode
    {
        Idle,
        Uploading,
        Checking,
        Running
    };
    QUrlQuery options() const;
    QString uploadKey() const;
    void upload(std::function<void()> then);
    void showReport(const QJsonObject& report, bool run);
    void applyErrorsOnly();
    void setMode(Mode mode);
    void poll();
    void fillCombos();
    void save(const QString& path, const QString& apiPath, const QUrlQuery& query);

    std::unique_ptr<Ui::ImportPage> m_ui;
    AppContext m_context;
    Mode m_mode = Mode::Idle;
    QString m_file;
    qint64 m_importId = 0;
    QString m_uploadedKey;
    QString m_importStatus;
    QPointer<ApiReply> m_transfer;
    QFile* m_device = nullptr;
    QTimer* m_poll;
    bool m_pollInFlight = false;
    int m_saving = 0;
};
