// Prints what the SLA monitor costs for 100,000 open tickets: adding them all, one update (amortized),
// a policy change, and the memory held per ticket. Medians of several runs. Run: `cmake --build . --target
// bench`.

#include "models/domain/clock.h"
#include "models/sla/slamonitor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace pd;

namespace {

constexpr int kTickets = 100'000;
constexpr int kRuns = 5;
constexpr qint64 kMin = 60 * 1000;

qint64 heapBytes()
{
#if defined(__GLIBC__)
    return qint64(mallinfo2().uordblks);
#else
    return -1;
#endif
}

struct Input
{
    QStringList ids;
    std::vector<Priority> priorities;
    std::vector<Category> categories;
    std::vector<SlaHistory> histories;
    std::vector<SlaHistory> updates; // a later history of the same ticket
};

// Open tickets created in the last two hours: a third answered, some pending, a few reopened.
Input makeInput(Instant now, quint32 seed)
{
    QRandomGenerator rng(seed);
    Input in;
    in.ids.reserve(kTickets);
    in.histories.reserve(kTickets);
    in.updates.reserve(kTickets);
    for (int i = 0; i < kTickets; ++i) {
        in.ids.append(QUuid::createUuid().toString(QUuid::WithoutBraces));
        in.priorities.push_back(Priority(rng.bounded(4)));
        in.categories.push_back(Category(rng.bounded(6)));
        SlaHistory h;
        h.createdAt = now - rng.bounded(120) * kMin;
        const int shape = int(rng.bounded(10));
        if (shape >= 3)
            h.append(h.createdAt + rng.bounded(25) * kMin, SlaTransition::FirstResponse);
        if (shape >= 7)
            h.append(h.createdAt + 30 * kMin, SlaTransition::PendingEnter);
        if (shape == 9) {
            h.append(h.createdAt + 60 * kMin, SlaTransition::Resolve);
            h.append(h.createdAt + 70 * kMin, SlaTransition::Reopen);
        }
        in.histories.push_back(h);
        SlaHistory u = h;
        u.append(now, shape >= 7 && shape < 9 ? SlaTransition::PendingLeave : SlaTransition::FirstResponse);
        in.updates.push_back(u);
    }
    return in;
}

SlaPolicy officePolicy()
{
    SlaPolicy p;
    BusinessCalendar cal = BusinessCalendar::officeHours(QByteArrayLiteral("Asia/Shanghai"));
    cal.setName(QStringLiteral("office"));
    p.setCalendar(cal);
    SlaRule def;
    def.calendar = cal.name();
    p.setDefaultRule(def);
    SlaRule p1;
    p1.priority = Priority::P1;
    p1.firstResponse = {15 * kMin, 5 * kMin};
    p1.calendar = cal.name();
    p.addRule(p1);
    return p;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct Figures
{
    double addAllMs;
    double updateUs;
    double setPolicyMs;
    double bytesPerTicket;
};

Figures measure(const SlaPolicy &policy, const SlaPolicy &otherPolicy)
{
    std::vector<double> add, update, change, memory;
    for (int run = 0; run < kRuns; ++run) {
        // A frozen clock on Monday 10:00 in Shanghai; the event loop does not run, so no signal fires here.
        ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(2, 0), Qt::UTC).toMSecsSinceEpoch());

        // Inputs are made inside the measured window so that the id strings and history arrays the monitor
        // shares with them count as its own; the input containers' arrays are subtracted below.
        const qint64 heapBefore = heapBytes();
        Input in = makeInput(clock.nowMs(), 1000 + quint32(run));
        SlaMonitor monitor(&clock);
        monitor.setPolicy(policy);
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < kTickets; ++i) {
            const auto k = std::size_t(i);
            monitor.updateTicket(in.ids.at(i), in.priorities[k], in.categories[k], in.histories[k]);
        }
        add.push_back(double(t.nsecsElapsed()) / 1e6);
        const qint64 containers =
            qint64(in.ids.capacity()) * qint64(sizeof(QString)) +
            qint64(in.histories.capacity() * sizeof(SlaHistory)) +
            qint64(in.priorities.capacity() * sizeof(Priority) + in.categories.capacity() * sizeof(Category));
        const qint64 updatesHeld =
            qint64(in.updates.capacity() * sizeof(SlaHistory)) + qint64(in.updates.size()) * 16 + [&in] {
                qint64 entries = 0;
                for (const auto &u : in.updates)
                    entries += u.entries.capacity();
                return entries * qint64(sizeof(SlaHistoryEntry));
            }();
        memory.push_back(double(heapBytes() - heapBefore - containers - updatesHeld) / kTickets);

        // Updates for random tickets (a first response or the end of a pending spell).
        QRandomGenerator rng(7 + quint32(run));
        std::vector<std::size_t> order(kTickets);
        for (auto &k : order)
            k = std::size_t(rng.bounded(kTickets));
        t.restart();
        for (std::size_t k : order)
            monitor.updateTicket(in.ids.at(qsizetype(k)), in.priorities[k], in.categories[k], in.updates[k]);
        update.push_back(double(t.nsecsElapsed()) / 1e3 / kTickets);

        t.restart();
        monitor.setPolicy(otherPolicy);
        change.push_back(double(t.nsecsElapsed()) / 1e6);
        if (monitor.ticketCount() != kTickets)
            qFatal("monitor lost tickets");
    }
    return {median(add), median(update), median(change), median(memory)};
}

void print(const char *label, const Figures &f)
{
    std::printf("%s\n", label);
    std::printf("  add all %d tickets : %8.1f ms   (goal < 200 ms)\n", kTickets, f.addAllMs);
    std::printf("  one update         : %8.2f µs amortized   (goal < 10 µs)\n", f.updateUs);
    std::printf("  policy change      : %8.1f ms for all %d tickets\n", f.setPolicyMs, kTickets);
    std::printf("  memory per ticket  : %8.0f bytes (heap, mallinfo2)\n", f.bytesPerTicket);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("pd.sla.debug=false"));
    std::printf("SLA monitor, %d open tickets, median of %d runs\n", kTickets, kRuns);
    const SlaPolicy defaults;
    const SlaPolicy office = officePolicy();
    print("24/7 policy (defaults 30 min / 24 h):", measure(defaults, office));
    print("Business-hours policy (Asia/Shanghai office calendar):", measure(office, defaults));
    return 0;
}
