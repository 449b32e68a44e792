#include "GatehouseServer.h"

#include "core/Text.h"
#include "http/HttpServer.h"
#include "http/Routes.h"
#include "jobs/EmailJob.h"
#include "services/DemoData.h"
#include "services/Services.h"
#include "store/Migrations.h"

#include <Poco/AsyncChannel.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/PatternFormatter.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/IntValidator.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/RegExpValidator.h>

#include <chrono>
#include <iostream>

namespace gh::server {
namespace {

using Poco::Util::Option;

constexpr const char* kDefaultDb = "sqlite:var/gatehouse.db";
constexpr const char* kDefaultListen = "127.0.0.1:8080";

// "HOST:PORT", "[::1]:PORT" or ":PORT".
std::pair<std::string, std::uint16_t> parseListen(const std::string& text)
{
    const auto colon = text.rfind(':');
    if (colon == std::string::npos)
        throw Poco::InvalidArgumentException("--listen needs HOST:PORT, got '" + text + "'");
    std::string host = text.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (host.empty())
        host = "0.0.0.0";
    int port = 0;
    try {
        port = std::stoi(text.substr(colon + 1));
    } catch (const std::exception&) {
        port = -1;
    }
    if (port < 0 || port > 65535)
        throw Poco::InvalidArgumentException("--listen has an invalid port in '" + text + "'");
    return {host, static_cast<std::uint16_t>(port)};
}

void printUsage(std::ostream& out)
{
    out << "Usage:\n"
           "  gatehouse-server [--config FILE] [--listen HOST:PORT] [--db URL] [--demo [--demo-scale small|large]]\n"
           "  gatehouse-server migrate [--db URL] [--config FILE]\n"
           "\n"
           "Subcommands:\n"
           "  migrate   bring the database schema to the newest version and exit\n";
}

} // namespace

GatehouseServer::GatehouseServer() { setUnixOptions(true); }

void GatehouseServer::initialize(Poco::Util::Application& self)
{
    ServerApplication::initialize(self);
    setUpLogging();
}

void GatehouseServer::setUpLogging()
{
    Poco::AutoPtr<Poco::PatternFormatter> formatter(new Poco::PatternFormatter("%Y-%m-%dT%H:%M:%SZ %p %s: %t"));
    formatter->setProperty("times", "UTC");
    Poco::AutoPtr<Poco::FormattingChannel> console(
        new Poco::FormattingChannel(formatter, Poco::AutoPtr<Poco::Channel>(new Poco::ConsoleChannel)));
    const std::string level = config().getString("gatehouse.log.level", "information");
    Poco::Logger::root().setChannel(console);
    Poco::Logger::root().setLevel(level);
    logger().setChannel(console);
    logger().setLevel(level);
    Poco::Logger::get("gatehouse").setChannel(console);
    Poco::Logger::get("gatehouse").setLevel(level);
    // The access log goes through a background channel so that writing it never slows a request.
    Poco::AutoPtr<Poco::AsyncChannel> async(new Poco::AsyncChannel(console));
    auto& access = Poco::Logger::get("gatehouse.access");
    access.setChannel(async);
    access.setLevel(config().getBool("gatehouse.log.access", true) ? "information" : "warning");
}

void GatehouseServer::defineOptions(Poco::Util::OptionSet& options)
{
    ServerApplication::defineOptions(options);
    options.addOption(Option("help", "h", "show this help and exit").required(false).repeatable(false));
    options.addOption(Option("version", "", "print the version and exit").required(false).repeatable(false));
    options.addOption(Option("config", "c", "load configuration from FILE (.properties, .ini, .xml, .json)")
                          .required(false)
                          .repeatable(true)
                          .argument("FILE"));
    options.addOption(Option("listen", "l", "address to serve on (default 127.0.0.1:8080; port 0 picks a free one)")
                          .required(false)
                          .repeatable(false)
                          .argument("HOST:PORT")
                          .binding("gatehouse.listen"));
    options.addOption(Option("db", "", "database URL: sqlite:PATH (default sqlite:var/gatehouse.db)")
                          .required(false)
                          .repeatable(false)
                          .argument("URL")
                          .binding("gatehouse.db"));
    options.addOption(Option("demo", "", "fill an empty database with the demo data set and print its sign-ins")
                          .required(false)
                          .repeatable(false)
                          .binding("gatehouse.demo"));
    options.addOption(Option("demo-scale", "", "size of the demo data: small (default) or large")
                          .required(false)
                          .repeatable(false)
                          .argument("SCALE")
                          .validator(new Poco::Util::RegExpValidator("small|large"))
                          .binding("gatehouse.demo.scale"));
}

void GatehouseServer::handleOption(const std::string& name, const std::string& value)
{
    ServerApplication::handleOption(name, value);
    if (name == "help") {
        printHelp();
        m_stop = true;
        stopOptionsProcessing();
    } else if (name == "version") {
        std::cout << "gatehouse-server " << GATEHOUSE_VERSION << std::endl;
        m_stop = true;
        stopOptionsProcessing();
    } else if (name == "config") {
        loadConfiguration(value, PRIO_DEFAULT);
    } else if (name == "demo") {
        config().setBool("gatehouse.demo", true);
    }
}

void GatehouseServer::printHelp()
{
    Poco::Util::HelpFormatter help(options());
    help.setCommand("gatehouse-server");
    help.setUsage("[--config FILE] [--listen HOST:PORT] [--db URL] [--demo [--demo-scale small|large]]\n"
                  "       gatehouse-server migrate [--db URL] [--config FILE]");
    help.setHeader("Gatehouse customer portal server: serves the portal pages, the portal API and the admin API.");
    help.setFooter("Configuration keys (file or command line): gatehouse.listen, gatehouse.db, gatehouse.http.maxThreads, "
                   "gatehouse.http.maxQueued, gatehouse.http.keepAlive, gatehouse.http.keepAliveTimeout, "
                   "gatehouse.http.timeout, gatehouse.http.maxHeaderBytes, gatehouse.http.maxBodyBytes, "
                   "gatehouse.http.shutdownTimeout, gatehouse.log.level, gatehouse.log.access, gatehouse.dataDir, "
                   "gatehouse.publicUrl.");
    help.format(std::cout);
}

int GatehouseServer::main(const std::vector<std::string>& args)
{
    if (m_stop)
        return EXIT_OK;
    if (!args.empty()) {
        std::cerr << "Unexpected argument '" << args.front() << "'.\n";
        printUsage(std::cerr);
        return EXIT_USAGE;
    }
    auto& log = Poco::Logger::get("gatehouse");
    try {
        const auto [host, port] = parseListen(config().getString("gatehouse.listen", kDefaultListen));
        const std::string dbUrl = config().getString("gatehouse.db", kDefaultDb);

        auto database = store::openDatabase(dbUrl);
        {
            auto connection = database->acquire();
            const int applied = store::Migrations::apply(*connection);
            if (applied)
                log.information("Database " + dbUrl + " migrated to schema version " +
                                std::to_string(store::Migrations::latestVersion()));
            if (config().getBool("gatehouse.demo", false)) {
                const auto scale = services::DemoData::parseScale(config().getString("gatehouse.demo.scale", "small"));
                if (services::DemoData::isEmpty(*connection)) {
                    log.information("Creating demo data (" + config().getString("gatehouse.demo.scale", "small") +
                                    " scale)...");
                    const auto started = std::chrono::steady_clock::now();
                    const auto counts = services::DemoData::generate(*connection, scale, core::PasswordHasher{});
                    const double seconds =
                        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
                    char took[32];
                    std::snprintf(took, sizeof took, "%.1f s", seconds);
                    log.information("Demo data ready in " + std::string(took) + ": " +
                                    std::to_string(counts.customers) + " customers, " +
                                    std::to_string(counts.invoices) + " invoices, " + std::to_string(counts.orders) +
                                    " orders, " + std::to_string(counts.shipments) + " shipments, " +
                                    std::to_string(counts.documents) + " documents");
                } else {
                    log.information("The database already holds data; demo data left as it is.");
                }
                std::cout << "\nDemo sign-ins (password " << services::DemoData::kPassword << "):\n";
                for (const auto& signIn : services::DemoData::signIns())
                    std::cout << "  " << signIn.email << "  " << signIn.role << "\n";
                std::cout << std::endl;
            }
        }

        services::Options options;
        options.dataDir = config().getString("gatehouse.dataDir", "var");
        options.publicUrl = config().getString("gatehouse.publicUrl", "");
        options.portalDir = config().getString("gatehouse.portalDir", GATEHOUSE_PORTAL_DIR);
        services::Services services(std::move(database), options);

        // Outbox delivery in the background, woken at once when a handler queues an email. Made
        // before the HTTP server, so it outlives every request that may wake it.
        jobs::EmailJob emailJob(services);
        services.setOutboxListener([&emailJob] { emailJob.trigger(); });
        emailJob.start();

        http::Router router;
        http::registerRoutes(router, services);

        http::ServerLimits limits;
        limits.maxThreads = config().getInt("gatehouse.http.maxThreads", limits.maxThreads);
        limits.maxQueued = config().getInt("gatehouse.http.maxQueued", limits.maxQueued);
        limits.keepAlive = config().getBool("gatehouse.http.keepAlive", limits.keepAlive);
        limits.keepAliveTimeoutSeconds = config().getInt("gatehouse.http.keepAliveTimeout", limits.keepAliveTimeoutSeconds);
        limits.maxKeepAliveRequests = config().getInt("gatehouse.http.maxKeepAliveRequests", limits.maxKeepAliveRequests);
        limits.timeoutSeconds = config().getInt("gatehouse.http.timeout", limits.timeoutSeconds);
        limits.maxHeaderBytes = static_cast<std::size_t>(
            config().getUInt64("gatehouse.http.maxHeaderBytes", limits.maxHeaderBytes));
        limits.maxBodyBytes = config().getUInt64("gatehouse.http.maxBodyBytes", limits.maxBodyBytes);
        limits.shutdownTimeoutSeconds = config().getInt("gatehouse.http.shutdownTimeout", limits.shutdownTimeoutSeconds);

        http::HttpServer server(router, limits, &Poco::Logger::get("gatehouse.access"), &log);
        server.start(host, port);
        if (options.publicUrl.empty())
            services.options().publicUrl = server.url();
        log.information("Gatehouse " + std::string(GATEHOUSE_VERSION) + " is serving " + server.url() + " (database " +
                        dbUrl + ")");
        std::cout << "Listening on " << server.url() << std::endl;

        waitForTerminationRequest();
        log.information("Stopping: finishing " + std::to_string(server.requestsInFlight()) +
                        " request(s) in flight...");
        server.stop();
        emailJob.stop();
        services.setOutboxListener({});
        log.information("Stopped.");
        return EXIT_OK;
    } catch (const Poco::Exception& e) {
        log.fatal(e.displayText());
        std::cerr << "gatehouse-server: " << e.displayText() << std::endl;
        return EXIT_SOFTWARE;
    } catch (const std::exception& e) {
        log.fatal(e.what());
        std::cerr << "gatehouse-server: " << e.what() << std::endl;
        return EXIT_SOFTWARE;
    }
}

bool isSubcommand(const char* word)
{
    const std::string w = word;
    return w == "migrate";
}

int runSubcommand(int argc, char** argv)
{
    const std::string command = argv[1];
    std::string dbUrl = kDefaultDb;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if ((arg == "--db") && i + 1 < argc) {
            dbUrl = argv[++i];
        } else if (arg.rfind("--db=", 0) == 0) {
            dbUrl = arg.substr(5);
        } else if (arg == "--help" || arg == "-h") {
            printUsage(std::cout);
            return 0;
        } else {
            std::cerr << "gatehouse-server " << command << ": unexpected argument '" << arg << "'\n";
            printUsage(std::cerr);
            return 64;
        }
    }
    try {
        if (command == "migrate") {
            auto database = store::openDatabase(dbUrl);
            auto connection = database->acquire();
            const int before = store::Migrations::currentVersion(*connection);
            const int applied = store::Migrations::apply(*connection);
            std::cout << "Schema version " << before << " -> " << store::Migrations::latestVersion() << " ("
                      << applied << " migration(s) applied)" << std::endl;
            return 0;
        }
    } catch (const std::exception& e) {
        std::cerr << "gatehouse-server " << command << ": " << e.what() << std::endl;
        return 1;
    }
    printUsage(std::cerr);
    return 64;
}

} // namespace gh::server
