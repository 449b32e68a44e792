#include "HttpError.h"

#include <Poco/JSON/Object.h>

namespace gh::http {

HttpError HttpError::badField(const std::string& field, const std::string& message, std::string code)
{
    Poco::JSON::Array::Ptr details(new Poco::JSON::Array);
    Poco::JSON::Object::Ptr detail(new Poco::JSON::Object);
    detail->set("field", field);
    detail->set("message", message);
    details->add(detail);
    return HttpError(400, std::move(code), field + ": " + message, details);
}

HttpError HttpError::notFound(const std::string& message) { return HttpError(404, "not_found", message); }

std::string defaultErrorCode(int status)
{
    switch (status) {
    case 400:
        return "bad_request";
    case 401:
        return "unauthorized";
    case 403:
        return "forbidden";
    case 404:
        return "not_found";
    case 405:
        return "method_not_allowed";
    case 408:
        return "request_timeout";
    case 409:
        return "conflict";
    case 411:
        return "length_required";
    case 413:
        return "payload_too_large";
    case 415:
        return "unsupported_media_type";
    case 422:
        return "validation_failed";
    case 429:
        return "too_many_requests";
    case 431:
        return "request_header_fields_too_large";
    case 501:
        return "not_implemented";
    case 503:
        return "service_unavailable";
    default:
        return status >= 500 ? "internal_error" : "bad_request";
    }
}

} // namespace gh::http
