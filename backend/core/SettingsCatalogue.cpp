#include "SettingsCatalogue.h"

#include "Sections.h"
#include "Text.h"

#include <charconv>

namespace gh::core {

const std::vector<SettingsCatalogue::Definition>& SettingsCatalogue::definitions()
{
    using T = Type;
    static const std::vector<Definition> defs = {
        // General
        {settings::kCustomerSelectionMode, T::Choice, "customer", "Customer selection mode", {"customer", "payer"}},
        {settings::kInternalAllowedSections, T::SectionList,
         "account.summary|account.addresses|orders.view|deliveries.view|invoices.view|statements.download|quotes.view|"
         "payments.view",
         "Internal user allowed sections"},
        {settings::kRestrictedGroups, T::List, "", "Restricted customer groups"},
        {settings::kAccessPolicy, T::Choice, "all", "Access policy", {"all", "allow_list", "all_except"}},
        {settings::kAllowList, T::List, "", "Allowed customers"},
        {settings::kDenyList, T::List, "", "Denied customers"},
        // Sync
        {"sync.orders.enabled", T::Bool, "true", "Order history sync"},
        {"sync.orders.from_days", T::Integer, "180", "Order history from (days back)", {}, 1, 36500},
        {"sync.orders.max_records", T::Integer, "10000", "Order history max records", {}, 1, 10000000},
        {"sync.invoices.enabled", T::Bool, "true", "Invoice history sync"},
        {"sync.invoices.from_days", T::Integer, "180", "Invoice history from (days back)", {}, 1, 36500},
        {"sync.invoices.max_records", T::Integer, "10000", "Invoice history max records", {}, 1, 10000000},
        {"sync.customers.enabled", T::Bool, "true", "Customer add/sync"},
        {"sync.customers.stat_id_only", T::Bool, "false", "Only customers with a STAT ID"},
        {"sync.customers.free_field_filter", T::Text, "", "Free-field filter"},
        {"sync.customers.additional_filter", T::Text, "", "Additional filter"},
        {settings::kSyncLastSuccess, T::Text, "", "Last successful run"},
        // Schedules (empty = disabled)
        {"cron.import_customers", T::Cron, "", "Import customers"},
        {"cron.import_orders", T::Cron, "", "Import orders"},
        {"cron.import_invoices", T::Cron, "", "Import invoices"},
        {"cron.export_queue", T::Cron, "*/5 * * * *", "Export queue"},
        {"cron.email_documents", T::Cron, "* * * * *", "Email documents"},
        // Email
        {settings::kEmailTransport, T::Choice, "outbox", "Transport", {"outbox", "smtp"}},
        {settings::kEmailOutboxDir, T::Text, "var/outbox", "Outbox folder"},
        {settings::kEmailSender, T::Email, "portal@gatehouse.test", "Sender"},
        {settings::kSmtpHost, T::Text, "localhost", "SMTP host"},
        {settings::kSmtpPort, T::Integer, "25", "SMTP port", {}, 1, 65535},
        {settings::kSmtpStartTls, T::Bool, "false", "STARTTLS"},
        {settings::kSmtpUser, T::Text, "", "SMTP user name"},
        {settings::kSmtpPassword, T::Secret, "", "SMTP password"},
        {"email.template.welcome", T::Text, "", "Welcome / set password template"},
        {"email.template.reset_password", T::Text, "", "Reset password template"},
        {"email.template.already_registered", T::Text, "", "Already registered template"},
        {"email.template.documents", T::Text, "", "Documents template"},
        // Portal
        {settings::kPortalName, T::Text, "Gatehouse Portal", "Portal name"},
        {settings::kPortalLogo, T::Text, "", "Logo URL"},
        {settings::kAccountFreeFields, T::List, "", "ERP free fields on My Account (KEY=Label, …)"},
        {settings::kSessionIdleMinutes, T::Integer, "30", "Session idle timeout (minutes)", {}, 1, 1440},
        {settings::kSessionAbsoluteHours, T::Integer, "12", "Session absolute timeout (hours)", {}, 1, 720},
        {settings::kUploadLimitMb, T::Integer, "1536", "Upload limit (MB)", {}, 1, 1536},
        // Passwords
        {settings::kPasswordMinLength, T::Integer, "8", "Minimum length", {}, 8, 128},
        {settings::kPasswordMaxLength, T::Integer, "128", "Maximum length", {}, 8, 1024},
        {settings::kPasswordRequiredClasses, T::Integer, "3", "Character classes required", {}, 1, 4},
    };
    return defs;
}

const SettingsCatalogue::Definition* SettingsCatalogue::find(std::string_view key)
{
    for (const auto& def : definitions()) {
        if (def.key == key)
            return &def;
    }
    return nullptr;
}

std::optional<std::string> SettingsCatalogue::validate(std::string_view key, std::string_view value)
{
    const Definition* def = find(key);
    if (!def)
        return "unknown setting";
    if (value.size() > 64 * 1024)
        return "too long (at most 65536 bytes)";
    if (!isValidUtf8(value))
        return "not valid UTF-8";
    switch (def->type) {
    case Type::Bool:
        if (value != "true" && value != "false")
            return "must be true or false";
        break;
    case Type::Integer: {
        long long number = 0;
        auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
        if (ec != std::errc() || ptr != value.data() + value.size() || value.empty())
            return "must be a whole number";
        if (number < def->min || number > def->max)
            return "must be between " + std::to_string(def->min) + " and " + std::to_string(def->max);
        break;
    }
    case Type::Choice: {
        for (auto choice : def->choices) {
            if (choice == value)
                return std::nullopt;
        }
        std::string reason = "must be one of:";
        for (std::size_t i = 0; i < def->choices.size(); ++i)
            reason += (i ? ", " : " ") + std::string(def->choices[i]);
        return reason;
    }
    case Type::SectionList: {
        std::string unknown;
        if (!SectionSet::fromKeys(splitList(value, '|'), &unknown))
            return "unknown section '" + unknown + "'";
        break;
    }
    case Type::Email:
        if (!looksLikeEmail(value))
            return "must be an email address";
        break;
    case Type::Cron: // checked by the cron parser where settings are written (services layer)
    case Type::Text:
    case Type::List:
    case Type::Secret:
        break;
    }
    return std::nullopt;
}

std::map<std::string, std::string> SettingsCatalogue::effective(const std::map<std::string, std::string>& stored)
{
    std::map<std::string, std::string> out;
    for (const auto& def : definitions()) {
        auto it = stored.find(std::string(def.key));
        out.emplace(def.key, it != stored.end() ? it->second : std::string(def.defaultValue));
    }
    return out;
}

std::string_view SettingsCatalogue::typeName(Type type)
{
    switch (type) {
    case Type::Text:
        return "text";
    case Type::Bool:
        return "bool";
    case Type::Integer:
        return "integer";
    case Type::Choice:
        return "choice";
    case Type::SectionList:
        return "sections";
    case Type::List:
        return "list";
    case Type::Cron:
        return "cron";
    case Type::Email:
        return "email";
    case Type::Secret:
        return "secret";
    }
    return "text";
}

} // namespace gh::core
