#pragma once

#include <string>
#include <string_view>

namespace gh::core {

// Which media type a stored document is served with (API.md): its own only when it is one a browser
// shows without running anything of it, else application/octet-stream. A media type arrives from the
// ERP feed or a CSV drop, so it is never trusted as it stands (text/html would run in the portal's origin).
class MediaTypes
{
public:
    // The type to send for a stored one: the lower-case essence ("text/plain" for
    // "Text/Plain; charset=utf-8") when it is on the list, else "application/octet-stream".
    static std::string served(std::string_view stored);
};

} // namespace gh::core
