#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gh::core {

// Cryptographically secure randomness for session ids, tokens and salts (the operating system's
// generator through Poco::RandomInputStream), and the one-way digest under which tokens are stored.
class SecureRandom
{
public:
    static std::string bytes(std::size_t count);
    // count random bytes as URL-safe base64 without padding (32 bytes = 256 bits).
    static std::string token(std::size_t count = 32);
    // Hex SHA-256 of a token: what the database keeps, so a leaked table yields no usable token.
    static std::string digest(std::string_view token);
    // Constant-time comparison of two equally sensitive strings.
    static bool equalConstantTime(std::string_view a, std::string_view b);
};

} // namespace gh::core
