#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gh::core {

// Every setting of SPEC §4: its key, type, default and limits. The store keeps only values that
// differ from the defaults; readers ask effective() for the value in force.
class SettingsCatalogue
{
public:
    enum class Type
    {
        Text,
        Bool,
        Integer,
        Choice,
        SectionList,
        List,
        Cron,
        Email,
        Secret
    };

    struct Definition
    {
        std::string_view key;
        Type type;
        std::string_view defaultValue;
        std::string_view label;
        std::vector<std::string_view> choices; // Type::Choice
        long long min = 0; // Type::Integer
        long long max = 0;
    };

    static const std::vector<Definition>& definitions();
    static const Definition* find(std::string_view key);

    // Nullopt when valid, else a human reason ("must be one of: customer, payer").
    static std::optional<std::string> validate(std::string_view key, std::string_view value);

    // The stored values laid over the defaults (unknown stored keys are dropped).
    static std::map<std::string, std::string> effective(const std::map<std::string, std::string>& stored);

    static std::string_view typeName(Type type);
};

// Keys used by code (the catalogue in SettingsCatalogue.cpp has them all).
namespace settings {
inline constexpr std::string_view kCustomerSelectionMode = "general.customer_selection_mode";
inline constexpr std::string_view kInternalAllowedSections = "general.internal_allowed_sections";
inline constexpr std::string_view kRestrictedGroups = "general.restricted_customer_groups";
inline constexpr std::string_view kAccessPolicy = "general.access_policy";
inline constexpr std::string_view kAllowList = "general.allow_list";
inline constexpr std::string_view kDenyList = "general.deny_list";
inline constexpr std::string_view kPortalName = "portal.name";
inline constexpr std::string_view kPortalLogo = "portal.logo_url";
// ERP free fields shown on My Account, as KEY=Label pairs joined by "," (e.g. "CFC5=Credit class");
// a field without a label is not shown.
inline constexpr std::string_view kAccountFreeFields = "portal.account_free_fields";
inline constexpr std::string_view kSessionIdleMinutes = "portal.session_idle_minutes";
inline constexpr std::string_view kSessionAbsoluteHours = "portal.session_absolute_hours";
inline constexpr std::string_view kUploadLimitMb = "portal.upload_limit_mb";
inline constexpr std::string_view kPasswordMinLength = "password.min_length";
inline constexpr std::string_view kPasswordMaxLength = "password.max_length";
inline constexpr std::string_view kPasswordRequiredClasses = "password.required_classes";
inline constexpr std::string_view kEmailTransport = "email.transport";
inline constexpr std::string_view kEmailOutboxDir = "email.outbox_dir";
inline constexpr std::string_view kEmailSender = "email.sender";
inline constexpr std::string_view kSmtpHost = "email.smtp_host";
inline constexpr std::string_view kSmtpPort = "email.smtp_port";
inline constexpr std::string_view kSmtpStartTls = "email.smtp_starttls";
inline constexpr std::string_view kSmtpUser = "email.smtp_username";
inline constexpr std::string_view kSmtpPassword = "email.smtp_password";
inline constexpr std::string_view kSyncLastSuccess = "sync.last_success_at";
} // namespace settings

} // namespace gh::core
