#include "server/PortalDirectory.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>

namespace gh::server {

std::vector<std::string> PortalDirectory::candidates(const std::string& executableDir)
{
    const Poco::Path bin = Poco::Path::forDirectory(executableDir.empty() ? std::string(".") : executableDir);
    const auto below = [&bin](std::initializer_list<const char*> parts, bool up) {
        Poco::Path path(bin);
        if (up)
            path.popDirectory();
        for (const char* part : parts)
            path.pushDirectory(part);
        return path.toString();
    };
    return {below({"share", "gatehouse", "portal"}, true), below({"portal"}, false),
            below({"Resources", "portal"}, true)};
}

std::string PortalDirectory::find(const std::string& executableDir)
{
    const auto all = candidates(executableDir);
    for (const auto& dir : all) {
        try {
            if (Poco::File(Poco::Path(dir, "index.html")).isFile())
                return dir;
        } catch (const Poco::Exception&) {
            // unreadable or missing: try the next place
        }
    }
    return all.front();
}

} // namespace gh::server
