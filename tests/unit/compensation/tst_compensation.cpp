// The compensation rules (docs/compensation.md): insured and uninsured loss, partial damage pro rata, delay,
// total delay by distance class, policy validation and approval limits. Every figure is in fen.
#include "models/compensation/compensationcalculator.h"

#include <QJsonArray>
#include <QTest>

using namespace pd;
using namespace pd::compensation;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kDay = 24LL * 60 * 60 * 1000;
constexpr Instant kPromised = 1'780'000'000'000;
const GeoPoint kShanghai{31.2304, 121.4737};
const GeoPoint kPudongAirport{31.1443, 121.8083}; // ≈ 33 km
const GeoPoint kNanjing{32.0603, 118.7969};       // ≈ 270 km
const GeoPoint kBeijing{39.9042, 116.4074};       // ≈ 1,070 km

Parcel parcel(qint64 freightFen, qint64 insuredFen = 0, const QString &service = {})
{
    Parcel p;
    p.waybillNo = u"SF1400000000017"_s;
    p.freightFen = freightFen;
    p.insuredValueFen = insuredFen;
    p.serviceClass = service;
    p.origin = kShanghai;
    p.destination = kPudongAirport;
    p.promisedAt = kPromised;
    return p;
}

Claim claim(Category c, qint64 actualFen, int damaged = 100)
{
    return Claim{c, actualFen, damaged};
}
} // namespace

class TestCompensation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void insuredLossPaysUpToTheInsuredValue();
    void uninsuredLossIsCappedByTheFreightMultiple();
    void absoluteCapAppliesBelowTheMultiple();
    void partialDamageIsProRata();
    void delayWaivesTheFreight();
    void totalDelayIsPaidAsLossByDistanceClass();
    void otherCategoriesPayNothing();
    void policyRoundTripsAndKeepsDefaults();
    void policyValidationNamesTheField();
    void approvalLimitsByRole();
    void yuanFormatting();

private:
    CompensationCalculator calc{CompensationPolicy::defaults()};
};

void TestCompensation::insuredLossPaysUpToTheInsuredValue()
{
    const Parcel p = parcel(1200, 50000);
    Proposal r = calc.propose(p, claim(Category::Loss, 26000), kPromised);
    QCOMPARE(r.rule, Rule::InsuredLoss);
    QCOMPARE(r.amountFen, 26000);
    QCOMPARE(r.explanation, u"insured loss: actual ¥260, insured value ¥500 → ¥260"_s);
    r = calc.propose(p, claim(Category::Loss, 80000), kPromised);
    QCOMPARE(r.amountFen, 50000);
    QCOMPARE(ruleCode(r.rule), u"insured_loss"_s);
    // No claimed value: the declared value stands in.
    Parcel declared = p;
    declared.declaredValueFen = 12345;
    QCOMPARE(calc.propose(declared, claim(Category::Loss, 0), kPromised).amountFen, 12345);
}

void TestCompensation::uninsuredLossIsCappedByTheFreightMultiple()
{
    Proposal r = calc.propose(parcel(1200), claim(Category::Loss, 26000), kPromised);
    QCOMPARE(r.rule, Rule::UninsuredLoss);
    QCOMPARE(r.amountFen, 3600);
    QCOMPARE(r.explanation, u"uninsured loss: actual ¥260, cap 3 × freight ¥12 = ¥36 → ¥36"_s);
    // Below the cap the actual loss is paid.
    QCOMPARE(calc.propose(parcel(1200), claim(Category::Loss, 2550), kPromised).amountFen, 2550);
    // express: 5 × freight; an unknown service class falls back to standard (3 ×).
    QCOMPARE(calc.propose(parcel(1850, 0, u"express"_s), claim(Category::Loss, 26000), kPromised).amountFen,
             9250);
    QCOMPARE(
        calc.propose(parcel(1850, 0, u"freight_train"_s), claim(Category::Loss, 26000), kPromised).amountFen,
        5550);
}

void TestCompensation::absoluteCapAppliesBelowTheMultiple()
{
    // economy: 3 × freight, at most ¥1,000. Freight ¥500 → 3 × = ¥1,500, capped at ¥1,000.
    const Proposal r = calc.propose(parcel(50000, 0, u"economy"_s), claim(Category::Loss, 200000), kPromised);
    QCOMPARE(r.amountFen, 100000);
    QCOMPARE(r.explanation,
             u"uninsured loss: actual ¥2,000, cap 3 × freight ¥500 = ¥1,500, at most ¥1,000 → ¥1,000"_s);
    // Freight ¥20 → 3 × = ¥60, under the absolute cap.
    QCOMPARE(calc.propose(parcel(2000, 0, u"economy"_s), claim(Category::Loss, 200000), kPromised).amountFen,
             6000);
}

void TestCompensation::partialDamageIsProRata()
{
    Proposal r = calc.propose(parcel(1200), claim(Category::Damage, 26000, 40), kPromised);
    QCOMPARE(r.rule, Rule::UninsuredDamage);
    QCOMPARE(r.amountFen, 1440); // ¥36 × 40 %
    QCOMPARE(
        r.explanation,
        u"damage 40 %: uninsured loss: actual ¥260, cap 3 × freight ¥12 = ¥36 → ¥36; ¥36 × 40 % = ¥14.40"_s);
    r = calc.propose(parcel(1200, 50000), claim(Category::Damage, 30000, 25), kPromised);
    QCOMPARE(r.rule, Rule::InsuredDamage);
    QCOMPARE(r.amountFen, 7500); // ¥300 × 25 %
    // The insured value still caps the whole before the share: ¥800 claimed, ¥500 insured, 50 % → ¥250.
    QCOMPARE(calc.propose(parcel(1200, 50000), claim(Category::Damage, 80000, 50), kPromised).amountFen,
             25000);
    // Shares outside 0–100 are clamped.
    QCOMPARE(calc.propose(parcel(1200, 50000), claim(Category::Damage, 30000, 150), kPromised).amountFen,
             30000);
    QCOMPARE(calc.propose(parcel(1200, 50000), claim(Category::Damage, 30000, 0), kPromised).amountFen, 0);
}

void TestCompensation::delayWaivesTheFreight()
{
    Parcel p = parcel(1500);
    p.deliveredAt = kPromised + kDay;
    Proposal r = calc.propose(p, claim(Category::Delay, 26000), kPromised + 2 * kDay);
    QCOMPARE(r.rule, Rule::DelayWaiver);
    QCOMPARE(r.amountFen, 1500);
    QCOMPARE(r.explanation, u"delay: freight ¥15 waived → ¥15"_s);
    // economy gives half the freight back.
    p.serviceClass = u"economy"_s;
    r = calc.propose(p, claim(Category::Delay, 26000), kPromised + 2 * kDay);
    QCOMPARE(r.amountFen, 750);
    QCOMPARE(r.explanation, u"delay: 50 % of freight ¥15 waived → ¥7.50"_s);
    // On time, or not late yet, or no promise: nothing.
    p.deliveredAt = kPromised - 1;
    QCOMPARE(calc.propose(p, claim(Category::Delay, 26000), kPromised + kDay).rule, Rule::NotDue);
    p.deliveredAt.reset();
    QCOMPARE(calc.propose(p, claim(Category::Delay, 26000), kPromised).amountFen, 0);
    p.promisedAt.reset();
    QCOMPARE(calc.propose(p, claim(Category::Delay, 26000), kPromised + kDay).rule, Rule::NotDue);
}

void TestCompensation::totalDelayIsPaidAsLossByDistanceClass()
{
    // Same city (≈ 33 km, limit 3 days): undelivered 4 days after the promise → lost.
    Parcel p = parcel(1200);
    Proposal r = calc.propose(p, claim(Category::Delay, 26000), kPromised + 4 * kDay);
    QCOMPARE(r.rule, Rule::TotalDelayLoss);
    QCOMPARE(r.amountFen, 3600);
    QVERIFY2(r.explanation.startsWith(u"total delay: undelivered 4 days past the promised time, limit 3 days "
                                      "(33 km) → paid as lost; uninsured loss"_s),
             qPrintable(r.explanation));
    QVERIFY(r.distanceKm > 32 && r.distanceKm < 34);
    // Exactly 3 days late is still a delay.
    QCOMPARE(calc.propose(p, claim(Category::Delay, 26000), kPromised + 3 * kDay).rule, Rule::DelayWaiver);
    // Delivered, however late: the freight back.
    p.deliveredAt = kPromised + 10 * kDay;
    QCOMPARE(calc.propose(p, claim(Category::Delay, 26000), kPromised + 11 * kDay).amountFen, 1200);

    // ≈ 270 km (limit 5 days): 4 days late is a delay, 6 days a loss.
    p = parcel(1200, 50000);
    p.destination = kNanjing;
    QCOMPARE(calc.propose(p, claim(Category::Delay, 26000), kPromised + 4 * kDay).amountFen, 1200);
    r = calc.propose(p, claim(Category::Delay, 26000), kPromised + 6 * kDay);
    QCOMPARE(r.rule, Rule::TotalDelayLoss);
    QCOMPARE(r.amountFen, 26000); // insured: the actual loss
    // ≈ 1,070 km (limit 7 days): 6 days late is a delay; express limits 6 days there, so lost.
    p.destination = kBeijing;
    QCOMPARE(calc.propose(p, claim(Category::Delay, 26000), kPromised + 6 * kDay).rule, Rule::DelayWaiver);
    p.serviceClass = u"express"_s;
    QCOMPARE(calc.propose(p, claim(Category::Delay, 26000), kPromised + 6 * kDay + 1).rule,
             Rule::TotalDelayLoss);
    // Unknown distance takes the farthest band (7 days for standard).
    p = parcel(1200);
    p.destination.reset();
    QCOMPARE(calc.propose(p, claim(Category::Delay, 26000), kPromised + 6 * kDay).rule, Rule::DelayWaiver);
    QCOMPARE(calc.propose(p, claim(Category::Delay, 26000), kPromised + 8 * kDay).amountFen, 3600);
}

void TestCompensation::otherCategoriesPayNothing()
{
    const Proposal r = calc.propose(parcel(1200), claim(Category::Service, 26000), kPromised);
    QCOMPARE(r.rule, Rule::NotDue);
    QCOMPARE(r.amountFen, 0);
}

void TestCompensation::policyRoundTripsAndKeepsDefaults()
{
    const CompensationPolicy d = CompensationPolicy::defaults();
    QCOMPARE(d.services().keys(), (QList<QString>{u"economy"_s, u"express"_s, u"standard"_s}));
    QStringList errors;
    const auto back = CompensationPolicy::fromJson(d.toJson(), &errors);
    QVERIFY2(back, qPrintable(errors.join(u'\n')));
    QVERIFY(*back == d);
    QCOMPARE(d.toJson().value(u"approval_limits"_s).toObject().value(u"supervisor"_s).toDouble(), 2000.0);
    QVERIFY(d.toJson().value(u"approval_limits"_s).toObject().value(u"manager"_s).isNull());
    // A minimal policy: one service, the built-in bands and limits.
    const auto minimal = CompensationPolicy::fromJson(
        {{u"version"_s, 4}, {u"services"_s, QJsonArray{QJsonObject{{u"code"_s, u"standard"_s}}}}}, &errors);
    QVERIFY(minimal);
    QCOMPARE(minimal->version(), 4);
    QCOMPARE(minimal->forService(u"anything"_s).totalDelay.size(), 3);
    QCOMPARE(minimal->limitFor(Role::Agent), std::optional<qint64>(20000));
}

void TestCompensation::policyValidationNamesTheField()
{
    QJsonObject o = CompensationPolicy::defaults().toJson();
    QJsonArray services = o.value(u"services"_s).toArray();
    QJsonObject first = services.at(0).toObject();
    first.insert(u"total_delay"_s,
                 QJsonArray{QJsonObject{{u"max_km"_s, 500}, {u"days"_s, 3}},
                            QJsonObject{{u"max_km"_s, 50}, {u"days"_s, 5}}, QJsonObject{{u"days"_s, 0}}});
    first.insert(u"uninsured_multiple"_s, -1);
    first.insert(u"colour"_s, u"red"_s);
    services.replace(0, first);
    services.append(QJsonObject{{u"code"_s, u"express"_s}});
    o.insert(u"services"_s, services);
    o.insert(u"default_service"_s, u"rocket"_s);
    o.insert(u"approval_limits"_s, QJsonObject{{u"agent"_s, 500}, {u"supervisor"_s, 200}, {u"boss"_s, 1}});
    o.remove(u"version"_s);
    QStringList errors;
    QVERIFY(!CompensationPolicy::fromJson(o, &errors));
    const QStringList fields = [&] {
        QStringList f;
        for (const QString &e : errors)
            f.append(e.section(u':', 0, 0));
        return f;
    }();
    QCOMPARE(fields,
             (QStringList{u"version"_s, u"services[0].colour"_s, u"services[0].uninsured_multiple"_s,
                          u"services[0].total_delay[1].max_km"_s, u"services[0].total_delay[2].days"_s,
                          u"services[3].code"_s, u"default_service"_s, u"approval_limits.boss"_s,
                          u"approval_limits.supervisor"_s}));
    QVERIFY(errors.contains(u"services[0].total_delay[1].max_km: must be greater than the band before it "
                            "(500 km)"_s));
    QVERIFY(errors.contains(u"approval_limits.supervisor: must not be lower than the limit of agent"_s));
    // Neither a multiple nor a cap: no limit at all is refused.
    QVERIFY(!CompensationPolicy::fromJson(
        {{u"version"_s, 1},
         {u"services"_s, QJsonArray{QJsonObject{{u"code"_s, u"standard"_s}, {u"uninsured_multiple"_s, 0}}}}},
        &errors));
    QVERIFY(errors.constLast().startsWith(
        u"services[0].uninsured_multiple: an uninsured payment needs a limit"_s));
    // Empty services, a non-last band without max_km.
    errors.clear();
    QVERIFY(!CompensationPolicy::fromJson({{u"version"_s, 1}, {u"services"_s, QJsonArray{}}}, &errors));
    QCOMPARE(errors.constFirst().section(u':', 0, 0), u"services"_s);
}

void TestCompensation::approvalLimitsByRole()
{
    QCOMPARE(calc.limitFor(Role::Agent), std::optional<qint64>(20000));
    QCOMPARE(calc.limitFor(Role::Supervisor), std::optional<qint64>(200000));
    QVERIFY(!calc.limitFor(Role::Manager));
    QVERIFY(!calc.limitFor(Role::Admin));
    QVERIFY(!calc.needsApproval(Role::Agent, 20000));
    QVERIFY(calc.needsApproval(Role::Agent, 20001));
    QVERIFY(calc.needsApproval(Role::Agent, 50000));
    QVERIFY(!calc.needsApproval(Role::Supervisor, 200000));
    QVERIFY(calc.needsApproval(Role::Supervisor, 300000));
    QVERIFY(!calc.needsApproval(Role::Manager, 100000000));
    QVERIFY(!calc.needsApproval(Role::Admin, 100000000));
    // Limits from JSON: a manager capped at ¥10,000.
    QJsonObject o = CompensationPolicy::defaults().toJson();
    o.insert(u"approval_limits"_s, QJsonObject{{u"agent"_s, 100}, {u"manager"_s, 10000}});
    const auto p = CompensationPolicy::fromJson(o);
    QVERIFY(p);
    const CompensationCalculator c(*p);
    QVERIFY(c.needsApproval(Role::Agent, 10001));
    QVERIFY(!c.needsApproval(Role::Supervisor, 200000));
    QVERIFY(c.needsApproval(Role::Manager, 1000001));
    QVERIFY(!c.needsApproval(Role::Admin, 1000001));
}

void TestCompensation::yuanFormatting()
{
    QCOMPARE(formatYuan(3600), u"¥36"_s);
    QCOMPARE(formatYuan(1440), u"¥14.40"_s);
    QCOMPARE(formatYuan(50000, true), u"¥500.00"_s);
    QCOMPARE(formatYuan(200000), u"¥2,000"_s);
    QCOMPARE(formatYuan(123456789, true), u"¥1,234,567.89"_s);
}

QTEST_GUILESS_MAIN(TestCompensation)
#include "tst_compensation.moc"
