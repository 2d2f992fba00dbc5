#pragma once

#include <QString>

namespace pd::terminal {

/// @brief Writes @p s and a line break to standard error (the commands' messages; stdout stays for data).
void printErr(const QString &s);

/// @brief True when standard error is a terminal: progress bars are drawn only then, never into a log file.
[[nodiscard]] bool stderrIsTerminal();

} // namespace pd::terminal
