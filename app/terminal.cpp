#include "terminal.h"

#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace pd::terminal {

void printErr(const QString &s)
{
    std::fprintf(stderr, "%s\n", qPrintable(s));
}

bool stderrIsTerminal()
{
#ifdef Q_OS_UNIX
    return isatty(STDERR_FILENO) != 0;
#else
    return false;
#endif
}

} // namespace pd::terminal
