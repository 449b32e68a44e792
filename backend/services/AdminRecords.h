#pragma once

// The admin API's record use cases other than updates (those are RecordUpdate): reading, listing,
// creating and deleting customers' contacts, portal users and ERP roles, and the portal-user actions
// (invite, reset password, disable, enable, unlock). Each change is one transaction with its audit
// event. Failures are RecordNotFound, StaleRecord, DuplicateRecord and FieldProblems.

#include "AdminAudit.h"
#include "store/AdminListRepository.h"
#include "store/Database.h"

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

namespace gh::services {

class Services;

class AdminRecords
{
public:
    static core::Customer customer(store::Connection& db, const std::string& number);
    static core::Contact contact(store::Connection& db, core::Id id);
    static core::PortalUser portalUser(store::Connection& db, core::Id id);
    static core::ErpRole role(store::Connection& db, const std::string& code);

    static store::Page<core::Customer> customers(store::Connection& db, const store::CustomerFilter& filter,
                                                 store::PageRequest page);
    // The contacts of one customer (RecordNotFound when there is no such customer).
    static store::Page<core::Contact> contacts(store::Connection& db, const std::string& customerNumber,
                                               const store::ContactFilter& filter, store::PageRequest page);
    static store::Page<core::PortalUser> portalUsers(store::Connection& db, const store::PortalUserFilter& filter,
                                                     store::PageRequest page);
    struct RoleFilter
    {
        std::string q; // lower case; code or description contains
        std::optional<std::string> code;
        std::optional<core::Process> process;
        std::optional<core::Section> module;
        std::optional<bool> noAccess;
        store::SortKey sort{"code"};
    };
    static store::Page<core::ErpRole> roles(store::Connection& db, const RoleFilter& filter, store::PageRequest page);

    // `set` holds the new record's fields (validated by applySet).
    static core::Contact createContact(store::Connection& db, const StaffActor& actor,
                                       const std::string& customerNumber, const Poco::JSON::Object& set);
    // version: when given, it must be the stored one (StaleRecord otherwise).
    static void deleteContact(store::Connection& db, const StaffActor& actor, core::Id id,
                              const std::optional<std::string>& version);
    // invite: also queue the set-password email (the caller wakes the email job after).
    static core::PortalUser createPortalUser(store::Connection& db, const StaffActor& actor,
                                             const Poco::JSON::Object& set, bool invite, const std::string& publicUrl);
    static void deletePortalUser(store::Connection& db, const StaffActor& actor, core::Id id);
    // action: invite, reset-password, disable, enable or unlock. Returns the stored user.
    static core::PortalUser portalUserAction(store::Connection& db, const StaffActor& actor, core::Id id,
                                             const std::string& action, const std::string& publicUrl);
    // Whether the action queues an email (so the email job should be woken).
    static bool actionQueuesEmail(const std::string& action);
    static core::ErpRole createRole(store::Connection& db, const StaffActor& actor, const std::string& code,
                                    const Poco::JSON::Object& set);
    static void deleteRole(store::Connection& db, const StaffActor& actor, const std::string& code,
                           const std::optional<std::string>& version);
};

} // namespace gh::services
