#include "PortalAccounts.h"

#include "AccountMail.h"
#include "PasswordResets.h"
#include "RegistrationThrottle.h"
#include "SignInCodes.h"
#include "core/SecureRandom.h"
#include "core/Text.h"
#include "core/Time.h"
#include "store/AuditRepository.h"
#include "store/ContactRepository.h"
#include "store/CustomerRepository.h"
#include "store/InvoiceRepository.h"
#include "store/OrderRepository.h"
#include "store/PortalSessionRepository.h"
#include "store/PortalUserRepository.h"
#include "store/SignInFailureRepository.h"

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <sstream>

namespace gh::services {
namespace {

// Seconds until the n-th most recent failure leaves the window, if there are n failures in it.
std::optional<int> retryAfter(std::optional<std::int64_t> nth, std::int64_t window, std::int64_t now)
{
    if (!nth)
        return std::nullopt;
    return static_cast<int>(std::max<std::int64_t>(1, *nth + window - now + 1));
}

std::string baseUrl(Services& services)
{
    return services.options().publicUrl;
}

void audit(store::Connection& db, const std::string& actor, const std::string& entity, const std::string& key,
           const std::string& action, const std::string& after)
{
    core::AuditEvent event;
    event.actor = actor;
    event.actorKind = "portal_user";
    event.entity = entity;
    event.entityKey = key;
    event.action = action;
    event.after = after;
    event.origin = core::Origin::Portal;
    store::AuditRepository(db).append(event);
}

} // namespace

PortalAccounts::SignInResult PortalAccounts::signIn(Services& services, store::Connection& db, const std::string& email,
                                                    const std::string& password, const std::string& client,
                                                    const std::string& code)
{
    SignInResult result;
    const std::string account = core::toLowerAscii(core::trim(email));
    const std::int64_t now = core::nowSeconds();
    store::SignInFailureRepository failures(db);
    {
        int wait = 0;
        for (auto seconds : {retryAfter(failures.nthRecentForAccount(account, now - kWindowSeconds, kWindowFailures),
                                        kWindowSeconds, now),
                             retryAfter(failures.nthRecentForClient(client, now - kWindowSeconds, kWindowFailures),
                                        kWindowSeconds, now),
                             retryAfter(failures.nthRecentForAccount(account, now - 3600, kHourFailures), 3600, now)}) {
            if (seconds)
                wait = std::max(wait, *seconds);
        }
        if (wait > 0) {
            result.outcome = SignInResult::Outcome::Throttled;
            result.retryAfterSeconds = wait;
            auto user = store::PortalUserRepository(db).findByEmail(account);
            bool right = false;
            if (user && !user->passwordHash.empty() && services.hasher().verify(user->passwordHash, password)) {
                auto ctx = PortalAccess::load(db, user->id);
                right = ctx
                    && ctx->rules.maySignIn(ctx->user, ctx->roles, ctx->assigned) == core::AccessRules::SignIn::Allowed;
            } else if (!user || user->passwordHash.empty()) {
                services.hasher().verifyDummy(password); // the same work as a wrong password
            }
            if (!right)
                return result;
            if (code.empty()) {
                SignInCodes::offer(services, db, *user);
                return result;
            }
            if (!SignInCodes::redeem(db, user->id, code))
                return result;
            failures.clearAccount(account);
            result.outcome = SignInResult::Outcome::Ok;
            result.retryAfterSeconds = 0;
            result.userId = user->id;
            return result;
        }
    }

    bool ok = false;
    auto user = store::PortalUserRepository(db).findByEmail(account);
    if (!user) {
        services.hasher().verifyDummy(password); // the same work as a wrong password
    } else if (!user->passwordHash.empty() && services.hasher().verify(user->passwordHash, password)) {
        auto ctx = PortalAccess::load(db, user->id);
        ok = ctx && ctx->rules.maySignIn(ctx->user, ctx->roles, ctx->assigned) == core::AccessRules::SignIn::Allowed;
    } else if (user->passwordHash.empty()) {
        services.hasher().verifyDummy(password);
    }
    if (!ok) {
        failures.record(account, client, now);
        return result;
    }
    failures.clearAccount(account);
    result.outcome = SignInResult::Outcome::Ok;
    result.userId = user->id;
    return result;
}

PortalAccounts::RegistrationResult PortalAccounts::registerUser(Services& services, store::Connection& db,
                                                                const RegistrationInput& in, const std::string& client)
{
    using Outcome = RegistrationResult::Outcome;
    const std::string key = RegistrationThrottle::key(in.customerNumber);
    const auto attempt = RegistrationThrottle::begin(db, key, client);
    if (attempt.retryAfterSeconds > 0) {
        RegistrationResult refused;
        refused.outcome = Outcome::Throttled;
        refused.retryAfterSeconds = attempt.retryAfterSeconds;
        return refused;
    }
    auto result = registerChecked(services, db, in);
    switch (result.outcome) {
    case Outcome::Ok:
    case Outcome::Invalid: // a form not filled in is no guess
    case Outcome::Throttled:
        RegistrationThrottle::succeeded(db, attempt);
        break;
    case Outcome::UnknownCustomer:
        RegistrationThrottle::failed(db, attempt, key, client, "unknown_customer");
        break;
    case Outcome::DocumentMismatch:
        RegistrationThrottle::failed(db, attempt, key, client, "document_mismatch");
        break;
    case Outcome::NotAllowed:
        RegistrationThrottle::failed(db, attempt, key, client, "registration_not_allowed");
        break;
    }
    return result;
}

PortalAccounts::RegistrationResult PortalAccounts::registerChecked(Services& services, store::Connection& db,
                                                                   const RegistrationInput& in)
{
    RegistrationResult result;
    auto invalid = [&](const std::string& field, const std::string& message) {
        result.problems.push_back({field, message});
    };
    const std::pair<const char*, const std::string*> required[]
        = {{"firstName", &in.firstName},           {"lastName", &in.lastName}, {"customerNumber", &in.customerNumber},
           {"documentNumber", &in.documentNumber}, {"amount", &in.amount},     {"email", &in.email},
           {"confirmEmail", &in.confirmEmail}};
    for (const auto& [field, value] : required) {
        if (core::trim(*value).empty())
            invalid(field, "is required");
        else if (value->size() > 200 || !core::isValidUtf8(*value))
            invalid(field, "is too long or not valid text");
    }
    const std::string email = core::toLowerAscii(core::trim(in.email));
    if (!email.empty() && !core::looksLikeEmail(email))
        invalid("email", "is not a valid email address");
    if (!in.confirmEmail.empty() && !core::equalsIgnoreCaseAscii(core::trim(in.confirmEmail), email))
        invalid("confirmEmail", "does not match the email address");
    const auto amount = core::Money::parse(in.amount);
    if (!in.amount.empty() && !amount)
        invalid("amount", "is not an amount (for example 1234.50)");
    if (!result.problems.empty()) {
        result.outcome = RegistrationResult::Outcome::Invalid;
        return result;
    }

    store::Transaction tx(db);
    store::CustomerRepository customers(db);
    const std::string number(core::trim(in.customerNumber));
    auto customer = customers.findByNumber(number);
    if (!customer) {
        result.outcome = RegistrationResult::Outcome::UnknownCustomer;
        result.problems.push_back({"customerNumber", "There is no customer with this number."});
        return result;
    }
    const auto settings = PortalAccess::effectiveSettings(db);
    const core::AccessRules rules(core::AccessSettings::fromSettings(settings));
    auto notAllowed = [&result]() {
        result.outcome = RegistrationResult::Outcome::NotAllowed;
        result.problems.push_back({"customerNumber", "Registration is not available for this customer."});
        return result;
    };
    if (!rules.customerMayRegister(*customer))
        return notAllowed();
    const std::string documentNumber(core::trim(in.documentNumber));
    bool matches = false;
    {
        const auto invoiced = store::InvoiceRepository(db).amountOf(customer->id, documentNumber);
        matches = invoiced && *invoiced == *amount;
    }
    if (!matches) {
        // Orders carry no amount of their own; an order matches through the invoices raised for it.
        const auto invoiced = store::OrderRepository(db).invoicedAmount(customer->id, documentNumber);
        matches = invoiced && *invoiced == *amount;
    }
    if (!matches) {
        result.outcome = RegistrationResult::Outcome::DocumentMismatch;
        result.problems.push_back(
            {"documentNumber", "The document number and amount do not match an invoice or order of this customer."});
        return result;
    }
    // Only now anything about the contact: a wrong document must not tell which e-mails are contacts.
    store::ContactRepository contacts(db);
    auto contact = contacts.findByEmail(customer->id, email);
    if (contact && !contact->canRegister)
        return notAllowed();

    store::PortalUserRepository users(db);
    if (auto existing = users.findByEmail(email)) {
        tx.commit();
        AccountMail::sendAlreadyRegistered(db, *existing, baseUrl(services), in.language);
        services.outboxChanged();
        return result;
    }

    // The first user of the customer (or of its STAT family) becomes its account admin.
    bool first = true;
    std::vector<core::Customer> family
        = customer->hasStatId() ? customers.statFamily(customer->statId) : std::vector<core::Customer>{*customer};
    for (const auto& member : family) {
        if (users.anyAssignedTo(member.id)) {
            first = false;
            break;
        }
    }
    const core::SectionSet sections = first
        ? core::SectionSet::all()
        : core::SectionSet{core::Section::AccountSummary, core::Section::InvoicesView, core::Section::OrdersView};

    core::Contact k;
    if (contact) {
        k = *contact;
    } else {
        k.customerId = customer->id;
        k.customerNumber = customer->number;
        k.firstName = std::string(core::trim(in.firstName));
        k.lastName = std::string(core::trim(in.lastName));
        k.email = email;
        k.canRegister = true;
        k.sections = sections;
        k.isAccountAdmin = first;
        k.id = contacts.insert(k);
    }

    core::PortalUser user;
    user.email = email;
    user.firstName = std::string(core::trim(in.firstName));
    user.lastName = std::string(core::trim(in.lastName));
    user.status = core::PortalUserStatus::Invited;
    user.kind = core::PortalUserKind::External;
    user.contactId = k.id;
    user.customerNumber = customer->number;
    user.assignedCustomers = {customer->number};
    user.sections = sections;
    user.isAdmin = first;
    user.makePayment = k.makePayment;
    try {
        user.id = users.insert(user);
    } catch (const store::DatabaseError& e) {
        if (e.kind() != store::DatabaseError::Kind::Constraint)
            throw;
        // Registered a moment ago by a parallel request: answer as for any existing account.
        return result;
    }
    Poco::JSON::Object after;
    after.set("email", email);
    after.set("customerNumber", customer->number);
    after.set("status", "invited");
    after.set("isAdmin", first);
    after.set("sections", core::joinList(sections.keys(), '|'));
    std::ostringstream json;
    after.stringify(json);
    audit(db, email, "portal_user", email, "register", json.str());
    AccountMail::sendSetPassword(db, user, baseUrl(services), in.language);
    tx.commit();
    services.outboxChanged();
    return result;
}

void PortalAccounts::requestPasswordReset(Services& services, store::Connection& db, const std::string& email,
                                          std::string_view language)
{
    PasswordResets::request(services, db, email, language);
}

PortalAccounts::SetPasswordResult PortalAccounts::setPassword(Services& services, store::Connection& db,
                                                              const std::string& token, const std::string& password)
{
    SetPasswordResult result;
    const auto policy = PortalAccess::passwordPolicy(PortalAccess::effectiveSettings(db));
    const auto problems = policy.check(password);
    if (!problems.empty()) {
        result.outcome = SetPasswordResult::Outcome::WeakPassword;
        for (auto problem : problems)
            result.problems.push_back({"password", policy.problemMessage(problem)});
        return result;
    }
    // Hash outside the write transaction: Argon2 takes tens of milliseconds.
    const std::string hash = services.hasher().hash(password);
    store::Transaction tx(db);
    auto userId = AccountMail::consumeToken(db, token, AccountMail::Purpose::SetPassword);
    if (!userId)
        userId = AccountMail::consumeToken(db, token, AccountMail::Purpose::ResetPassword);
    store::PortalUserRepository users(db);
    auto user = userId ? users.findById(*userId) : std::nullopt;
    if (!user) {
        result.outcome = SetPasswordResult::Outcome::InvalidToken;
        return result;
    }
    users.setPasswordHash(user->id, hash);
    if (user->status == core::PortalUserStatus::Invited)
        users.setStatus(user->id, core::PortalUserStatus::Active);
    store::PortalSessionRepository(db).removeForUser(user->id);
    audit(db, user->email, "portal_user", user->email, "set_password", "");
    tx.commit();
    return result;
}

} // namespace gh::services
