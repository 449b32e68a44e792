#pragma once

#include <string>
#include <vector>

namespace gh::server {

// Where the portal's web files are, found from the executable's own directory so that no source or
// build path is compiled into the program: <prefix>/share/gatehouse/portal beside <prefix>/bin (Linux
// packages and the TGZ; the build tree links build/share/gatehouse/portal to resources/portal),
// portal/ beside the executable (Windows), ../Resources/portal in a macOS bundle.
class PortalDirectory
{
public:
    // The candidates in the order they are tried.
    static std::vector<std::string> candidates(const std::string& executableDir);
    // The first candidate holding an index.html; the first candidate when none does (so the error
    // message names the usual place).
    static std::string find(const std::string& executableDir);
};

} // namespace gh::server
