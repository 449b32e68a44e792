#pragma once

// CSV as spreadsheets read it (RFC 4180: comma separated, CRLF line ends, cells with a comma, quote
// or line break quoted, quotes doubled), with the formula guard: a cell that starts with = + - @, a
// tab or a carriage return would run as a formula in a spreadsheet, so it gets a leading
// apostrophe. Every CSV the server writes goes through here, so the guard cannot drift.

#include <string>
#include <string_view>
#include <vector>

namespace gh::core {

class CsvWriter
{
public:
    // True when a spreadsheet would take the text as a formula (so cell() prefixes it with ').
    static bool looksLikeFormula(std::string_view text);
    // One cell, guarded and quoted as needed.
    static std::string cell(std::string_view value);
    // The cells joined by commas, ending in CRLF.
    static std::string row(const std::vector<std::string>& cells);
};

} // namespace gh::core
