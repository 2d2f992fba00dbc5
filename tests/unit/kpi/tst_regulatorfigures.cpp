// Regulator figures (appeals per million parcels, at fault, answered on time, by problem type, station and
// month) and compensation figures on a hand-made cache: every expected figure is worked out in
// appealtestdata.h.
#include "appealtestdata.h"
#include "models/kpi/compensationfigures.h"
#include "models/kpi/regulatorfigures.h"

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestRegulatorFigures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deadlines_data();
    void deadlines();
    void problemTypes();
    void monthTotals();
    void byProblemAndStation();
    void lateAppeals();
    void byMonth();
    void teamFilter();
    void compensation();
    void emptyCacheIsUndefined();
};

void TestRegulatorFigures::deadlines_data()
{
    QTest::addColumn<int>("rejections");
    QTest::addColumn<qint64>("rejectedAt");
    QTest::addColumn<qint64>("answeredAt");
    QTest::addColumn<qint64>("deadline");
    const qint64 none = 0;
    // Forwarded Nov 2 10:00: day 1 is Nov 3, day 15 is Nov 17, due at its 24:00.
    QTest::addRow("first answer: 15 natural days") << 0 << none << none << sh(2026, 11, 18);
    QTest::addRow("rejected, not answered again: 5 days from the rejection")
        << 1 << sh(2026, 11, 12, 9) << sh(2026, 11, 8) << sh(2026, 11, 18);
    QTest::addRow("answered again after the rejection: the redo clock")
        << 1 << sh(2026, 11, 12, 9) << sh(2026, 11, 19) << sh(2026, 11, 18);
    QTest::addRow("answered before a later rejection: still the redo clock")
        << 2 << sh(2026, 11, 20, 23) << sh(2026, 11, 14) << sh(2026, 11, 26);
}

void TestRegulatorFigures::deadlines()
{
    QFETCH(int, rejections);
    QFETCH(qint64, rejectedAt);
    QFETCH(qint64, answeredAt);
    QFETCH(qint64, deadline);
    Appeal a;
    a.forwardedAt = sh(2026, 11, 2, 10);
    a.rejections = rejections;
    if (rejectedAt)
        a.rejectedAt = rejectedAt;
    if (answeredAt)
        a.answeredAt = answeredAt;
    QCOMPARE(RegulatorQueries::answerDeadline(a, AppealTerms{}, shanghai()), deadline);
    // 23:30 in Shanghai is still Nov 30 (15:30 UTC): 10 days count from Dec 1.
    a.forwardedAt = sh(2026, 11, 30, 23, 30);
    a.rejections = 0;
    a.answeredAt.reset();
    QCOMPARE(RegulatorQueries::answerDeadline(a, AppealTerms{10, 3}, shanghai()), sh(2026, 12, 11));
}

void TestRegulatorFigures::problemTypes()
{
    QCOMPARE(RegulatorQueries::problemOf(Category::Delay), AppealProblem::Delay);
    QCOMPARE(RegulatorQueries::problemOf(Category::Loss), AppealProblem::LossShortage);
    QCOMPARE(RegulatorQueries::problemOf(Category::WrongItem), AppealProblem::LossShortage);
    QCOMPARE(RegulatorQueries::problemOf(Category::Damage), AppealProblem::Damage);
    QCOMPARE(RegulatorQueries::problemOf(Category::Service), AppealProblem::Service);
    QCOMPARE(RegulatorQueries::problemOf(Category::Other), AppealProblem::Other);
}

void TestRegulatorFigures::monthTotals()
{
    AppealCache c;
    const auto [from, to] = RegulatorQueries::monthPeriod(QDate(2026, 11, 17), shanghai());
    QCOMPARE(from, utc(2026, 10, 31, 16));
    QCOMPARE(to, utc(2026, 11, 30, 16));
    const RegulatorQueries q(*c.cache.db, shanghai());
    const auto f = q.figures(from, to, c.now);
    QVERIFY2(f, qPrintable(q.lastError()));
    QCOMPARE(f->total.appeals, 3);
    QCOMPARE(f->total.parcels, 1500000);
    QCOMPARE(*f->total.perMillion(), 2.0);
    QCOMPARE(f->total.atFault, 2);
    QCOMPARE(qRound(*f->total.atFaultPerMillion() * 1000), 1333);
    QCOMPARE(f->total.answeredOnTime, 1);
    QCOMPARE(f->total.answeredLate, 1);
    QCOMPARE(f->total.overdue, 1);
    QCOMPARE(f->total.open, 0);
    QCOMPARE(f->total.onTime(), (KpiRatio{1, 3}));
    // Before Dec 16 00:00 the third appeal is still open, not late.
    const auto earlier = q.figures(from, to, sh(2026, 12, 10));
    QCOMPARE(earlier->total.overdue, 0);
    QCOMPARE(earlier->total.open, 1);
    QCOMPARE(earlier->total.onTime(), (KpiRatio{1, 2}));
}

void TestRegulatorFigures::byProblemAndStation()
{
    AppealCache c;
    const auto [from, to] = RegulatorQueries::monthPeriod(QDate(2026, 11, 1), shanghai());
    const auto f = RegulatorQueries(*c.cache.db, shanghai()).figures(from, to, c.now);
    QVERIFY(f);
    QCOMPARE(f->byProblem.size(), kAppealProblemCount);
    const QList<qint64> appeals{1, 1, 1, 0, 0}; // delay, loss or shortage, damage, service, other
    const QList<qint64> atFault{1, 1, 0, 0, 0};
    for (int i = 0; i < kAppealProblemCount; ++i) {
        QCOMPARE(f->byProblem[i].counts.appeals, appeals[i]);
        QCOMPARE(f->byProblem[i].counts.atFault, atFault[i]);
    }
    QCOMPARE(f->byProblem[1].key, u"loss_shortage"_s);
    QCOMPARE(f->byCategory[int(Category::WrongItem)].counts.appeals, 1);
    QCOMPARE(f->byCategory[int(Category::Loss)].counts.appeals, 0);
    QCOMPARE(f->byStation.size(), 2);
    // st-1: 2 appeals, both at fault, over 1,000,000 parcels; st-2: 1, none at fault, over 500,000.
    QCOMPARE(f->byStation[0].key, u"st-1"_s);
    QCOMPARE(f->byStation[0].name, u"浦东网点"_s);
    QCOMPARE(f->byStation[0].counts.appeals, 2);
    QCOMPARE(*f->byStation[0].counts.atFaultPerMillion(), 2.0);
    QCOMPARE(f->byStation[1].key, u"st-2"_s);
    QCOMPARE(f->byStation[1].name, u"st-2"_s); // no name in the cache: the id
    QCOMPARE(*f->byStation[1].counts.perMillion(), 2.0);
    QCOMPARE(*f->byStation[1].counts.atFaultPerMillion(), 0.0);
}

void TestRegulatorFigures::lateAppeals()
{
    AppealCache c;
    const auto [from, to] = RegulatorQueries::monthPeriod(QDate(2026, 11, 1), shanghai());
    const auto f = RegulatorQueries(*c.cache.db, shanghai()).figures(from, to, c.now);
    QVERIFY(f);
    QCOMPARE(f->appeals.size(), 3);
    const QList<AppealRow> late = f->lateAppeals();
    QCOMPARE(late.size(), 2);
    QCOMPARE(late[0].appealNumber, u"SS2026-0102"_s);
    QCOMPARE(late[0].deadline, sh(2026, 11, 18));
    QCOMPARE(late[0].lateMs, 33 * kHour); // answered again Nov 19 09:00
    QCOMPARE(late[0].rejections, 1);
    QCOMPARE(late[1].appealNumber, u"SS2026-0103"_s);
    QVERIFY(!late[1].answeredAt);
    QCOMPARE(late[1].lateMs, c.now - sh(2026, 12, 16));
}

void TestRegulatorFigures::byMonth()
{
    AppealCache c;
    const RegulatorQueries q(*c.cache.db, shanghai());
    const auto months = q.byMonth(QDate(2026, 12, 5), 3, c.now);
    QVERIFY2(months, qPrintable(q.lastError()));
    QCOMPARE(months->size(), 3);
    QCOMPARE(months->at(0).key, u"2026-10"_s);
    QCOMPARE(months->at(0).counts.appeals, 1);
    QVERIFY(!months->at(0).counts.perMillion()); // no volume in October: undefined, not 0
    QCOMPARE(months->at(1).counts.appeals, 3);
    QCOMPARE(*months->at(1).counts.perMillion(), 2.0);
    QCOMPARE(months->at(2).key, u"2026-12"_s);
    QCOMPARE(months->at(2).counts.appeals, 1); // Dec 1 00:30 Shanghai is Nov 30 UTC
    QCOMPARE(months->at(2).counts.answeredOnTime, 1);
}

void TestRegulatorFigures::teamFilter()
{
    AppealCache c;
    const auto [from, to] = RegulatorQueries::monthPeriod(QDate(2026, 11, 1), shanghai());
    const RegulatorQueries q(*c.cache.db, shanghai());
    QCOMPARE(q.figures(from, to, c.now, u"team-a"_s)->total.appeals, 3);
    QCOMPARE(q.figures(from, to, c.now, u"team-b"_s)->total.appeals, 0);
}

void TestRegulatorFigures::compensation()
{
    AppealCache c;
    const auto [from, to] = RegulatorQueries::monthPeriod(QDate(2026, 11, 1), shanghai());
    const CompensationQueries q(*c.cache.db);
    const auto f = q.figures(from, to);
    QVERIFY2(f, qPrintable(q.lastError()));
    QCOMPARE(f->paid, (MoneyCount{2, 5100}));
    QCOMPARE(f->pending, (MoneyCount{1, 50000}));
    QCOMPARE(f->byCategory.size(), 6);
    QCOMPARE(f->byCategory[int(Category::Damage)].paid, (MoneyCount{1, 3600}));
    QCOMPARE(f->byCategory[int(Category::Delay)].paid, (MoneyCount{1, 1500}));
    QCOMPARE(f->byCategory[int(Category::Loss)].pending, (MoneyCount{1, 50000}));
    QCOMPARE(f->byCategory[int(Category::Loss)].paid, (MoneyCount{})); // Oct 30 is outside
    QCOMPARE(f->byResolution.size(), 2);
    QCOMPARE(f->byResolution[0].key, u"refund"_s);
    QCOMPARE(f->byResolution[0].paid, (MoneyCount{1, 1500}));
    QCOMPARE(f->byResolution[1].key, u"compensation"_s);
    QCOMPARE(f->byResolution[1].paid, (MoneyCount{1, 3600}));
    QCOMPARE(f->byResolution[1].pending, (MoneyCount{1, 50000}));
    QCOMPARE(f->byStation.size(), 2);
    QCOMPARE(f->byStation[0].key, u"st-1"_s);
    QCOMPARE(f->byStation[0].paid.fen + f->byStation[0].pending.fen, 53600);
    QCOMPARE(f->byStation[1].paid, (MoneyCount{1, 1500}));
    // December: the Dec 2 request is pending, the November one too (still waiting); nothing paid.
    const auto dec = q.figures(to, RegulatorQueries::monthPeriod(QDate(2026, 12, 1), shanghai()).second);
    QCOMPARE(dec->paid, (MoneyCount{}));
    QCOMPARE(dec->pending, (MoneyCount{2, 58000}));
    QCOMPARE(q.figures(from, to, u"team-b"_s)->paid, (MoneyCount{}));
}

void TestRegulatorFigures::emptyCacheIsUndefined()
{
    KpiCache cache;
    const auto [from, to] = RegulatorQueries::monthPeriod(QDate(2026, 11, 1), shanghai());
    const auto f = RegulatorQueries(*cache.db, shanghai()).figures(from, to, sh(2026, 12, 1));
    QVERIFY(f);
    QCOMPARE(f->total.appeals, 0);
    QVERIFY(!f->total.perMillion());
    QVERIFY(!f->total.onTime().value());
    QVERIFY(f->byStation.isEmpty());
    const auto comp = CompensationQueries(*cache.db).figures(from, to);
    QVERIFY(comp);
    QCOMPARE(comp->paid, (MoneyCount{}));
    QVERIFY(comp->byResolution.isEmpty());
}

QTEST_GUILESS_MAIN(TestRegulatorFigures)
#include "tst_regulatorfigures.moc"
