#include "RecordChecks.h"

#include "store/ContactRepository.h"
#include "store/CustomerRepository.h"
#include "store/RoleRepository.h"

#include <algorithm>

namespace gh::services {

std::vector<FieldProblem> RecordChecks::references(store::Connection& db, const core::PortalUser& user)
{
    std::vector<FieldProblem> problems;
    store::CustomerRepository customers(db);
    for (const auto& number : user.assignedCustomers) {
        if (!customers.exists(number))
            problems.push_back({"assignedCustomers", "unknown customer " + number});
    }
    if (!user.customerNumber.empty()
        && std::find(user.assignedCustomers.begin(), user.assignedCustomers.end(), user.customerNumber)
            == user.assignedCustomers.end())
        problems.push_back({"customerNumber", "must be one of the assigned customers"});
    store::RoleRepository roles(db);
    for (const auto& code : user.roles) {
        if (!roles.find(code))
            problems.push_back({"roles", "unknown role " + code});
    }
    if (user.contactId && !store::ContactRepository(db).exists(*user.contactId))
        problems.push_back({"contactId", "unknown contact " + std::to_string(*user.contactId)});
    return problems;
}

} // namespace gh::services
