#include "RegistrationThrottle.h"

#include "core/Domain.h"
#include "core/Text.h"
#include "core/Time.h"
#include "store/AuditRepository.h"
#include "store/RegistrationFailureRepository.h"

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <optional>
#include <sstream>

namespace gh::services {
namespace {

int secondsUntilFree(std::optional<std::int64_t> nth, std::int64_t now)
{
    if (!nth)
        return 0;
    return static_cast<int>(std::max<std::int64_t>(1, *nth + RegistrationThrottle::kWindowSeconds - now));
}

void audit(store::Connection& db, const std::string& client, const std::string& entity, const std::string& key,
           const std::string& action, const Poco::JSON::Object& after)
{
    std::ostringstream json;
    after.stringify(json);
    core::AuditEvent event;
    event.actor = client;
    event.actorKind = "system";
    event.entity = entity;
    event.entityKey = key;
    event.action = action;
    event.after = json.str();
    event.origin = core::Origin::Portal;
    store::AuditRepository(db).append(event);
}

} // namespace

std::string RegistrationThrottle::key(std::string_view typedNumber)
{
    std::string out(core::trim(typedNumber));
    for (char& c : out)
        c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return out.substr(0, 64);
}

RegistrationThrottle::Attempt RegistrationThrottle::begin(store::Connection& db, const std::string& customerKey,
                                                          const std::string& client)
{
    const std::int64_t now = core::nowSeconds();
    const std::int64_t since = now - kWindowSeconds;
    store::Transaction tx(db);
    store::RegistrationFailureRepository failures(db);
    Attempt attempt;
    attempt.retryAfterSeconds
        = std::max(secondsUntilFree(failures.nthRecentForCustomer(customerKey, since, kPerCustomerNumber), now),
                   secondsUntilFree(failures.nthRecentForClient(client, since, kPerClient), now));
    if (attempt.retryAfterSeconds > 0)
        return attempt;
    attempt.failureId = failures.record(customerKey, client, now, since);
    tx.commit();
    return attempt;
}

void RegistrationThrottle::succeeded(store::Connection& db, const Attempt& attempt)
{
    if (attempt.failureId == 0)
        return;
    store::Transaction tx(db);
    store::RegistrationFailureRepository(db).remove(attempt.failureId);
    tx.commit();
}

void RegistrationThrottle::failed(store::Connection& db, const Attempt& attempt, const std::string& customerKey,
                                  const std::string& client, const std::string& reason)
{
    if (attempt.failureId == 0)
        return;
    const std::int64_t since = core::nowSeconds() - kWindowSeconds;
    store::Transaction tx(db);
    store::RegistrationFailureRepository failures(db);
    Poco::JSON::Object after;
    after.set("reason", reason);
    after.set("client", client);
    audit(db, client, "customer", customerKey, "registration_failed", after);
    // The failure that reaches a limit: from now on this number (or address) is refused for a while.
    if (failures.countForCustomer(customerKey, since) >= kPerCustomerNumber) {
        Poco::JSON::Object limit;
        limit.set("failures", kPerCustomerNumber);
        limit.set("windowSeconds", kWindowSeconds);
        limit.set("client", client);
        audit(db, client, "customer", customerKey, "registration_throttled", limit);
    }
    if (failures.countForClient(client, since) >= kPerClient) {
        Poco::JSON::Object limit;
        limit.set("failures", kPerClient);
        limit.set("windowSeconds", kWindowSeconds);
        audit(db, client, "client_address", client, "registration_throttled", limit);
    }
    tx.commit();
}

} // namespace gh::services
