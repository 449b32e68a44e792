#include "Sections.h"

#include "Text.h"

namespace gh::core {

std::string_view sectionLabel(std::string_view key)
{
    for (const auto& entry : kSectionCatalogue) {
        if (entry.key == key)
            return entry.label;
    }
    return key;
}

std::vector<std::string> splitList(std::string_view text, char separator)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(separator, start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view item = trim(text.substr(start, end - start));
        if (!item.empty())
            out.emplace_back(item);
        start = end + 1;
    }
    return out;
}

std::string joinList(const std::vector<std::string>& items, char separator)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i)
            out += separator;
        out += items[i];
    }
    return out;
}

} // namespace gh::core
