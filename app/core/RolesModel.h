#pragma once

#include "RemoteTableModel.h"

// ERP role mappings (GET /roles), one page at a time with a chosen page size.
class RolesModel : public RemoteTableModel
{
    Q_OBJECT
public:
    explicit RolesModel(ApiClient* client, QObject* parent = nullptr);
};
