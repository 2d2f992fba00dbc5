#include "privacyoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace pd::server {

namespace {
const QString kAlert = QStringLiteral("reveal-alert-per-hour");
const QString kRetention = QStringLiteral("customer-retention-days");
const QString kParcels = QStringLiteral("parcel-retention-days");
const QString kOffset = QStringLiteral("clock-offset");
constexpr qint64 kMaxOffsetSeconds = 100LL * 366 * 24 * 3600;

bool readInt(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max, qint64 *out,
             QString *error, const QString &what)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 v = parser.value(name).toLongLong(&ok);
    if (!ok || v < min || v > max) {
        *error = QCoreApplication::translate("server", "--%1 needs %2 (%3 to %4).")
                     .arg(name, what)
                     .arg(min)
                     .arg(max);
        return false;
    }
    *out = v;
    return true;
}
} // namespace

void addPrivacyOptions(QCommandLineParser &parser)
{
    parser.addOptions(
        {QCommandLineOption(kAlert,
                            QCoreApplication::translate("server", "Distinct customers one user may reveal "
                                                                  "within an hour before their supervisors "
                                                                  "are alerted."),
                            QStringLiteral("n"), QStringLiteral("60")),
         QCommandLineOption(kRetention,
                            QCoreApplication::translate("server",
                                                        "Days after a ticket closes until its customer "
                                                        "name, phone and parcel addresses are blanked."),
                            QStringLiteral("days"), QStringLiteral("180")),
         QCommandLineOption(kParcels,
                            QCoreApplication::translate("server",
                                                        "Days after a parcel no ticket names last changed "
                                                        "until it is deleted with its scans (0: kept)."),
                            QStringLiteral("days"), QStringLiteral("0")),
         QCommandLineOption(kOffset,
                            QCoreApplication::translate("server",
                                                        "Tests only: server time runs this many seconds "
                                                        "ahead of the wall clock (negative: behind)."),
                            QStringLiteral("seconds"))});
}

bool readPrivacyOptions(const QCommandLineParser &parser, PrivacyOptions *options, QString *error)
{
    qint64 alert = options->revealAlertPerHour;
    qint64 days = options->customerRetentionDays;
    qint64 offset = 0;
    qint64 parcelDays = options->parcelRetentionDays;
    if (!readInt(parser, kAlert, 1, 1000000, &alert, error,
                 QCoreApplication::translate("server", "a number of customers")) ||
        !readInt(parser, kRetention, 1, 36500, &days, error,
                 QCoreApplication::translate("server", "a number of days")) ||
        !readInt(parser, kParcels, 0, 36500, &parcelDays, error,
                 QCoreApplication::translate("server", "a number of days")) ||
        !readInt(parser, kOffset, -kMaxOffsetSeconds, kMaxOffsetSeconds, &offset, error,
                 QCoreApplication::translate("server", "a number of seconds")))
        return false;
    options->revealAlertPerHour = int(alert);
    options->customerRetentionDays = int(days);
    options->parcelRetentionDays = int(parcelDays);
    options->clockOffsetMs = offset * 1000;
    return true;
}

} // namespace pd::server
