#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gh::core {

// The four entities of CSV import and export (SPEC §7): their columns in file order, which of them
// make the key, and what each cell may hold. A record travels between file, engine and store as one
// canonical string per column ("Yes"/"No"; lists as their items in catalogue or sorted order joined
// by kListSeparator), so "is it unchanged?" is a comparison of strings.
enum class ImportEntityKind
{
    PortalUsers,
    Customers,
    Contacts,
    Roles
};

enum class CellType
{
    Text, // free text
    Email, // e-mail syntax; stored in lower case when it is a portal user's key
    YesNo, // Yes/No, any letter case
    Sections, // section keys
    Processes, // process keys
    CustomerRef, // an existing customer number
    CustomerRefList, // existing customer numbers
    UserStatus, // invited | active | disabled | locked
};

struct ImportColumn
{
    std::string_view name;
    CellType type = CellType::Text;
    bool key = false;
    bool mandatory = false; // present in the file and not empty on every row that is not a delete
    bool requiredOnCreate = false; // a new record needs a value
    std::string_view defaultValue; // canonical value of a new record or a replaced empty cell
    std::size_t maxLength = 255; // in bytes of UTF-8
};

class ImportEntity
{
public:
    static constexpr char kListSeparator = '\x1f';

    static const ImportEntity* find(std::string_view name); // "portal-users", ...
    static const ImportEntity& of(ImportEntityKind kind);
    static const std::vector<const ImportEntity*>& all();

    ImportEntityKind kind() const { return m_kind; }
    std::string_view name() const { return m_name; }
    // The audit trail's entity name: "portal_user", "customer", "contact", "role".
    std::string_view auditEntity() const { return m_auditEntity; }
    const std::vector<ImportColumn>& columns() const { return m_columns; }
    int columnIndex(std::string_view name) const; // -1 when unknown
    std::vector<int> keyColumns() const;
    // The key of a canonical record as shown in reports: key values joined by " / ".
    std::string keyText(const std::vector<std::string>& record) const;
    // A new record's canonical values before the file's cells apply.
    std::vector<std::string> defaults() const;
    // Sample file contents (header and two example rows), with the default separators.
    std::string sample() const;

    // Parses one non-empty cell of the column into its canonical form; nullopt with a message a
    // person can act on (and *code) when the value is not acceptable.
    static std::optional<std::string> parseCell(const ImportColumn& column, std::string_view cell, char multiSeparator,
                                                std::string* code, std::string* message);
    // Canonical value -> file cell (lists joined by multiSeparator).
    static std::string formatCell(const ImportColumn& column, std::string_view canonical, char multiSeparator);
    static std::vector<std::string> splitCanonical(std::string_view canonical);
    static std::string joinCanonical(const std::vector<std::string>& items);

    ImportEntity(ImportEntityKind kind, std::string_view name, std::string_view auditEntity,
                 std::vector<ImportColumn> columns, std::vector<std::vector<std::string>> sampleRows)
        : m_kind(kind)
        , m_name(name)
        , m_auditEntity(auditEntity)
        , m_columns(std::move(columns))
        , m_sampleRows(std::move(sampleRows))
    {
    }

private:
    ImportEntityKind m_kind;
    std::string_view m_name;
    std::string_view m_auditEntity;
    std::vector<ImportColumn> m_columns;
    std::vector<std::vector<std::string>> m_sampleRows;
};

} // namespace gh::core
