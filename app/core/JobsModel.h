#pragma once

#include "RemoteTableModel.h"

#include <QHash>

// Scheduled and recent jobs (GET /jobs): status in words (failed runs in red), progress in percent,
// counts as "sent: 2, failed: 0", and a schedule's label instead of its key when known.
class JobsModel : public RemoteTableModel
{
    Q_OBJECT
public:
    explicit JobsModel(ApiClient* client, QObject* parent = nullptr);

    // Schedule key (cron.email_documents) -> label (Email documents), from GET /schedules.
    void setScheduleLabels(const QHash<QString, QString>& labels);

    // Words for a run's status and its counts, shared with the Jobs page.
    static QString statusText(const QString& status);
    static QString countsText(const QJsonObject& counts);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

protected:
    QString displayText(const Column& column, const QJsonValue& value) const override;

private:
    QHash<QString, QString> m_scheduleLabels;
};
