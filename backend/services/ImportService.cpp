#include "ImportService.h"

#include "ImportExportError.h"
#include "ScheduledJobs.h"
#include "core/SecureRandom.h"
#include "core/Time.h"
#include "store/AuditRepository.h"
#include "store/EntityTable.h"
#include "store/JobRepository.h"
#include "store/StaffRepository.h"

#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Path.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

namespace gh::services {
namespace {

using Kind = ImportExportError::Kind;

// What a run in this process shows while its transaction is open (nothing of it is visible in the
// database until it commits): progress and the cancel request. Keyed by database and import id.
struct LiveRun
{
    std::atomic<int> progress{0};
    std::atomic<bool> cancel{false};
};

class LiveRuns
{
public:
    static LiveRuns& instance()
    {
        static LiveRuns runs;
        return runs;
    }
    std::shared_ptr<LiveRun> add(const std::string& key)
    {
        std::lock_guard lock(m_mutex);
        auto& slot = m_runs[key];
        if (!slot)
            slot = std::make_shared<LiveRun>();
        return slot;
    }
    std::shared_ptr<LiveRun> find(const std::string& key)
    {
        std::lock_guard lock(m_mutex);
        auto it = m_runs.find(key);
        return it == m_runs.end() ? nullptr : it->second;
    }
    void remove(const std::string& key)
    {
        std::lock_guard lock(m_mutex);
        m_runs.erase(key);
    }

private:
    std::mutex m_mutex;
    std::map<std::string, std::shared_ptr<LiveRun>> m_runs;
};

// An advisory lock (flock) on a file beside the import, held while it is checked or run. The kernel
// drops it when the process dies, however it dies.
class FileLock
{
public:
    explicit FileLock(const std::string& path)
        : m_fd(::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600))
    {
        if (m_fd >= 0 && ::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~FileLock()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    bool locked() const { return m_fd >= 0; }

    static bool heldElsewhere(const std::string& path)
    {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return false;
        const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
        ::close(fd);
        return held;
    }

private:
    int m_fd;
};

std::string liveKey(Services& services, core::Id id)
{
    return services.database().url() + "#" + std::to_string(id);
}

std::string lockPath(const std::string& file)
{
    return file + ".lock";
}

std::string changesPathOf(const std::string& file)
{
    return file + ".changes.csv";
}

std::string failureMessage(const ImportReport& report, const ImportOptions& options)
{
    if (report.cancelled)
        return "The import was cancelled; nothing was imported.";
    if (report.fatal)
        return "The file could not be read (see the errors); nothing was imported.";
    return std::to_string(report.errorCount) + " error(s), more than the " + std::to_string(options.allowedErrors)
        + " allowed; nothing was imported.";
}

std::string countsJson(const ImportReport& report, const core::ImportEntity& entity, const ImportOptions& options)
{
    Poco::JSON::Object o;
    o.set("entity", std::string(entity.name()));
    o.set("behaviour", std::string(ImportOptions::name(options.behaviour)));
    o.set("rows", report.rows);
    o.set("created", report.created);
    o.set("updated", report.updated);
    o.set("unchanged", report.unchanged);
    o.set("deleted", report.deleted);
    o.set("skipped", report.skipped);
    o.set("errors", report.errorCount);
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(o, out);
    return out.str();
}

std::uint64_t fileSize(const std::string& path)
{
    try {
        return Poco::File(path).getSize();
    } catch (const Poco::Exception&) {
        return 0;
    }
}

} // namespace

std::string ImportService::reportJson(const ImportReport& report, const std::string& message)
{
    Poco::JSON::Object o;
    o.set("valid", report.valid);
    o.set("rows", report.rows);
    o.set("created", report.created);
    o.set("updated", report.updated);
    o.set("unchanged", report.unchanged);
    o.set("deleted", report.deleted);
    o.set("skipped", report.skipped);
    o.set("errorCount", report.errorCount);
    Poco::JSON::Array::Ptr errors(new Poco::JSON::Array);
    for (const auto& e : report.errors) {
        Poco::JSON::Object::Ptr item(new Poco::JSON::Object);
        item->set("row", e.row);
        item->set("column", e.column);
        item->set("code", e.code);
        item->set("message", e.message);
        errors->add(item);
    }
    o.set("errors", errors);
    o.set("message", message);
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(o, out);
    return out.str();
}

std::string ImportService::importsDir() const
{
    const std::string dir = m_services.options().dataDir + "/imports";
    Poco::File(dir).createDirectories();
    return dir;
}

std::string ImportService::stagingPath() const
{
    return importsDir() + "/upload-" + core::SecureRandom::token(12) + ".part";
}

const core::ImportEntity& ImportService::entity(const std::string& name)
{
    const auto* entity = core::ImportEntity::find(name);
    if (!entity)
        throw ImportExportError(Kind::BadParameter, "bad_request",
                                "entity must be portal-users, customers, contacts or roles", "entity");
    return *entity;
}

core::Id ImportService::create(const core::ImportEntity& entity, const ImportOptions& options,
                               const std::string& stagedFile, std::uint64_t bytes, const core::StaffUser& staff)
{
    (void)bytes;
    auto db = m_services.database().acquire();
    core::Id id = 0;
    {
        store::Transaction tx(*db);
        store::ImportRepository imports(*db);
        id = imports.create(std::string(entity.name()), options.toJson(), "", staff.id);
        const std::string path = importsDir() + "/" + std::to_string(id) + ".csv";
        Poco::File(stagedFile).renameTo(path);
        imports.setFilePath(id, path);
        tx.commit();
    }
    return id;
}

ImportReport ImportService::checkFile(store::Connection& db, const core::ImportEntity& entity,
                                      const ImportOptions& options, const std::string& path,
                                      const ImportEngine::Progress& progress)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot open " + path);
    store::ReadSnapshot snapshot(db);
    auto table = store::EntityTable::open(db, entity.kind());
    ImportEngine engine(entity, options, *table);
    return engine.process(in, false, nullptr, progress);
}

ImportReport ImportService::check(core::Id id)
{
    auto db = m_services.database().acquire();
    store::ImportRepository imports(*db);
    auto row = imports.find(id);
    if (!row)
        throw ImportExportError(Kind::NotFound, "not_found", "No import " + std::to_string(id) + ".");
    if (!imports.transition(id, {"uploaded", "checked", "failed"}, "checking"))
        throw ImportExportError(Kind::Conflict, "invalid_state",
                                "The import is " + row->status
                                    + "; only an uploaded, checked or failed import can be checked.");
    const auto key = liveKey(m_services, id);
    auto live = LiveRuns::instance().add(key);
    FileLock lock(lockPath(row->filePath));
    const auto options = ImportOptions::fromJson(row->optionsJson);
    const auto size = std::max<std::uint64_t>(1, fileSize(row->filePath));
    ImportReport report;
    try {
        report = checkFile(*db, entity(row->entity), options, row->filePath, [&](std::uint64_t bytes) {
            live->progress = static_cast<int>(std::min<std::uint64_t>(100, bytes * 100 / size));
        });
    } catch (...) {
        LiveRuns::instance().remove(key);
        imports.finish(id, "failed", 0, reportJson(ImportReport{}, "The check stopped with an error."));
        throw;
    }
    LiveRuns::instance().remove(key);
    imports.finish(id, "checked", 100, reportJson(report, report.valid ? "" : failureMessage(report, options)));
    return report;
}

void ImportService::startRun(core::Id id, const core::StaffUser& staff)
{
    (void)staff;
    auto db = m_services.database().acquire();
    {
        store::Transaction tx(*db);
        store::ImportRepository imports(*db);
        auto row = imports.find(id);
        if (!row)
            throw ImportExportError(Kind::NotFound, "not_found", "No import " + std::to_string(id) + ".");
        if (!imports.transition(id, {"uploaded", "checked"}, "running"))
            throw ImportExportError(Kind::Conflict, "invalid_state",
                                    "The import is " + row->status
                                        + "; only an uploaded or checked import can be run.");
        store::JobRepository(*db).create(core::JobKind::Import, "import:" + std::to_string(id));
        tx.commit();
    }
    LiveRuns::instance().add(liveKey(m_services, id));
    m_services.jobQueued();
}

void ImportService::cancel(core::Id id)
{
    auto current = status(id);
    auto live = LiveRuns::instance().find(liveKey(m_services, id));
    if (current.row.status != "running" || !live)
        throw ImportExportError(Kind::Conflict, "invalid_state",
                                "The import is " + current.row.status + ", not running.");
    live->cancel = true;
}

ImportService::Status ImportService::status(core::Id id)
{
    auto db = m_services.database().acquire();
    store::ImportRepository imports(*db);
    auto row = imports.find(id);
    if (!row)
        throw ImportExportError(Kind::NotFound, "not_found", "No import " + std::to_string(id) + ".");
    Status status{*row, row->progress};
    if (row->status == "running" || row->status == "checking") {
        if (auto live = LiveRuns::instance().find(liveKey(m_services, id))) {
            status.progress = live->progress;
        } else if (!FileLock::heldElsewhere(lockPath(row->filePath))) {
            // Nobody holds the import's lock: the server that ran it stopped mid-way. Its transaction
            // never committed, so nothing of it was written.
            const std::string message = "The server stopped during the "
                + std::string(row->status == "running" ? "run" : "check")
                + "; nothing was imported. Run the import again.";
            ImportReport none;
            none.valid = false;
            imports.finish(id, "failed", row->progress, reportJson(none, message));
            if (auto again = imports.find(id))
                status.row = *again;
        }
    }
    return status;
}

std::vector<ImportService::Status> ImportService::recent(int limit)
{
    std::vector<core::Id> ids;
    {
        auto db = m_services.database().acquire();
        for (const auto& row : store::ImportRepository(*db).recent(limit))
            ids.push_back(row.id);
    }
    std::vector<Status> out;
    for (auto id : ids)
        out.push_back(status(id));
    return out;
}

std::string ImportService::changeReportPath(core::Id id)
{
    auto current = status(id);
    const std::string path = changesPathOf(current.row.filePath);
    if (current.row.status != "done" || !Poco::File(path).exists())
        throw ImportExportError(Kind::NotFound, "not_found", "The change report exists once the import is done.");
    return path;
}

ImportReport ImportService::runFile(store::Connection& db, const core::ImportEntity& entity,
                                    const ImportOptions& options, const std::string& path,
                                    const std::string& changesPath, const std::string& actor,
                                    const std::string& actorKind, core::Origin origin, core::Id importId,
                                    const ImportEngine::Progress& progress, const std::atomic<bool>* cancel)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot open " + path);
    const std::string partial = changesPath.empty() ? std::string() : changesPath + ".part";
    std::unique_ptr<std::ofstream> changes;
    if (!partial.empty())
        changes = std::make_unique<std::ofstream>(partial, std::ios::binary | std::ios::trunc);
    ImportReport report;
    store::EntityTable::prepareBulkWrite(db);
    {
        store::Transaction tx(db);
        auto table = store::EntityTable::open(db, entity.kind());
        ImportEngine engine(entity, options, *table);
        report = engine.process(in, true, changes.get(), progress, cancel);
        if (report.valid) {
            core::AuditEvent event;
            event.actor = actor;
            event.actorKind = actorKind;
            event.entity = std::string(entity.auditEntity());
            event.entityKey = importId ? "import " + std::to_string(importId) : Poco::Path(path).getFileName();
            event.action = "import";
            event.after = countsJson(report, entity, options);
            event.origin = origin;
            store::AuditRepository(db).append(event);
            if (importId)
                store::ImportRepository(db).finish(importId, "done", 100, reportJson(report));
            if (changes) {
                changes->close();
                Poco::File(partial).renameTo(changesPath);
            }
            tx.commit();
            return report;
        }
    }
    if (changes) {
        changes->close();
        Poco::File(partial).remove();
    }
    return report;
}

ImportReport ImportService::runJob(Services& services, core::Id id)
{
    std::optional<store::ImportRepository::Row> row;
    std::string actor = "staff";
    {
        auto db = services.database().acquire();
        row = store::ImportRepository(*db).find(id);
        if (row && row->staffId) {
            if (auto staff = store::StaffRepository(*db).findById(*row->staffId))
                actor = staff->email;
        }
    }
    if (!row || row->status != "running") {
        ImportReport none;
        none.valid = false;
        return none;
    }
    const auto key = liveKey(services, id);
    auto live = LiveRuns::instance().add(key);
    FileLock lock(lockPath(row->filePath));
    const auto options = ImportOptions::fromJson(row->optionsJson);
    const auto& what = entity(row->entity);
    const auto size = std::max<std::uint64_t>(1, fileSize(row->filePath));
    ImportReport report;
    auto db = services.database().acquire();
    try {
        report = runFile(
            *db, what, options, row->filePath, changesPathOf(row->filePath), actor, "staff", core::Origin::Import, id,
            [&](std::uint64_t bytes) {
                live->progress = static_cast<int>(std::min<std::uint64_t>(99, bytes * 100 / size));
            },
            &live->cancel);
    } catch (const std::exception& e) {
        LiveRuns::instance().remove(key);
        ImportReport none;
        none.valid = false;
        store::ImportRepository(*db).finish(
            id, "failed", live->progress,
            reportJson(none, std::string("The run stopped with an error: ") + e.what() + "; nothing was imported."));
        throw;
    }
    LiveRuns::instance().remove(key);
    if (!report.valid)
        store::ImportRepository(*db).finish(id, "failed", live->progress,
                                            reportJson(report, failureMessage(report, options)));
    return report;
}

} // namespace gh::services
