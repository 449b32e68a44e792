#pragma once

#include "RemoteTableModel.h"

// Scheduled and recent jobs (GET /jobs).
class JobsModel : public RemoteTableModel
{
    Q_OBJECT
public:
    explicit JobsModel(ApiClient* client, QObject* parent = nullptr);
};
