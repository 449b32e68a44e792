#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace gh::core {

// Writes CSV records (RFC 4180, CRLF) for import/export files: a field is enclosed when it holds the
// separator, the enclosure or a line break, and a cell a spreadsheet would run as a formula is
// neutralised with a leading apostrophe (neutralise), which an import undoes (restore), so every
// value survives export -> import unchanged. The formula rule is CsvWriter's (the server's other CSV);
// this writer adds what an import file needs beyond it: any separator and enclosure, and a guard on a
// value that itself starts with an apostrophe, without which restore() could not tell it from a guard.
class CsvRecordWriter
{
public:
    CsvRecordWriter(std::ostream& out, char separator = ',', char enclosure = '"')
        : m_out(out)
        , m_separator(separator)
        , m_enclosure(enclosure)
    {
    }

    void write(const std::vector<std::string>& fields);

    // Formula cells (= + - @ tab CR at the start) get a leading '. So that restore() can tell a guard
    // from data, a value that itself begins with ' followed by such a character or another ' gets one
    // more: "'=x" -> "''=x", "''" -> "'''".
    static std::string neutralise(std::string_view value);
    // Drops the guard neutralise() adds: a leading ' followed by a formula character or a '.
    static std::string_view restore(std::string_view cell);
    static bool startsFormula(char c);

private:
    std::ostream& m_out;
    char m_separator;
    char m_enclosure;
    std::string m_line;
};

} // namespace gh::core
