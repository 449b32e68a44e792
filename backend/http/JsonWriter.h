#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace gh::http {

// Writes JSON text straight into a string. For the portal's hot list answers: building a
// Poco::JSON document (a map node and a Dynamic::Var per field, then a stream) cost more than the
// database work behind the list. Output matches Poco's stringify: quote, backslash and control
// characters escaped (\b \f \n \r \t, else \u00XX), everything else, UTF-8 included, as it is.
class JsonWriter
{
public:
    explicit JsonWriter(std::size_t reserve = 1024) { m_out.reserve(reserve); }

    JsonWriter& beginObject() { return open('{'); }
    JsonWriter& endObject() { return close('}'); }
    JsonWriter& beginArray() { return open('['); }
    JsonWriter& endArray() { return close(']'); }

    JsonWriter& key(std::string_view name)
    {
        separate();
        appendString(name);
        m_out += ':';
        m_needComma = false;
        return *this;
    }

    JsonWriter& value(std::string_view text)
    {
        separate();
        appendString(text);
        m_needComma = true;
        return *this;
    }
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(bool flag) { return raw(flag ? "true" : "false"); }
    template <typename T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
    JsonWriter& value(T number)
    {
        return raw(std::to_string(number));
    }
    JsonWriter& null() { return raw("null"); }

    // key(name).value(v) in one call.
    template <typename T> JsonWriter& member(std::string_view name, const T& v)
    {
        key(name);
        return value(v);
    }

    const std::string& text() const { return m_out; }
    std::string take() { return std::move(m_out); }

private:
    JsonWriter& open(char bracket)
    {
        separate();
        m_out += bracket;
        m_needComma = false;
        return *this;
    }
    JsonWriter& close(char bracket)
    {
        m_out += bracket;
        m_needComma = true;
        return *this;
    }
    JsonWriter& raw(std::string_view token)
    {
        separate();
        m_out += token;
        m_needComma = true;
        return *this;
    }
    void separate()
    {
        if (m_needComma)
            m_out += ',';
    }
    void appendString(std::string_view text);

    std::string m_out;
    bool m_needComma = false;
};

} // namespace gh::http
