#include "compensationpolicy.h"

#include "models/domain/policychecker.h"

#include <QJsonArray>
#include <QLocale>
#include <QSet>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace pd::compensation {

namespace {

constexpr double kMaxMultiple = 100.0;
constexpr int kMaxDays = 365;
constexpr int kMaxKm = 20000;
constexpr double kMaxYuan = 1e8;

const QStringList kPolicyKeys{u"version"_s, u"default_service"_s, u"services"_s, u"approval_limits"_s};
const QStringList kServiceKeys{u"code"_s, u"uninsured_multiple"_s, u"uninsured_cap"_s,
                               u"delay_waiver_percent"_s, u"total_delay"_s};
const QStringList kBandKeys{u"max_km"_s, u"days"_s};

/// The policy's own checks on top of PolicyChecker (every problem as a "field: message" line).
class Checker : public PolicyChecker
{
    Q_DECLARE_TR_FUNCTIONS(pd::compensation::CompensationPolicy)
public:
    void unknownKeys(const QJsonObject &o, const QStringList &known, const QString &where)
    {
        PolicyChecker::unknownKeys(o, known, where, tr("is not a field of the compensation policy"));
    }

    bool integer(const QJsonValue &v, const QString &field, int min, int max, int *out)
    {
        const double d = v.toDouble(-1e18);
        if (!v.isDouble() || d != std::floor(d) || d < min || d > max) {
            fail(field, tr("must be a whole number between %1 and %2").arg(min).arg(max));
            return false;
        }
        *out = int(d);
        return true;
    }

    /// An amount in yuan, 0 or more, into fen.
    bool money(const QJsonValue &v, const QString &field, qint64 *out)
    {
        const double yuan = v.toDouble(-1);
        if (!v.isDouble() || !std::isfinite(yuan) || yuan < 0 || yuan > kMaxYuan) {
            fail(field, tr("must be an amount in yuan between 0 and %1").arg(qint64(kMaxYuan)));
            return false;
        }
        *out = std::llround(yuan * 100.0);
        return true;
    }

    void bands(const QJsonValue &v, const QString &where, QList<DistanceBand> *out);
    void service(const QJsonObject &o, const QString &where, ServiceRules *s);
    void limits(const QJsonValue &v, CompensationPolicy *p);
};

void Checker::bands(const QJsonValue &v, const QString &where, QList<DistanceBand> *out)
{
    if (!v.isArray() || v.toArray().isEmpty()) {
        fail(where, tr("must be a non-empty list of {max_km, days}"));
        return;
    }
    QList<DistanceBand> list;
    const QJsonArray a = v.toArray();
    int previousKm = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString at = where + u'[' + QString::number(i) + u"]."_s;
        const QJsonObject b = a.at(i).toObject();
        unknownKeys(b, kBandKeys, at);
        DistanceBand band;
        integer(b.value(u"days"_s), at + u"days"_s, 1, kMaxDays, &band.days);
        const QJsonValue km = b.value(u"max_km"_s);
        const bool last = i == a.size() - 1;
        if (km.isNull() || km.isUndefined()) {
            if (!last)
                fail(at + u"max_km"_s, tr("only the last band may leave max_km out (any farther distance)"));
        } else if (last) {
            fail(at + u"max_km"_s, tr("the last band covers any farther distance: leave max_km out"));
        } else {
            int value = 0;
            if (integer(km, at + u"max_km"_s, 1, kMaxKm, &value)) {
                if (value <= previousKm)
                    fail(at + u"max_km"_s,
                         tr("must be greater than the band before it (%1 km)").arg(previousKm));
                previousKm = value;
                band.maxKm = value;
            }
        }
        list.append(band);
    }
    *out = list;
}

void Checker::service(const QJsonObject &o, const QString &where, ServiceRules *s)
{
    unknownKeys(o, kServiceKeys, where);
    const QJsonValue multiple = o.value(u"uninsured_multiple"_s);
    if (!multiple.isUndefined()) {
        const double m = multiple.toDouble(-1);
        if (!multiple.isDouble() || !(m >= 0 && m <= kMaxMultiple))
            fail(where + u"uninsured_multiple"_s, tr("must be a number between 0 and %1").arg(kMaxMultiple));
        else
            s->uninsuredMultiple = m;
    }
    if (o.contains(u"uninsured_cap"_s))
        money(o.value(u"uninsured_cap"_s), where + u"uninsured_cap"_s, &s->uninsuredCapFen);
    if (o.contains(u"delay_waiver_percent"_s))
        integer(o.value(u"delay_waiver_percent"_s), where + u"delay_waiver_percent"_s, 0, 100,
                &s->delayWaiverPercent);
    if (o.contains(u"total_delay"_s))
        bands(o.value(u"total_delay"_s), where + u"total_delay"_s, &s->totalDelay);
    if (s->uninsuredMultiple == 0 && s->uninsuredCapFen == 0)
        fail(where + u"uninsured_multiple"_s,
             tr("an uninsured payment needs a limit: a multiple of the freight, an absolute cap or both"));
}

void Checker::limits(const QJsonValue &v, CompensationPolicy *p)
{
    if (v.isUndefined())
        return;
    if (!v.isObject()) {
        fail(u"approval_limits"_s, tr("must be an object of role codes"));
        return;
    }
    const QJsonObject o = v.toObject();
    unknownKeys(o, allCodes<Role>(), u"approval_limits."_s);
    for (Role r : {Role::Agent, Role::Supervisor, Role::Manager, Role::Admin}) {
        const QString key = toCode(r);
        if (!o.contains(key))
            continue;
        const QJsonValue value = o.value(key);
        qint64 fen = 0;
        if (value.isNull())
            p->setLimit(r, std::nullopt);
        else if (money(value, u"approval_limits."_s + key, &fen))
            p->setLimit(r, fen);
    }
    // A higher role never has a lower limit than the one below it.
    const QList<Role> ranks{Role::Agent, Role::Supervisor, Role::Manager, Role::Admin};
    for (qsizetype i = 1; i < ranks.size(); ++i) {
        const auto below = p->limitFor(ranks.at(i - 1));
        const auto here = p->limitFor(ranks.at(i));
        if (here && (!below || *here < *below))
            fail(u"approval_limits."_s + toCode(ranks.at(i)),
                 tr("must not be lower than the limit of %1").arg(toCode(ranks.at(i - 1))));
    }
}

QJsonObject serviceToJson(const ServiceRules &s)
{
    QJsonArray bands;
    for (const DistanceBand &b : s.totalDelay) {
        QJsonObject o{{u"days"_s, b.days}};
        o.insert(u"max_km"_s, b.maxKm > 0 ? QJsonValue(b.maxKm) : QJsonValue(QJsonValue::Null));
        bands.append(o);
    }
    return {{u"code"_s, s.code},
            {u"uninsured_multiple"_s, s.uninsuredMultiple},
            {u"uninsured_cap"_s, double(s.uninsuredCapFen) / 100.0},
            {u"delay_waiver_percent"_s, s.delayWaiverPercent},
            {u"total_delay"_s, bands}};
}

ServiceRules service(const QString &code, double multiple, qint64 capFen, int waiver,
                     QList<DistanceBand> bands)
{
    ServiceRules s;
    s.code = code;
    s.uninsuredMultiple = multiple;
    s.uninsuredCapFen = capFen;
    s.delayWaiverPercent = waiver;
    s.totalDelay = std::move(bands);
    return s;
}

} // namespace

QList<DistanceBand> distanceBands(int nearKm, int nearDays, int midKm, int midDays, int farDays)
{
    QList<DistanceBand> out;
    DistanceBand b;
    for (auto [km, days] : {std::pair{nearKm, nearDays}, std::pair{midKm, midDays}, std::pair{0, farDays}}) {
        b.maxKm = km;
        b.days = days;
        out.append(b);
    }
    return out;
}

const DistanceBand &ServiceRules::bandFor(double km) const
{
    if (km >= 0) {
        for (const DistanceBand &b : totalDelay) {
            if (b.maxKm > 0 && km <= b.maxKm)
                return b;
        }
    }
    return totalDelay.constLast();
}

CompensationPolicy CompensationPolicy::defaults()
{
    CompensationPolicy p;
    p.m_version = 1;
    p.m_defaultService = u"standard"_s;
    p.setService(service(u"standard"_s, 3.0, 0, 100, distanceBands(50, 3, 500, 5, 7)));
    p.setService(service(u"express"_s, 5.0, 0, 100, distanceBands(50, 2, 500, 4, 6)));
    p.setService(service(u"economy"_s, 3.0, 100000, 50, distanceBands(50, 5, 500, 7, 10)));
    p.m_limits = {20000, 200000, std::nullopt, std::nullopt};
    return p;
}

void CompensationPolicy::setService(const ServiceRules &rules)
{
    if (!rules.code.isEmpty() && !rules.totalDelay.isEmpty())
        m_services.insert(rules.code, rules);
}

const ServiceRules &CompensationPolicy::forService(const QString &code) const
{
    const auto it = m_services.constFind(code);
    if (it != m_services.cend())
        return *it;
    const auto fallback = m_services.constFind(m_defaultService);
    if (fallback != m_services.cend())
        return *fallback;
    static const ServiceRules builtIn = [] {
        ServiceRules s;
        s.code = u"standard"_s;
        return s;
    }();
    return builtIn;
}

std::optional<qint64> CompensationPolicy::limitFor(Role role) const
{
    return m_limits.at(std::size_t(role));
}

void CompensationPolicy::setLimit(Role role, std::optional<qint64> fen)
{
    m_limits.at(std::size_t(role)) = fen;
}

QJsonObject CompensationPolicy::toJson() const
{
    QJsonArray services;
    for (const ServiceRules &s : m_services)
        services.append(serviceToJson(s));
    QJsonObject limits;
    for (Role r : {Role::Agent, Role::Supervisor, Role::Manager, Role::Admin}) {
        const auto l = limitFor(r);
        limits.insert(toCode(r), l ? QJsonValue(double(*l) / 100.0) : QJsonValue(QJsonValue::Null));
    }
    return {{u"version"_s, m_version},
            {u"default_service"_s, m_defaultService},
            {u"services"_s, services},
            {u"approval_limits"_s, limits}};
}

std::optional<CompensationPolicy> CompensationPolicy::fromJson(const QJsonObject &o, QStringList *errors)
{
    CompensationPolicy p;
    Checker c;
    c.unknownKeys(o, kPolicyKeys, {});
    if (!o.contains(u"version"_s))
        c.fail(u"version"_s, tr("is required"));
    else
        c.integer(o.value(u"version"_s), u"version"_s, 1, std::numeric_limits<int>::max(), &p.m_version);

    const QJsonValue services = o.value(u"services"_s);
    if (!services.isArray() || services.toArray().isEmpty())
        c.fail(u"services"_s, tr("must be a non-empty list of service classes"));
    const QJsonArray rows = services.toArray();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString where = u"services["_s + QString::number(i) + u"]."_s;
        const QJsonObject row = rows.at(i).toObject();
        ServiceRules s;
        s.code = row.value(u"code"_s).toString().trimmed();
        if (s.code.isEmpty() || p.m_services.contains(s.code)) {
            c.fail(where + u"code"_s, tr("must be a unique, non-empty code"));
            continue;
        }
        c.service(row, where, &s);
        p.m_services.insert(s.code, s);
    }

    const QJsonValue def = o.value(u"default_service"_s);
    if (!def.isUndefined()) {
        if (!def.isString() || !p.m_services.contains(def.toString()))
            c.fail(u"default_service"_s, tr("names no service class of this policy"));
        else
            p.m_defaultService = def.toString();
    } else if (!p.m_services.isEmpty() && !p.m_services.contains(p.m_defaultService)) {
        c.fail(u"default_service"_s, tr("is required when no service class is called \"standard\""));
    }
    c.limits(o.value(u"approval_limits"_s), &p);

    if (!c.errors.isEmpty()) {
        if (errors)
            errors->append(c.errors);
        return std::nullopt;
    }
    return p;
}

QString formatYuan(qint64 fen, bool cents)
{
    const QLocale c = QLocale::c();
    QString digits;
    if (!cents && fen % 100 == 0)
        digits = c.toString(fen / 100);
    else
        digits = c.toString(double(fen) / 100.0, 'f', 2);
    // QLocale::c() groups nothing; add thousands separators by hand so ¥2,000 reads as in the rules.
    const qsizetype dot = digits.indexOf(u'.');
    const qsizetype end = dot < 0 ? digits.size() : dot;
    const qsizetype start = digits.startsWith(u'-') ? 1 : 0;
    for (qsizetype i = end - 3; i > start; i -= 3)
        digits.insert(i, u',');
    return u"¥"_s + digits;
}

} // namespace pd::compensation
