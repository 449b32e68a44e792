#pragma once

// The one update path of the admin records (customers, contacts, portal users, ERP roles): check the
// version, apply the validated fields, check what spans records, save, reload, audit. A single
// update (PATCH/PUT) and the desktop app's changesets both go through it.

#include "AdminAudit.h"
#include "store/Database.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <string>
#include <vector>

namespace gh::services {

class RecordUpdate
{
public:
    // entity: customer, contact, portal_user or role.
    static bool knownEntity(const std::string& entity);

    // One record in its own transaction. Throws RecordNotFound, StaleRecord (version differs),
    // FieldProblems, DuplicateRecord. Returns the stored record.
    static Poco::JSON::Object::Ptr update(store::Connection& db, const StaffActor& actor, const std::string& entity,
                                          const std::string& key, std::int64_t version, const Poco::JSON::Object& set);

    struct Change
    {
        std::size_t index = 0;
        std::string entity;
        std::string key;
        std::int64_t version = 0;
        Poco::JSON::Object::Ptr set;
    };
    // All or nothing in one transaction: every change is checked first (ChangesetRejected lists
    // the stale records, else the invalid fields), then all are written. Returns the stored records.
    static Poco::JSON::Array::Ptr applyChangeset(store::Connection& db, const StaffActor& actor,
                                                 const std::vector<Change>& changes);
};

} // namespace gh::services
