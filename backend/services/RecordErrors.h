#pragma once

// What the admin services answer when a change cannot be made; the HTTP layer turns each into its
// status and error body (404, 409 stale_version, 409 duplicate, 409 for an action that does not
// apply, 422 validation_failed).

#include "RecordJson.h"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace gh::services {

// No such record (message: "No customer C1.").
class RecordNotFound : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// The record was changed (or deleted) by someone else since the caller read it.
class StaleRecord : public std::runtime_error
{
public:
    StaleRecord(std::string entityName, std::string recordKey)
        : std::runtime_error("stale " + entityName + " " + recordKey)
        , entity(std::move(entityName))
        , key(std::move(recordKey))
    {
    }
    std::string entity;
    std::string key;
};

// Another record already has this unique value.
class DuplicateRecord : public std::runtime_error
{
public:
    DuplicateRecord(std::string entityName, std::string fieldName, std::string fieldValue)
        : std::runtime_error("duplicate " + entityName)
        , entity(std::move(entityName))
        , field(std::move(fieldName))
        , value(std::move(fieldValue))
    {
    }
    std::string entity; // as said to people: "portal user"
    std::string field;
    std::string value;
};

// An action that does not fit the record's state, e.g. inviting a user who is already active
// (code "already_active"; send a password reset instead).
class ActionNotApplicable : public std::runtime_error
{
public:
    ActionNotApplicable(std::string errorCode, const std::string& message)
        : std::runtime_error(message)
        , code(std::move(errorCode))
    {
    }
    std::string code;
};

// A changeset that was not applied: records changed by someone else, or changes that are not valid.
class ChangesetRejected : public std::runtime_error
{
public:
    struct Stale
    {
        std::size_t index = 0;
        std::string entity;
        std::string key;
        std::int64_t version = 0;
        std::optional<std::int64_t> currentVersion; // nullopt: deleted
    };
    struct Problem
    {
        std::size_t index = 0;
        FieldProblem problem;
    };
    ChangesetRejected(std::vector<Stale> staleRecords, std::vector<Problem> invalidFields)
        : std::runtime_error("changeset rejected")
        , stale(std::move(staleRecords))
        , problems(std::move(invalidFields))
    {
    }
    std::vector<Stale> stale; // when not empty, the answer is about these
    std::vector<Problem> problems;
};

} // namespace gh::services
