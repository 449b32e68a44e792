#include "Settings.h"

#include "core/SettingsCatalogue.h"
#include "store/SettingRepository.h"

namespace gh::services {

using core::SettingsCatalogue;

std::map<std::string, std::string> Settings::effective(store::Connection& db)
{
    return SettingsCatalogue::effective(store::SettingRepository(db).stored());
}

std::vector<core::Setting> Settings::stored(store::Connection& db)
{
    return store::SettingRepository(db).storedRecords();
}

void Settings::write(store::Connection& db, const StaffActor& actor,
                     const std::vector<std::pair<std::string, std::optional<std::string>>>& changes)
{
    store::Transaction tx(db);
    store::SettingRepository settings(db);
    for (const auto& [key, value] : changes) {
        const auto* def = SettingsCatalogue::find(key);
        const auto previous = settings.get(key);
        const std::string oldValue = previous.value_or(std::string(def->defaultValue));
        const std::string newValue = value.value_or(std::string(def->defaultValue));
        if (!value || *value == def->defaultValue)
            settings.remove(key);
        else
            settings.set(key, *value, actor.email);
        if (oldValue == newValue && previous.has_value() == (value && *value != def->defaultValue))
            continue;
        const bool secret = def->type == SettingsCatalogue::Type::Secret;
        Poco::JSON::Object::Ptr before(new Poco::JSON::Object);
        before->set("value", secret ? std::string(oldValue.empty() ? "" : "***") : oldValue);
        Poco::JSON::Object::Ptr after(new Poco::JSON::Object);
        after->set("value", secret ? std::string(newValue.empty() ? "" : "***") : newValue);
        AdminAudit::record(db, actor, "setting", key, value ? "update" : "reset", before, after);
    }
    tx.commit();
}

} // namespace gh::services
