#include "SignInCodeRepository.h"

namespace gh::store {

void SignInCodeRepository::create(core::Id userId, const std::string& codeHash, std::int64_t now,
                                  std::int64_t expiresAt)
{
    m_db.query("INSERT INTO sign_in_codes (user_id, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?)", userId,
               codeHash, now, expiresAt)
        .run();
}

std::int64_t SignInCodeRepository::countCreatedSince(core::Id userId, std::int64_t since)
{
    auto q = m_db.query("SELECT COUNT(*) FROM sign_in_codes WHERE user_id = ? AND created_at > ?", userId, since);
    q.next();
    return q.integer(0);
}

std::vector<SignInCodeRepository::Code> SignInCodeRepository::usable(core::Id userId, std::int64_t now, int maxWrong)
{
    std::vector<Code> out;
    auto q = m_db.query("SELECT id, code_hash FROM sign_in_codes WHERE user_id = ? AND used_at IS NULL "
                        "AND expires_at > ? AND wrong_attempts < ? ORDER BY created_at DESC, id DESC",
                        userId, now, maxWrong);
    while (q.next())
        out.push_back({q.integer(0), q.text(1)});
    return out;
}

void SignInCodeRepository::markUsed(core::Id id, std::int64_t now)
{
    m_db.query("UPDATE sign_in_codes SET used_at = ? WHERE id = ?", now, id).run();
}

void SignInCodeRepository::countWrongAttempt(core::Id userId, std::int64_t now)
{
    m_db.query("UPDATE sign_in_codes SET wrong_attempts = wrong_attempts + 1 WHERE user_id = ? AND used_at IS NULL "
               "AND expires_at > ?",
               userId, now)
        .run();
}

void SignInCodeRepository::removeExpired(std::int64_t now)
{
    m_db.query("DELETE FROM sign_in_codes WHERE expires_at <= ?", now).run();
}

} // namespace gh::store
