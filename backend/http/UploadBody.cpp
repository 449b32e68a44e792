#include "UploadBody.h"

#include "HttpError.h"

#include <Poco/File.h>
#include <Poco/Net/HTTPMessage.h>

#include <fstream>
#include <vector>

namespace gh::http {
namespace {

HttpError tooLarge(std::uint64_t maxBytes)
{
    return HttpError(413, "payload_too_large",
                     "The file is larger than " + std::to_string(maxBytes / (1024 * 1024)) + " MB.");
}

} // namespace

void UploadBody::refuseDeclaredOver(Request& request, std::uint64_t maxBytes)
{
    const auto declared = request.raw().getContentLength64();
    if (declared != Poco::Net::HTTPMessage::UNKNOWN_CONTENT_LENGTH && static_cast<std::uint64_t>(declared) > maxBytes)
        throw tooLarge(maxBytes);
}

std::uint64_t UploadBody::saveTo(Request& request, const std::string& path, std::uint64_t maxBytes)
{
    refuseDeclaredOver(request, maxBytes);
    std::istream& in = request.stream();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        throw std::runtime_error("cannot write " + path);
    std::vector<char> buffer(256 * 1024);
    std::uint64_t total = 0;
    try {
        while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
            total += static_cast<std::uint64_t>(in.gcount());
            if (total > maxBytes)
                throw tooLarge(maxBytes);
            out.write(buffer.data(), in.gcount());
            if (!out)
                throw std::runtime_error("cannot write " + path + " (is the disk full?)");
        }
        out.close();
    } catch (...) {
        out.close();
        Poco::File(path).remove();
        throw;
    }
    return total;
}

} // namespace gh::http
