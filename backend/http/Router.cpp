#include "Router.h"

#include <Poco/URI.h>

#include <algorithm>
#include <stdexcept>

namespace gh::http {
namespace {

std::vector<std::string_view> splitPath(std::string_view path)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start < path.size()) {
        if (path[start] == '/') {
            ++start;
            continue;
        }
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos)
            end = path.size();
        out.push_back(path.substr(start, end - start));
        start = end;
    }
    return out;
}

bool isParam(const std::string& segment) { return segment.size() > 2 && segment.front() == '{' && segment.back() == '}'; }

} // namespace

void Router::add(const std::string& method, const std::string& pattern, Handler handler, RouteOptions options)
{
    Route route{method, pattern, std::move(handler), options, {}};
    for (auto segment : splitPath(pattern))
        route.segments.emplace_back(segment);
    for (const auto& existing : m_routes) {
        if (existing.method == method && existing.segments == route.segments)
            throw std::logic_error("route registered twice: " + method + " " + pattern);
    }
    m_routes.push_back(std::move(route));
    // Most specific first: more literal segments, then longer patterns; a catch-all comes last.
    std::stable_sort(m_routes.begin(), m_routes.end(),
                     [](const Route& a, const Route& b) { return specificity(a) > specificity(b); });
}

int Router::specificity(const Route& route)
{
    int score = 0;
    for (const auto& segment : route.segments) {
        if (segment.rfind("{*", 0) == 0)
            score -= 1000;
        else if (!isParam(segment))
            score += 10;
        else
            score += 1;
    }
    return score;
}

bool Router::matchSegments(const Route& route, const std::vector<std::string_view>& path,
                           std::map<std::string, std::string>& params)
{
    const auto& segments = route.segments;
    // First the literal segments and the length, without building anything: most routes fail here.
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const std::string& segment = segments[i];
        if (segment.rfind("{*", 0) == 0)
            break;
        if (i >= path.size() || (!isParam(segment) && segment != path[i]))
            return false;
        if (i + 1 == segments.size() && segments.size() != path.size())
            return false;
    }
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const std::string& segment = segments[i];
        if (segment.rfind("{*", 0) == 0) {
            std::string tail;
            for (std::size_t j = i; j < path.size(); ++j) {
                if (j > i)
                    tail += '/';
                tail += path[j];
            }
            params[segment.substr(2, segment.size() - 3)] = tail;
            return true;
        }
        if (i >= path.size())
            return false;
        if (isParam(segment)) {
            std::string decoded;
            Poco::URI::decode(std::string(path[i]), decoded);
            params[segment.substr(1, segment.size() - 2)] = decoded;
        } else if (segment != path[i]) {
            return false;
        }
    }
    return segments.size() == path.size();
}

Router::Match Router::match(std::string_view method, std::string_view path) const
{
    Match result;
    const auto parts = splitPath(path);
    const std::string_view wanted = method == "HEAD" ? std::string_view("GET") : method;
    for (const auto& route : m_routes) {
        std::map<std::string, std::string> params;
        if (!matchSegments(route, parts, params))
            continue;
        if (route.method == wanted) {
            // Routes are sorted most specific first: the first match is the answer, and the methods
            // other routes allow for this path no longer matter.
            result.route = &route;
            result.params = std::move(params);
            result.allowedMethods.clear();
            return result;
        } else if (std::find(result.allowedMethods.begin(), result.allowedMethods.end(), route.method) ==
                   result.allowedMethods.end()) {
            // A catch-all GET (static files) does not make every path "exist" for other methods.
            if (route.segments.empty() || route.segments.back().rfind("{*", 0) != 0)
                result.allowedMethods.push_back(route.method);
        }
    }
    return result;
}

} // namespace gh::http
