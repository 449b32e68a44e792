#pragma once

#include <Poco/Util/ServerApplication.h>

#include <string>
#include <vector>

namespace gh::server {

// gatehouse-server: options and configuration (API.md "Command line"), database opening and
// migration, demo data, the HTTP server, and a graceful stop on SIGTERM/SIGINT.
class GatehouseServer : public Poco::Util::ServerApplication
{
public:
    GatehouseServer();

protected:
    void initialize(Poco::Util::Application& self) override;
    void defineOptions(Poco::Util::OptionSet& options) override;
    void handleOption(const std::string& name, const std::string& value) override;
    int main(const std::vector<std::string>& args) override;

private:
    void setUpLogging();
    void printHelp();
    bool m_stop = false;
};

// Blocks (true) or unblocks SIGINT, SIGTERM and SIGQUIT in the calling thread.
void blockStopSignals(bool block);

// Subcommands (`gatehouse-server migrate ...`): true when argv[1] names one.
bool isSubcommand(const char* word);
int runSubcommand(int argc, char** argv);

} // namespace gh::server
