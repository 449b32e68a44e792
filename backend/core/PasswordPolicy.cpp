#include "PasswordPolicy.h"

#include "Text.h"

#include <Poco/Unicode.h>
#include <Poco/UTF8Encoding.h>

namespace gh::core {

std::vector<PasswordPolicy::Problem> PasswordPolicy::check(std::string_view password) const
{
    std::vector<Problem> problems;
    if (!isValidUtf8(password))
        return {Problem::InvalidEncoding};

    const std::string_view trimmed = trim(password);
    const auto length = static_cast<int>(utf8Length(trimmed));
    if (length < m_parameters.minLength)
        problems.push_back(Problem::TooShort);
    if (length > m_parameters.maxLength)
        problems.push_back(Problem::TooLong);

    bool lower = false, upper = false, digit = false, special = false;
    Poco::UTF8Encoding utf8;
    const auto* p = reinterpret_cast<const unsigned char*>(trimmed.data());
    const auto* end = p + trimmed.size();
    while (p < end) {
        const int n = utf8.sequenceLength(p, static_cast<int>(end - p));
        const int codePoint = utf8.convert(p);
        p += n > 0 ? n : 1;
        if (Poco::Unicode::isLower(codePoint))
            lower = true;
        else if (Poco::Unicode::isUpper(codePoint))
            upper = true;
        else if (Poco::Unicode::isDigit(codePoint))
            digit = true;
        else if (!Poco::Unicode::isAlpha(codePoint))
            special = true; // punctuation, symbols and inner spaces; caseless letters count as none
    }
    const int classes = int(lower) + int(upper) + int(digit) + int(special);
    if (classes < m_parameters.requiredClasses)
        problems.push_back(Problem::TooFewCharacterClasses);
    return problems;
}

std::string PasswordPolicy::describe() const
{
    return "At least " + std::to_string(m_parameters.minLength) + " characters (at most " +
           std::to_string(m_parameters.maxLength) + "), using at least " +
           std::to_string(m_parameters.requiredClasses) +
           " of: lower case letters, upper case letters, digits, special characters. Leading and trailing "
           "spaces do not count.";
}

std::string_view PasswordPolicy::problemCode(Problem problem)
{
    switch (problem) {
    case Problem::TooShort:
        return "too_short";
    case Problem::TooLong:
        return "too_long";
    case Problem::TooFewCharacterClasses:
        return "too_few_character_classes";
    case Problem::InvalidEncoding:
        return "invalid_encoding";
    }
    return "invalid";
}

std::string PasswordPolicy::problemMessage(Problem problem) const
{
    switch (problem) {
    case Problem::TooShort:
        return "Use at least " + std::to_string(m_parameters.minLength) + " characters.";
    case Problem::TooLong:
        return "Use at most " + std::to_string(m_parameters.maxLength) + " characters.";
    case Problem::TooFewCharacterClasses:
        return "Use at least " + std::to_string(m_parameters.requiredClasses) +
               " of: lower case letters, upper case letters, digits, special characters.";
    case Problem::InvalidEncoding:
        return "The password is not valid UTF-8 text.";
    }
    return "The password is not acceptable.";
}

} // namespace gh::core
