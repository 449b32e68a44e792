#include "ImportExportCommand.h"

#include "core/ImportEntity.h"
#include "services/ExportService.h"
#include "services/ImportService.h"
#include "store/Migrations.h"

#include <Poco/File.h>

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>

namespace gh::server {
namespace {

constexpr const char* kDefaultDb = "sqlite:var/gatehouse.db";

// A one-line progress bar on standard error when it is a terminal; nothing otherwise.
class ProgressBar
{
public:
    explicit ProgressBar(std::string label)
        : m_label(std::move(label))
        , m_terminal(isatty(STDERR_FILENO) != 0)
    {
    }
    void show(int percent)
    {
        if (!m_terminal || percent == m_last)
            return;
        m_last = percent;
        const int filled = percent * 30 / 100;
        std::cerr << "\r" << m_label << " [" << std::string(static_cast<std::size_t>(filled), '#')
                  << std::string(static_cast<std::size_t>(30 - filled), ' ') << "] " << percent << "%" << std::flush;
    }
    void done()
    {
        if (m_terminal && m_last >= 0)
            std::cerr << "\n";
    }

private:
    std::string m_label;
    bool m_terminal;
    int m_last = -1;
};

int usage(const std::string& message)
{
    std::cerr << "gatehouse-server: " << message << "\n";
    ImportExportCommand::printUsage(std::cerr);
    return 64;
}

void printReport(const services::ImportReport& report, bool checkOnly)
{
    std::cout << (checkOnly ? "Check: " : "Import: ")
              << (report.valid ? (checkOnly ? "valid" : "done") : (checkOnly ? "not valid" : "failed, nothing written"))
              << "\n"
              << "rows " << report.rows << ", created " << report.created << ", updated " << report.updated
              << ", unchanged " << report.unchanged << ", deleted " << report.deleted << ", skipped " << report.skipped
              << ", errors " << report.errorCount << "\n";
    for (const auto& e : report.errors)
        std::cout << "row " << e.row << (e.column.empty() ? "" : ", column " + e.column) << ": " << e.code << ": "
                  << e.message << "\n";
    if (report.errorCount > static_cast<std::int64_t>(report.errors.size()))
        std::cout << "... and " << report.errorCount - static_cast<std::int64_t>(report.errors.size())
                  << " more error(s)\n";
}

} // namespace

bool ImportExportCommand::handles(const char* word)
{
    const std::string w = word;
    return w == "import" || w == "export";
}

void ImportExportCommand::printUsage(std::ostream& out)
{
    out << "  gatehouse-server import --entity portal-users|customers|contacts|roles [--db URL]\n"
           "                   [--behaviour add_update|replace|delete|custom] [--strategy stop|skip]\n"
           "                   [--allowed-errors N] [--separator C] [--multi-separator C] [--enclosure C]\n"
           "                   [--empty-value TEXT] [--check] [--report CHANGES.csv] FILE\n"
           "  gatehouse-server export --entity portal-users|customers|contacts|roles [--db URL] [--enclosure C]\n"
           "                   [--separator C] [--multi-separator C] [--exclude COL,COL...]\n"
           "                   [--filter COL=VALUE]... [-o FILE]\n";
}

int ImportExportCommand::run(int argc, char** argv)
{
    const std::string command = argv[1];
    std::string dbUrl = kDefaultDb;
    std::map<std::string, std::string> values;
    std::string file;
    std::string output;
    std::string changes;
    bool checkOnly = false;
    std::vector<std::string> exclude;
    std::map<std::string, std::string> filters;
    static const std::map<std::string, std::string> importOptions = {
        {"--behaviour", "behaviour"},
        {"--strategy", "strategy"},
        {"--allowed-errors", "allowedErrors"},
        {"--separator", "separator"},
        {"--multi-separator", "multiSeparator"},
        {"--enclosure", "enclosure"},
        {"--empty-value", "emptyValue"},
    };
    std::string entityName;
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        std::optional<std::string> inlineValue;
        if (auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
            inlineValue = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
        }
        auto value = [&]() -> std::optional<std::string> {
            if (inlineValue)
                return inlineValue;
            if (i + 1 < argc)
                return std::string(argv[++i]);
            return std::nullopt;
        };
        if (arg == "--help" || arg == "-h") {
            printUsage(std::cout);
            return 0;
        }
        if (arg == "--check" && command == "import") {
            checkOnly = true;
            continue;
        }
        std::optional<std::string> v;
        if (arg == "--db" || arg == "--entity" || arg == "--report" || arg == "-o" || arg == "--output"
            || arg == "--exclude" || arg == "--filter" || importOptions.count(arg)) {
            v = value();
            if (!v)
                return usage(arg + " needs a value");
        } else if (arg.rfind("-", 0) == 0) {
            return usage(command + ": unknown option " + arg);
        } else if (command == "import" && file.empty()) {
            file = arg;
            continue;
        } else {
            return usage(command + ": unexpected argument '" + arg + "'");
        }
        if (arg == "--db")
            dbUrl = *v;
        else if (arg == "--entity")
            entityName = *v;
        else if (arg == "--report" && command == "import")
            changes = *v;
        else if ((arg == "-o" || arg == "--output") && command == "export")
            output = *v;
        else if (arg == "--exclude" && command == "export") {
            for (const auto& name : core::splitList(*v, ','))
                exclude.push_back(name);
        } else if (arg == "--filter" && command == "export") {
            const auto eq = v->find('=');
            if (eq == std::string::npos)
                return usage("--filter takes COLUMN=VALUE");
            filters[v->substr(0, eq)] = v->substr(eq + 1);
        } else if (importOptions.count(arg)
                   && (command == "import" || arg == "--separator" || arg == "--enclosure"
                       || arg == "--multi-separator"))
            values[importOptions.at(arg)] = *v;
        else
            return usage(command + ": " + arg + " does not apply here");
    }
    const auto* entity = core::ImportEntity::find(entityName);
    if (!entity)
        return usage(command + " needs --entity portal-users, customers, contacts or roles");
    try {
        auto database = store::openDatabase(dbUrl);
        auto connection = database->acquire();
        store::Migrations::apply(*connection);
        if (command == "import") {
            if (file.empty())
                return usage("import needs the FILE to import");
            std::vector<services::ImportOptions::Problem> problems;
            const auto options = services::ImportOptions::parse(
                [&](const std::string& name) -> std::optional<std::string> {
                    auto it = values.find(name);
                    return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
                },
                &problems);
            if (!problems.empty())
                return usage(problems.front().parameter + " " + problems.front().message);
            const auto size = std::max<std::uint64_t>(1, Poco::File(file).getSize());
            if (size > services::ImportService::kMaxUploadBytes)
                return usage("the file is larger than 1536 MB");
            ProgressBar bar(checkOnly ? "checking" : "importing");
            auto progress = [&](std::uint64_t bytes) {
                bar.show(static_cast<int>(std::min<std::uint64_t>(100, bytes * 100 / size)));
            };
            services::ImportReport report = checkOnly
                ? services::ImportService::checkFile(*connection, *entity, options, file, progress)
                : services::ImportService::runFile(*connection, *entity, options, file, changes,
                                                   "gatehouse-server import", "system", core::Origin::Import, 0,
                                                   progress, nullptr);
            bar.done();
            printReport(report, checkOnly);
            return report.valid ? 0 : 1;
        }
        services::ExportService::Options options;
        std::vector<services::ImportOptions::Problem> ignored;
        const auto chars = services::ImportOptions::parse(
            [&](const std::string& name) -> std::optional<std::string> {
                auto it = values.find(name);
                return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
            },
            &ignored);
        if (!ignored.empty())
            return usage(ignored.front().parameter + " " + ignored.front().message);
        options.separator = chars.separator;
        options.enclosure = chars.enclosure;
        options.multiSeparator = chars.multiSeparator;
        options.exclude = exclude;
        options.filters = filters;
        if (const auto problems = services::ExportService::problems(*entity, options); !problems.empty())
            return usage(problems.front().first + ": " + problems.front().second);
        ProgressBar bar("exporting");
        std::ofstream fileOut;
        if (!output.empty()) {
            fileOut.open(output + ".part", std::ios::binary | std::ios::trunc);
            if (!fileOut)
                throw std::runtime_error("cannot write " + output);
        }
        std::ostream& out = output.empty() ? std::cout : fileOut;
        const auto rows = services::ExportService::write(
            *connection, *entity, options, out, [&](std::int64_t seen, std::int64_t total) {
                bar.show(total > 0 ? static_cast<int>(seen * 100 / total) : 100);
            });
        bar.done();
        if (!output.empty()) {
            fileOut.close();
            if (!fileOut)
                throw std::runtime_error("cannot write " + output);
            Poco::File(output + ".part").renameTo(output);
            std::cerr << "Exported " << rows << " " << entity->name() << " row(s) to " << output << "\n";
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "gatehouse-server " << command << ": " << e.what() << std::endl;
        return 1;
    }
}

} // namespace gh::server
