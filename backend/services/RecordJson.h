#pragma once

// The admin API's records as JSON (API.md's field names), both ways: what a GET answers and what the
// audit trail keeps as before/after, and the validated "set" of fields that an update or a changeset
// applies to a record.

#include "core/Domain.h"

#include <Poco/JSON/Object.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace gh::services {

// A problem with one field of a record ("set" in a changeset, or an update body): 422 naming it.
struct FieldProblem
{
    std::string field;
    std::string message;
};

class FieldProblems : public std::runtime_error
{
public:
    explicit FieldProblems(std::vector<FieldProblem> problems)
        : std::runtime_error("validation failed")
        , m_problems(std::move(problems))
    {
    }
    const std::vector<FieldProblem>& problems() const { return m_problems; }

private:
    std::vector<FieldProblem> m_problems;
};

Poco::JSON::Object::Ptr toJson(const core::Customer& customer);
Poco::JSON::Object::Ptr toJson(const core::Contact& contact);
Poco::JSON::Object::Ptr toJson(const core::PortalUser& user);
Poco::JSON::Object::Ptr toJson(const core::ErpRole& role);
Poco::JSON::Object::Ptr toJson(const core::AuditEvent& event);
// Compact JSON text; "" for a null object.
std::string stringify(const Poco::JSON::Object::Ptr& object);

// Applies the fields present in `set` to the record. Unknown or read-only fields and values of the
// wrong type are FieldProblems (all of them collected). "version" and the key are ignored here.
void applySet(core::Customer& customer, const Poco::JSON::Object& set);
void applySet(core::Contact& contact, const Poco::JSON::Object& set);
void applySet(core::PortalUser& user, const Poco::JSON::Object& set);
void applySet(core::ErpRole& role, const Poco::JSON::Object& set);

} // namespace gh::services
