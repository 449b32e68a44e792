#include "PasswordHasher.h"

#include "SecureRandom.h"

#include <argon2.h>

#include <mutex>
#include <stdexcept>
#include <vector>

namespace gh::core {
namespace {
constexpr std::uint32_t kSaltLength = 16;
constexpr std::uint32_t kHashLength = 32;
} // namespace

std::string PasswordHasher::hash(std::string_view password) const
{
    const std::string salt = SecureRandom::bytes(kSaltLength);
    const std::size_t encodedLength = argon2_encodedlen(m_parameters.iterations, m_parameters.memoryKiB,
                                                        m_parameters.parallelism, kSaltLength, kHashLength, Argon2_id);
    std::vector<char> encoded(encodedLength);
    const int rc = argon2id_hash_encoded(m_parameters.iterations, m_parameters.memoryKiB, m_parameters.parallelism,
                                         password.data(), password.size(), salt.data(), salt.size(), kHashLength,
                                         encoded.data(), encoded.size());
    if (rc != ARGON2_OK)
        throw std::runtime_error(std::string("argon2id hashing failed: ") + argon2_error_message(rc));
    return std::string(encoded.data());
}

bool PasswordHasher::verify(std::string_view encodedHash, std::string_view password) const
{
    if (encodedHash.rfind("$argon2id$", 0) != 0)
        return false;
    const std::string encoded(encodedHash); // libargon2 needs a NUL-terminated string
    return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

void PasswordHasher::verifyDummy(std::string_view password) const
{
    static std::once_flag once;
    static std::string dummy;
    std::call_once(once, [this] { dummy = hash(SecureRandom::token(16)); });
    (void)verify(dummy, password);
}

bool PasswordHasher::needsRehash(std::string_view encodedHash) const
{
    const std::string expected = "$argon2id$v=19$m=" + std::to_string(m_parameters.memoryKiB) +
                                 ",t=" + std::to_string(m_parameters.iterations) +
                                 ",p=" + std::to_string(m_parameters.parallelism) + "$";
    return encodedHash.rfind(expected, 0) != 0;
}

} // namespace gh::core
