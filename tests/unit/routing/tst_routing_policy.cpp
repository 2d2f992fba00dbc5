#include "routingtestutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::routing;
using namespace pd::test;

// The routing policy's JSON: defaults, inheritance from the default row, round trip and validation.
class TestRoutingPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codes();
    void defaults();
    void readsTheDocumentedExample();
    void roundTrip();
    void rejects_data();
    void rejects();
    void reportsEveryProblem();
};

namespace {

// The example of docs/routing.md.
const char *const kExample = R"({
  "version": 3,
  "default": {"strategy": "earliest_deadline", "max_open": 8, "max_open_by_priority": {"p1": 2},
              "acceptance_timeout_minutes": 5, "offline_grace_minutes": 10, "idle_away_minutes": 10,
              "key_accounts_first": true, "shift_calendar": "day"},
  "teams": [{"team_id": "team-night", "strategy": "round_robin", "max_open": 5, "shift_calendar": "night"},
            {"team_id": "team-claims", "strategy": "pull_only"}],
  "agents": [{"user_id": "u-li", "categories": ["damage", "loss"], "channels": ["phone", "online_chat"],
              "languages": ["zh", "en"], "stations": ["st-sh-01"], "key_accounts": true},
             {"user_id": "u-new", "key_accounts": false, "shift_calendar": "night"}],
  "calendars": [
    {"name": "day", "time_zone": "Asia/Shanghai",
     "weekly_hours": {"mon": [{"start": "09:00", "end": "18:00"}], "tue": [{"start": "09:00", "end": "18:00"}],
                      "wed": [{"start": "09:00", "end": "18:00"}], "thu": [{"start": "09:00", "end": "18:00"}],
                      "fri": [{"start": "09:00", "end": "18:00"}]}},
    {"name": "night", "time_zone": "Asia/Shanghai",
     "weekly_hours": {"mon": [{"start": "00:00", "end": "06:00"}, {"start": "22:00", "end": "24:00"}],
                      "tue": [{"start": "00:00", "end": "06:00"}, {"start": "22:00", "end": "24:00"}]}}]
})";

QJsonObject example()
{
    return QJsonDocument::fromJson(QByteArray(kExample)).object();
}

} // namespace

void TestRoutingPolicy::codes()
{
    QCOMPARE(allAgentStatusCodes(),
             (QStringList{u"online"_s, u"busy"_s, u"break"_s, u"away"_s, u"offline"_s}));
    QCOMPARE(allStrategyCodes(), (QStringList{u"earliest_deadline"_s, u"round_robin"_s, u"pull_only"_s}));
    for (const QString &c : allAgentStatusCodes())
        QCOMPARE(toString(*agentStatusFromString(c)), c);
    for (const QString &c : allStrategyCodes())
        QCOMPARE(toString(*strategyFromString(c)), c);
    QCOMPARE(toString(AgentStatus::Break), u"break"_s);
    QCOMPARE(toString(Strategy::PullOnly), u"pull_only"_s);
    QVERIFY(!agentStatusFromString(u"Online"));
    QVERIFY(!strategyFromString(u"fifo"));
    QCOMPARE(displayName(AgentStatus::Away), u"Away"_s);
}

void TestRoutingPolicy::defaults()
{
    const RoutingPolicy p = RoutingPolicy::defaults();
    QCOMPARE(p.version(), 1);
    const TeamRouting &t = p.forTeam(u"any-team"_s);
    QCOMPARE(t.strategy, Strategy::EarliestDeadline);
    QCOMPARE(t.maxOpen, 8);
    QCOMPARE(t.acceptanceTimeoutMinutes, 5);
    QCOMPARE(t.offlineGraceMinutes, 10);
    QCOMPARE(t.idleAwayMinutes, 10);
    QVERIFY(t.keyAccountsFirst);
    QVERIFY(t.shiftCalendar.isEmpty());
    QCOMPARE(p.skillsOf(u"u-x"_s), AgentSkills{});
}

void TestRoutingPolicy::readsTheDocumentedExample()
{
    // The first JSON block of docs/routing.md is this example.
    QFile doc(QStringLiteral(PD_TEST_DATA_DIR "/../../docs/routing.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(doc.readAll());
    const qsizetype from = text.indexOf(u"```json\n"_s);
    QVERIFY(from >= 0);
    const qsizetype to = text.indexOf(u"```"_s, from + 8);
    QJsonParseError parseError;
    const QJsonDocument documented =
        QJsonDocument::fromJson(text.mid(from + 8, to - from - 8).toUtf8(), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    QCOMPARE(documented.object(), example());

    QStringList errors;
    const auto p = RoutingPolicy::fromJson(example(), &errors);
    QVERIFY2(p, qPrintable(errors.join(u'\n')));
    QCOMPARE(p->version(), 3);
    QCOMPARE(p->defaultTeam().maxOpenByPriority, (std::array<int, 4>{2, kNoCap, kNoCap, kNoCap}));
    // A team row inherits what it leaves out from the default row.
    const TeamRouting &night = p->forTeam(u"team-night"_s);
    QCOMPARE(night.strategy, Strategy::RoundRobin);
    QCOMPARE(night.maxOpen, 5);
    QCOMPARE(night.maxOpenByPriority[0], 2);
    QCOMPARE(night.acceptanceTimeoutMinutes, 5);
    QCOMPARE(night.shiftCalendar, u"night"_s);
    QCOMPARE(p->forTeam(u"team-claims"_s).strategy, Strategy::PullOnly);
    QCOMPARE(p->forTeam(u"team-claims"_s).shiftCalendar, u"day"_s);
    QCOMPARE(p->forTeam(u"team-unknown"_s).maxOpen, 8);

    const AgentSkills li = p->skillsOf(u"u-li"_s);
    QCOMPARE(li.categories, (QStringList{u"damage"_s, u"loss"_s}));
    QCOMPARE(li.channels, (QStringList{u"phone"_s, u"online_chat"_s}));
    QCOMPARE(li.languages, (QStringList{u"zh"_s, u"en"_s}));
    QCOMPARE(li.stations, QStringList{u"st-sh-01"_s});
    QVERIFY(!p->skillsOf(u"u-new"_s).keyAccounts);
    QCOMPARE(p->skillsOf(u"u-new"_s).shiftCalendar, u"night"_s);
    QCOMPARE(p->calendarNames(), (QStringList{u"day"_s, u"night"_s}));
    QCOMPARE(p->calendar(u"night"_s)->weekdayHours(1).size(), 2);
}

void TestRoutingPolicy::roundTrip()
{
    const auto p = RoutingPolicy::fromJson(example());
    QVERIFY(p);
    const QJsonObject json = p->toJson();
    QStringList errors;
    const auto again = RoutingPolicy::fromJson(json, &errors);
    QVERIFY2(again, qPrintable(errors.join(u'\n')));
    QVERIFY(*again == *p);
    QCOMPARE(again->toJson(), json);
    // A change survives the trip and makes the policies differ.
    RoutingPolicy changed = *p;
    changed.setAgentSkills(u"u-li"_s, AgentSkills{{u"delay"_s}, {}, {}, {}, false, u"day"_s});
    QVERIFY(!(changed == *p));
    QVERIFY(*RoutingPolicy::fromJson(changed.toJson()) == changed);
    QVERIFY(*RoutingPolicy::fromJson(RoutingPolicy::defaults().toJson()) == RoutingPolicy::defaults());
}

void TestRoutingPolicy::rejects_data()
{
    QTest::addColumn<QString>("path"); // where to put the value: "key" or "list[index].key"
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("count"); // problems reported; a bad calendar also fails the rows naming it

    QTest::addRow("no version") << u"version"_s << QJsonValue(QJsonValue::Undefined) << u"version"_s
                                << u"is required"_s << 1;
    QTest::addRow("version 0") << u"version"_s << QJsonValue(0) << u"version"_s << u"between 1 and"_s << 1;
    QTest::addRow("unknown strategy")
        << u"default.strategy"_s << QJsonValue(u"fifo"_s) << u"default.strategy"_s
        << u"must be one of: earliest_deadline, round_robin, pull_only"_s << 1;
    QTest::addRow("max_open 0") << u"teams[0].max_open"_s << QJsonValue(0) << u"teams[0].max_open"_s
                                << u"must be a whole number between 1 and 500"_s << 1;
    QTest::addRow("max_open fraction")
        << u"default.max_open"_s << QJsonValue(2.5) << u"default.max_open"_s << u"whole number"_s << 1;
    QTest::addRow("max_open text") << u"default.max_open"_s << QJsonValue(u"8"_s) << u"default.max_open"_s
                                   << u"whole number"_s << 1;
    QTest::addRow("negative cap") << u"default.max_open_by_priority"_s
                                  << QJsonValue(QJsonObject{{u"p2"_s, -1}})
                                  << u"default.max_open_by_priority.p2"_s << u"between 0 and 500"_s << 1;
    QTest::addRow("unknown priority")
        << u"default.max_open_by_priority"_s << QJsonValue(QJsonObject{{u"p9"_s, 1}})
        << u"default.max_open_by_priority.p9"_s << u"is not a field"_s << 1;
    QTest::addRow("timeout 0") << u"default.acceptance_timeout_minutes"_s << QJsonValue(0)
                               << u"default.acceptance_timeout_minutes"_s << u"between 1 and 1440"_s << 1;
    QTest::addRow("grace too long") << u"teams[1].offline_grace_minutes"_s << QJsonValue(1441)
                                    << u"teams[1].offline_grace_minutes"_s << u"between 0 and 1440"_s << 1;
    QTest::addRow("key_accounts_first not bool")
        << u"default.key_accounts_first"_s << QJsonValue(1) << u"default.key_accounts_first"_s
        << u"true or false"_s << 1;
    QTest::addRow("unknown calendar") << u"teams[0].shift_calendar"_s << QJsonValue(u"weekend"_s)
                                      << u"teams[0].shift_calendar"_s << u"names no calendar"_s << 1;
    QTest::addRow("typo in a team field") << u"teams[0].max_opn"_s << QJsonValue(3) << u"teams[0].max_opn"_s
                                          << u"is not a field of the routing policy"_s << 1;
    QTest::addRow("team without id") << u"teams[1].team_id"_s << QJsonValue(u""_s) << u"teams[1].team_id"_s
                                     << u"unique, non-empty id"_s << 1;
    QTest::addRow("duplicate team") << u"teams[1].team_id"_s << QJsonValue(u"team-night"_s)
                                    << u"teams[1].team_id"_s << u"unique, non-empty id"_s << 1;
    QTest::addRow("duplicate agent") << u"agents[1].user_id"_s << QJsonValue(u"u-li"_s)
                                     << u"agents[1].user_id"_s << u"unique, non-empty id"_s << 1;
    QTest::addRow("unknown category")
        << u"agents[0].categories"_s << QJsonValue(QJsonArray{u"loss"_s, u"late"_s})
        << u"agents[0].categories[1]"_s << u"must be one of: delay"_s << 1;
    QTest::addRow("unknown channel") << u"agents[0].channels"_s << QJsonValue(QJsonArray{u"fax"_s})
                                     << u"agents[0].channels[0]"_s << u"must be one of: phone"_s << 1;
    QTest::addRow("languages not a list") << u"agents[0].languages"_s << QJsonValue(u"zh"_s)
                                          << u"agents[0].languages"_s << u"list of codes"_s << 1;
    QTest::addRow("empty station") << u"agents[0].stations"_s << QJsonValue(QJsonArray{u""_s})
                                   << u"agents[0].stations[0]"_s << u"non-empty"_s << 1;
    QTest::addRow("bad calendar") << u"calendars[1].time_zone"_s << QJsonValue(u"Mars/Olympus"_s)
                                  << u"calendars[1].time_zone"_s << QString() << 3;
    QTest::addRow("unknown top-level field")
        << u"rules"_s << QJsonValue(QJsonArray{}) << u"rules"_s << u"is not a field"_s << 1;
}

void TestRoutingPolicy::rejects()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    QFETCH(QString, message);
    QFETCH(int, count);

    // Patch one value of the valid example: "key", "obj.key" or "list[i].key".
    QJsonObject root = example();
    const QStringList parts = path.split(u'.');
    if (parts.size() == 1) {
        if (value.isUndefined())
            root.remove(path);
        else
            root.insert(path, value);
    } else if (parts.first().endsWith(u']')) {
        const QString list = parts.first().section(u'[', 0, 0);
        const int index = parts.first().section(u'[', 1).chopped(1).toInt();
        QJsonArray a = root.value(list).toArray();
        QJsonObject row = a.at(index).toObject();
        row.insert(parts.at(1), value);
        a.replace(index, row);
        root.insert(list, a);
    } else {
        QJsonObject o = root.value(parts.first()).toObject();
        o.insert(parts.at(1), value);
        root.insert(parts.first(), o);
    }

    QStringList errors;
    QVERIFY(!RoutingPolicy::fromJson(root, &errors));
    QCOMPARE(errors.size(), count);
    QVERIFY2(errors.first().startsWith(field + u": "_s), qPrintable(errors.first()));
    QVERIFY2(errors.first().contains(message), qPrintable(errors.first()));
    // The example itself stays valid: the patch alone made the difference.
    QVERIFY(RoutingPolicy::fromJson(example()));
}

void TestRoutingPolicy::reportsEveryProblem()
{
    QJsonObject root = example();
    QJsonObject def = root.value(u"default"_s).toObject();
    def.insert(u"max_open"_s, 0);
    def.insert(u"strategy"_s, u"random"_s);
    root.insert(u"default"_s, def);
    root.remove(u"version"_s);
    QStringList errors;
    QVERIFY(!RoutingPolicy::fromJson(root, &errors));
    QCOMPARE(errors.size(), 3);
    QVERIFY(errors.at(0).startsWith(u"version: "_s));
    QVERIFY(errors.at(1).startsWith(u"default.strategy: "_s));
    QVERIFY(errors.at(2).startsWith(u"default.max_open: "_s));
    // Without a list to fill, the answer is still a plain "no".
    QVERIFY(!RoutingPolicy::fromJson(root));
}

QTEST_GUILESS_MAIN(TestRoutingPolicy)
#include "tst_routing_policy.moc"
