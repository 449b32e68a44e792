#include "ImportEngine.h"

#include "core/CsvReader.h"
#include "core/CsvRecordWriter.h"
#include "core/Text.h"

#include <algorithm>

namespace gh::services {
namespace {

using core::CellType;
using Behaviour = ImportOptions::Behaviour;

std::uint64_t fnv1a(std::string_view text)
{
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

std::string columnList(const core::ImportEntity& entity)
{
    std::string out;
    for (const auto& column : entity.columns())
        out += (out.empty() ? "" : ", ") + std::string(column.name);
    return out;
}

std::string singular(const core::ImportEntity& entity)
{
    switch (entity.kind()) {
    case core::ImportEntityKind::PortalUsers:
        return "portal user";
    case core::ImportEntityKind::Customers:
        return "customer";
    case core::ImportEntityKind::Contacts:
        return "contact";
    case core::ImportEntityKind::Roles:
        return "ERP role";
    }
    return "record";
}

} // namespace

ImportEngine::ImportEngine(const core::ImportEntity& entity, ImportOptions options, store::EntityTable& table)
    : m_entity(entity)
    , m_options(std::move(options))
    , m_table(table)
    , m_keyColumns(entity.keyColumns())
    , m_defaults(entity.defaults())
{
}

void ImportEngine::addError(ImportReport& report, std::int64_t row, std::string column, std::string code,
                            std::string message)
{
    ++report.errorCount;
    if (report.errors.size() < ImportReport::kMaxListedErrors)
        report.errors.push_back({row, std::move(column), std::move(code), std::move(message)});
}

bool ImportEngine::mapHeader(const std::vector<std::string>& header, ImportReport& report)
{
    const auto before = report.errorCount;
    const auto& columns = m_entity.columns();
    m_map.fileToColumn.assign(header.size(), -2);
    m_map.columnToFile.assign(columns.size(), -1);
    m_map.actionField = -1;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string name(core::trim(header[i]));
        if (name == "_action" && m_options.behaviour == Behaviour::Custom) {
            if (m_map.actionField >= 0)
                addError(report, 1, name, "duplicate_column", "the column _action appears twice");
            m_map.actionField = static_cast<int>(i);
            m_map.fileToColumn[i] = -1;
            continue;
        }
        const int index = m_entity.columnIndex(name);
        if (index < 0) {
            const std::string hint = name == "_action"
                ? " (_action is read only with the behaviour custom)"
                : "; the columns of " + std::string(m_entity.name()) + " are " + columnList(m_entity);
            addError(report, 1, name, "unknown_column", "unknown column '" + name + "'" + hint);
            continue;
        }
        if (m_map.columnToFile[static_cast<std::size_t>(index)] >= 0) {
            addError(report, 1, name, "duplicate_column",
                     "the column '" + name + "' appears twice (columns "
                         + std::to_string(m_map.columnToFile[static_cast<std::size_t>(index)] + 1) + " and "
                         + std::to_string(i + 1) + ")");
            continue;
        }
        m_map.columnToFile[static_cast<std::size_t>(index)] = static_cast<int>(i);
        m_map.fileToColumn[i] = index;
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (m_map.columnToFile[c] >= 0)
            continue;
        const bool needed = columns[c].key || (columns[c].mandatory && m_options.behaviour != Behaviour::Delete);
        if (needed)
            addError(report, 1, std::string(columns[c].name), "missing_column",
                     "the file has no column '" + std::string(columns[c].name) + "', which "
                         + (columns[c].key ? "is the key of " + std::string(m_entity.name())
                                           : "is mandatory for " + std::string(m_entity.name())));
    }
    return report.errorCount == before;
}

std::string ImportEngine::keyHashText(const std::vector<std::string>& record) const
{
    std::string text;
    for (int k : m_keyColumns) {
        const auto& column = m_entity.columns()[static_cast<std::size_t>(k)];
        text += column.type == CellType::Email ? core::toLowerAscii(record[static_cast<std::size_t>(k)])
                                               : record[static_cast<std::size_t>(k)];
        text += '\x1f';
    }
    return text;
}

ImportReport ImportEngine::process(std::istream& in, bool write, std::ostream* changes, const Progress& progress,
                                   const std::atomic<bool>* cancel)
{
    ImportReport report;
    m_seenKeys.clear();
    m_seenKeys.reserve(1 << 16);
    std::unique_ptr<core::CsvRecordWriter> changeWriter;
    if (changes) {
        changeWriter = std::make_unique<core::CsvRecordWriter>(*changes);
        changeWriter->write({"row", "key", "action", "fields"});
    }
    core::CsvReader::Options readerOptions;
    readerOptions.separator = m_options.separator;
    readerOptions.enclosure = m_options.enclosure;
    core::CsvReader reader(readerOptions);
    bool headerSeen = false;
    std::vector<std::string> headerNames;
    std::uint64_t bytes = 0;
    std::int64_t sinceProgress = 0;

    auto handler = [&](const core::CsvReader::Record& record) -> bool {
        if (!headerSeen) {
            headerSeen = true;
            headerNames = record.fields;
            if (record.badField >= 0) {
                addError(report, record.row, "", "invalid_utf8",
                         "the header is not valid UTF-8 (field " + std::to_string(record.badField + 1)
                             + "); save the file as UTF-8");
                report.fatal = true;
                return false;
            }
            if (!mapHeader(record.fields, report)) {
                report.fatal = true;
                return false;
            }
            return true;
        }
        if (record.badField >= 0) {
            ++report.rows;
            ++report.skipped;
            const auto field = static_cast<std::size_t>(record.badField);
            addError(report, record.row, field < headerNames.size() ? std::string(core::trim(headerNames[field])) : "",
                     record.badFieldHasNul ? "invalid_character" : "invalid_utf8",
                     record.badFieldHasNul ? "the value contains a NUL character"
                                           : "the value is not valid UTF-8; save the file as UTF-8");
        } else {
            processRow(record.row, record.fields, write, report, changeWriter ? changes : nullptr);
        }
        if (++sinceProgress >= 2000) {
            sinceProgress = 0;
            if (progress)
                progress(bytes);
            if (cancel && cancel->load()) {
                report.cancelled = true;
                return false;
            }
        }
        // A run stops at the first error beyond those allowed: it fails and writes nothing anyway.
        if (write && report.errorCount > m_options.allowedErrors)
            return false;
        return true;
    };
    core::CsvReader::Error error;
    if (!reader.read(in, handler, &error, &bytes)) {
        const auto field = static_cast<std::size_t>(error.field);
        const std::string column
            = error.field >= 0 && field < headerNames.size() ? std::string(core::trim(headerNames[field])) : "";
        addError(report, error.row, column, "malformed_csv", error.message);
        report.fatal = true;
    }
    if (!headerSeen && !report.fatal) {
        addError(report, 1, "", "empty_file", "the file is empty: its first row must name the columns");
        report.fatal = true;
    }
    if (progress)
        progress(bytes);
    report.valid = !report.fatal && !report.cancelled && report.errorCount <= m_options.allowedErrors;
    return report;
}

void ImportEngine::processRow(std::int64_t row, const std::vector<std::string>& fields, bool write,
                              ImportReport& report, std::ostream* changes)
{
    if (std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return f.empty(); }))
        return; // a row of empty cells (a spreadsheet's trailing ",,,,")
    ++report.rows;
    const auto errorsBefore = report.errorCount;
    const auto& columns = m_entity.columns();
    auto columnName = [&](std::size_t c) { return std::string(columns[c].name); };
    auto skip = [&] { ++report.skipped; };

    if (fields.size() != m_map.fileToColumn.size()) {
        addError(report, row, "", "wrong_field_count",
                 "the row has " + std::to_string(fields.size()) + " fields, the header has "
                     + std::to_string(m_map.fileToColumn.size()));
        return skip();
    }
    bool remove = m_options.behaviour == Behaviour::Delete;
    if (m_options.behaviour == Behaviour::Custom && m_map.actionField >= 0)
        remove = core::equalsIgnoreCaseAscii(core::trim(fields[static_cast<std::size_t>(m_map.actionField)]), "delete");

    std::vector<std::string> key = m_defaults;
    std::string code;
    std::string message;
    for (int k : m_keyColumns) {
        const auto c = static_cast<std::size_t>(k);
        const auto cell
            = core::trim(core::CsvRecordWriter::restore(fields[static_cast<std::size_t>(m_map.columnToFile[c])]));
        if (cell.empty()) {
            addError(report, row, columnName(c), "missing_key", columnName(c) + " is the key and may not be empty");
            continue;
        }
        auto value = core::ImportEntity::parseCell(columns[c], cell, m_options.multiSeparator, &code, &message);
        if (!value) {
            addError(report, row, columnName(c), code, message);
            continue;
        }
        if (m_entity.kind() == core::ImportEntityKind::PortalUsers && columns[c].type == CellType::Email)
            *value = core::toLowerAscii(*value);
        if (columns[c].type == CellType::CustomerRef && !m_table.customerId(*value)) {
            addError(report, row, columnName(c), "unknown_customer", "there is no customer " + *value);
            continue;
        }
        key[c] = std::move(*value);
    }
    if (report.errorCount != errorsBefore) {
        // The row cannot be matched, but its other cells can still be checked: every error at once.
        for (std::size_t c = 0; c < columns.size() && !remove; ++c) {
            const int f = m_map.columnToFile[c];
            if (f < 0 || columns[c].key)
                continue;
            const auto cell = core::CsvRecordWriter::restore(fields[static_cast<std::size_t>(f)]);
            if (cell.empty() || cell == m_options.emptyValue)
                continue;
            if (!core::ImportEntity::parseCell(columns[c], cell, m_options.multiSeparator, &code, &message))
                addError(report, row, columnName(c), code, message);
        }
        return skip();
    }

    const std::string keyName = columnName(static_cast<std::size_t>(m_keyColumns.back()));
    if (!m_seenKeys.insert(fnv1a(keyHashText(key))).second) {
        addError(report, row, keyName, "duplicate_key",
                 "the key " + m_entity.keyText(key) + " appears on an earlier row of this file");
        return skip();
    }

    auto stored = m_table.find(key);
    auto changeLine = [&](const char* action, const std::string& fieldList) {
        if (changes) {
            core::CsvRecordWriter writer(*changes);
            writer.write({std::to_string(row), m_entity.keyText(key), action, fieldList});
        }
    };

    if (remove) {
        if (!stored) {
            addError(report, row, keyName, "not_found",
                     "there is no " + singular(m_entity) + " " + m_entity.keyText(key) + " to delete");
            return skip();
        }
        if (write)
            m_table.remove(*stored);
        ++report.deleted;
        changeLine("deleted", "");
        return;
    }

    std::vector<std::string> record = stored && m_options.behaviour != Behaviour::Replace ? stored->values : m_defaults;
    for (int k : m_keyColumns)
        record[static_cast<std::size_t>(k)] = key[static_cast<std::size_t>(k)];
    std::vector<bool> given(columns.size(), false);
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const int f = m_map.columnToFile[c];
        if (f < 0 || columns[c].key)
            continue;
        const auto cell = core::CsvRecordWriter::restore(fields[static_cast<std::size_t>(f)]);
        if (cell == m_options.emptyValue) {
            if (columns[c].mandatory) {
                addError(report, row, columnName(c), "required",
                         columnName(c) + " is mandatory and may not be cleared");
                continue;
            }
            record[c] = std::string(columns[c].defaultValue);
            given[c] = true;
            continue;
        }
        if (cell.empty()) {
            if (columns[c].mandatory)
                addError(report, row, columnName(c), "required", columnName(c) + " is mandatory and may not be empty");
            else if (m_options.behaviour == Behaviour::Replace)
                record[c] = std::string(columns[c].defaultValue);
            continue;
        }
        auto value = core::ImportEntity::parseCell(columns[c], cell, m_options.multiSeparator, &code, &message);
        if (!value) {
            addError(report, row, columnName(c), code, message);
            continue;
        }
        record[c] = std::move(*value);
        given[c] = true;
    }
    if (!stored) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (columns[c].requiredOnCreate && !columns[c].key && record[c].empty() && !columns[c].mandatory)
                addError(report, row, columnName(c), "required",
                         "a new " + singular(m_entity) + " needs a value in " + columnName(c));
        }
    }
    if (m_entity.kind() == core::ImportEntityKind::PortalUsers && report.errorCount == errorsBefore) {
        // Columns: 3 customer_number, 7 assigned_customers.
        const std::string& primary = record[3];
        if (!primary.empty() && (given[3] || !stored) && !m_table.customerId(primary))
            addError(report, row, "customer_number", "unknown_customer", "there is no customer " + primary);
        auto assigned = core::ImportEntity::splitCanonical(record[7]);
        if (given[7]) {
            for (const auto& number : assigned) {
                if (!m_table.customerId(number))
                    addError(report, row, "assigned_customers", "unknown_customer", "there is no customer " + number);
            }
        }
        if (assigned.empty() && !primary.empty()) {
            record[7] = primary;
        } else if (!primary.empty() && std::find(assigned.begin(), assigned.end(), primary) == assigned.end()) {
            addError(report, row, "assigned_customers", "primary_not_assigned",
                     "the assigned customers must include the customer_number " + primary);
        }
    }
    if (report.errorCount != errorsBefore)
        return skip();

    if (stored && record == stored->values) {
        ++report.unchanged;
        return;
    }
    try {
        if (write) {
            if (stored)
                m_table.update(*stored, record);
            else
                m_table.insert(record);
        }
    } catch (const store::DatabaseError& e) {
        if (e.kind() != store::DatabaseError::Kind::Constraint)
            throw;
        addError(report, row, "", "rejected", std::string("the database refused the row: ") + e.what());
        return skip();
    }
    if (stored) {
        ++report.updated;
        std::string changed;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (record[c] != stored->values[c])
                changed += (changed.empty() ? "" : "|") + columnName(c);
        }
        changeLine("updated", changed);
    } else {
        ++report.created;
        std::string set;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (!record[c].empty())
                set += (set.empty() ? "" : "|") + columnName(c);
        }
        changeLine("created", set);
    }
}

} // namespace gh::services
