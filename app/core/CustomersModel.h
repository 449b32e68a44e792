#pragma once

#include "RemoteTableModel.h"

// Customers (GET /customers): number, name, group, STAT ID, ERP status, portal switch (editable).
class CustomersModel : public RemoteTableModel
{
    Q_OBJECT
public:
    explicit CustomersModel(ApiClient* client, QObject* parent = nullptr);
};
