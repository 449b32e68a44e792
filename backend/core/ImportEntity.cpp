#include "ImportEntity.h"

#include "CsvRecordWriter.h"
#include "Sections.h"
#include "Text.h"

#include <algorithm>
#include <sstream>

namespace gh::core {
namespace {

using T = CellType;

const ImportEntity kPortalUsers(ImportEntityKind::PortalUsers, "portal-users", "portal_user",
                                {
                                    {"email", T::Email, true, false, true, "", 254},
                                    {"first_name", T::Text, false, false, false, "", 100},
                                    {"last_name", T::Text, false, false, false, "", 100},
                                    {"customer_number", T::CustomerRef, false, false, true, "", 64},
                                    {"is_admin", T::YesNo, false, true, true, "No", 32},
                                    {"make_payment", T::YesNo, false, true, true, "No", 32},
                                    {"allowed_sections", T::Sections, false, true, true, "", 1000},
                                    {"assigned_customers", T::CustomerRefList, false, false, false, "", 100000},
                                    {"status", T::UserStatus, false, false, false, "invited", 16},
                                },
                                {
                                    {"jane.doe@example.com", "Jane", "Doe", "C100001", "Yes", "No",
                                     "account.summary|invoices.view|orders.view", "C100001|C100002", "invited"},
                                    {"max.mustermann@example.com", "Max", "Mustermann", "C100003", "No", "Yes",
                                     "invoices.view", "C100003", "active"},
                                });

const ImportEntity kCustomers(ImportEntityKind::Customers, "customers", "customer",
                              {
                                  {"number", T::Text, true, false, true, "", 64},
                                  {"name", T::Text, false, false, true, "", 200},
                                  {"group", T::Text, false, false, false, "", 64},
                                  {"payer_number", T::Text, false, false, false, "", 64},
                                  {"stat_id", T::Text, false, false, false, "", 64},
                                  {"erp_status", T::Text, false, false, false, "", 64},
                                  {"portal_enabled", T::YesNo, false, false, false, "Yes", 32},
                                  {"currency", T::Text, false, false, false, "EUR", 3},
                              },
                              {
                                  {"C200001", "Example Trading Ltd", "Y10", "", "ST200001", "20", "Yes", "EUR"},
                                  {"C200002", "Example Branch Office", "Y10", "C200001", "ST200001", "20", "No", "EUR"},
                              });

const ImportEntity kContacts(ImportEntityKind::Contacts, "contacts", "contact",
                             {
                                 {"customer_number", T::CustomerRef, true, false, true, "", 64},
                                 {"email", T::Email, true, false, true, "", 254},
                                 {"first_name", T::Text, false, false, false, "", 100},
                                 {"last_name", T::Text, false, false, false, "", 100},
                                 {"phone", T::Text, false, false, false, "", 64},
                                 {"title", T::Text, false, false, false, "", 100},
                                 {"can_register", T::YesNo, false, false, false, "No", 32},
                                 {"allowed_sections", T::Sections, false, false, false, "", 1000},
                                 {"make_payment", T::YesNo, false, false, false, "No", 32},
                                 {"is_account_admin", T::YesNo, false, false, false, "No", 32},
                                 {"own_orders_only", T::YesNo, false, false, false, "No", 32},
                             },
                             {
                                 {"C100001", "jane.doe@example.com", "Jane", "Doe", "+44 20 7946 0000", "Buyer", "Yes",
                                  "account.summary|invoices.view", "No", "No", "No"},
                                 {"C100001", "max.mustermann@example.com", "Max", "Mustermann", "", "Accounts", "No",
                                  "invoices.view|statements.download", "Yes", "No", "Yes"},
                             });

const ImportEntity
    kRoles(ImportEntityKind::Roles, "roles", "role",
           {
               {"code", T::Text, true, false, true, "", 64},
               {"description", T::Text, false, false, false, "", 200},
               {"processes", T::Processes, false, false, false, "", 1000},
               {"modules", T::Sections, false, false, false, "", 1000},
               {"no_access", T::YesNo, false, false, false, "No", 32},
           },
           {
               {"SALES01", "Sales desk", "email_documents", "orders.view|invoices.view|deliveries.view", "No"},
               {"BLOCKED", "No portal access", "", "", "Yes"},
           });

std::string catalogueKeys(bool sections)
{
    std::string out;
    if (sections) {
        for (const auto& entry : kSectionCatalogue)
            out += (out.empty() ? "" : ", ") + std::string(entry.key);
    } else {
        for (const auto& entry : kProcessCatalogue)
            out += (out.empty() ? "" : ", ") + std::string(entry.key);
    }
    return out;
}

std::vector<std::string> splitCell(std::string_view cell, char separator)
{
    std::vector<std::string> items;
    for (auto& item : splitList(cell, separator)) {
        if (std::find(items.begin(), items.end(), item) == items.end())
            items.push_back(std::move(item));
    }
    return items;
}

template <typename Enum>
std::optional<std::string> parseFlags(std::string_view cell, char separator, bool sections, std::string* code,
                                      std::string* message)
{
    std::string unknown;
    const auto set = FlagSet<Enum>::fromKeys(splitCell(cell, separator), &unknown);
    if (!set) {
        *code = sections ? "invalid_section" : "invalid_process";
        *message = std::string(sections ? "unknown section key '" : "unknown process key '") + unknown
            + "'; the keys are " + catalogueKeys(sections) + ", separated by '" + separator + "'";
        return std::nullopt;
    }
    return ImportEntity::joinCanonical(set->keys());
}

} // namespace

const std::vector<const ImportEntity*>& ImportEntity::all()
{
    static const std::vector<const ImportEntity*> entities = {&kPortalUsers, &kCustomers, &kContacts, &kRoles};
    return entities;
}

const ImportEntity* ImportEntity::find(std::string_view name)
{
    for (const auto* entity : all()) {
        if (entity->name() == name)
            return entity;
    }
    return nullptr;
}

const ImportEntity& ImportEntity::of(ImportEntityKind kind)
{
    return *all()[static_cast<std::size_t>(kind)];
}

int ImportEntity::columnIndex(std::string_view name) const
{
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        if (m_columns[i].name == name)
            return static_cast<int>(i);
    }
    return -1;
}

std::vector<int> ImportEntity::keyColumns() const
{
    std::vector<int> keys;
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        if (m_columns[i].key)
            keys.push_back(static_cast<int>(i));
    }
    return keys;
}

std::string ImportEntity::keyText(const std::vector<std::string>& record) const
{
    std::string out;
    for (int k : keyColumns()) {
        if (!out.empty())
            out += " / ";
        out += record[static_cast<std::size_t>(k)];
    }
    return out;
}

std::vector<std::string> ImportEntity::defaults() const
{
    std::vector<std::string> values;
    values.reserve(m_columns.size());
    for (const auto& column : m_columns)
        values.emplace_back(column.defaultValue);
    return values;
}

std::string ImportEntity::sample() const
{
    std::ostringstream out;
    CsvRecordWriter writer(out);
    std::vector<std::string> header;
    for (const auto& column : m_columns)
        header.emplace_back(column.name);
    writer.write(header);
    for (const auto& row : m_sampleRows)
        writer.write(row);
    return out.str();
}

std::vector<std::string> ImportEntity::splitCanonical(std::string_view canonical)
{
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start < canonical.size()) {
        auto end = canonical.find(kListSeparator, start);
        if (end == std::string_view::npos)
            end = canonical.size();
        items.emplace_back(canonical.substr(start, end - start));
        start = end + 1;
    }
    return items;
}

std::string ImportEntity::joinCanonical(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& item : items) {
        if (!out.empty())
            out += kListSeparator;
        out += item;
    }
    return out;
}

std::optional<std::string> ImportEntity::parseCell(const ImportColumn& column, std::string_view cell,
                                                   char multiSeparator, std::string* code, std::string* message)
{
    if (cell.size() > column.maxLength) {
        *code = "too_long";
        *message = "the value is longer than " + std::to_string(column.maxLength) + " bytes";
        return std::nullopt;
    }
    switch (column.type) {
    case CellType::Text:
        return std::string(cell);
    case CellType::Email: {
        const auto email = trim(cell);
        if (!looksLikeEmail(email)) {
            *code = "invalid_email";
            *message = "'" + std::string(cell) + "' is not an e-mail address (name@example.com)";
            return std::nullopt;
        }
        return std::string(email);
    }
    case CellType::YesNo: {
        const auto value = trim(cell);
        if (equalsIgnoreCaseAscii(value, "yes"))
            return std::string("Yes");
        if (equalsIgnoreCaseAscii(value, "no"))
            return std::string("No");
        *code = "invalid_yes_no";
        *message = "'" + std::string(cell) + "' is neither Yes nor No";
        return std::nullopt;
    }
    case CellType::Sections:
        return parseFlags<Section>(cell, multiSeparator, true, code, message);
    case CellType::Processes:
        return parseFlags<Process>(cell, multiSeparator, false, code, message);
    case CellType::CustomerRef:
        return std::string(trim(cell));
    case CellType::CustomerRefList: {
        auto items = splitCell(cell, multiSeparator);
        std::sort(items.begin(), items.end());
        return joinCanonical(items);
    }
    case CellType::UserStatus: {
        const auto value = toLowerAscii(trim(cell));
        if (value == "invited" || value == "active" || value == "disabled" || value == "locked")
            return value;
        *code = "invalid_status";
        *message = "'" + std::string(cell) + "' is not a status; the statuses are invited, active, disabled, locked";
        return std::nullopt;
    }
    }
    return std::string(cell);
}

std::string ImportEntity::formatCell(const ImportColumn& column, std::string_view canonical, char multiSeparator)
{
    if (column.type != CellType::Sections && column.type != CellType::Processes
        && column.type != CellType::CustomerRefList)
        return std::string(canonical);
    std::string out(canonical);
    std::replace(out.begin(), out.end(), kListSeparator, multiSeparator);
    return out;
}

} // namespace gh::core
