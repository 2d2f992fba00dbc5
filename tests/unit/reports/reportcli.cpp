// The `parceldesk report` command on its own, for tst_report_command (app/main.cpp dispatches to it the same
// way).
#include "app/reportcommand.h"

int main(int argc, char **argv)
{
    return pd::runReportCommand(argc, argv);
}
