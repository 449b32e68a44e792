#include "GatehouseServer.h"

int main(int argc, char** argv)
{
    if (argc > 1 && gh::server::isSubcommand(argv[1]))
        return gh::server::runSubcommand(argc, argv);
    gh::server::GatehouseServer server;
    return server.run(argc, argv);
}
