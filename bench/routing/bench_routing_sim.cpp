// The routing simulator (docs/routing.md, "Simulator"): replays complaints over agents with skills, shifts,
// breaks and lognormal handle times, for each strategy at 70%, 90% and 105% of capacity, and prints first-
// response compliance, P90 first response, occupancy and load spread. Deterministic for a seed.
// Run: `build/bench/routing/bench_routing_sim [--agents 30] [--days 3] [--seed N] [--csv arrivals.csv]`.

#include "routingsim.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace pd::bench::routing;

namespace {

struct Options
{
    SimConfig config;
    QString csv;
    QList<double> loads{0.70, 0.90, 1.05};
};

Options parse(const QCoreApplication &app)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        u"Routing simulator: strategies compared on the same stream of complaints."_s);
    p.addHelpOption();
    const QCommandLineOption agents(
        u"agents"_s, u"Agents, in three 8-hour shifts (15 or more, default 30)."_s, u"n"_s, u"30"_s);
    const QCommandLineOption days(u"days"_s, u"Simulated days (default 3)."_s, u"n"_s, u"3"_s);
    const QCommandLineOption seed(u"seed"_s, u"Random seed (default 20261207)."_s, u"n"_s, u"20261207"_s);
    const QCommandLineOption maxOpen(u"max-open"_s, u"Policy max_open for push (default 3)."_s, u"n"_s,
                                     u"3"_s);
    const QCommandLineOption median(u"handle-median"_s, u"Median handle time, minutes (default 12)."_s,
                                    u"min"_s, u"12"_s);
    const QCommandLineOption sigma(u"handle-sigma"_s, u"Lognormal sigma of handle time (default 0.5)."_s,
                                   u"s"_s, u"0.5"_s);
    const QCommandLineOption loads(u"loads"_s, u"Loads as fractions of capacity (default 0.7,0.9,1.05)."_s,
                                   u"list"_s, u"0.7,0.9,1.05"_s);
    const QCommandLineOption csv(
        u"csv"_s, u"Arrivals: created_at,category,channel,team_id[,language,key_account]."_s, u"file"_s);
    p.addOptions({agents, days, seed, maxOpen, median, sigma, loads, csv});
    p.process(app);
    Options o;
    o.config.agents = std::max(15, p.value(agents).toInt());
    o.config.days = std::max(1, p.value(days).toInt());
    o.config.seed = p.value(seed).toULongLong();
    o.config.maxOpen = std::max(1, p.value(maxOpen).toInt());
    o.config.handleMedianMinutes = p.value(median).toDouble();
    o.config.handleSigma = p.value(sigma).toDouble();
    o.csv = p.value(csv);
    o.loads.clear();
    for (const QString &l : p.value(loads).split(u','))
        o.loads.append(l.toDouble());
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Options o = parse(app);
    QList<Arrival> csvArrivals;
    if (!o.csv.isEmpty()) {
        QString error;
        csvArrivals = readArrivalsCsv(o.csv, o.config, &error);
        if (csvArrivals.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error.isEmpty() ? u"no arrivals"_s : error));
            return 1;
        }
    }
    const double capacity = capacityPerHour(o.config);
    std::printf(
        "# %d agents in 3 shifts, %d days, handle time lognormal median %.1f min sigma %.2f, max_open %d,"
        " seed %llu; capacity %.1f complaints/h; arrivals: %s\n",
        o.config.agents, o.config.days, o.config.handleMedianMinutes, o.config.handleSigma, o.config.maxOpen,
        static_cast<unsigned long long>(o.config.seed), capacity,
        o.csv.isEmpty() ? "demo pattern" : qPrintable(o.csv));
    std::printf("%-5s %-18s %8s %10s %8s %8s %9s %11s %10s %8s\n", "load", "strategy", "tickets",
                "compliance", "key_acct", "p90_min", "occupancy", "spread_mean", "spread_max", "reroutes");
    for (double load : o.loads) {
        const double perHour = capacity * load;
        const QList<Arrival> arrivals =
            o.csv.isEmpty() ? demoArrivals(o.config, perHour) : rescaled(csvArrivals, o.config, perHour);
        for (SimStrategy s : {SimStrategy::EarliestDeadline, SimStrategy::RoundRobin, SimStrategy::NextTicket,
                              SimStrategy::OldestFirst}) {
            const SimResult r = simulate(o.config, s, arrivals);
            std::printf("%-5s %-18s %8d %10.3f %8.3f %8.1f %9.3f %11.2f %10d %8d\n",
                        qPrintable(u"%1%"_s.arg(qRound(load * 100))), qPrintable(simStrategyName(s)),
                        r.tickets, r.compliance, r.keyCompliance, r.p90FirstResponse, r.occupancy,
                        r.meanSpread, r.maxSpread, r.reroutes);
        }
    }
    return 0;
}
