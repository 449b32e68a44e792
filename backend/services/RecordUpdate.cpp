#include "RecordUpdate.h"

#include "RecordChecks.h"
#include "RecordErrors.h"
#include "RecordJson.h"
#include "store/ContactRepository.h"
#include "store/CustomerRepository.h"
#include "store/PortalUserRepository.h"
#include "store/RoleRepository.h"

#include <functional>
#include <optional>

namespace gh::services {
namespace {

core::Id numericKey(const std::string& key)
{
    if (key.empty() || key.size() > 15 || key.find_first_not_of("0123456789") != std::string::npos)
        return 0;
    return std::stoll(key);
}

// A rule that spans records, broken by the changed record: a FieldProblem, or (duplicate) a unique
// value that another record holds, which a single update answers as 409 duplicate.
struct Conflict
{
    FieldProblem problem;
    std::optional<DuplicateRecord> duplicate;
};

// What the update path needs to know of each kind of record.
template <typename Record> struct Kind;

template <> struct Kind<core::Customer>
{
    static constexpr const char* entity = "customer";
    static std::optional<core::Customer> find(store::Connection& db, const std::string& key)
    {
        return store::CustomerRepository(db).findByNumber(key);
    }
    static std::string keyOf(const core::Customer& c) { return c.number; }
    static std::string notFound(const std::string& key) { return "No customer " + key + "."; }
    static bool save(store::Connection& db, const core::Customer& c) { return store::CustomerRepository(db).update(c); }
    static std::vector<Conflict> check(store::Connection&, const core::Customer&, const core::Customer&) { return {}; }
};

template <> struct Kind<core::Contact>
{
    static constexpr const char* entity = "contact";
    static std::optional<core::Contact> find(store::Connection& db, const std::string& key)
    {
        return store::ContactRepository(db).findById(numericKey(key));
    }
    static std::string keyOf(const core::Contact& k) { return std::to_string(k.id); }
    static std::string notFound(const std::string& key) { return "No contact " + key + "."; }
    static bool save(store::Connection& db, const core::Contact& k) { return store::ContactRepository(db).update(k); }
    static std::vector<Conflict> check(store::Connection& db, const core::Contact& before, const core::Contact& after)
    {
        if (after.email != before.email && store::ContactRepository(db).findByEmail(after.customerId, after.email))
            return {{{"email", "another contact of this customer has this email"},
                     DuplicateRecord("contact", "email", after.email)}};
        return {};
    }
};

template <> struct Kind<core::PortalUser>
{
    static constexpr const char* entity = "portal_user";
    static std::optional<core::PortalUser> find(store::Connection& db, const std::string& key)
    {
        return store::PortalUserRepository(db).findById(numericKey(key));
    }
    static std::string keyOf(const core::PortalUser& u) { return std::to_string(u.id); }
    static std::string notFound(const std::string& key) { return "No portal user " + key + "."; }
    static bool save(store::Connection& db, const core::PortalUser& u)
    {
        return store::PortalUserRepository(db).update(u);
    }
    static std::vector<Conflict> check(store::Connection& db, const core::PortalUser& before,
                                       const core::PortalUser& after)
    {
        std::vector<Conflict> out;
        for (auto& problem : RecordChecks::references(db, after))
            out.push_back({std::move(problem), std::nullopt});
        if (after.email != before.email && store::PortalUserRepository(db).findByEmail(after.email))
            out.push_back({{"email", "another portal user has this email"},
                           DuplicateRecord("portal user", "email", after.email)});
        return out;
    }
};

template <> struct Kind<core::ErpRole>
{
    static constexpr const char* entity = "role";
    static std::optional<core::ErpRole> find(store::Connection& db, const std::string& key)
    {
        return store::RoleRepository(db).find(key);
    }
    static std::string keyOf(const core::ErpRole& r) { return r.code; }
    static std::string notFound(const std::string& key) { return "No role " + key + "."; }
    static bool save(store::Connection& db, const core::ErpRole& r) { return store::RoleRepository(db).update(r); }
    static std::vector<Conflict> check(store::Connection&, const core::ErpRole&, const core::ErpRole&) { return {}; }
};

// Save -> reload -> audit: the end of every update. Throws StaleRecord when the save lost a race.
template <typename Record>
Poco::JSON::Object::Ptr write(store::Connection& db, const StaffActor& actor, const std::string& key,
                              const Poco::JSON::Object::Ptr& before, const Record& after)
{
    if (!Kind<Record>::save(db, after))
        throw StaleRecord(Kind<Record>::entity, key);
    auto stored = toJson(*Kind<Record>::find(db, Kind<Record>::keyOf(after)));
    AdminAudit::record(db, actor, Kind<Record>::entity, key, "update", before, stored);
    return stored;
}

template <typename Record>
Poco::JSON::Object::Ptr updateOne(store::Connection& db, const StaffActor& actor, const std::string& key,
                                  std::int64_t version, const Poco::JSON::Object& set)
{
    store::Transaction tx(db);
    const auto before = Kind<Record>::find(db, key);
    if (!before)
        throw RecordNotFound(Kind<Record>::notFound(key));
    const std::string storedKey = Kind<Record>::keyOf(*before);
    if (before->version != version)
        throw StaleRecord(Kind<Record>::entity, storedKey);
    auto after = *before;
    applySet(after, set);
    std::vector<FieldProblem> problems;
    std::optional<DuplicateRecord> duplicate;
    for (auto& conflict : Kind<Record>::check(db, *before, after)) {
        if (conflict.duplicate)
            duplicate = duplicate ? duplicate : conflict.duplicate;
        else
            problems.push_back(std::move(conflict.problem));
    }
    if (!problems.empty())
        throw FieldProblems(problems);
    if (duplicate)
        throw *duplicate;
    auto stored = write(db, actor, storedKey, toJson(*before), after);
    tx.commit();
    return stored;
}

// One change of a changeset, checked: its record's current version (nullopt: no such record), its
// problems, and how to write it once the whole changeset is known to be good.
struct Checked
{
    std::optional<std::int64_t> current;
    std::vector<FieldProblem> problems;
    std::function<Poco::JSON::Object::Ptr()> write;
};

template <typename Record>
Checked check(store::Connection& db, const StaffActor& actor, const RecordUpdate::Change& change)
{
    Checked out;
    auto record = Kind<Record>::find(db, change.key);
    if (!record)
        return out;
    out.current = record->version;
    const auto before = toJson(*record);
    try {
        const auto original = *record;
        applySet(*record, *change.set);
        for (auto& conflict : Kind<Record>::check(db, original, *record))
            out.problems.push_back(std::move(conflict.problem));
    } catch (const FieldProblems& problems) {
        out.problems = problems.problems();
    }
    out.write
        = [&db, &actor, key = change.key, before, after = *record] { return write(db, actor, key, before, after); };
    return out;
}

Checked checkChange(store::Connection& db, const StaffActor& actor, const RecordUpdate::Change& change)
{
    if (change.entity == "customer")
        return check<core::Customer>(db, actor, change);
    if (change.entity == "contact")
        return check<core::Contact>(db, actor, change);
    if (change.entity == "portal_user")
        return check<core::PortalUser>(db, actor, change);
    return check<core::ErpRole>(db, actor, change);
}

} // namespace

bool RecordUpdate::knownEntity(const std::string& entity)
{
    return entity == "customer" || entity == "contact" || entity == "portal_user" || entity == "role";
}

Poco::JSON::Object::Ptr RecordUpdate::update(store::Connection& db, const StaffActor& actor, const std::string& entity,
                                             const std::string& key, std::int64_t version,
                                             const Poco::JSON::Object& set)
{
    if (entity == "customer")
        return updateOne<core::Customer>(db, actor, key, version, set);
    if (entity == "contact")
        return updateOne<core::Contact>(db, actor, key, version, set);
    if (entity == "portal_user")
        return updateOne<core::PortalUser>(db, actor, key, version, set);
    return updateOne<core::ErpRole>(db, actor, key, version, set);
}

Poco::JSON::Array::Ptr RecordUpdate::applyChangeset(store::Connection& db, const StaffActor& actor,
                                                    const std::vector<Change>& changes)
{
    store::Transaction tx(db);
    std::vector<ChangesetRejected::Stale> stale;
    std::vector<ChangesetRejected::Problem> problems;
    std::vector<std::pair<const Change*, Checked>> checked;
    for (const auto& change : changes) {
        auto one = checkChange(db, actor, change);
        for (auto& problem : one.problems)
            problems.push_back({change.index, std::move(problem)});
        if (one.current.value_or(-1) != change.version)
            stale.push_back({change.index, change.entity, change.key, change.version, one.current});
        checked.emplace_back(&change, std::move(one));
    }
    if (!stale.empty() || !problems.empty())
        throw ChangesetRejected(std::move(stale), std::move(problems));
    Poco::JSON::Array::Ptr records(new Poco::JSON::Array);
    for (auto& [change, one] : checked) {
        if (!one.write) // no such record, and a version of -1 that matched "none"
            throw StaleRecord(change->entity, change->key);
        records->add(one.write());
    }
    tx.commit();
    return records;
}

} // namespace gh::services
