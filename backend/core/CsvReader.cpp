#include "CsvReader.h"

#include "Text.h"

#include <csv.h>

#include <exception>
#include <utility>

namespace gh::core {
namespace {

constexpr std::size_t kBlockBytes = 256 * 1024;

int noSpace(unsigned char)
{
    return 0;
}

// The state of one reading, shared with libcsv's C callbacks. Exceptions never cross libcsv's frames:
// they are kept and rethrown once csv_parse has returned.
class Reading
{
public:
    Reading(const CsvReader::Options& options, const CsvReader::Handler& handler)
        : m_options(options)
        , m_handler(handler)
    {
        if (csv_init(&m_parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
            throw std::bad_alloc();
        csv_set_delim(&m_parser, static_cast<unsigned char>(m_options.separator));
        csv_set_quote(&m_parser, static_cast<unsigned char>(m_options.enclosure));
        csv_set_space_func(&m_parser, noSpace);
        csv_set_blk_size(&m_parser, 64 * 1024);
    }
    ~Reading() { csv_free(&m_parser); }
    Reading(const Reading&) = delete;
    Reading& operator=(const Reading&) = delete;

    // False once the reading is over (stopped, or an error in *error).
    bool feed(std::string_view block, CsvReader::Error* error)
    {
        if (m_first) {
            m_first = false;
            if (block.substr(0, 3) == "\xEF\xBB\xBF")
                block.remove_prefix(3);
        }
        while (!block.empty() && !m_stopped) {
            const std::size_t n = std::min(block.size(), kBlockBytes);
            const std::size_t done = csv_parse(&m_parser, block.data(), n, onField, onRecord, this);
            rethrow();
            if (m_stopped)
                break;
            if (done != n)
                return fail(error, malformedMessage());
            if (m_parser.entry_pos > m_options.maxFieldBytes)
                return fail(error,
                            "a field is longer than " + std::to_string(m_options.maxFieldBytes)
                                + " bytes (is a quote left open?)");
            if (m_tooMany)
                return fail(error, "a record has more than " + std::to_string(m_options.maxFields) + " fields");
            block.remove_prefix(n);
        }
        return !m_stopped;
    }

    bool finish(CsvReader::Error* error)
    {
        if (m_stopped)
            return m_failed ? false : true;
        const int rc = csv_fini(&m_parser, onField, onRecord, this);
        rethrow();
        if (rc != 0 && !m_stopped)
            return fail(error, "the file ends inside a quoted field: a quote was opened and never closed");
        return !m_failed;
    }

    bool failed() const { return m_failed; }

private:
    static void onField(void* data, std::size_t size, void* context)
    {
        static_cast<Reading*>(context)->field(static_cast<const char*>(data), size);
    }
    static void onRecord(int terminator, void* context) { static_cast<Reading*>(context)->record(terminator); }

    void field(const char* data, std::size_t size)
    {
        if (m_stopped)
            return;
        if (!m_inRecord) {
            m_inRecord = true;
            m_record.row = m_nextRow;
            m_used = 0;
            m_record.badField = -1;
            m_record.badFieldHasNul = false;
        }
        if (m_used >= m_options.maxFields) {
            m_tooMany = true;
            return;
        }
        if (m_used == m_record.fields.size())
            m_record.fields.emplace_back();
        auto& value = m_record.fields[m_used];
        value.assign(data ? data : "", data ? size : 0);
        if (m_record.badField < 0) {
            const bool nul = value.find('\0') != std::string::npos;
            if (nul || !isValidUtf8(value)) {
                m_record.badField = static_cast<int>(m_used);
                m_record.badFieldHasNul = nul;
            }
        }
        ++m_used;
    }

    void record(int terminator)
    {
        if (m_stopped)
            return;
        if (!m_inRecord) {
            // A line end outside a record: the second half of a CRLF, or a blank line (a row).
            if (!(terminator == '\n' && m_lastTerminator == '\r'))
                ++m_nextRow;
            m_lastTerminator = terminator == '\n' && m_lastTerminator == '\r' ? 0 : terminator;
            return;
        }
        m_inRecord = false;
        m_lastTerminator = terminator;
        m_nextRow = m_record.row + 1;
        m_record.fields.resize(m_used);
        try {
            if (!m_handler(m_record))
                m_stopped = true;
        } catch (...) {
            m_exception = std::current_exception();
            m_stopped = true;
        }
    }

    void rethrow()
    {
        if (m_exception)
            std::rethrow_exception(std::exchange(m_exception, nullptr));
    }

    std::string malformedMessage() const
    {
        const char q = m_options.enclosure;
        return std::string("malformed CSV: a ") + q + " inside a field that is not enclosed in " + q
            + ", or a character other than a separator or line end after a closing " + q + " (write a " + q
            + " inside an enclosed field as " + q + q + ")";
    }

    bool fail(CsvReader::Error* error, std::string message)
    {
        m_failed = true;
        m_stopped = true;
        if (error) {
            error->row = m_inRecord ? m_record.row : m_nextRow;
            error->field = m_inRecord || m_parser.entry_pos > 0 ? static_cast<int>(m_used) : -1;
            error->message = std::move(message);
        }
        return false;
    }

    const CsvReader::Options& m_options;
    const CsvReader::Handler& m_handler;
    csv_parser m_parser{};
    CsvReader::Record m_record;
    std::size_t m_used = 0;
    std::int64_t m_nextRow = 1;
    int m_lastTerminator = 0;
    bool m_inRecord = false;
    bool m_first = true;
    bool m_stopped = false;
    bool m_failed = false;
    bool m_tooMany = false;
    std::exception_ptr m_exception;
};

} // namespace

CsvReader::CsvReader(Options options)
    : m_options(options)
{
}

bool CsvReader::read(std::istream& in, const Handler& handler, Error* error, std::uint64_t* bytesRead)
{
    Reading reading(m_options, handler);
    std::string buffer(kBlockBytes, '\0');
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0)
            break;
        if (bytesRead)
            *bytesRead += got;
        if (!reading.feed(std::string_view(buffer.data(), got), error))
            return !reading.failed();
    }
    return reading.finish(error);
}

bool CsvReader::read(std::string_view bytes, const Handler& handler, Error* error)
{
    Reading reading(m_options, handler);
    if (!reading.feed(bytes, error))
        return !reading.failed();
    return reading.finish(error);
}

} // namespace gh::core
