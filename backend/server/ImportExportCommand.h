#pragma once

#include <iosfwd>

namespace gh::server {

// `gatehouse-server import --entity E [options] FILE` and `gatehouse-server export --entity E [options]
// [-o FILE]`: the same engine as the admin API's imports and exports (services::ImportService,
// services::ExportService), straight on the database. A progress bar on a terminal; the import's
// report (counts, then each error with its row and column); exit status 0 when done, 1 when the import
// failed (nothing written) or the export could not be written, 64 for a usage error.
class ImportExportCommand
{
public:
    static bool handles(const char* word);
    static int run(int argc, char** argv);
    static void printUsage(std::ostream& out);
};

} // namespace gh::server
