#pragma once

// Rules of the admin records that span more than one record.

#include "RecordJson.h"
#include "store/Database.h"

#include <vector>

namespace gh::services {

class RecordChecks
{
public:
    // The portal user's assigned customers, current customer, roles and contact exist and agree.
    static std::vector<FieldProblem> references(store::Connection& db, const core::PortalUser& user);
};

} // namespace gh::services
