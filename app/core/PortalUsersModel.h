#pragma once

#include "RemoteTableModel.h"

// Portal users (GET /portal-users), read-only in the table; edits go through PortalUserDialog.
class PortalUsersModel : public RemoteTableModel
{
    Q_OBJECT
public:
    explicit PortalUsersModel(ApiClient* client, QObject* parent = nullptr);
};
