#include "SecureRandom.h"

#include <Poco/Base64Encoder.h>
#include <Poco/DigestEngine.h>
#include <Poco/RandomStream.h>
#include <Poco/SHA2Engine.h>

#include <sstream>
#include <stdexcept>

namespace gh::core {

std::string SecureRandom::bytes(std::size_t count)
{
    std::string out(count, '\0');
    Poco::RandomInputStream random;
    random.read(out.data(), static_cast<std::streamsize>(count));
    if (static_cast<std::size_t>(random.gcount()) != count)
        throw std::runtime_error("the system random generator failed");
    return out;
}

std::string SecureRandom::token(std::size_t count)
{
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder.rdbuf()->setLineLength(0);
    encoder << bytes(count);
    encoder.close();
    return out.str();
}

std::string SecureRandom::digest(std::string_view token)
{
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    sha.update(token.data(), static_cast<unsigned>(token.size()));
    return Poco::DigestEngine::digestToHex(sha.digest());
}

bool SecureRandom::equalConstantTime(std::string_view a, std::string_view b)
{
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    const std::size_t n = a.size() < b.size() ? a.size() : b.size();
    for (std::size_t i = 0; i < n; ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace gh::core
