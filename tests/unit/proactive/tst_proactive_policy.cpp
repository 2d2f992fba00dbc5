#include "models/proactive/proactivepolicy.h"
#include "proactivetestutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;

// The proactive-service policy's JSON: defaults, round trip and validation with messages naming the field.
class TestProactivePolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void readsTheDocumentedExample();
    void docsShowTheExample();
    void roundTrip();
    void partialDocumentKeepsDefaults();
    void stallHoursListTheWatchedStatuses();
    void rejects_data();
    void rejects();
    void rejectsTrends_data();
    void rejectsTrends();
    void reportsEveryProblem();
};

namespace {

// The example of docs/proactive.md and proactivepolicy.h.
const char *const kExample = R"({"version": 1,
 "time_zone": "Asia/Shanghai",
 "stall_hours": {"created": 24, "picked_up": 12, "in_transit": 24, "at_station": 12,
                 "out_for_delivery": 6, "exception": 24},
 "promise_margin_minutes": 60,
 "scan_reasons": {"damage": ["damaged"], "loss": ["lost"],
                  "failed_delivery": ["address", "refused", "absent"], "exception": []},
 "failed_attempts_for_case": 1,
 "incidents": {"min_parcels": 5, "window_minutes": 120, "group_by": ["station", "route"]},
 "quiet_hours": {"enabled": true, "start": "22:00", "end": "08:00", "urgent_may_break": true},
 "notices": {"max_per_parcel_and_cause": 1, "per_minute": 60},
 "trends": {"window_hours": 3, "baseline_weeks": 4, "p_value": 0.000001, "min_complaints": 5,
            "alert_ratio": 3, "dimensions": ["station", "courier", "route", "category"]}})";

QJsonObject json(const char *text)
{
    QJsonParseError err{};
    const QJsonObject o = QJsonDocument::fromJson(QByteArray(text), &err).object();
    if (err.error != QJsonParseError::NoError)
        qFatal("bad JSON in test data: %s", qPrintable(err.errorString()));
    return o;
}

} // namespace

void TestProactivePolicy::defaults()
{
    const ProactivePolicy p = ProactivePolicy::defaults();
    QCOMPARE(p.version(), 1);
    QCOMPARE(p.timeZone().id(), QByteArrayLiteral("Asia/Shanghai"));
    QCOMPARE(p.stallHours(ParcelStatus::PickedUp), 12);
    QCOMPARE(p.stallHours(ParcelStatus::InTransit), 24);
    QCOMPARE(p.stallHours(ParcelStatus::OutForDelivery), 6);
    QCOMPARE(p.stallHours(ParcelStatus::AtStation), 12);
    QCOMPARE(p.stallHours(ParcelStatus::Delivered), std::nullopt);
    QCOMPARE(p.stallHours(ParcelStatus::Returned), std::nullopt);
    QCOMPARE(p.promiseMarginMinutes(), 60);
    QCOMPARE(p.scanReasons().damage, QStringList{u"damaged"_s});
    QCOMPARE(p.scanReasons().loss, QStringList{u"lost"_s});
    QCOMPARE(p.scanReasons().failedDelivery, (QStringList{u"address"_s, u"refused"_s, u"absent"_s}));
    QVERIFY(p.scanReasons().exception.isEmpty());
    QCOMPARE(p.failedAttemptsForCase(), 1);
    QCOMPARE(p.incidents().minParcels, 5);
    QCOMPARE(p.incidents().windowMinutes, 120);
    QCOMPARE(p.incidents().groupBy, (QStringList{u"station"_s, u"route"_s}));
    QVERIFY(p.quietHours().enabled);
    QCOMPARE(p.quietHours().start, QTime(22, 0));
    QCOMPARE(p.quietHours().end, QTime(8, 0));
    QVERIFY(p.quietHours().urgentMayBreak);
    QCOMPARE(p.maxNoticesPerParcelAndCause(), 1);
    QCOMPARE(p.noticesPerMinute(), 60);
    QCOMPARE(p.trends().windowHours, 3);
    QCOMPARE(p.trends().baselineWeeks, 4);
    QCOMPARE(p.trends().pValue, 1e-6);
    QCOMPARE(p.trends().minComplaints, 5);
    QCOMPARE(p.trends().alertRatio, 3.0);
    QCOMPARE(p.trends().dimensions, (QStringList{u"station"_s, u"courier"_s, u"route"_s, u"category"_s}));
}

void TestProactivePolicy::readsTheDocumentedExample()
{
    QString error;
    const auto p = ProactivePolicy::fromJson(json(kExample), &error);
    QVERIFY2(p, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(*p, ProactivePolicy::defaults());
    QCOMPARE(p->toJson(), json(kExample));
}

void TestProactivePolicy::docsShowTheExample()
{
    // docs/proactive.md shows the defaults in its first JSON block: the same document as kExample.
    QFile doc(QStringLiteral(PD_TEST_DATA_DIR "/../../docs/proactive.md"));
    QVERIFY2(doc.open(QIODevice::ReadOnly), qPrintable(doc.fileName()));
    const QString text = QString::fromUtf8(doc.readAll());
    const qsizetype from = text.indexOf(u"```json\n"_s);
    const qsizetype to = text.indexOf(u"```"_s, from + 8);
    QVERIFY(from >= 0 && to > from);
    const QJsonObject shown = QJsonDocument::fromJson(text.mid(from + 8, to - from - 8).toUtf8()).object();
    QCOMPARE(shown, json(kExample));
}

void TestProactivePolicy::roundTrip()
{
    ProactivePolicy p = ProactivePolicy::defaults();
    p.setVersion(7);
    p.setTimeZone(QByteArrayLiteral("America/New_York"));
    p.setStallHours(ParcelStatus::InTransit, 36);
    p.setStallHours(ParcelStatus::Created, std::nullopt);
    p.setPromiseMarginMinutes(15);
    ProactivePolicy::ScanReasons r;
    r.damage = {u"damaged"_s, u"wet"_s};
    r.exception = {u"customs"_s};
    p.setScanReasons(r);
    p.setFailedAttemptsForCase(2);
    p.setIncidents({3, 60, {u"route"_s}});
    p.setQuietHours({true, QTime(21, 30), QTime(7, 45), false});
    p.setMaxNoticesPerParcelAndCause(2);
    p.setNoticesPerMinute(0);
    p.setTrends({6, 8, 2.5e-5, 8, 4.5, {u"category"_s, u"station"_s}});

    const QJsonObject o = p.toJson();
    QCOMPARE(o.value(u"time_zone"_s).toString(), u"America/New_York"_s);
    QCOMPARE(o.value(u"quiet_hours"_s).toObject().value(u"start"_s).toString(), u"21:30"_s);
    QVERIFY(!o.value(u"stall_hours"_s).toObject().contains(u"created"_s));
    QString error;
    const auto back = ProactivePolicy::fromJson(o, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, p);
    QCOMPARE(back->version(), 7);
    QCOMPARE(back->stallHours(ParcelStatus::InTransit), 36);
    QCOMPARE(back->stallHours(ParcelStatus::Created), std::nullopt);
    QCOMPARE(back->quietHours().end, QTime(7, 45));
    QCOMPARE(back->incidents().groupBy, QStringList{u"route"_s});
    QCOMPARE(back->trends().pValue, 2.5e-5);
    QCOMPARE(back->trends().alertRatio, 4.5);
    QCOMPARE(back->trends().dimensions, (QStringList{u"category"_s, u"station"_s}));
    // Through text as a manager's editor would store it.
    const auto viaText =
        ProactivePolicy::fromJson(QJsonDocument::fromJson(QJsonDocument(o).toJson()).object());
    QVERIFY(viaText);
    QCOMPARE(*viaText, p);
}

void TestProactivePolicy::partialDocumentKeepsDefaults()
{
    const auto p = ProactivePolicy::fromJson(json(R"({"version": 4, "quiet_hours": {"start": "23:00"}})"));
    QVERIFY(p);
    QCOMPARE(p->version(), 4);
    QCOMPARE(p->quietHours().start, QTime(23, 0));
    QCOMPARE(p->quietHours().end, QTime(8, 0));
    QCOMPARE(p->stallHours(ParcelStatus::OutForDelivery), 6);
    QCOMPARE(p->noticesPerMinute(), 60);
    QCOMPARE(p->trends(), ProactivePolicy::TrendRules{});
    const auto trends = ProactivePolicy::fromJson(json(R"({"version": 1, "trends": {"p_value": 0.0001}})"));
    QVERIFY(trends);
    QCOMPARE(trends->trends().pValue, 1e-4);
    QCOMPARE(trends->trends().windowHours, 3);
    QCOMPARE(trends->trends().dimensions.size(), 4);
}

void TestProactivePolicy::stallHoursListTheWatchedStatuses()
{
    const auto p = ProactivePolicy::fromJson(json(R"({"version": 1, "stall_hours": {"in_transit": 48}})"));
    QVERIFY(p);
    QCOMPARE(p->stallHours(ParcelStatus::InTransit), 48);
    QCOMPARE(p->stallHours(ParcelStatus::PickedUp), std::nullopt);
    QCOMPARE(p->stallHours(ParcelStatus::OutForDelivery), std::nullopt);
}

void TestProactivePolicy::rejects_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::addRow("version missing") << uR"({})"_s << u"version"_s << u"is required"_s;
    QTest::addRow("version zero") << uR"({"version": 0})"_s << u"version"_s << u"whole number"_s;
    QTest::addRow("unknown key") << uR"({"version": 1, "colour": "red"})"_s << u"colour"_s
                                 << u"is not a field of the proactive-service policy"_s;
    QTest::addRow("unknown nested key") << uR"({"version": 1, "incidents": {"radius_km": 3}})"_s
                                        << u"incidents.radius_km"_s << u"is not a field"_s;
    QTest::addRow("time zone") << uR"({"version": 1, "time_zone": "Mars/Olympus"})"_s << u"time_zone"_s
                               << u"IANA time zone"_s;
    QTest::addRow("stall of delivered") << uR"({"version": 1, "stall_hours": {"delivered": 5}})"_s
                                        << u"stall_hours.delivered"_s << u"can stall"_s;
    QTest::addRow("stall zero") << uR"({"version": 1, "stall_hours": {"in_transit": 0}})"_s
                                << u"stall_hours.in_transit"_s << u"between 1 and 720"_s;
    QTest::addRow("stall fraction") << uR"({"version": 1, "stall_hours": {"picked_up": 2.5}})"_s
                                    << u"stall_hours.picked_up"_s << u"whole number"_s;
    QTest::addRow("stall not object")
        << uR"({"version": 1, "stall_hours": [12]})"_s << u"stall_hours"_s << u"must be an object"_s;
    QTest::addRow("margin negative") << uR"({"version": 1, "promise_margin_minutes": -5})"_s
                                     << u"promise_margin_minutes"_s << u"between 0 and 2880"_s;
    QTest::addRow("reason twice") << uR"({"version": 1, "scan_reasons": {"loss": ["damaged"]}})"_s
                                  << u"scan_reasons.loss"_s << u"already a reason of damage"_s;
    QTest::addRow("reason empty") << uR"({"version": 1, "scan_reasons": {"damage": [""]}})"_s
                                  << u"scan_reasons.damage[0]"_s << u"non-empty"_s;
    QTest::addRow("reasons not list") << uR"({"version": 1, "scan_reasons": {"exception": "x"}})"_s
                                      << u"scan_reasons.exception"_s << u"list of codes"_s;
    QTest::addRow("attempts zero") << uR"({"version": 1, "failed_attempts_for_case": 0})"_s
                                   << u"failed_attempts_for_case"_s << u"between 1 and 10"_s;
    QTest::addRow("min parcels one") << uR"({"version": 1, "incidents": {"min_parcels": 1}})"_s
                                     << u"incidents.min_parcels"_s << u"between 2 and 100000"_s;
    QTest::addRow("window short") << uR"({"version": 1, "incidents": {"window_minutes": 2}})"_s
                                  << u"incidents.window_minutes"_s << u"between 5 and 1440"_s;
    QTest::addRow("group by courier") << uR"({"version": 1, "incidents": {"group_by": ["courier"]}})"_s
                                      << u"incidents.group_by[0]"_s << u"one of: station, route"_s;
    QTest::addRow("group by nothing") << uR"({"version": 1, "incidents": {"group_by": []}})"_s
                                      << u"incidents.group_by"_s << u"at least one"_s;
    QTest::addRow("quiet start") << uR"({"version": 1, "quiet_hours": {"start": "25:00"}})"_s
                                 << u"quiet_hours.start"_s << u"HH:mm"_s;
    QTest::addRow("quiet empty") << uR"({"version": 1, "quiet_hours": {"start": "08:00"}})"_s
                                 << u"quiet_hours.end"_s << u"must differ from start"_s;
    QTest::addRow("urgent flag") << uR"({"version": 1, "quiet_hours": {"urgent_may_break": "yes"}})"_s
                                 << u"quiet_hours.urgent_may_break"_s << u"true or false"_s;
    QTest::addRow("per minute") << uR"({"version": 1, "notices": {"per_minute": -1}})"_s
                                << u"notices.per_minute"_s << u"between 0 and 100000"_s;
    QTest::addRow("per cause") << uR"({"version": 1, "notices": {"max_per_parcel_and_cause": 0}})"_s
                               << u"notices.max_per_parcel_and_cause"_s << u"between 1 and 10"_s;
    QTest::addRow("notices unknown") << uR"({"version": 1, "notices": {"sms_only": true}})"_s
                                     << u"notices.sms_only"_s << u"is not a field"_s;
}

void TestProactivePolicy::rejects()
{
    QFETCH(QString, document);
    QFETCH(QString, field);
    QFETCH(QString, message);
    QString error = u"untouched"_s;
    const auto p = ProactivePolicy::fromJson(QJsonDocument::fromJson(document.toUtf8()).object(), &error);
    QVERIFY(!p);
    const QStringList lines = error.split(u'\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().startsWith(field + u": "_s), qPrintable(error));
    QVERIFY2(lines.first().contains(message), qPrintable(error));
}

void TestProactivePolicy::rejectsTrends_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::addRow("trends not object")
        << uR"({"version": 1, "trends": true})"_s << u"trends"_s << u"must be an object"_s;
    QTest::addRow("trends unknown") << uR"({"version": 1, "trends": {"sigma": 3}})"_s << u"trends.sigma"_s
                                    << u"is not a field"_s;
    QTest::addRow("window zero") << uR"({"version": 1, "trends": {"window_hours": 0}})"_s
                                 << u"trends.window_hours"_s << u"between 1 and 24"_s;
    QTest::addRow("window long") << uR"({"version": 1, "trends": {"window_hours": 25}})"_s
                                 << u"trends.window_hours"_s << u"between 1 and 24"_s;
    QTest::addRow("baseline weeks") << uR"({"version": 1, "trends": {"baseline_weeks": 27}})"_s
                                    << u"trends.baseline_weeks"_s << u"between 1 and 26"_s;
    QTest::addRow("p zero") << uR"({"version": 1, "trends": {"p_value": 0}})"_s << u"trends.p_value"_s
                            << u"must be a number between 1e-12 and 0.1"_s;
    QTest::addRow("p half") << uR"({"version": 1, "trends": {"p_value": 0.5}})"_s << u"trends.p_value"_s
                            << u"between 1e-12 and 0.1"_s;
    QTest::addRow("p text") << uR"({"version": 1, "trends": {"p_value": "0.001"}})"_s << u"trends.p_value"_s
                            << u"must be a number"_s;
    QTest::addRow("min complaints") << uR"({"version": 1, "trends": {"min_complaints": 0}})"_s
                                    << u"trends.min_complaints"_s << u"between 1 and 100000"_s;
    QTest::addRow("min complaints fraction") << uR"({"version": 1, "trends": {"min_complaints": 2.5}})"_s
                                             << u"trends.min_complaints"_s << u"whole number"_s;
    QTest::addRow("alert ratio") << uR"({"version": 1, "trends": {"alert_ratio": 0.5}})"_s
                                 << u"trends.alert_ratio"_s << u"between 1 and 100"_s;
    QTest::addRow("dimension unknown")
        << uR"({"version": 1, "trends": {"dimensions": ["parcel"]}})"_s << u"trends.dimensions[0]"_s
        << u"one of: station, courier, route, category"_s;
    QTest::addRow("dimension twice") << uR"({"version": 1, "trends": {"dimensions": ["route", "route"]}})"_s
                                     << u"trends.dimensions[1]"_s << u"repeats \"route\""_s;
    QTest::addRow("no dimension") << uR"({"version": 1, "trends": {"dimensions": []}})"_s
                                  << u"trends.dimensions"_s << u"at least one"_s;
}

void TestProactivePolicy::rejectsTrends()
{
    rejects();
}

void TestProactivePolicy::reportsEveryProblem()
{
    QString error;
    const auto p = ProactivePolicy::fromJson(
        json(R"({"version": 1, "promise_margin_minutes": "soon", "incidents": {"min_parcels": 0},
                 "quiet_hours": {"end": "8am"}, "extra": 1})"),
        &error);
    QVERIFY(!p);
    const QStringList lines = error.split(u'\n');
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(0).startsWith(u"extra: "_s));
    QVERIFY(lines.at(1).startsWith(u"promise_margin_minutes: "_s));
    QVERIFY(lines.at(2).startsWith(u"incidents.min_parcels: "_s));
    QVERIFY(lines.at(3).startsWith(u"quiet_hours.end: "_s));
    // Without an error string the result is the same.
    QVERIFY(!ProactivePolicy::fromJson(json(R"({"version": "two"})")));
}

QTEST_GUILESS_MAIN(TestProactivePolicy)
#include "tst_proactive_policy.moc"
