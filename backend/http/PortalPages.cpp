// The browser portal's files (resources/portal) served at "/": every page path answers the one HTML
// shell (the scripts pick the view from the path), with the portal's name, logo and password policy
// filled in from the settings; css/js/img are served as files with validators. API paths never reach
// this catch-all: it answers the JSON 404 for them, as the router does for any unknown path. Any
// other unknown path is the portal's own "page not found" page for a browser (Accept: text/html).

#include "HttpError.h"
#include "Request.h"
#include "Response.h"
#include "Routes.h"

#include "core/PasswordPolicy.h"
#include "core/PortalLanguage.h"
#include "core/SettingsCatalogue.h"
#include "services/Settings.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

namespace gh::http {
namespace {

// Self only, no inline script or style; images may also come from https (a logo URL in the settings).
constexpr const char* kContentSecurityPolicy
    = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; "
      "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// Clean page paths, all answered by index.html. "/invoices/{number}" is a deep link to one invoice.
constexpr std::array<std::string_view, 12> kPages
    = {"register",  "forgot-password", "set-password", "reset-password", "select-customer", "account",
       "addresses", "invoices",        "orders",       "signed-out",     "index.html",      "sign-in"};

constexpr std::array<std::string_view, 3> kAssetFolders = {"css", "js", "img"};

std::string mediaType(const std::string& extension)
{
    static const std::array<std::pair<std::string_view, std::string_view>, 11> types = {{
        {"css", "text/css; charset=utf-8"},
        {"js", "text/javascript; charset=utf-8"},
        {"mjs", "text/javascript; charset=utf-8"},
        {"html", "text/html; charset=utf-8"},
        {"svg", "image/svg+xml"},
        {"png", "image/png"},
        {"ico", "image/x-icon"},
        {"jpg", "image/jpeg"},
        {"webp", "image/webp"},
        {"woff2", "font/woff2"},
        {"json", "application/json; charset=utf-8"},
    }};
    for (const auto& [ext, type] : types) {
        if (ext == extension)
            return std::string(type);
    }
    return {};
}

// A file name the portal may contain: letters, digits, '-', '_' and inner dots; nothing hidden, no
// "..", no separators (the path arrives percent-decoded, so "%2e%2e" and "%2f" are caught here too).
bool safeSegment(const std::string& segment)
{
    if (segment.empty() || segment.front() == '.' || segment.size() > 128)
        return false;
    return std::all_of(segment.begin(), segment.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
            || c == '.';
    });
}

std::vector<std::string> split(const std::string& path)
{
    std::vector<std::string> parts;
    std::string current;
    for (char c : path) {
        if (c == '/') {
            if (!current.empty())
                parts.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty())
        parts.push_back(std::move(current));
    return parts;
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw HttpError::notFound();
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string htmlEscape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

void replaceAll(std::string& text, std::string_view what, const std::string& with)
{
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size()))
        text.replace(at, what.size(), with);
}

void setPageHeaders(Response& response)
{
    response.setHeader("Content-Security-Policy", kContentSecurityPolicy);
    response.setHeader("X-Frame-Options", "DENY");
    // Set- and reset-password links carry their token in the query: never send it on.
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
}

bool isPagePath(const std::vector<std::string>& parts)
{
    if (parts.empty())
        return true;
    if (parts.size() == 2 && parts[0] == "invoices")
        return safeSegment(parts[1]); // deep link to one invoice
    return parts.size() == 1 && std::find(kPages.begin(), kPages.end(), parts[0]) != kPages.end();
}

void servePage(Request& request, Response& response, services::Services& services, int status = 200)
{
    std::string html = readFile(Poco::Path(services.options().portalDir).append("index.html").toString());

    auto connection = services.database().acquire();
    const auto values = services::Settings::effective(*connection);
    auto value = [&values](std::string_view key) {
        auto it = values.find(std::string(key));
        return it == values.end() ? std::string() : it->second;
    };
    core::PasswordPolicy::Parameters parameters;
    try {
        parameters.minLength = std::stoi(value(core::settings::kPasswordMinLength));
        parameters.maxLength = std::stoi(value(core::settings::kPasswordMaxLength));
        parameters.requiredClasses = std::stoi(value(core::settings::kPasswordRequiredClasses));
    } catch (const std::exception&) {
        parameters = {}; // the catalogue validates stored values; the defaults if one slips through
    }
    const core::PasswordPolicy policy(parameters);

    // The page's language: the switch's cookie, else the browser's Accept-Language (core/PortalLanguage).
    const auto chosen = request.cookie("gh_lang");
    replaceAll(html, "{{LANG}}", core::PortalLanguage::choose(chosen.value_or(""), request.header("Accept-Language")));
    replaceAll(html, "{{PORTAL_NAME}}", htmlEscape(value(core::settings::kPortalName)));
    replaceAll(html, "{{PORTAL_LOGO}}", htmlEscape(value(core::settings::kPortalLogo)));
    replaceAll(html, "{{PASSWORD_POLICY}}", htmlEscape(policy.describe()));
    replaceAll(html, "{{PASSWORD_MIN}}", std::to_string(parameters.minLength));
    replaceAll(html, "{{PASSWORD_MAX}}", std::to_string(parameters.maxLength));
    replaceAll(html, "{{PASSWORD_CLASSES}}", std::to_string(parameters.requiredClasses));

    setPageHeaders(response);
    response.setHeader("Vary", "Accept-Language, Cookie");
    // The shell carries settings: always revalidate, never store a stale name.
    response.setHeader("Cache-Control", "no-cache");
    response.send(status, "text/html; charset=utf-8", html);
}

// A person's browser asks for HTML: it gets the portal's own "page not found" (the shell, whose
// script shows it for a path it does not know), not a JSON error. Programs get the JSON 404.
bool wantsHtml(const Request& request)
{
    return request.header("Accept").find("text/html") != std::string::npos;
}

void serveAsset(Request& request, Response& response, services::Services& services,
                const std::vector<std::string>& parts)
{
    Poco::Path path(services.options().portalDir);
    path.makeDirectory();
    for (std::size_t i = 0; i + 1 < parts.size(); ++i)
        path.pushDirectory(parts[i]);
    path.setFileName(parts.back());
    const std::string type = mediaType(path.getExtension());
    if (type.empty())
        throw HttpError::notFound();

    Poco::File file(path);
    if (!file.exists() || !file.isFile())
        throw HttpError::notFound();
    const Poco::Timestamp modified = file.getLastModified();
    const auto size = file.getSize();
    const std::string etag = "\"" + std::to_string(modified.epochMicroseconds()) + "-" + std::to_string(size) + "\"";
    const std::string lastModified = Poco::DateTimeFormatter::format(modified, Poco::DateTimeFormat::HTTP_FORMAT);

    setPageHeaders(response);
    response.setHeader("ETag", etag);
    response.setHeader("Last-Modified", lastModified);
    // Asset names carry no version: let browsers keep them but ask each time (a 304 is cheap).
    response.setHeader("Cache-Control", "no-cache");

    const std::string ifNoneMatch = request.header("If-None-Match");
    bool fresh = false;
    if (!ifNoneMatch.empty()) {
        fresh = ifNoneMatch == etag || ifNoneMatch == "*" || ifNoneMatch.find(etag) != std::string::npos;
    } else if (auto since = request.header("If-Modified-Since"); !since.empty()) {
        try {
            int tz = 0;
            const auto when = Poco::DateTimeParser::parse(Poco::DateTimeFormat::HTTP_FORMAT, since, tz);
            fresh = modified.epochTime() <= when.timestamp().epochTime();
        } catch (const Poco::Exception&) {
            fresh = false;
        }
    }
    if (fresh) {
        response.sendEmpty(304);
        return;
    }
    response.send(200, type, readFile(path.toString()));
}

} // namespace

void registerPortalPages(Router& router, services::Services& services)
{
    router.add("GET", "/{*path}", [&services](Request& request, Response& response) {
        const auto parts = split(request.path());
        // The JSON areas keep their own 404 (and the router's 405) whatever the portal holds.
        if (!parts.empty() && (parts[0] == "api" || parts[0] == "healthz"))
            throw HttpError(404, "not_found", "No resource at " + request.path() + ".");
        if (request.path().find('\\') != std::string::npos || request.path().find('\0') != std::string::npos)
            throw HttpError::notFound();
        for (const auto& part : parts) {
            if (!safeSegment(part)) {
                if (wantsHtml(request)) {
                    servePage(request, response, services, 404);
                    return;
                }
                throw HttpError::notFound();
            }
        }
        if (isPagePath(parts)) {
            servePage(request, response, services);
            return;
        }
        if (parts.size() >= 2
            && std::find(kAssetFolders.begin(), kAssetFolders.end(), parts[0]) != kAssetFolders.end()) {
            try {
                serveAsset(request, response, services, parts);
            } catch (const HttpError& error) {
                if (error.status() != 404 || !wantsHtml(request))
                    throw;
                servePage(request, response, services, 404);
            }
            return;
        }
        if (parts.size() == 1 && parts[0] == "favicon.ico") {
            serveAsset(request, response, services, {"img", "favicon.svg"});
            return;
        }
        if (wantsHtml(request)) {
            servePage(request, response, services, 404);
            return;
        }
        throw HttpError(404, "not_found", "No resource at " + request.path() + ".");
    });
}

} // namespace gh::http
