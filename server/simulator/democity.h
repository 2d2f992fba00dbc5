#pragma once

#include "models/domain/entities.h"

#include <QList>
#include <QString>

#include <random>

namespace pd::server {

/**
 * @brief The fixed geography and vocabulary of the demo: one city (杭州) with its stations, the cities
 * parcels come from, Chinese names, complaint texts and valid waybill numbers.
 */
class DemoCity final
{
public:
    struct Place
    {
        QString name;
        GeoPoint point;
    };

    explicit DemoCity(quint32 seed)
        : m_rng(seed)
    {}

    [[nodiscard]] static QString cityName() { return QStringLiteral("杭州"); }
    [[nodiscard]] static GeoPoint hub() { return {30.2930, 120.2160}; } ///< 杭州转运中心
    [[nodiscard]] static const QList<Place> &stations();
    [[nodiscard]] static const QList<Place> &originCities();

    [[nodiscard]] QString personName();
    [[nodiscard]] QString mobile();
    /// @brief A parcel's recipient phone derived from its waybill (no draw from the generator, so the rest of
    /// the demo's data does not move when parcels gain one).
    [[nodiscard]] static QString recipientMobile(const QString &waybillNo);
    /// @brief A valid waybill of a mix of carriers (SF, YTO, ZTO-style numeric, JD, EMS S10); n makes it
    /// unique.
    [[nodiscard]] QString waybill(int n);
    /// @brief A point within radiusKm of a centre (uniform over the disc).
    [[nodiscard]] GeoPoint near(const GeoPoint &centre, double radiusKm);
    [[nodiscard]] QString street();
    [[nodiscard]] QString complaintText(Category c);
    [[nodiscard]] QString replyText(Category c);

    [[nodiscard]] double uniform(double a = 0.0, double b = 1.0)
    {
        return std::uniform_real_distribution<>(a, b)(m_rng);
    }
    [[nodiscard]] int uniformInt(int a, int b) { return std::uniform_int_distribution<>(a, b)(m_rng); }
    [[nodiscard]] bool chance(double p) { return uniform() < p; }
    /// @brief Log-normal minutes with the given median and spread (sigma).
    [[nodiscard]] double lognormal(double median, double sigma)
    {
        return median * std::exp(std::normal_distribution<>(0.0, sigma)(m_rng));
    }
    [[nodiscard]] std::mt19937 &rng() { return m_rng; }

private:
    std::mt19937 m_rng;
};

} // namespace pd::server
