#pragma once

#include "core/Domain.h"
#include "store/Database.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gh::services {

// Single-use, expiring account tokens (set password: 24 h, reset password: 1 h) and the emails that
// carry them. Emails are queued in the outbox table; the email job delivers them with the configured
// transport. Only the token's SHA-256 is stored.
class AccountMail
{
public:
    enum class Purpose
    {
        SetPassword,
        ResetPassword
    };

    static constexpr int kSetPasswordSeconds = 24 * 3600;
    static constexpr int kResetPasswordSeconds = 3600;

    struct Email
    {
        std::string to;
        std::string from; // empty: resolved by senderFor()
        std::string subject;
        std::string body;
        std::vector<core::Id> attachmentDocumentIds;
    };

    // Issues a new token for the user (earlier unused tokens of the same purpose stop working).
    static std::string issueToken(store::Connection& db, core::Id userId, Purpose purpose);
    // The user the token belongs to, if it is known, unused, unexpired and of this purpose; marks it
    // used, so a second call with the same token answers nothing.
    static std::optional<core::Id> consumeToken(store::Connection& db, const std::string& token, Purpose purpose);

    static core::Id queue(store::Connection& db, const Email& email);

    // The From address: the user's own sender, else the customer's, else the global sender (Lentune).
    // User and customer senders are read from the free field "sender_email".
    static std::string senderFor(store::Connection& db, const core::PortalUser* user, const core::Customer* customer);

    // Issue a token and queue the matching email; baseUrl is how browsers reach the portal. language:
    // "en" or "de" (core::PortalLanguage; the portal page's language when the person asked from the
    // portal). Each language has its built-in text; a template setting replaces the English one.
    static void sendSetPassword(store::Connection& db, const core::PortalUser& user, const std::string& baseUrl,
                                std::string_view language = "en");
    static void sendResetPassword(store::Connection& db, const core::PortalUser& user, const std::string& baseUrl,
                                  std::string_view language = "en");
    static void sendAlreadyRegistered(store::Connection& db, const core::PortalUser& user, const std::string& baseUrl,
                                      std::string_view language = "en");
    // The one-time code that lets the owner through a sign-in lock (SignInCodes).
    static void sendSignInCode(store::Connection& db, const core::PortalUser& user, const std::string& code,
                               const std::string& baseUrl);

    // "{{name}}" style placeholders: name, email, link, portal.
    static std::string render(const std::string& text, const std::map<std::string, std::string>& values);
};

} // namespace gh::services
