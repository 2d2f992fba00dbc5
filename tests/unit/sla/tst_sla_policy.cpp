#include "slatestutil.h"

#include "models/sla/deadlines.h"
#include "models/sla/policy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {

SlaHistory openedAt(const char *iso)
{
    SlaHistory h;
    h.createdAt = at(iso);
    return h;
}

} // namespace

class TestSlaPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void processTimeZone() { verifyProcessTimeZone(); }

    void policyMatching_data();
    void policyMatching();
    void policyChangeMovesDeadlines();
    void policyJsonRoundTrip();
    void policyJsonErrors_data();
    void policyJsonErrors();
    void codes();
};

void TestSlaPolicy::policyMatching_data()
{
    QTest::addColumn<QString>("priority");
    QTest::addColumn<QString>("category");
    QTest::addColumn<int>("rule");
    QTest::addColumn<qint64>("firstResponse");

    QTest::addRow("p1 loss: exact rule") << u"p1"_s << u"loss"_s << 2 << 10 * kMin;
    QTest::addRow("p1 delay: priority rule") << u"p1"_s << u"delay"_s << 0 << 15 * kMin;
    QTest::addRow("p3 loss: category rule") << u"p3"_s << u"loss"_s << 1 << 20 * kMin;
    QTest::addRow("p2 damage: first of equals") << u"p2"_s << u"damage"_s << 3 << 25 * kMin;
    QTest::addRow("p4 other: default") << u"p4"_s << u"other"_s << -1 << 30 * kMin;
}

void TestSlaPolicy::policyMatching()
{
    QFETCH(QString, priority);
    QFETCH(QString, category);
    QFETCH(int, rule);
    QFETCH(qint64, firstResponse);

    SlaPolicy p;
    SlaRule r;
    r.priority = Priority::P1;
    r.firstResponse = {15 * kMin, 5 * kMin};
    p.addRule(r);
    r = {};
    r.category = Category::Loss;
    r.firstResponse = {20 * kMin, 5 * kMin};
    p.addRule(r);
    r.priority = Priority::P1;
    r.firstResponse = {10 * kMin, 5 * kMin};
    p.addRule(r);
    r = {};
    r.priority = Priority::P2;
    r.firstResponse = {25 * kMin, 5 * kMin};
    p.addRule(r);
    r.category = Category::Damage; // more specific, but later
    r.priority.reset();
    r.firstResponse = {26 * kMin, 5 * kMin};
    p.addRule(r);

    const Priority prio = *fromCode<Priority>(priority);
    const Category cat = *fromCode<Category>(category);
    QCOMPARE(p.matchingRule(prio, cat), rule);
    QCOMPARE(p.termsFor(prio, cat).firstResponse.targetMs, firstResponse);
}

void TestSlaPolicy::policyChangeMovesDeadlines()
{
    const SlaHistory h = openedAt("2026-03-02T10:00:00Z");
    const Instant now = at("2026-03-02T10:18:00Z");
    const auto before = slaStatus(SlaPolicy(), Priority::P1, Category::Loss, h, SlaClock::FirstResponse, now);
    QCOMPARE(before.state, SlaState::OnTrack);
    QCOMPARE(before.deadline, OptInstant(at("2026-03-02T10:30:00Z")));

    SlaPolicy stricter;
    SlaRule p1;
    p1.priority = Priority::P1;
    p1.firstResponse = {15 * kMin, 5 * kMin};
    stricter.addRule(p1);
    const auto after = slaStatus(stricter, Priority::P1, Category::Loss, h, SlaClock::FirstResponse, now);
    QCOMPARE(after.state, SlaState::Breached);
    QCOMPARE(after.deadline, OptInstant(at("2026-03-02T10:15:00Z")));
    QCOMPARE(after.overdueMs, 3 * kMin);
    // Other priorities keep the default.
    QCOMPARE(slaStatus(stricter, Priority::P2, Category::Loss, h, SlaClock::FirstResponse, now).state,
             SlaState::OnTrack);
}

void TestSlaPolicy::policyJsonRoundTrip()
{
    SlaPolicy p;
    p.setCalendar(calendar(u"cn"_s));
    SlaRule r;
    r.priority = Priority::P1;
    r.category = Category::Loss;
    r.firstResponse = {15 * kMin, 5 * kMin};
    r.resolution = {8 * kHour, 90 * kMin};
    r.calendar = u"cn"_s;
    p.addRule(r);
    SlaRule odd;
    odd.category = Category::Service;
    odd.firstResponse = {90 * 1000, 30 * 1000}; // 1.5 min: written as a fraction
    p.addRule(odd);

    const QJsonObject json = p.toJson();
    QCOMPARE(json[u"default"][u"first_response_target_minutes"].toInt(), 30);
    QCOMPARE(json[u"default"][u"resolution_warning_minutes"].toInt(), 120);
    QCOMPARE(json[u"rules"][0][u"priority"].toString(), u"p1"_s);
    QCOMPARE(json[u"rules"][0][u"calendar"].toString(), u"cn"_s);
    QCOMPARE(json[u"rules"][1][u"first_response_target_minutes"].toDouble(), 1.5);
    QVERIFY(!json[u"rules"][1].toObject().contains(u"priority"));
    QCOMPARE(json[u"calendars"][0][u"name"].toString(), u"cn"_s);

    JsonError error;
    const auto back = SlaPolicy::fromJson(QJsonDocument(json).object(), &error);
    QVERIFY2(back, qPrintable(error.field + u": " + error.message));
    QVERIFY(*back == p);
    QCOMPARE(back->termsFor(Priority::P1, Category::Loss).calendar->timeZoneId(),
             QByteArrayLiteral("Asia/Shanghai"));

    // Targets left out of a rule come from the default row.
    const auto partial = SlaPolicy::fromJson(QJsonDocument::fromJson(R"({
        "default": {"first_response_target_minutes": 20, "first_response_warning_minutes": 5},
        "rules": [{"priority": "p1", "first_response_target_minutes": 10}]})")
                                                 .object(),
                                             &error);
    QVERIFY2(partial, qPrintable(error.field + u": " + error.message));
    QCOMPARE(partial->termsFor(Priority::P1, Category::Delay).firstResponse,
             (SlaTarget{10 * kMin, 5 * kMin}));
    QCOMPARE(partial->termsFor(Priority::P2, Category::Delay).firstResponse,
             (SlaTarget{20 * kMin, 5 * kMin}));
    QCOMPARE(partial->termsFor(Priority::P2, Category::Delay).resolution, (SlaTarget{24 * kHour, 2 * kHour}));
}

void TestSlaPolicy::policyJsonErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");

    QTest::addRow("unknown priority")
        << QByteArray(R"({"rules": [{"priority": "p9"}]})") << u"rules[0].priority"_s;
    QTest::addRow("unknown category")
        << QByteArray(R"({"rules": [{}, {"category": "weather"}]})") << u"rules[1].category"_s;
    QTest::addRow("warning longer than target")
        << QByteArray(
               R"({"default": {"first_response_target_minutes": 5, "first_response_warning_minutes": 10}})")
        << u"default.first_response_warning_minutes"_s;
    QTest::addRow("negative target") << QByteArray(R"({"rules": [{"resolution_target_minutes": -1}]})")
                                     << u"rules[0].resolution_target_minutes"_s;
    QTest::addRow("target as text") << QByteArray(R"({"rules": [{"resolution_target_minutes": "60"}]})")
                                    << u"rules[0].resolution_target_minutes"_s;
    QTest::addRow("unknown calendar")
        << QByteArray(R"({"rules": [{"calendar": "mars"}]})") << u"rules[0].calendar"_s;
    QTest::addRow("calendar without name")
        << QByteArray(R"({"calendars": [{"weekly_hours": {"mon": [{"start": "09:00", "end": "18:00"}]}}]})")
        << u"calendars[0].name"_s;
    QTest::addRow("bad calendar") << QByteArray(
                                         R"({"calendars": [{"name": "x", "time_zone": "Nowhere/City"}]})")
                                  << u"calendars[0].time_zone"_s;
}

void TestSlaPolicy::policyJsonErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    QVERIFY(doc.isObject());
    JsonError error;
    QVERIFY(!SlaPolicy::fromJson(doc.object(), &error));
    QCOMPARE(error.field, field);
    QVERIFY(!error.message.isEmpty());
}

void TestSlaPolicy::codes()
{
    QCOMPARE(allCodes<SlaState>(),
             (QStringList{u"on_track"_s, u"at_risk"_s, u"breached"_s, u"met"_s, u"paused"_s}));
    QCOMPARE(toCode(SlaSegmentKind::OutsideBusinessHours), u"outside_business_hours"_s);
    QCOMPARE(fromCode<SlaClock>(u"resolution"), std::optional<SlaClock>(SlaClock::Resolution));
    QCOMPARE(displayName(SlaState::AtRisk), u"At risk"_s);
}

QTEST_GUILESS_MAIN(TestSlaPolicy)
#include "tst_sla_policy.moc"
