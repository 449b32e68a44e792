#include "GatehouseServer.h"
#include "PortalDirectory.h"

#include "core/Text.h"
#include "http/HttpServer.h"
#include "http/Routes.h"
#include "jobs/EmailJob.h"
#include "jobs/JobRunner.h"
#include "services/DemoData.h"
#include "services/Services.h"
#include "services/StaffAuth.h"
#include "store/Migrations.h"
#include "store/SqliteDatabase.h"

#include <Poco/AsyncChannel.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/PatternFormatter.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/IntValidator.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/RegExpValidator.h>

#include <chrono>
#include <csignal>
#include <iostream>
#include <pthread.h>

#include <termios.h>
#include <unistd.h>

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
           "                   [--set KEY=VALUE]\n"
           "  gatehouse-server migrate [--db URL] [--config FILE]\n"
           "  gatehouse-server admin create --email EMAIL [--role admin|viewer] [--db URL]\n"
           "\n"
           "Subcommands:\n"
           "  migrate       bring the database schema to the newest version and exit\n"
           "  admin create  create a staff account for the admin API and the desktop app; the password is\n"
           "                read from standard input (or asked for twice, without echo, on a terminal)\n";
}

} // namespace

GatehouseServer::GatehouseServer()
{
    setUnixOptions(true);
}

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
    options.addOption(Option("set", "", "set any configuration key, e.g. --set gatehouse.log.level=debug")
                          .required(false)
                          .repeatable(true)
                          .argument("KEY=VALUE"));
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
    } else if (name == "set") {
        const auto equals = value.find('=');
        if (equals == std::string::npos || equals == 0)
            throw Poco::Util::InvalidArgumentException("--set needs KEY=VALUE, got '" + value + "'");
        config().setString(value.substr(0, equals), value.substr(equals + 1));
    } else if (name == "demo") {
        config().setBool("gatehouse.demo", true);
    }
}

void GatehouseServer::printHelp()
{
    Poco::Util::HelpFormatter help(options());
    help.setCommand("gatehouse-server");
    help.setUsage(
        "[--config FILE] [--listen HOST:PORT] [--db URL] [--demo [--demo-scale small|large]] [--set KEY=VALUE]\n"
        "       gatehouse-server migrate [--db URL] [--config FILE]\n"
        "       gatehouse-server admin create --email EMAIL [--role admin|viewer] [--db URL]");
    help.setHeader("Gatehouse customer portal server: serves the portal pages, the portal API and the admin API.");
    help.setFooter("Configuration keys (file or command line): gatehouse.listen, gatehouse.db, gatehouse.http.maxThreads, "
                   "gatehouse.http.maxQueued, gatehouse.http.keepAlive, gatehouse.http.keepAliveTimeout, "
                   "gatehouse.http.timeout, gatehouse.http.maxHeaderBytes, gatehouse.http.maxBodyBytes, "
                   "gatehouse.http.shutdownTimeout, gatehouse.http.headerTimeout, gatehouse.http.minDataRate, "
                   "gatehouse.http.maxConnections, gatehouse.http.maxConnectionsPerAddress, gatehouse.http.trustedProxies, "
                   "gatehouse.log.level, gatehouse.log.access, gatehouse.dataDir, "
                   "gatehouse.publicUrl, gatehouse.jobs.schedules.");
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
        bool demoWanted = config().getBool("gatehouse.demo", false);
        bool demoEmpty = false;
        {
            auto connection = database->acquire();
            const int applied = store::Migrations::apply(*connection);
            if (applied)
                log.information("Database " + dbUrl + " migrated to schema version "
                                + std::to_string(store::Migrations::latestVersion()));
            demoEmpty = demoWanted && services::DemoData::isEmpty(*connection);
        }
        if (demoWanted) {
            const std::string scaleName = config().getString("gatehouse.demo.scale", "small");
            const auto scale = services::DemoData::parseScale(scaleName);
            auto* sqlite = dynamic_cast<store::SqliteDatabase*>(database.get());
            if (demoEmpty && sqlite) {
                log.information("Creating demo data (" + scaleName + " scale)...");
                const std::string path = sqlite->path();
                database.reset(); // the demo file is renamed into place; no connection may be open
                const auto started = std::chrono::steady_clock::now();
                // Ctrl+C or SIGTERM may end a long build at once: it writes a side file, so the
                // database stays as it was. Only this thread unblocks them; the others never see them.
                blockStopSignals(false);
                const auto counts = services::DemoData::buildFile(path, scale, core::PasswordHasher{});
                blockStopSignals(true);
                const double seconds
                    = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
                char took[32];
                std::snprintf(took, sizeof took, "%.1f s", seconds);
                log.information("Demo data ready in " + std::string(took) + ": " + std::to_string(counts.customers)
                                + " customers, " + std::to_string(counts.invoices) + " invoices, "
                                + std::to_string(counts.orders) + " orders, " + std::to_string(counts.shipments)
                                + " shipments, " + std::to_string(counts.documents) + " documents");
                database = store::openDatabase(dbUrl);
            } else if (!demoEmpty) {
                log.information("The database already holds data; demo data left as it is.");
            }
            std::cout << "\nDemo sign-ins (password " << services::DemoData::kPassword << "):\n";
            for (const auto& signIn : services::DemoData::signIns())
                std::cout << "  " << signIn.email << "  " << signIn.role << "\n";
            std::cout << std::endl;
        }

        services::Options options;
        options.dataDir = config().getString("gatehouse.dataDir", "var");
        options.publicUrl = config().getString("gatehouse.publicUrl", "");
        options.portalDir = config().getString("gatehouse.portalDir",
                                               PortalDirectory::find(config().getString("application.dir", "")));
        services::Services services(std::move(database), options);

        // Outbox delivery in the background, woken at once when a handler queues an email. Made
        // before the HTTP server, so it outlives every request that may wake it.
        jobs::EmailJob emailJob(services);
        services.setOutboxListener([&emailJob] { emailJob.trigger(); });
        emailJob.start();
        // Runs of the scheduled jobs ("run now" and, unless gatehouse.jobs.schedules is false, the
        // cron settings as they fall due), woken at once when a run is queued.
        jobs::JobRunner::Options jobOptions;
        jobOptions.schedules = config().getBool("gatehouse.jobs.schedules", true);
        jobs::JobRunner jobRunner(services, jobOptions);
        services.setJobListener([&jobRunner] { jobRunner.trigger(); });
        jobRunner.start();

        http::Router router;
        http::registerRoutes(router, services);

        http::ServerLimits limits;
        limits.maxThreads = config().getInt("gatehouse.http.maxThreads", limits.maxThreads);
        limits.maxQueued = config().getInt("gatehouse.http.maxQueued", limits.maxQueued);
        limits.keepAlive = config().getBool("gatehouse.http.keepAlive", limits.keepAlive);
        limits.keepAliveTimeoutSeconds
            = config().getInt("gatehouse.http.keepAliveTimeout", limits.keepAliveTimeoutSeconds);
        limits.maxKeepAliveRequests
            = config().getInt("gatehouse.http.maxKeepAliveRequests", limits.maxKeepAliveRequests);
        limits.timeoutSeconds = config().getInt("gatehouse.http.timeout", limits.timeoutSeconds);
        limits.maxHeaderBytes
            = static_cast<std::size_t>(config().getUInt64("gatehouse.http.maxHeaderBytes", limits.maxHeaderBytes));
        limits.maxBodyBytes = config().getUInt64("gatehouse.http.maxBodyBytes", limits.maxBodyBytes);
        limits.shutdownTimeoutSeconds = config().getInt("gatehouse.http.shutdownTimeout", limits.shutdownTimeoutSeconds);
        limits.headerTimeoutSeconds = config().getInt("gatehouse.http.headerTimeout", limits.headerTimeoutSeconds);
        limits.minDataRate = config().getUInt64("gatehouse.http.minDataRate", limits.minDataRate);
        limits.maxConnections = config().getInt("gatehouse.http.maxConnections", limits.maxConnections);
        limits.maxConnectionsPerAddress
            = config().getInt("gatehouse.http.maxConnectionsPerAddress", limits.maxConnectionsPerAddress);
        Poco::StringTokenizer proxies(config().getString("gatehouse.http.trustedProxies", ""), ",",
                                      Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
        limits.trustedProxies.assign(proxies.begin(), proxies.end());

        http::HttpServer server(router, limits, &Poco::Logger::get("gatehouse.access"), &log);
        server.start(host, port);
        if (options.publicUrl.empty())
            services.options().publicUrl = server.url();
        log.information("Gatehouse " + std::string(GATEHOUSE_VERSION) + " is serving " + server.url() + " (database "
                        + dbUrl + ")");
        std::cout << "Listening on " << server.url() << std::endl;

        waitForTerminationRequest();
        log.information("Stopping: finishing " + std::to_string(server.requestsInFlight())
                        + " request(s) in flight...");
        server.stop();
        jobRunner.stop();
        services.setJobListener({});
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

void blockStopSignals(bool block)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGQUIT);
    pthread_sigmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, nullptr);
}

bool isSubcommand(const char* word)
{
    const std::string w = word;
    return w == "migrate" || w == "admin";
}

namespace {

// One line from standard input; on a terminal without echo, so the password never shows or lands
// in a shell history.
std::string readSecretLine(const std::string& prompt)
{
    const bool terminal = isatty(STDIN_FILENO);
    termios saved{};
    if (terminal) {
        std::cerr << prompt << std::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::cerr << std::endl;
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

int adminCreate(const std::string& dbUrl, const std::string& email, const std::string& roleText)
{
    const auto role = core::parseEnum<core::StaffRole>(roleText);
    if (email.empty() || !role) {
        std::cerr << "gatehouse-server admin create: needs --email EMAIL and --role admin|viewer\n";
        printUsage(std::cerr);
        return 64;
    }
    const std::string password = readSecretLine("Password for " + email + ": ");
    if (isatty(STDIN_FILENO) && readSecretLine("Repeat the password: ") != password) {
        std::cerr << "gatehouse-server admin create: the passwords differ\n";
        return 1;
    }
    auto database = store::openDatabase(dbUrl);
    auto connection = database->acquire();
    store::Migrations::apply(*connection);
    try {
        services::StaffAuth::createStaff(*connection, core::PasswordHasher{}, email, *role, password);
    } catch (const store::DatabaseError& e) {
        if (e.kind() == store::DatabaseError::Kind::Constraint) {
            std::cerr << "gatehouse-server admin create: a staff account " << email << " already exists\n";
            return 1;
        }
        throw;
    }
    std::cout << "Created staff account " << email << " (" << roleText << ")" << std::endl;
    return 0;
}

} // namespace

int runSubcommand(int argc, char** argv)
{
    std::string command = argv[1];
    std::string dbUrl = kDefaultDb;
    std::string email;
    std::string role = "admin";
    int first = 2;
    if (command == "admin") {
        if (argc < 3 || std::string(argv[2]) != "create") {
            std::cerr << "gatehouse-server admin: the only action is 'create'\n";
            printUsage(std::cerr);
            return 64;
        }
        command = "admin create";
        first = 3;
    }
    for (int i = first; i < argc; ++i) {
        const std::string arg = argv[i];
        if (command == "admin create" && arg == "--email" && i + 1 < argc) {
            email = argv[++i];
        } else if (command == "admin create" && arg == "--role" && i + 1 < argc) {
            role = argv[++i];
        } else if (command == "admin create" && (arg == "--password" || arg.rfind("--password=", 0) == 0)) {
            std::cerr << "gatehouse-server admin create: passwords are read from standard input, never from the "
                         "command line\n";
            return 64;
        } else if ((arg == "--db") && i + 1 < argc) {
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
            std::cout << "Schema version " << before << " -> " << store::Migrations::latestVersion() << " (" << applied
                      << " migration(s) applied)" << std::endl;
            return 0;
        }
        if (command == "admin create")
            return adminCreate(dbUrl, email, role);
    } catch (const std::exception& e) {
        std::cerr << "gatehouse-server " << command << ": " << e.what() << std::endl;
        return 1;
    }
    printUsage(std::cerr);
    return 64;
}

} // namespace gh::server
