#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gh::core {

// Argon2id password hashing through libargon2, with OWASP's recommended parameters
// (m = 19 MiB, t = 2, p = 1). Hashes are stored in the PHC string format ("$argon2id$v=19$m=...").
class PasswordHasher
{
public:
    struct Parameters
    {
        std::uint32_t memoryKiB = 19 * 1024;
        std::uint32_t iterations = 2;
        std::uint32_t parallelism = 1;
    };

    PasswordHasher() = default;
    explicit PasswordHasher(Parameters parameters)
        : m_parameters(parameters)
    {
    }

    // A fresh random 16-byte salt per call; throws std::runtime_error if libargon2 fails.
    std::string hash(std::string_view password) const;

    // Constant-time comparison inside libargon2. False for a malformed or non-Argon2id hash.
    bool verify(std::string_view encodedHash, std::string_view password) const;

    // Spends the same work as verify() against a fixed dummy hash, so that a sign-in for an unknown
    // account costs as much time as one with a wrong password (no account enumeration by timing).
    void verifyDummy(std::string_view password) const;

    // True when the stored hash was made with other parameters than the current ones.
    bool needsRehash(std::string_view encodedHash) const;

    const Parameters& parameters() const { return m_parameters; }

private:
    Parameters m_parameters;
};

} // namespace gh::core
