#include "EmailJob.h"

#include "core/SettingsCatalogue.h"
#include "core/Time.h"
#include "services/PasswordResets.h"
#include "services/PortalAccess.h"
#include "store/DocumentRepository.h"
#include "store/OutboxRepository.h"

#include <Poco/Base64Encoder.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SecureSMTPClientSession.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/Path.h>
#include <Poco/Timestamp.h>

#include <sstream>
#include <vector>

namespace gh::jobs {
namespace {

using OutboxRow = store::OutboxRepository::Row;

// Plain ASCII with short lines goes as 7bit, so links stay whole and readable in the .eml file;
// anything else as quoted-printable.
Poco::Net::MailMessage::ContentTransferEncoding bodyEncoding(const std::string& body)
{
    std::size_t line = 0;
    for (char c : body) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || (u < 0x20 && c != '\n' && c != '\r' && c != '\t'))
            return Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE;
        line = c == '\n' ? 0 : line + 1;
        if (line > 900)
            return Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE;
    }
    return Poco::Net::MailMessage::ENCODING_7BIT;
}

// 7bit and 8bit bodies must already have the wire's CRLF line ends.
std::string withCrlf(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r'))
            out += '\r';
        out += text[i];
    }
    return out;
}

void buildMessage(store::Connection& db, const OutboxRow& row, Poco::Net::MailMessage& message)
{
    message.setSender(row.from);
    message.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, row.to));
    message.setSubject(Poco::Net::MailMessage::encodeWord(row.subject, "UTF-8"));
    message.setDate(Poco::Timestamp());
    message.set("Message-ID",
                "<outbox-" + std::to_string(row.id) + "-" + std::to_string(core::nowSeconds()) + "@gatehouse>");
    std::vector<core::Id> ids;
    try {
        Poco::JSON::Parser parser;
        auto array = parser.parse(row.attachments.empty() ? "[]" : row.attachments).extract<Poco::JSON::Array::Ptr>();
        for (std::size_t i = 0; i < array->size(); ++i)
            ids.push_back(array->getElement<core::Id>(static_cast<unsigned>(i)));
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("malformed attachments_json: " + e.message());
    }
    if (ids.empty()) {
        message.setContentType("text/plain; charset=UTF-8");
        const auto encoding = bodyEncoding(row.body);
        message.setContent(encoding == Poco::Net::MailMessage::ENCODING_7BIT ? withCrlf(row.body) : row.body, encoding);
        return;
    }
    const auto encoding = bodyEncoding(row.body);
    message.addContent(new Poco::Net::StringPartSource(
                           encoding == Poco::Net::MailMessage::ENCODING_7BIT ? withCrlf(row.body) : row.body,
                           "text/plain; charset=UTF-8"),
                       encoding);
    store::DocumentRepository documents(db);
    for (core::Id id : ids) {
        const auto document = documents.findForAttachment(id);
        if (!document)
            continue; // deleted since it was queued; the mail goes out without it
        const std::string name = document->fileName;
        const std::string type = document->mediaType;
        message.addAttachment(name, new Poco::Net::StringPartSource(documents.content(id), type, name),
                              Poco::Net::MailMessage::ENCODING_BASE64);
    }
}

void deliverToFile(const std::string& folder, const OutboxRow& row, Poco::Net::MailMessage& message)
{
    Poco::File(folder).createDirectories();
    const std::string base = Poco::Path(folder, std::to_string(row.id) + ".eml").toString();
    const std::string partial = base + ".part";
    {
        Poco::FileOutputStream out(partial);
        message.write(out);
        out.close();
        if (!out.good())
            throw std::runtime_error("cannot write " + partial);
    }
    Poco::File(partial).renameTo(base); // whole files only: a reader never sees half a message
}

std::string base64(const std::string& text)
{
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << text;
    encoder.close();
    return out.str();
}

// AUTH LOGIN by hand: Poco's own implementation recognises only the "Username:" / "Password:"
// prompts, while servers word them freely (aiosmtpd says "User Name"); the prompts carry no meaning,
// the order user then password is fixed.
void authLogin(Poco::Net::SMTPClientSession& session, const std::string& user, const std::string& password)
{
    std::string response;
    int status = session.sendCommand("AUTH LOGIN", response);
    if (status / 100 != 3)
        throw Poco::Net::SMTPException("AUTH LOGIN refused", response, status);
    status = session.sendCommand(base64(user), response);
    if (status / 100 != 3)
        throw Poco::Net::SMTPException("AUTH LOGIN refused the user name", response, status);
    status = session.sendCommand(base64(password), response);
    if (status / 100 != 2)
        throw Poco::Net::SMTPException("AUTH LOGIN failed", response, status);
}

void deliverBySmtp(const std::map<std::string, std::string>& settings, Poco::Net::MailMessage& message)
{
    using core::settings::kSmtpHost;
    const std::string host = settings.at(std::string(kSmtpHost));
    const auto port
        = static_cast<Poco::UInt16>(services::PortalAccess::settingInt(settings, core::settings::kSmtpPort));
    const bool startTls = settings.at(std::string(core::settings::kSmtpStartTls)) == "true";
    const std::string user = settings.at(std::string(core::settings::kSmtpUser));
    const std::string password = settings.at(std::string(core::settings::kSmtpPassword));
    const Poco::Timespan timeout(20, 0);
    if (startTls) {
        Poco::Net::SecureSMTPClientSession session(host, port);
        session.setTimeout(timeout);
        session.login();
        Poco::Net::Context::Ptr context(new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", "",
                                                               Poco::Net::Context::VERIFY_RELAXED, 9, true));
        if (!session.startTLS(context))
            throw std::runtime_error("the SMTP server does not offer STARTTLS");
        session.login(); // EHLO again over TLS (RFC 3207)
        if (!user.empty())
            authLogin(session, user, password);
        session.sendMessage(message);
        session.close();
        return;
    }
    Poco::Net::SMTPClientSession session(host, port);
    session.setTimeout(timeout);
    session.login();
    if (!user.empty())
        authLogin(session, user, password);
    session.sendMessage(message);
    session.close();
}

} // namespace

std::string EmailJob::outboxFolder(services::Services& services, const std::map<std::string, std::string>& settings)
{
    const auto* def = core::SettingsCatalogue::find(core::settings::kEmailOutboxDir);
    const std::string value = settings.at(std::string(core::settings::kEmailOutboxDir));
    if (value.empty() || (def && value == def->defaultValue))
        return Poco::Path(services.options().dataDir, "outbox").toString();
    return value;
}

EmailJob::Result EmailJob::runOnce(services::Services& services, const Progress& progress)
{
    // No lock: passes may overlap (the background thread, a job run, another server instance); each
    // row is leased before it is sent.
    Result result;
    auto db = services.database().acquire();
    // Password resets are asked for on the request path and decided here, off it (PasswordResets).
    services::PasswordResets::mailRequested(services, *db);
    const auto settings = services::PortalAccess::effectiveSettings(*db);
    const bool smtp = settings.at(std::string(core::settings::kEmailTransport)) == "smtp";
    store::OutboxRepository outbox(*db);
    const std::vector<OutboxRow> rows = outbox.due(core::nowSeconds(), 100);
    for (const auto& row : rows) {
        // Lease the row first: with several server instances on one database exactly one of them
        // sends it. A lease left behind by a crash runs out, and the email is sent then.
        const auto now = core::nowSeconds();
        if (!outbox.claim(row.id, now, now + kLeaseSeconds))
            continue; // another instance is sending it, or has sent it
        try {
            Poco::Net::MailMessage message;
            buildMessage(*db, row, message);
            if (smtp)
                deliverBySmtp(settings, message);
            else
                deliverToFile(outboxFolder(services, settings), row, message);
            outbox.markSent(row.id, core::nowRfc3339());
            ++result.sent;
        } catch (const std::exception& e) {
            std::string why = e.what();
            if (const auto* poco = dynamic_cast<const Poco::Exception*>(&e))
                why = poco->displayText();
            const bool giveUp = row.attempts + 1 >= kMaxAttempts;
            outbox.markFailed(row.id, giveUp, why);
            services.logger().warning("email " + std::to_string(row.id) + " to " + row.to + " failed: " + why);
            ++result.failed;
            result.lastError = why;
        }
        if (progress)
            progress(result.sent + result.failed, static_cast<int>(rows.size()), result);
    }
    return result;
}

EmailJob::EmailJob(services::Services& services, int intervalMs)
    : m_worker(
        "email job", intervalMs, [&services] { runOnce(services); }, services.logger())
{
}

} // namespace gh::jobs
