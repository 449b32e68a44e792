#pragma once

#include "RemoteTableModel.h"

#include <QHash>

// ERP role mappings (GET /roles), one page at a time with a chosen page size.
class RolesModel : public RemoteTableModel
{
    Q_OBJECT
public:
    explicit RolesModel(ApiClient* client, QObject* parent = nullptr);
    // Shown instead of catalogue keys (the keys stay in edits and filters).
    void setLabels(const QHash<QString, QString>& labels);

protected:
    QString displayText(const Column& column, const QJsonValue& value) const override;

private:
    QHash<QString, QString> m_labels;
};
