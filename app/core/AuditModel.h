#pragma once

#include "RemoteTableModel.h"

// Audit events (GET /audit-events): who changed what and when, before and after.
class AuditModel : public RemoteTableModel
{
    Q_OBJECT
public:
    explicit AuditModel(ApiClient* client, QObject* parent = nullptr);
};
