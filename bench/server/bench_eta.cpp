// The ETA model's error on the demo's data (issue 19, docs/proactive.md "The ETA model"): a demo database is
// seeded exactly as `parceldesk-server --demo` seeds it; for every delivered parcel, the model predicts the
// delivery from each of its scans before the last (as the server would have at that moment) and the
// prediction is compared with the real delivery. Prints the count, median and 90th percentile of the absolute
// error and the bias, overall and by the status of the scan the prediction was made at.
#include "server/auth/authservice.h"
#include "server/simulator/demoseeder.h"
#include "server/storage/database.h"
#include "server/storage/documentstore.h"
#include "server/storage/userstore.h"

#include "models/proactive/etamodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QMap>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace pd;
using namespace pd::server;
using namespace Qt::StringLiterals;

namespace {
void print(const char *label, const EtaError &e)
{
    std::printf("  %-18s %6d predictions: |error| median %7.1f min, p90 %7.1f min, bias %+7.1f min\n", label,
                e.count, e.medianMinutes, e.p90Minutes, e.biasMinutes);
}

/// The predictions one delivered parcel gives: one after each of its scans before the delivery.
QList<EtaSample> samplesOf(const Parcel &p, QList<TrackingEvent> events)
{
    std::sort(events.begin(), events.end(), [](const auto &a, const auto &b) { return a.at < b.at; });
    QList<EtaSample> out;
    EtaInput in;
    in.stationId = p.stationId;
    in.promisedAt = p.promisedAt;
    in.transitScans = 0;
    for (const TrackingEvent &e : events) {
        if (e.status == ParcelStatus::Delivered)
            break;
        in.status = e.status;
        in.lastScanAt = e.at;
        if (e.status == ParcelStatus::InTransit)
            ++in.transitScans;
        out.append(EtaSample{in, e.at, *p.deliveredAt});
    }
    return out;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    auto db = Database::open(u"sqlite:"_s + dir.filePath(u"demo.db"_s));
    DocumentStore docs(*db);
    UserStore users(docs);
    SystemClock clock;
    AuthService auth(users, clock);
    DemoSeeder seeder(docs, users, auth, 7);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::printf("%s\n", qPrintable(seeder.seed(now)));

    QList<EtaSample> all;
    QMap<QString, QList<EtaSample>> byStatus;
    int parcels = 0;
    for (const Doc &d : docs.all(DocType::Parcel)) {
        const auto p = Parcel::fromJson(QJsonDocument::fromJson(d.data).object());
        if (!p || p->status != ParcelStatus::Delivered || !p->deliveredAt)
            continue;
        QList<TrackingEvent> events;
        for (const Doc &s : docs.byParent(DocType::TrackingEvent, p->waybillNo)) {
            if (auto e = TrackingEvent::fromJson(QJsonDocument::fromJson(s.data).object()))
                events.append(*e);
        }
        const QList<EtaSample> samples = samplesOf(*p, events);
        ++parcels;
        all += samples;
        for (const EtaSample &s : samples)
            byStatus[toCode(s.input.status)].append(s);
    }
    const EtaModel model;
    std::printf("ETA error on the demo's data: %d delivered parcels (seed 7)\n", parcels);
    print("every scan", model.measure(all));
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
        print(qPrintable(u"at "_s + it.key()), model.measure(it.value()));
    return 0;
}
