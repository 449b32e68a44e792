#include "CsvWriter.h"

namespace gh::core {

bool CsvWriter::looksLikeFormula(std::string_view text)
{
    return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

std::string CsvWriter::cell(std::string_view value)
{
    std::string text(value);
    if (looksLikeFormula(text))
        text.insert(text.begin(), '\'');
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string CsvWriter::row(const std::vector<std::string>& cells)
{
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i)
            out += ',';
        out += cell(cells[i]);
    }
    return out + "\r\n";
}

} // namespace gh::core
