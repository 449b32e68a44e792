#include "ExportService.h"

#include "ImportExportError.h"
#include "ScheduledJobs.h"
#include "core/CsvRecordWriter.h"
#include "core/Text.h"
#include "store/EntityTable.h"

#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace gh::services {
namespace {

using Kind = ImportExportError::Kind;
using core::CellType;

struct Filter
{
    std::size_t column;
    CellType type;
    std::string value; // lower case for text; canonical for the others
    std::vector<std::string> items;
};

std::vector<Filter> compileFilters(const core::ImportEntity& entity, const ExportService::Options& options)
{
    std::vector<Filter> out;
    for (const auto& [name, value] : options.filters) {
        const int index = entity.columnIndex(name);
        if (index < 0 || value.empty())
            continue;
        const auto& column = entity.columns()[static_cast<std::size_t>(index)];
        Filter f{static_cast<std::size_t>(index), column.type, {}, {}};
        std::string code;
        std::string message;
        switch (column.type) {
        case CellType::YesNo:
        case CellType::UserStatus:
            f.value
                = core::ImportEntity::parseCell(column, value, options.multiSeparator, &code, &message).value_or("");
            break;
        case CellType::Sections:
        case CellType::Processes:
        case CellType::CustomerRefList:
            f.items = core::ImportEntity::splitCanonical(
                core::ImportEntity::parseCell(column, value, options.multiSeparator, &code, &message).value_or(""));
            break;
        default:
            f.value = core::toLowerAscii(value);
        }
        out.push_back(std::move(f));
    }
    return out;
}

bool matches(const std::vector<Filter>& filters, const std::vector<std::string>& record)
{
    for (const auto& f : filters) {
        const auto& cell = record[f.column];
        switch (f.type) {
        case CellType::YesNo:
        case CellType::UserStatus:
            if (cell != f.value)
                return false;
            break;
        case CellType::Sections:
        case CellType::Processes:
        case CellType::CustomerRefList: {
            const auto items = core::ImportEntity::splitCanonical(cell);
            for (const auto& wanted : f.items) {
                if (std::find(items.begin(), items.end(), wanted) == items.end())
                    return false;
            }
            break;
        }
        default:
            if (core::toLowerAscii(cell).find(f.value) == std::string::npos)
                return false;
        }
    }
    return true;
}

std::string oneChar(char c)
{
    return std::string(1, c);
}

} // namespace

std::string ExportService::Options::toJson() const
{
    Poco::JSON::Object o;
    o.set("separator", oneChar(separator));
    o.set("multiSeparator", oneChar(multiSeparator));
    o.set("enclosure", oneChar(enclosure));
    Poco::JSON::Array::Ptr ex(new Poco::JSON::Array);
    for (const auto& name : exclude)
        ex->add(name);
    o.set("exclude", ex);
    Poco::JSON::Object::Ptr f(new Poco::JSON::Object);
    for (const auto& [name, value] : filters)
        f->set(name, value);
    o.set("filters", f);
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(o, out);
    return out.str();
}

ExportService::Options ExportService::Options::fromJson(const std::string& json)
{
    Options options;
    Poco::JSON::Parser parser;
    auto o = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
    auto character = [&](const char* name, char& target) {
        if (o->has(name)) {
            const auto text = o->getValue<std::string>(name);
            if (text.size() == 1)
                target = text[0];
        }
    };
    character("separator", options.separator);
    character("multiSeparator", options.multiSeparator);
    character("enclosure", options.enclosure);
    if (auto ex = o->getArray("exclude")) {
        for (std::size_t i = 0; i < ex->size(); ++i)
            options.exclude.push_back(ex->getElement<std::string>(static_cast<unsigned>(i)));
    }
    if (auto f = o->getObject("filters")) {
        for (const auto& [name, value] : *f)
            options.filters[name] = value.convert<std::string>();
    }
    return options;
}

std::vector<std::pair<std::string, std::string>> ExportService::problems(const core::ImportEntity& entity,
                                                                         const Options& options)
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& name : options.exclude) {
        if (entity.columnIndex(name) < 0)
            out.emplace_back("exclude", "unknown column '" + name + "'");
    }
    for (const auto& [name, value] : options.filters) {
        const int index = entity.columnIndex(name);
        if (index < 0) {
            out.emplace_back("filters." + name, "unknown column '" + name + "'");
            continue;
        }
        const auto& column = entity.columns()[static_cast<std::size_t>(index)];
        std::string code;
        std::string message;
        if (!value.empty() && column.type != CellType::Text && column.type != CellType::Email
            && column.type != CellType::CustomerRef
            && !core::ImportEntity::parseCell(column, value, options.multiSeparator, &code, &message))
            out.emplace_back("filters." + name, message);
    }
    if (options.exclude.size() >= entity.columns().size()
        && std::all_of(entity.columns().begin(), entity.columns().end(), [&](const core::ImportColumn& c) {
               return std::find(options.exclude.begin(), options.exclude.end(), c.name) != options.exclude.end();
           }))
        out.emplace_back("exclude", "at least one column must stay in the export");
    if (options.enclosure == options.separator)
        out.emplace_back("enclosure", "must differ from the field separator");
    for (char c : {options.separator, options.enclosure, options.multiSeparator}) {
        if (c == '\r' || c == '\n' || c == '\0')
            out.emplace_back("separator", "separators and the enclosure may not be line breaks");
    }
    return out;
}

std::int64_t ExportService::write(store::Connection& db, const core::ImportEntity& entity, const Options& options,
                                  std::ostream& out, const std::function<void(std::int64_t, std::int64_t)>& progress)
{
    store::ReadSnapshot snapshot(db);
    auto table = store::EntityTable::open(db, entity.kind());
    const auto total = table->count();
    std::vector<std::size_t> kept;
    std::vector<std::string> header;
    for (std::size_t c = 0; c < entity.columns().size(); ++c) {
        const auto name = entity.columns()[c].name;
        if (std::find(options.exclude.begin(), options.exclude.end(), name) != options.exclude.end())
            continue;
        kept.push_back(c);
        header.emplace_back(name);
    }
    const auto filters = compileFilters(entity, options);
    core::CsvRecordWriter writer(out, options.separator, options.enclosure);
    writer.write(header);
    std::int64_t seen = 0;
    std::int64_t written = 0;
    std::vector<std::string> cells(kept.size());
    table->forEach([&](const std::vector<std::string>& record) {
        ++seen;
        if (matches(filters, record)) {
            for (std::size_t i = 0; i < kept.size(); ++i)
                cells[i] = core::ImportEntity::formatCell(entity.columns()[kept[i]], record[kept[i]],
                                                          options.multiSeparator);
            writer.write(cells);
            ++written;
        }
        if (progress && seen % 5000 == 0)
            progress(seen, total);
        return true;
    });
    if (progress)
        progress(total, total);
    return written;
}

core::Id ExportService::queue(const core::ImportEntity& entity, const Options& options, const core::StaffUser& staff)
{
    const auto found = problems(entity, options);
    if (!found.empty())
        throw ImportExportError(Kind::Invalid, "validation_failed", found.front().second, found.front().first);
    auto db = m_services.database().acquire();
    core::Id id = 0;
    {
        store::Transaction tx(*db);
        id = store::ExportRepository(*db).create(std::string(entity.name()), options.toJson(), staff.id);
        if (const auto* schedule = ScheduledJobs::find("cron.export_queue"))
            ScheduledJobs::queue(*db, *schedule);
        tx.commit();
    }
    m_services.jobQueued();
    return id;
}

std::vector<store::ExportRepository::Row> ExportService::list(int offset, int limit, std::int64_t* total)
{
    auto db = m_services.database().acquire();
    store::ExportRepository exports(*db);
    if (total)
        *total = exports.count();
    return exports.list(offset, limit);
}

store::ExportRepository::Row ExportService::find(core::Id id)
{
    auto db = m_services.database().acquire();
    auto row = store::ExportRepository(*db).find(id);
    if (!row)
        throw ImportExportError(Kind::NotFound, "not_found", "No export " + std::to_string(id) + ".");
    return *row;
}

std::string ExportService::filePath(core::Id id)
{
    const auto row = find(id);
    if (row.status != "done" || row.filePath.empty() || !Poco::File(row.filePath).exists())
        throw ImportExportError(Kind::NotFound, "not_found", "The export's file exists once the export is done.");
    return row.filePath;
}

void ExportService::remove(core::Id id)
{
    const auto row = find(id);
    if (row.status == "running")
        throw ImportExportError(Kind::Conflict, "invalid_state", "The export is running; delete it when it is done.");
    {
        auto db = m_services.database().acquire();
        store::ExportRepository(*db).remove(id);
    }
    if (!row.filePath.empty()) {
        try {
            Poco::File(row.filePath).remove();
        } catch (const Poco::Exception&) {
        }
    }
}

ExportService::QueueResult ExportService::runQueue(Services& services)
{
    QueueResult result;
    auto db = services.database().acquire();
    store::ExportRepository exports(*db);
    const std::string dir = services.options().dataDir + "/exports";
    Poco::File(dir).createDirectories();
    while (auto row = exports.claimNext()) {
        const std::string path = dir + "/" + std::to_string(row->id) + ".csv";
        try {
            const auto* entity = core::ImportEntity::find(row->entity);
            if (!entity)
                throw std::runtime_error("unknown entity " + row->entity);
            const auto options = Options::fromJson(row->optionsJson);
            std::int64_t rows = 0;
            {
                std::ofstream out(path + ".part", std::ios::binary | std::ios::trunc);
                auto reader = services.database().acquire();
                rows = write(*reader, *entity, options, out, [&](std::int64_t seen, std::int64_t total) {
                    exports.setProgress(
                        row->id, total > 0 ? static_cast<int>(std::min<std::int64_t>(99, seen * 100 / total)) : 99, 0);
                });
                out.close();
                if (!out)
                    throw std::runtime_error("could not write " + path);
            }
            Poco::File(path + ".part").renameTo(path);
            exports.finish(row->id, "done", path, rows, "");
            ++result.exported;
        } catch (const std::exception& e) {
            ++result.failed;
            result.lastError = e.what();
            exports.finish(row->id, "failed", "", 0, std::string("The export stopped with an error: ") + e.what());
        }
    }
    return result;
}

} // namespace gh::services
