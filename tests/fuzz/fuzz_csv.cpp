// libFuzzer target: any bytes through core/CsvReader (the import engine's reader) under each separator
// and enclosure the import offers. What must hold: the reading ends (with an error naming a row, or
// not), rows only grow, a record whose fields are all UTF-8 says so, and every such record survives
// CsvRecordWriter -> CsvReader unchanged (formula guard included: restore(neutralise(x)) == x).

#include "core/CsvReader.h"
#include "core/CsvRecordWriter.h"
#include "core/Text.h"

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string_view>

namespace {

[[noreturn]] void finding(const char* what)
{
    std::cerr << what << "\n";
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    constexpr std::string_view separators = ",;\t|";
    constexpr std::string_view enclosures = "\"'";
    gh::core::CsvReader::Options options;
    options.separator = separators[data[0] % separators.size()];
    options.enclosure = enclosures[(data[0] >> 2) % enclosures.size()];
    options.maxFieldBytes = 2u << 20;
    options.maxFields = 20000;
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

    std::int64_t lastRow = 0;
    gh::core::CsvReader reader(options);
    gh::core::CsvReader::Error error;
    reader.read(
        bytes,
        [&](const gh::core::CsvReader::Record& record) {
            if (record.row <= lastRow)
                finding("rows went backwards");
            lastRow = record.row;
            if (record.fields.empty() || record.fields.size() > options.maxFields)
                finding("a record with no fields or over the limit");
            bool allGood = true;
            for (const auto& field : record.fields) {
                if (field.find('\0') != std::string::npos || !gh::core::isValidUtf8(field))
                    allGood = false;
                if (gh::core::CsvRecordWriter::restore(gh::core::CsvRecordWriter::neutralise(field)) != field)
                    finding("the formula guard did not round-trip");
            }
            if (allGood != (record.badField < 0))
                finding("badField disagrees with the fields");
            if (!allGood || record.fields.size() > 200)
                return true;
            // Behind a first line, as in a real file: only a file's very start may carry a BOM to skip.
            std::ostringstream out;
            out << "h\r\n";
            gh::core::CsvRecordWriter(out, options.separator, options.enclosure).write(record.fields);
            int seen = 0;
            gh::core::CsvReader again(options);
            gh::core::CsvReader::Error againError;
            const bool ok = again.read(
                out.str(),
                [&](const gh::core::CsvReader::Record& copy) {
                    if (copy.row == 1)
                        return true;
                    ++seen;
                    if (copy.fields.size() != record.fields.size())
                        finding("written record read back with another field count");
                    for (std::size_t i = 0; i < copy.fields.size(); ++i) {
                        if (gh::core::CsvRecordWriter::restore(copy.fields[i]) != record.fields[i])
                            finding("written record read back with another value");
                    }
                    return true;
                },
                &againError);
            if (!ok || seen != 1)
                finding("a written record did not read back as one record");
            return true;
        },
        &error);
    if (error.row < 0)
        finding("error row below 0");
    return 0;
}
