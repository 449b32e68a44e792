#pragma once

#include "PortalAccess.h"
#include "Services.h"

#include <optional>
#include <string>
#include <vector>

namespace gh::services {

// The portal's account flows (SPEC §2): sign-in with throttling, registration, password reset and
// set password. No HTTP here; the routes map the outcomes onto API.md's answers.
class PortalAccounts
{
public:
    // Sign-in throttling: 10 failures in 15 minutes per account or per client address, and never more
    // than 100 per hour per account.
    static constexpr int kWindowSeconds = 15 * 60;
    static constexpr int kWindowFailures = 10;
    static constexpr int kHourFailures = 100;

    struct SignInResult
    {
        enum class Outcome
        {
            Ok,
            InvalidCredentials,
            Throttled
        } outcome
            = Outcome::InvalidCredentials;
        int retryAfterSeconds = 0;
        core::Id userId = 0;
    };
    // While throttled the password is still checked (the same work and the same answer either way): a
    // right one brings a one-time code by e-mail, and the right password with that `code` signs in
    // (SignInCodes), so whoever locked the account does not lock its owner out.
    static SignInResult signIn(Services& services, store::Connection& db, const std::string& email,
                               const std::string& password, const std::string& client, const std::string& code = {});

    struct RegistrationInput
    {
        std::string firstName, lastName, customerNumber, documentNumber, amount, email, confirmEmail;
        std::string language = "en"; // of the page the person registered on: the email's language
    };
    struct Problem
    {
        std::string field;
        std::string message;
    };
    struct RegistrationResult
    {
        // Ok also when the email already had an account (no enumeration; an email tells the owner).
        enum class Outcome
        {
            Ok,
            Invalid,
            UnknownCustomer,
            DocumentMismatch,
            NotAllowed,
            Throttled // too many failed attempts for the customer number or from the client (RegistrationThrottle)
        } outcome
            = Outcome::Ok;
        std::vector<Problem> problems;
        int retryAfterSeconds = 0;
    };
    static RegistrationResult registerUser(Services& services, store::Connection& db, const RegistrationInput& input,
                                           const std::string& client);

    // Records the request, the same work for every address (PasswordResets); the email job mails it
    // when an account that may use it exists, in the language of the page it was asked from.
    static void requestPasswordReset(Services& services, store::Connection& db, const std::string& email,
                                     std::string_view language = "en");

    struct SetPasswordResult
    {
        enum class Outcome
        {
            Ok,
            WeakPassword,
            InvalidToken
        } outcome
            = Outcome::Ok;
        std::vector<Problem> problems; // policy problems for WeakPassword
    };
    // The token may be a set-password or a reset-password token. On success: new Argon2id hash,
    // invited -> active, and every session of the user ends.
    static SetPasswordResult setPassword(Services& services, store::Connection& db, const std::string& token,
                                         const std::string& password);

private:
    static RegistrationResult registerChecked(Services& services, store::Connection& db, const RegistrationInput& in);
};

} // namespace gh::services
