#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace gh::http {

class Request;
class Response;

using Handler = std::function<void(Request&, Response&)>;

struct RouteOptions
{
    // Largest request body this route reads; 0 = the server's default limit.
    std::uint64_t maxBodyBytes = 0;
};

struct Route
{
    std::string method;
    std::string pattern; // "/api/portal/v1/customers/{number}/invoices", "/{*path}" for a catch-all tail
    Handler handler;
    RouteOptions options;
    std::vector<std::string> segments;
};

// Method + path pattern -> handler. Literal segments beat parameters, so "/imports/sample" wins over
// "/imports/{id}" whatever the order of registration.
class Router
{
public:
    void add(const std::string& method, const std::string& pattern, Handler handler, RouteOptions options = {});

    struct Match
    {
        const Route* route = nullptr;
        std::map<std::string, std::string> params;
        std::vector<std::string> allowedMethods; // when the path exists but not for this method
    };
    Match match(std::string_view method, std::string_view path) const;

    const std::vector<Route>& routes() const { return m_routes; }

private:
    static bool matchSegments(const Route& route, const std::vector<std::string_view>& path,
                              std::map<std::string, std::string>& params);
    static int specificity(const Route& route);
    std::vector<Route> m_routes;
};

} // namespace gh::http
