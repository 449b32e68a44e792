#pragma once

#include <string>
#include <string_view>

namespace gh::http {

// Text for one line of a log: control characters (0x00-0x1f, 0x7f), the backslash and the double
// quote become \xHH, so that nothing a client sends can end a line, forge another one or drive a
// terminal. Bytes from 0x80 up pass unchanged (UTF-8 paths stay readable).
std::string escapeForLog(std::string_view text);

} // namespace gh::http
