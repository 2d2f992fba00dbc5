#pragma once

#include <QString>

class QCommandLineParser;

namespace pd::server {

/// @brief The command line of customer data protection (docs/server.md, "Customer data").
struct PrivacyOptions
{
    int revealAlertPerHour = 60; ///< distinct customers one user may reveal within an hour before an alert
    int customerRetentionDays = 180; ///< customer fields are blanked this long after a ticket closes
    int parcelRetentionDays =
        0; ///< parcels no ticket names are deleted this long after they last changed; 0: kept
    /// Test hook: server time = wall clock + this (retention tests move the clock half a year on).
    qint64 clockOffsetMs = 0;

    [[nodiscard]] qint64 customerRetentionMs() const
    {
        return qint64(customerRetentionDays) * 24 * 3600 * 1000;
    }
    [[nodiscard]] qint64 parcelRetentionMs() const { return qint64(parcelRetentionDays) * 24 * 3600 * 1000; }
};

/// @brief Adds --reveal-alert-per-hour, --customer-retention-days, --parcel-retention-days and
/// --clock-offset.
void addPrivacyOptions(QCommandLineParser &parser);
/// @brief Reads them; false with a message for a value out of range.
bool readPrivacyOptions(const QCommandLineParser &parser, PrivacyOptions *options, QString *error);

} // namespace pd::server
