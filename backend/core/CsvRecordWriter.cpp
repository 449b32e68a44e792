#include "CsvRecordWriter.h"

#include "CsvWriter.h"

namespace gh::core {

bool CsvRecordWriter::startsFormula(char c)
{
    // The one formula rule of every CSV the server writes (CsvWriter's guard).
    return CsvWriter::looksLikeFormula(std::string_view(&c, 1));
}

std::string CsvRecordWriter::neutralise(std::string_view value)
{
    const bool guard = !value.empty()
        && (startsFormula(value[0])
            || (value[0] == '\'' && value.size() > 1 && (startsFormula(value[1]) || value[1] == '\'')));
    std::string out;
    out.reserve(value.size() + 1);
    if (guard)
        out += '\'';
    out += value;
    return out;
}

std::string_view CsvRecordWriter::restore(std::string_view cell)
{
    if (cell.size() > 1 && cell[0] == '\'' && (startsFormula(cell[1]) || cell[1] == '\''))
        cell.remove_prefix(1);
    return cell;
}

void CsvRecordWriter::write(const std::vector<std::string>& fields)
{
    m_line.clear();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i)
            m_line += m_separator;
        const std::string cell = neutralise(fields[i]);
        // A record of one empty field is written "" : an empty line would read back as a blank row.
        const bool enclose = cell.find_first_of(std::string{m_separator, m_enclosure, '\r', '\n'}) != std::string::npos
            || (fields.size() == 1 && cell.empty());
        if (!enclose) {
            m_line += cell;
            continue;
        }
        m_line += m_enclosure;
        for (char c : cell) {
            if (c == m_enclosure)
                m_line += m_enclosure;
            m_line += c;
        }
        m_line += m_enclosure;
    }
    m_line += "\r\n";
    m_out.write(m_line.data(), static_cast<std::streamsize>(m_line.size()));
}

} // namespace gh::core
