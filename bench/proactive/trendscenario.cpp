#include "trendscenario.h"

#include <algorithm>
#include <functional>
#include <numeric>

using namespace Qt::StringLiterals;

namespace pd::bench {

namespace {

// Complaints by hour of the day in a call centre (Shanghai time), relative: quiet nights, a morning peak
// and a long afternoon. An assumption of this bench: the demo's simulator has no daily pattern.
constexpr double kDailyProfile[24] = {0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.4, 1.9, 2.0, 1.8,
                                      1.3, 1.5, 1.7, 1.7, 1.6, 1.4, 1.1, 1.0, 0.9, 0.7, 0.5, 0.3};
// The demo volume's weekday shares (server/simulator/demovolume.cpp), Monday first.
constexpr double kWeekday[7] = {1.08, 1.04, 1.0, 1.0, 0.98, 0.93, 0.90};
// The simulator's category mix (server/simulator/simulator.cpp): delay, damage, loss, service, wrong_item,
// other.
constexpr double kCategoryMix[6] = {0.45, 0.18, 0.12, 0.15, 0.05, 0.05};
const char *const kCategories[6] = {"delay", "damage", "loss", "service", "wrong_item", "other"};
const char *const kOrigins[10] = {"上海", "北京", "广州", "深圳", "义乌",
                                  "苏州", "成都", "武汉", "南京", "宁波"};
constexpr qint64 kShanghaiOffsetMs = 8 * kHourMs;

double profileMean()
{
    return std::accumulate(std::begin(kDailyProfile), std::end(kDailyProfile), 0.0) / 24.0;
}

} // namespace

TrendScenario TrendScenario::demo()
{
    TrendScenario s;
    s.name = u"demo pattern"_s;
    s.perDay = 24 * 60 / 4.0; // one every 4 minutes
    return s;
}

TrendScenario TrendScenario::cityCentre()
{
    TrendScenario s;
    s.name = u"city centre"_s;
    s.perDay = 2000;
    s.stations = 20;
    s.couriersPerStation = 15;
    s.routes = 20;
    s.dailyProfile = true;
    s.weekdayPattern = true;
    return s;
}

ComplaintCity::ComplaintCity(const TrendScenario &scenario, quint32 seed)
    : m_scenario(scenario)
    , m_rng(seed)
{
    // DemoVolume: a station's other channels deliver 4,500–6,500 parcels a day, a listed courier 100–200;
    // complaints fall where parcels are.
    std::uniform_real_distribution<> other(4500, 6500);
    std::uniform_real_distribution<> courier(100, 200);
    for (int s = 0; s < scenario.stations; ++s) {
        const QString station = u"st-%1"_s.arg(s + 1, 2, 10, QLatin1Char('0'));
        for (int c = 0; c <= scenario.couriersPerStation; ++c) {
            const double v = c == 0 ? other(m_rng) : courier(m_rng);
            const QString id = c == 0 ? QString() : u"cr-%1-%2"_s.arg(s + 1, 2, 10, QLatin1Char('0')).arg(c);
            m_sources.push_back({station, id, v});
            m_total += v;
        }
    }
    for (int r = 0; r < scenario.routes; ++r) {
        const QString origin = QString::fromUtf8(kOrigins[r % 10]) + (r >= 10 ? u"东"_s : QString());
        m_routes.append(origin + u"转运中心→杭州转运中心"_s);
    }
    for (int i = 0; i < 6; ++i) {
        m_categories.append(QString::fromLatin1(kCategories[i]));
        m_categoryMix.push_back(kCategoryMix[i]);
    }
}

double ComplaintCity::ratePerHour(Instant hourStart) const
{
    double rate = m_scenario.perDay / 24.0;
    const qint64 local = hourStart + kShanghaiOffsetMs;
    if (m_scenario.dailyProfile)
        rate *= kDailyProfile[(local / kHourMs) % 24] / profileMean();
    if (m_scenario.weekdayPattern) {
        // 1970-01-01 was a Thursday: day 0 → index 3 (Monday first).
        rate *= kWeekday[((local / kDayMs) + 3) % 7];
    }
    return rate;
}

double ComplaintCity::share(const QString &dimension, const QString &key) const
{
    const QString id = dimension + u'\n' + key;
    const auto cached = m_shares.constFind(id);
    if (cached != m_shares.cend())
        return *cached;
    double sh = 0;
    if (dimension == u"route") {
        sh = m_routes.contains(key) ? 1.0 / double(m_routes.size()) : 0.0;
    } else if (dimension == u"category") {
        const auto i = m_categories.indexOf(key);
        sh = i < 0 ? 0.0 : m_categoryMix[std::size_t(i)];
    } else {
        for (const Source &s : m_sources) {
            if ((dimension == u"station" && s.stationId == key) ||
                (dimension == u"courier" && !s.courierId.isEmpty() && s.courierId == key))
                sh += s.volume;
        }
        sh /= m_total;
    }
    m_shares.insert(id, sh);
    return sh;
}

QStringList ComplaintCity::keys(const QString &dimension) const
{
    if (dimension == u"route")
        return m_routes;
    if (dimension == u"category")
        return m_categories;
    QStringList out;
    for (const Source &s : m_sources) {
        const QString &k = dimension == u"station" ? s.stationId : s.courierId;
        if (!k.isEmpty() && !out.contains(k))
            out.append(k);
    }
    return out;
}

QString ComplaintCity::pick(const QStringList &keys, const std::vector<double> &weights)
{
    std::discrete_distribution<int> d(weights.begin(), weights.end());
    return keys.at(d(m_rng));
}

int ComplaintCity::pickSource(const std::function<bool(const Source &)> &allowed)
{
    std::vector<double> w;
    w.reserve(m_sources.size());
    for (const Source &s : m_sources)
        w.push_back(allowed(s) ? s.volume : 0.0);
    std::discrete_distribution<int> d(w.begin(), w.end());
    return d(m_rng);
}

TrendComplaint ComplaintCity::draw(Instant at, int source)
{
    const Source &s = m_sources[std::size_t(source)];
    TrendComplaint c;
    c.createdAt = at;
    c.stationId = s.stationId;
    c.courierId = s.courierId;
    c.route = m_routes.at(std::uniform_int_distribution<int>(0, int(m_routes.size()) - 1)(m_rng));
    c.category = pick(m_categories, m_categoryMix);
    return c;
}

QList<TrendComplaint> ComplaintCity::generate(Instant from, Instant to)
{
    std::vector<double> volumes;
    for (const Source &s : m_sources)
        volumes.push_back(s.volume);
    std::discrete_distribution<int> source(volumes.begin(), volumes.end());
    std::uniform_int_distribution<qint64> within(0, kHourMs - 1);
    QList<TrendComplaint> out;
    for (Instant h = from; h < to; h += kHourMs) {
        const int n = std::poisson_distribution<int>(ratePerHour(h))(m_rng);
        const qsizetype first = out.size();
        for (int i = 0; i < n; ++i)
            out.append(draw(h + within(m_rng), source(m_rng)));
        std::sort(out.begin() + first, out.end(),
                  [](const TrendComplaint &a, const TrendComplaint &b) { return a.createdAt < b.createdAt; });
    }
    return out;
}

QList<TrendComplaint> ComplaintCity::spike(const QString &dimension, const QString &key, Instant from,
                                           int hours, double multiplier, double minPerHour)
{
    const double sh = share(dimension, key);
    std::uniform_int_distribution<qint64> within(0, kHourMs - 1);
    QList<TrendComplaint> out;
    for (Instant h = from; h < from + hours * kHourMs; h += kHourMs) {
        const double mean = std::max((multiplier - 1.0) * ratePerHour(h) * sh, minPerHour);
        const int n = std::poisson_distribution<int>(mean)(m_rng);
        for (int i = 0; i < n; ++i) {
            int src = 0;
            if (dimension == u"station")
                src = pickSource([&](const Source &s) { return s.stationId == key; });
            else if (dimension == u"courier")
                src = pickSource([&](const Source &s) { return s.courierId == key; });
            else
                src = pickSource([](const Source &) { return true; });
            TrendComplaint c = draw(h + within(m_rng), src);
            if (dimension == u"route")
                c.route = key;
            else if (dimension == u"category")
                c.category = key;
            out.append(c);
        }
    }
    return out;
}

} // namespace pd::bench
