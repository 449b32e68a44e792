// A bare Poco HTTP server that answers every request with Gatehouse's /healthz bytes (same body,
// same headers), on Poco's own thread-per-connection HTTPServer: what Poco alone achieves, as the
// yardstick for bench/healthz-baseline.sh.
//   poco-healthz PORT [THREADS]

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {

class Healthz : public Poco::Net::HTTPRequestHandler
{
public:
    void handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) override
    {
        static const std::string body = R"({"status":"ok"})";
        response.set("Server", "Gatehouse");
        response.set("X-Content-Type-Options", "nosniff");
        response.set("Referrer-Policy", "same-origin");
        response.set("X-Frame-Options", "DENY");
        response.set("Cache-Control", "no-store");
        response.setContentType("application/json; charset=utf-8");
        response.sendBuffer(body.data(), body.size());
    }
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
    {
        return new Healthz;
    }
};

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::cerr << "usage: poco-healthz PORT [THREADS]\n";
        return 2;
    }
    const int threads = argc > 2 ? std::atoi(argv[2]) : 128;
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    Poco::ThreadPool pool(2, threads + 2);
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(threads);
    params->setKeepAlive(true);
    params->setMaxKeepAliveRequests(0);
    Poco::Net::ServerSocket socket(
        Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(std::atoi(argv[1]))));
    Poco::Net::HTTPServer server(new Factory, pool, socket, params);
    server.start();
    std::cout << "Listening on http://127.0.0.1:" << socket.address().port() << std::endl;
    int signal = 0;
    sigwait(&signals, &signal);
    server.stop();
    return 0;
}
