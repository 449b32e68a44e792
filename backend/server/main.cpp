#include "GatehouseServer.h"

#include <csignal>
#include <pthread.h>

int main(int argc, char** argv)
{
    if (argc > 1 && gh::server::isSubcommand(argv[1]))
        return gh::server::runSubcommand(argc, argv);
    // Block the stop signals before any thread exists, so every thread inherits the mask and only
    // ServerApplication::waitForTerminationRequest() (sigwait) receives them. Poco blocks them only
    // in the thread that waits, when it waits: a SIGTERM could otherwise land on a pool thread,
    // whose default action kills the process instead of stopping it gracefully.
    gh::server::blockStopSignals(true);
    gh::server::GatehouseServer server;
    return server.run(argc, argv);
}
