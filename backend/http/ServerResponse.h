#pragma once

#include <Poco/Net/HTTPServerResponse.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>

namespace gh::http {

// The answer as Poco's handlers write it, collected into the connection's output buffer; the
// ConnectionLoop writes it out without blocking a thread on a slow reader.
class ServerResponse : public Poco::Net::HTTPServerResponse
{
public:
    // `head`: the request was HEAD (no body goes out). `sendContinue` writes the interim 100 answer.
    ServerResponse(std::string& out, bool head, std::function<void()> sendContinue);
    ~ServerResponse() override;

    void sendContinue() override;
    std::ostream& send() override;
    void sendFile(const std::string& path, const std::string& mediaType) override;
    void sendBuffer(const void* buffer, std::size_t length) override;
    void redirect(const std::string& uri, HTTPStatus status = HTTP_FOUND) override;
    void requireAuthentication(const std::string& realm) override;
    bool sent() const override { return m_sent; }

private:
    void writeHead();

    class AppendBuf;
    std::string& m_out;
    bool m_head;
    std::function<void()> m_sendContinue;
    bool m_sent = false;
    std::unique_ptr<AppendBuf> m_buf;
    std::unique_ptr<std::ostream> m_stream;
};

} // namespace gh::http
