#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace gh::core {

// Streaming RFC 4180 reader over Debian's libcsv (a state machine fed in blocks, so a file of any size
// is read in constant memory). Records come one at a time with their spreadsheet row: the first record
// is row 1 and a quoted line break does not start a row, while a blank line between records does, as
// a spreadsheet shows it. CRLF, LF, CR and mixed line ends; a UTF-8 byte order mark is skipped. Spaces
// are kept as they are (libcsv trims them by default). Each field is checked to be UTF-8 without NUL
// bytes; a bad field does not stop the reading: the record names it.
class CsvReader
{
public:
    struct Options
    {
        char separator = ',';
        char enclosure = '"';
        std::size_t maxFieldBytes = 4u << 20; // a longer field is a fatal error (an unclosed quote)
        std::size_t maxFields = 100000; // per record
    };

    struct Record
    {
        std::int64_t row = 0; // spreadsheet row (header = 1)
        std::vector<std::string> fields;
        int badField = -1; // first field that is not UTF-8 or holds a NUL byte, else -1
        bool badFieldHasNul = false;
    };

    // A reason the reading stopped: malformed CSV (a quote where none may be, an unclosed quote) or
    // a field or record over the limits. field is 0-based, -1 when not known.
    struct Error
    {
        std::int64_t row = 0;
        int field = -1;
        std::string message;
    };

    // Return false to stop reading (not an error).
    using Handler = std::function<bool(const Record&)>;

    explicit CsvReader(Options options);
    CsvReader()
        : CsvReader(Options{})
    {
    }

    // Reads the stream to its end (or until the handler returns false). False with *error set when
    // the file is malformed. bytesRead, if given, is updated after each block (progress).
    bool read(std::istream& in, const Handler& handler, Error* error, std::uint64_t* bytesRead = nullptr);
    // The same over bytes in memory (tests, the fuzzer).
    bool read(std::string_view bytes, const Handler& handler, Error* error);

private:
    Options m_options;
};

} // namespace gh::core
