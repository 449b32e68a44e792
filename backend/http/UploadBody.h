#pragma once

#include "Request.h"

#include <cstdint>
#include <string>

namespace gh::http {

// Streams a request body to a file in blocks, never holding it in memory: a declared
// Content-Length over maxBytes is a 413 before one byte is read, and so is a body (chunked or
// mis-declared) whose actual bytes pass maxBytes — the partial file is removed then. Returns the
// bytes written. The one place where the server reads an upload as a stream.
class UploadBody
{
public:
    static void refuseDeclaredOver(Request& request, std::uint64_t maxBytes);
    static std::uint64_t saveTo(Request& request, const std::string& path, std::uint64_t maxBytes);
};

} // namespace gh::http
