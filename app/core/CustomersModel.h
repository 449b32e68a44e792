#pragma once

#include "RemoteTableModel.h"

// Customers (GET /customers): number, name, group, STAT ID, ERP status, portal switch (editable).
class CustomersModel : public RemoteTableModel
{
    Q_OBJECT
public:
    explicit CustomersModel(ApiClient* client, QObject* parent = nullptr);

    // True when the customer or one of its contacts holds edits not yet sent with Update.
    bool hasPendingEdits(int row) const;
    // The customer number is marked (highlighted, tool tip) on customers with pending edits.
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
};
