#pragma once

#include "models/domain/entities.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QStringList>

#include <array>
#include <optional>

/**
 * @file
 * @brief The compensation rules (docs/compensation.md): per service class, what a loss, a damage or a delay
 * pays, when a delayed parcel counts as lost, and how much each role may grant without approval.
 *
 * Like the SLA and routing policies it is JSON that managers edit, validated field by field with translated
 * messages that name the field, and versioned. Money is fen here and yuan in JSON.
 */

namespace pd::compensation {

/// @brief Days past the promised time after which an undelivered parcel counts as lost (彻底延误), for
/// parcels travelling at most maxKm between origin and destination; maxKm 0 = any farther distance.
struct DistanceBand
{
    int maxKm = 0;
    int days = 7;
    friend bool operator==(const DistanceBand &, const DistanceBand &) = default;
};

/// @brief Three bands: up to @p nearKm, up to @p midKm, and farther.
[[nodiscard]] QList<DistanceBand> distanceBands(int nearKm, int nearDays, int midKm, int midDays,
                                                int farDays);

/// @brief The rules of one service class ("standard", "express", … codes are data).
struct ServiceRules
{
    QString code;
    /// Uninsured loss pays the actual loss up to this multiple of the freight (邮政法 Art. 47: 3 for postal
    /// items); 0 = the freight multiple does not limit.
    double uninsuredMultiple = 3.0;
    qint64 uninsuredCapFen = 0;   ///< an absolute cap on an uninsured payment; 0 = none
    int delayWaiverPercent = 100; ///< share of the freight a late parcel gets back
    /// Sorted by maxKm; the last band has no maxKm.
    QList<DistanceBand> totalDelay = distanceBands(50, 3, 500, 5, 7);
    friend bool operator==(const ServiceRules &, const ServiceRules &) = default;

    /// @brief The band of a distance; @p km < 0 (unknown) takes the farthest band.
    [[nodiscard]] const DistanceBand &bandFor(double km) const;
};

class CompensationPolicy final
{
    Q_DECLARE_TR_FUNCTIONS(pd::compensation::CompensationPolicy)
public:
    CompensationPolicy() = default;

    /// @brief standard, express and economy; limits agent ¥200, supervisor ¥2,000, manager/admin unlimited.
    [[nodiscard]] static CompensationPolicy defaults();

    /// @brief Reads and validates a policy. On failure returns nullopt and appends one translated
    /// "field: message" line per problem to @p errors (field paths like "services[1].total_delay[0].days").
    [[nodiscard]] static std::optional<CompensationPolicy> fromJson(const QJsonObject &o,
                                                                    QStringList *errors = nullptr);
    [[nodiscard]] QJsonObject toJson() const;

    [[nodiscard]] int version() const { return m_version; }
    void setVersion(int version) { m_version = version; }

    /// @brief The service used for parcels without a service class or with one the policy does not list.
    [[nodiscard]] const QString &defaultService() const { return m_defaultService; }
    /// @brief Adds or replaces the rules of rules.code (not empty).
    void setService(const ServiceRules &rules);
    [[nodiscard]] const QMap<QString, ServiceRules> &services() const { return m_services; }
    /// @brief The rules of a service code; the default service's for an empty or unknown code.
    [[nodiscard]] const ServiceRules &forService(const QString &code) const;

    /// @brief The most a role may grant without approval, in fen; nullopt = unlimited.
    [[nodiscard]] std::optional<qint64> limitFor(Role role) const;
    void setLimit(Role role, std::optional<qint64> fen);

    friend bool operator==(const CompensationPolicy &, const CompensationPolicy &) = default;

private:
    int m_version = 1;
    QString m_defaultService = QStringLiteral("standard");
    QMap<QString, ServiceRules> m_services;
    std::array<std::optional<qint64>, 4> m_limits{20000, 200000, std::nullopt, std::nullopt};
};

/// @brief "¥36" for whole yuan, "¥14.40" otherwise; with @p cents always two decimals ("¥500.00").
[[nodiscard]] QString formatYuan(qint64 fen, bool cents = false);

} // namespace pd::compensation
