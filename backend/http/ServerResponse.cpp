#include "ServerResponse.h"

#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>

#include <streambuf>

namespace gh::http {

// Appends what is written to a string (the connection's output buffer); drops it for HEAD.
class ServerResponse::AppendBuf : public std::streambuf
{
public:
    AppendBuf(std::string& out, bool discard)
        : m_out(out)
        , m_discard(discard)
    {
    }

protected:
    std::streamsize xsputn(const char* s, std::streamsize n) override
    {
        if (!m_discard)
            m_out.append(s, static_cast<std::size_t>(n));
        return n;
    }
    int_type overflow(int_type c) override
    {
        if (c != traits_type::eof() && !m_discard)
            m_out.push_back(static_cast<char>(c));
        return traits_type::not_eof(c);
    }

private:
    std::string& m_out;
    bool m_discard;
};

ServerResponse::ServerResponse(std::string& out, bool head, std::function<void()> sendContinue)
    : m_out(out)
    , m_head(head)
    , m_sendContinue(std::move(sendContinue))
{
}

ServerResponse::~ServerResponse() = default;

void ServerResponse::sendContinue()
{
    if (m_sendContinue)
        m_sendContinue();
}

void ServerResponse::writeHead()
{
    if (m_sent)
        throw Poco::IllegalStateException("The answer has been sent already.");
    m_sent = true;
    // Only answers with a known length keep the connection: nothing here writes chunks.
    if (getChunkedTransferEncoding())
        setChunkedTransferEncoding(false);
    if (!hasContentLength())
        setKeepAlive(false);
    AppendBuf head(m_out, false);
    std::ostream stream(&head);
    write(stream);
}

std::ostream& ServerResponse::send()
{
    writeHead();
    m_buf = std::make_unique<AppendBuf>(m_out, m_head);
    m_stream = std::make_unique<std::ostream>(m_buf.get());
    return *m_stream;
}

void ServerResponse::sendBuffer(const void* buffer, std::size_t length)
{
    setContentLength64(static_cast<Poco::Int64>(length));
    writeHead();
    if (!m_head && length > 0)
        m_out.append(static_cast<const char*>(buffer), length);
}

void ServerResponse::sendFile(const std::string& path, const std::string& mediaType)
{
    Poco::FileInputStream file(path);
    std::string content;
    Poco::StreamCopier::copyToString(file, content);
    setContentType(mediaType);
    sendBuffer(content.data(), content.size());
}

void ServerResponse::redirect(const std::string& uri, HTTPStatus status)
{
    setStatusAndReason(status);
    set("Location", uri);
    sendBuffer(nullptr, 0);
}

void ServerResponse::requireAuthentication(const std::string& realm)
{
    setStatusAndReason(HTTP_UNAUTHORIZED);
    set("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
    sendBuffer(nullptr, 0);
}

} // namespace gh::http
