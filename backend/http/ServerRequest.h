#pragma once

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/SocketAddress.h>

#include <istream>

namespace gh::http {

// A request head parsed by the ConnectionLoop from bytes it read itself, with the body as a stream
// the handler thread reads (from memory, or from the socket for a large body).
class ServerRequest : public Poco::Net::HTTPServerRequest
{
public:
    ServerRequest(const Poco::Net::SocketAddress& client, const Poco::Net::SocketAddress& server,
                  const Poco::Net::HTTPServerParams& params)
        : m_client(client)
        , m_server(server)
        , m_params(params)
    {
    }

    void attach(Poco::Net::HTTPServerResponse& response, std::istream& body)
    {
        m_response = &response;
        m_body = &body;
    }

    std::istream& stream() override { return *m_body; }
    const Poco::Net::SocketAddress& clientAddress() const override { return m_client; }
    const Poco::Net::SocketAddress& serverAddress() const override { return m_server; }
    const Poco::Net::HTTPServerParams& serverParams() const override { return m_params; }
    Poco::Net::HTTPServerResponse& response() const override { return *m_response; }
    bool secure() const override { return false; }

private:
    Poco::Net::SocketAddress m_client;
    Poco::Net::SocketAddress m_server;
    const Poco::Net::HTTPServerParams& m_params;
    Poco::Net::HTTPServerResponse* m_response = nullptr;
    std::istream* m_body = nullptr;
};

} // namespace gh::http
