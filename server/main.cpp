// parceldesk-server: the reference backend. The command line is parsed here; serving lives in server/.
#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"parceldesk-server"_qs);
    QCoreApplication::setApplicationVersion(QStringLiteral(PD_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("server", "ParcelDesk reference backend"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    std::fprintf(stderr, "%s\n",
                 qPrintable(QCoreApplication::translate("server", "This build of parceldesk-server cannot serve yet.")));
    return 2;
}
