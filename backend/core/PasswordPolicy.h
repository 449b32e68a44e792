#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gh::core {

// SPEC §2: at least minLength characters after trimming leading and trailing blanks, at most maxLength,
// and at least requiredClasses of: lower case, upper case, digits, special characters.
class PasswordPolicy
{
public:
    enum class Problem { TooShort, TooLong, TooFewCharacterClasses, InvalidEncoding };

    struct Parameters
    {
        int minLength = 8;
        int maxLength = 128;
        int requiredClasses = 3;
    };

    PasswordPolicy() = default;
    explicit PasswordPolicy(Parameters parameters)
        : m_parameters(parameters)
    {
    }

    // Every problem of the password; empty means acceptable.
    std::vector<Problem> check(std::string_view password) const;
    bool accepts(std::string_view password) const { return check(password).empty(); }

    // The text shown next to the field and returned with a weak_password error.
    std::string describe() const;
    static std::string_view problemCode(Problem problem);
    std::string problemMessage(Problem problem) const;

    const Parameters& parameters() const { return m_parameters; }

private:
    Parameters m_parameters;
};

} // namespace gh::core
