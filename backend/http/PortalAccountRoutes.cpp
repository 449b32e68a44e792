// The portal's account endpoints: sign-in and sign-out, registration, password reset and set
// password (API.md "Portal API", SPEC §2). The flows themselves live in services::PortalAccounts.

#include "HttpError.h"
#include "PortalSupport.h"
#include "Request.h"
#include "Response.h"
#include "Routes.h"
#include "core/PortalLanguage.h"
#include "core/Text.h"
#include "services/PortalAccounts.h"

namespace gh::http {

void registerPortalDataRoutes(Router& router, services::Services& services);

namespace {

using services::PortalAccounts;

std::string path(const std::string& tail)
{
    return std::string(portal::kBase) + tail;
}

Poco::JSON::Array::Ptr problemsJson(const std::vector<PortalAccounts::Problem>& problems)
{
    Poco::JSON::Array::Ptr details(new Poco::JSON::Array);
    for (const auto& p : problems) {
        Poco::JSON::Object::Ptr d(new Poco::JSON::Object);
        d->set("field", p.field);
        d->set("message", p.message);
        details->add(d);
    }
    return details;
}

HttpError invalidCredentials()
{
    return HttpError(401, "invalid_credentials", "The email address or the password is not right.");
}

// The language of the page the request came from (the switch's cookie, else Accept-Language): the
// language of the email it causes.
std::string pageLanguage(const Request& request)
{
    return core::PortalLanguage::choose(request.cookie("gh_lang").value_or(""), request.header("Accept-Language"));
}

} // namespace

void registerPortalRoutes(Router& router, services::Services& services)
{
    auto& S = services;

    router.add("POST", path("/session"), [&S](Request& request, Response& response) {
        portal::refuseIfReadOnly(S, request);
        auto body = request.jsonBody();
        const auto email = portal::stringField(body, "email");
        const auto password = portal::stringField(body, "password");
        if (!email)
            throw HttpError::badField("email", "is required");
        if (!password)
            throw HttpError::badField("password", "is required");
        // The one-time code e-mailed to the owner of a locked account (optional).
        const std::string code = portal::stringField(body, "code").value_or("");
        if (email->size() > 254 || password->size() > 1024 || code.size() > 32)
            throw invalidCredentials();
        auto db = S.database().acquire();
        const auto result = PortalAccounts::signIn(S, *db, *email, *password, request.clientAddress(), code);
        if (result.outcome == PortalAccounts::SignInResult::Outcome::Throttled) {
            // The same words whether the password was right or not.
            HttpError error(429, "too_many_attempts",
                            "Too many failed sign-ins. Try again later. If you entered your right password, we have "
                            "e-mailed you a sign-in code: enter it together with your password to sign in now.");
            error.headers.emplace_back("Retry-After", std::to_string(result.retryAfterSeconds));
            throw error;
        }
        if (result.outcome != PortalAccounts::SignInResult::Outcome::Ok)
            throw invalidCredentials();
        auto ctx = services::PortalAccess::load(*db, result.userId);
        if (!ctx)
            throw invalidCredentials();
        const std::string csrf = portal::startSession(*db, request, response, *ctx);
        auto me = portal::meJson(*ctx, ctx->defaultCustomer(), csrf);
        response.sendJson(200, *me);
    });

    router.add("DELETE", path("/session"), [&S](Request& request, Response& response) {
        auto s = portal::requireSession(S, request, true);
        services::PortalSessions::end(s);
        portal::setSessionCookie(response, "", request.secure());
        response.sendEmpty(204);
    });

    router.add("POST", path("/registrations"), [&S](Request& request, Response& response) {
        portal::refuseIfReadOnly(S, request);
        auto body = request.jsonBody();
        PortalAccounts::RegistrationInput in;
        in.language = pageLanguage(request);
        std::vector<PortalAccounts::Problem> typeProblems;
        auto field = [&](const char* name, std::string& out) {
            if (body->has(name) && !body->get(name).isEmpty()) {
                const auto value = body->get(name);
                // The amount may come as a JSON number too; everything else must be a string.
                if (value.isString())
                    out = value.extract<std::string>();
                else if (std::string(name) == "amount" && value.isNumeric())
                    out = value.toString();
                else
                    typeProblems.push_back({name, "must be text"});
            }
        };
        field("firstName", in.firstName);
        field("lastName", in.lastName);
        field("customerNumber", in.customerNumber);
        field("documentNumber", in.documentNumber);
        field("amount", in.amount);
        field("email", in.email);
        field("confirmEmail", in.confirmEmail);
        if (!typeProblems.empty())
            throw HttpError(422, "validation_failed", "Some fields are not valid.", problemsJson(typeProblems));
        auto db = S.database().acquire();
        const auto result = PortalAccounts::registerUser(S, *db, in, request.clientAddress());
        using Outcome = PortalAccounts::RegistrationResult::Outcome;
        switch (result.outcome) {
        case Outcome::Ok:
            break;
        case Outcome::Throttled: {
            HttpError error(429, "too_many_attempts", "Too many failed registration attempts. Try again later.");
            error.headers.emplace_back("Retry-After", std::to_string(result.retryAfterSeconds));
            throw error;
        }
        case Outcome::Invalid:
            throw HttpError(422, "validation_failed", "Some fields are missing or not valid.",
                            problemsJson(result.problems));
        case Outcome::UnknownCustomer:
            throw HttpError(422, "unknown_customer", "There is no customer with this number.",
                            problemsJson(result.problems));
        case Outcome::DocumentMismatch:
            throw HttpError(422, "document_mismatch",
                            "The document number and amount do not match an invoice or order of this customer.",
                            problemsJson(result.problems));
        case Outcome::NotAllowed:
            throw HttpError(422, "registration_not_allowed",
                            "Registration is not available for this customer. Please contact us.",
                            problemsJson(result.problems));
        }
        Poco::JSON::Object answer;
        answer.set("message",
                   "Thank you. We have sent an email to " + std::string(core::trim(in.email))
                       + " with a link to set your password.");
        response.sendJson(202, answer);
    });

    router.add("POST", path("/password-resets"), [&S](Request& request, Response& response) {
        portal::refuseIfReadOnly(S, request);
        auto body = request.jsonBody();
        const auto email = portal::stringField(body, "email");
        if (!email || core::trim(*email).empty()) {
            Poco::JSON::Array::Ptr details(new Poco::JSON::Array);
            Poco::JSON::Object::Ptr d(new Poco::JSON::Object);
            d->set("field", "email");
            d->set("message", "is required");
            details->add(d);
            throw HttpError(422, "validation_failed", "Enter your email address.", details);
        }
        {
            auto db = S.database().acquire();
            PortalAccounts::requestPasswordReset(S, *db, *email, pageLanguage(request));
        }
        Poco::JSON::Object answer;
        answer.set("message",
                   "If there is an account associated with " + std::string(core::trim(*email))
                       + " you will receive an email with a link to reset your password.");
        response.sendJson(202, answer);
    });

    router.add("PUT", path("/password"), [&S](Request& request, Response& response) {
        portal::refuseIfReadOnly(S, request);
        auto body = request.jsonBody();
        const std::string token = portal::stringField(body, "token").value_or("");
        const std::string password = portal::stringField(body, "password").value_or("");
        auto db = S.database().acquire();
        const auto result = PortalAccounts::setPassword(S, *db, token, password);
        using Outcome = PortalAccounts::SetPasswordResult::Outcome;
        if (result.outcome == Outcome::WeakPassword) {
            const auto policy = services::PortalAccess::passwordPolicy(services::PortalAccess::effectiveSettings(*db));
            throw HttpError(422, "weak_password", policy.describe(), problemsJson(result.problems));
        }
        if (result.outcome == Outcome::InvalidToken)
            throw HttpError(422, "invalid_token",
                            "This link is not valid any more. Ask for a new one with \"Forgot password\".",
                            problemsJson({{"token", "is unknown, used or expired"}}));
        response.sendEmpty(204);
    });

    registerPortalDataRoutes(router, services);
}

} // namespace gh::http
