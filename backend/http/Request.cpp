#include "Request.h"

#include "HttpError.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/NameValueCollection.h>

namespace gh::http {

Request::Request(Poco::Net::HTTPServerRequest& request, std::string path, std::multimap<std::string, std::string> query,
                 std::uint64_t maxBodyBytes, bool secure, std::string clientAddress)
    : m_request(request)
    , m_path(std::move(path))
    , m_query(std::move(query))
    , m_maxBodyBytes(maxBodyBytes)
    , m_secure(secure)
    , m_clientAddress(std::move(clientAddress))
{
}

const std::string& Request::param(const std::string& name) const
{
    static const std::string empty;
    auto it = m_params.find(name);
    return it == m_params.end() ? empty : it->second;
}

std::optional<std::string> Request::query(const std::string& name) const
{
    auto [begin, end] = m_query.equal_range(name);
    if (begin == end)
        return std::nullopt;
    return std::prev(end)->second;
}

std::optional<std::string> Request::cookie(const std::string& name) const
{
    Poco::Net::NameValueCollection cookies;
    m_request.getCookies(cookies);
    if (!cookies.has(name))
        return std::nullopt;
    return cookies.get(name);
}

std::string Request::contentType() const
{
    std::string type = m_request.getContentType();
    auto semicolon = type.find(';');
    if (semicolon != std::string::npos)
        type.resize(semicolon);
    while (!type.empty() && type.back() == ' ')
        type.pop_back();
    for (char& c : type)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return type;
}

const std::string& Request::body()
{
    if (m_bodyRead)
        return m_body;
    m_bodyRead = true;
    const auto declared = m_request.getContentLength64();
    if (declared != Poco::Net::HTTPMessage::UNKNOWN_CONTENT_LENGTH
        && static_cast<std::uint64_t>(declared) > m_maxBodyBytes)
        throw HttpError(413, "payload_too_large",
                        "The request body is larger than " + std::to_string(m_maxBodyBytes) + " bytes.");
    if (declared == 0
        || (declared == Poco::Net::HTTPMessage::UNKNOWN_CONTENT_LENGTH && !m_request.getChunkedTransferEncoding()))
        return m_body;
    std::istream& in = m_request.stream();
    char buffer[8192];
    while (in) {
        in.read(buffer, sizeof buffer);
        const auto n = static_cast<std::size_t>(in.gcount());
        if (m_body.size() + n > m_maxBodyBytes)
            throw HttpError(413, "payload_too_large",
                            "The request body is larger than " + std::to_string(m_maxBodyBytes) + " bytes.");
        m_body.append(buffer, n);
    }
    return m_body;
}

Poco::JSON::Object::Ptr Request::jsonBody()
{
    const std::string type = contentType();
    if (type != "application/json")
        throw HttpError(415, "unsupported_media_type", "Send the body as application/json.");
    const std::string& text = body();
    try {
        Poco::JSON::Parser parser;
        auto value = parser.parse(text);
        if (value.type() != typeid(Poco::JSON::Object::Ptr))
            throw HttpError(400, "invalid_json", "The body must be a JSON object.");
        return value.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
        // Poco's parser messages ("Attempt to set value on an empty stack", "unexpected byte") describe
        // its internals, not the request: the answer is ours.
        throw HttpError(400, "invalid_json", "The body is not valid JSON.");
    }
}

} // namespace gh::http
