#include "AccountMail.h"

#include "core/SecureRandom.h"
#include "core/SettingsCatalogue.h"
#include "core/Time.h"
#include "store/CustomerRepository.h"
#include "store/OutboxRepository.h"
#include "store/SettingRepository.h"
#include "store/UserTokenRepository.h"

#include <Poco/URI.h>

namespace gh::services {
namespace {

std::string_view purposeName(AccountMail::Purpose purpose)
{
    return purpose == AccountMail::Purpose::SetPassword ? "set_password" : "reset_password";
}

std::map<std::string, std::string> effectiveSettings(store::Connection& db)
{
    store::SettingRepository settings(db);
    return core::SettingsCatalogue::effective(settings.stored());
}

std::string displayName(const core::PortalUser& user)
{
    std::string name = user.firstName;
    if (!user.lastName.empty())
        name += (name.empty() ? "" : " ") + user.lastName;
    return name.empty() ? user.email : name;
}

std::string link(const std::string& baseUrl, const std::string& path, const std::string& token)
{
    std::string encoded;
    Poco::URI::encode(token, "+/=&?#", encoded);
    std::string base = baseUrl;
    while (!base.empty() && base.back() == '/')
        base.pop_back();
    return base + path + "?token=" + encoded;
}

// The built-in text of one email in one language.
struct Text
{
    const char* subject;
    const char* body;
};
struct Texts
{
    Text english;
    Text german;
    const Text& in(std::string_view language) const { return language == "de" ? german : english; }
};

const Texts kWelcome{{"Welcome to {{portal}}: set your password",
                      "Hello {{name}},\n\nan account for {{email}} has been set up in {{portal}}.\n"
                      "Set your password here (the link works once, for 24 hours):\n\n{{link}}\n"},
                     {"Willkommen bei {{portal}}: Passwort festlegen",
                      "Hallo {{name}},\n\nfür {{email}} wurde ein Konto bei {{portal}} eingerichtet.\n"
                      "Legen Sie hier Ihr Passwort fest (der Link gilt einmal, 24 Stunden lang):\n\n{{link}}\n"}};
const Texts kReset{
    {"{{portal}}: reset your password",
     "Hello {{name}},\n\nsomeone asked to reset the password of {{email}} in {{portal}}.\n"
     "Choose a new password here (the link works once, for 1 hour):\n\n{{link}}\n\n"
     "If it was not you, ignore this email; your password stays as it is.\n"},
    {"{{portal}}: Passwort zurücksetzen",
     "Hallo {{name}},\n\njemand hat angefordert, das Passwort von {{email}} bei {{portal}} zurückzusetzen.\n"
     "Wählen Sie hier ein neues Passwort (der Link gilt einmal, 1 Stunde lang):\n\n{{link}}\n\n"
     "Waren Sie das nicht, ignorieren Sie diese E-Mail; Ihr Passwort bleibt, wie es ist.\n"}};
const Texts kAlreadyRegistered{
    {"{{portal}}: you already have an account",
     "Hello {{name}},\n\nsomeone tried to register {{email}} in {{portal}}, but you already have an "
     "account.\nSign in at {{link}} or use \"Forgot password\" there if you need a new password.\n"},
    {"{{portal}}: Sie haben bereits ein Konto",
     "Hallo {{name}},\n\njemand wollte {{email}} bei {{portal}} registrieren, aber Sie haben bereits ein "
     "Konto.\nMelden Sie sich unter {{link}} an oder nutzen Sie dort „Passwort vergessen?“, wenn Sie ein neues "
     "Passwort brauchen.\n"}};

void sendTemplate(store::Connection& db, const core::PortalUser& user, const std::string& templateKey,
                  const Texts& texts, std::string_view language, const std::string& linkUrl)
{
    const Text& text = texts.in(language);
    const std::string defaultSubject = text.subject, defaultBody = text.body;
    const auto settings = effectiveSettings(db);
    const std::string portal = settings.at(std::string(core::settings::kPortalName));
    std::map<std::string, std::string> values
        = {{"name", displayName(user)}, {"email", user.email}, {"link", linkUrl}, {"portal", portal}};
    // A template setting is "Subject line\n\nBody"; empty means the built-in text.
    std::string subject = defaultSubject, body = defaultBody;
    static const std::string none;
    // The template setting is the English text (staff write it once); German keeps the built-in one.
    const std::string& custom = templateKey.empty() ? none : settings.at(templateKey); // "": built-in text only
    if (!custom.empty() && language != "de") {
        const auto split = custom.find("\n\n");
        subject = split == std::string::npos ? defaultSubject : custom.substr(0, split);
        body = split == std::string::npos ? custom : custom.substr(split + 2);
    }
    std::optional<core::Customer> customer;
    if (!user.customerNumber.empty())
        customer = store::CustomerRepository(db).findByNumber(user.customerNumber);
    AccountMail::Email email;
    email.to = user.email;
    email.from = AccountMail::senderFor(db, &user, customer ? &*customer : nullptr);
    email.subject = AccountMail::render(subject, values);
    email.body = AccountMail::render(body, values);
    AccountMail::queue(db, email);
}

} // namespace

std::string AccountMail::issueToken(store::Connection& db, core::Id userId, Purpose purpose)
{
    const std::int64_t now = core::nowSeconds();
    store::UserTokenRepository tokens(db);
    tokens.retire(userId, std::string(purposeName(purpose)), now);
    const std::string token = core::SecureRandom::token(32);
    const int ttl = purpose == Purpose::SetPassword ? kSetPasswordSeconds : kResetPasswordSeconds;
    tokens.insert(core::SecureRandom::digest(token), userId, std::string(purposeName(purpose)), now, now + ttl);
    return token;
}

std::optional<core::Id> AccountMail::consumeToken(store::Connection& db, const std::string& token, Purpose purpose)
{
    if (token.empty() || token.size() > 256)
        return std::nullopt;
    const std::int64_t now = core::nowSeconds();
    return store::UserTokenRepository(db).consume(core::SecureRandom::digest(token), std::string(purposeName(purpose)),
                                                  now);
}

core::Id AccountMail::queue(store::Connection& db, const Email& email)
{
    std::string attachments = "[";
    for (std::size_t i = 0; i < email.attachmentDocumentIds.size(); ++i)
        attachments += (i ? "," : "") + std::to_string(email.attachmentDocumentIds[i]);
    attachments += "]";
    std::string from = email.from;
    if (from.empty())
        from = senderFor(db, nullptr, nullptr);
    return store::OutboxRepository(db).queue(email.to, from, email.subject, email.body, attachments,
                                             core::nowRfc3339());
}

std::string AccountMail::senderFor(store::Connection& db, const core::PortalUser* user, const core::Customer* customer)
{
    (void)user; // portal users carry no sender of their own yet; the chain starts at the customer
    if (customer) {
        auto it = customer->freeFields.find("sender_email");
        if (it != customer->freeFields.end() && !it->second.empty())
            return it->second;
    }
    return effectiveSettings(db).at(std::string(core::settings::kEmailSender));
}

void AccountMail::sendSetPassword(store::Connection& db, const core::PortalUser& user, const std::string& baseUrl,
                                  std::string_view language)
{
    const std::string token = issueToken(db, user.id, Purpose::SetPassword);
    sendTemplate(db, user, "email.template.welcome", kWelcome, language, link(baseUrl, "/set-password", token));
}

void AccountMail::sendResetPassword(store::Connection& db, const core::PortalUser& user, const std::string& baseUrl,
                                    std::string_view language)
{
    const std::string token = issueToken(db, user.id, Purpose::ResetPassword);
    sendTemplate(db, user, "email.template.reset_password", kReset, language, link(baseUrl, "/reset-password", token));
}

void AccountMail::sendAlreadyRegistered(store::Connection& db, const core::PortalUser& user, const std::string& baseUrl,
                                        std::string_view language)
{
    std::string base = baseUrl;
    while (!base.empty() && base.back() == '/')
        base.pop_back();
    sendTemplate(db, user, "email.template.already_registered", kAlreadyRegistered, language, base + "/");
}

void AccountMail::sendSignInCode(store::Connection& db, const core::PortalUser& user, const std::string& code,
                                 const std::string& baseUrl)
{
    std::string base = baseUrl;
    while (!base.empty() && base.back() == '/')
        base.pop_back();
    // The code is no placeholder of a staff-editable template: it must always be in the mail. English only:
    // the sign-in request does not carry the page's language.
    const std::string body
        = "Hello {{name}},\n\nsign-in to {{email}} in {{portal}} is paused after several failed attempts, "
          "which may not have been yours. Your password was just entered correctly; to sign in now, enter it "
          "at {{link}} together with this code.\n\nYour sign-in code is "
        + code
        + " (it works once, for 15 minutes).\n\nIf it was not you who entered the password, change "
          "it: someone else knows it.\n";
    const Text text{"{{portal}}: your sign-in code", body.c_str()};
    sendTemplate(db, user, "", Texts{text, text}, "en", base + "/");
}

std::string AccountMail::render(const std::string& text, const std::map<std::string, std::string>& values)
{
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto open = text.find("{{", pos);
        if (open == std::string::npos) {
            out += text.substr(pos);
            break;
        }
        const auto close = text.find("}}", open + 2);
        if (close == std::string::npos) {
            out += text.substr(pos);
            break;
        }
        out += text.substr(pos, open - pos);
        const std::string key = text.substr(open + 2, close - open - 2);
        auto it = values.find(key);
        out += it != values.end() ? it->second : text.substr(open, close + 2 - open);
        pos = close + 2;
    }
    return out;
}

} // namespace gh::services
