// The parcel in the ticket pane as agents read it (issue 24, items 7 and 8): tracking rows in the reader's
// language (status words translated, a server's English "In transit · 苏州转运中心" not repeated as details,
// an exception's reason code translated), a numeric waybill's carrier said to be unknown rather than guessed,
// the SLA symbols (paused included) drawn with the installed fonts, and the mini-map's parcel where the
// newest tracking row says. The real TicketPane and ParcelMiniMap (offscreen) over a real SQLite cache.
#include "models/store/parcelrepository.h"
#include "panefixture.h"
#include "ui/common/language.h"
#include "ui/common/slalook.h"
#include "ui/map/maplegend.h"
#include "ui/map/mapview.h"
#include "ui/map/parcelcard.h"
#include "ui/map/parcelminimap.h"
#include "ui/workbench/ticketpane/calldialog.h" // complete types for the pane's QPointer members
#include "ui/workbench/ticketpane/customercard.h"
#include "ui/workbench/ticketpane/panetext.h"
#include "ui/workbench/ticketpane/resolvedialog.h"
#include "ui/workbench/ticketpane/slapanel.h"
#include "ui/workbench/ticketpane/ticketpane.h"

#include <QApplication>
#include <QGlyphRun>
#include <QLabel>
#include <QTextLayout>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {
const QString kWaybill = u"773012345678901"_s; // digits only: ZTO, STO, Yunda, Best and others
const GeoPoint kGuangzhou{23.1291, 113.2644};
const GeoPoint kSuzhou{31.2990, 120.5853};
const GeoPoint kHangzhou{30.2741, 120.1551};

/// Glyphs @p text gets in @p font after font fallback; index 0 is the missing-glyph box.
int missingGlyphs(const QString &text, const QFont &font)
{
    QTextLayout layout(text, font);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    int missing = 0;
    for (const QGlyphRun &run : layout.glyphRuns())
        for (quint32 glyph : run.glyphIndexes())
            missing += glyph == 0 ? 1 : 0;
    return missing;
}
} // namespace

class TestTrackingPane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void trackingInTheReadersLanguage_data();
    void trackingInTheReadersLanguage();
    void languageSwitchRetranslatesTheRows();
    void slaSymbolsRender();
    void miniMapFollowsTheNewestScan();
    void mapCardSaysDeliveredNotEta();
    void mapLegendNamesEveryGlyph();

private:
    void fill(PaneCache &c);

    QTemporaryDir m_settingsDir;
    const QTimeZone m_zone{"Asia/Shanghai"};
};

void TestTrackingPane::initTestCase()
{
    isolateSettings(m_settingsDir.path());
}

void TestTrackingPane::cleanupTestCase()
{
    QVERIFY(Language::apply(u"en"_s));
}

void TestTrackingPane::fill(PaneCache &c)
{
    Parcel p;
    p.waybillNo = kWaybill;
    p.status = ParcelStatus::Exception;
    p.originAddress = u"深圳市南山区"_s;
    p.destinationAddress = u"广州市天河区"_s;
    p.destination = kGuangzhou;
    p.position = kGuangzhou; // the record's position lags behind its scans
    p.positionAt = kNow - 3000 * kMinute;
    p.version = 1;
    // As a server without translations writes them: English status, " · ", place.
    const QList<TrackingEvent> events{
        {u"e1"_s,
         kWaybill,
         kNow - 3000 * kMinute,
         ParcelStatus::PickedUp,
         u"深圳南山网点"_s,
         {},
         u"Picked up · 深圳南山网点"_s},
        {u"e2"_s, kWaybill, kNow - 2000 * kMinute, ParcelStatus::InTransit, u"苏州转运中心"_s, kSuzhou,
         u"In transit · 苏州转运中心"_s},
        {u"e3"_s, kWaybill, kNow - 1000 * kMinute, ParcelStatus::InTransit, u"苏州转运中心"_s, kSuzhou,
         u"In transit: 暴雨延误"_s},
        {u"e4"_s, kWaybill, kNow - 100 * kMinute, ParcelStatus::Exception, u"杭州转运中心"_s, kHangzhou,
         u"Exception · 杭州转运中心"_s, u"damaged"_s},
    };
    QString error;
    QVERIFY2(ParcelRepository(*c.db).upsert({p}, &error), qPrintable(error));
    QVERIFY2(ParcelRepository(*c.db).upsertTracking(events, &error), qPrintable(error));
    Ticket t = c.ticket(1, TicketStatus::Open, c.agent1.id);
    t.waybillNo = kWaybill;
    c.put(t);
}

void TestTrackingPane::trackingInTheReadersLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("statuses"); // newest first
    QTest::addColumn<QStringList>("details");
    QTest::addColumn<QString>("carrier");
    QTest::addColumn<QString>("damaged"); // an exception scan's reason "damaged"
    QTest::addRow("en") << u"en"_s
                        << QStringList{u"Exception"_s, u"In transit"_s, u"In transit"_s, u"Picked up"_s}
                        << QStringList{QString(), u"暴雨延误"_s, QString(), QString()}
                        << u"Numeric waybill, carrier unknown"_s << u"Damaged · 外箱压扁"_s;
    QTest::addRow("zh_CN") << u"zh_CN"_s << QStringList{u"异常"_s, u"运输中"_s, u"运输中"_s, u"已揽收"_s}
                           << QStringList{QString(), u"暴雨延误"_s, QString(), QString()}
                           << u"纯数字运单号，承运商未知"_s << u"破损 · 外箱压扁"_s;
    QTest::addRow("zh_TW") << u"zh_TW"_s << QStringList{u"異常"_s, u"運輸中"_s, u"運輸中"_s, u"已攬收"_s}
                           << QStringList{QString(), u"暴雨延误"_s, QString(), QString()}
                           << u"純數字運單號，承運商未知"_s << u"破損 · 外箱压扁"_s;
}

void TestTrackingPane::trackingInTheReadersLanguage()
{
    QFETCH(QString, language);
    QFETCH(QStringList, statuses);
    QFETCH(QStringList, details);
    QFETCH(QString, carrier);
    QFETCH(QString, damaged);
    QVERIFY(Language::apply(language));
    PaneCache c;
    fill(c);
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-1"_s);

    QTreeWidget *tracking = pane.customerCard()->trackingView();
    QCOMPARE(tracking->topLevelItemCount(), 4);
    for (int i = 0; i < 4; ++i) {
        QTreeWidgetItem *row = tracking->topLevelItem(i);
        QCOMPARE(row->text(1), statuses[i]);
        QCOMPARE(row->text(3), details[i]);
        // Whatever the language, no English status word of the server is shown as details.
        for (const char *english : {"Picked up", "In transit", "Exception"})
            QVERIFY2(!row->text(3).contains(QLatin1StringView(english)), qPrintable(row->text(3)));
    }
    QCOMPARE(tracking->topLevelItem(1)->text(2), u"苏州转运中心"_s);
    const QString card = pane.customerCard()->parcelText();
    QVERIFY2(card.contains(carrier), qPrintable(card));
    for (const QString &guess : {u"ZTO"_s, u"中通"_s, u"Yunda"_s, u"韵达"_s, u"韻達"_s})
        QVERIFY2(!card.contains(guess), qPrintable(card));

    // An exception scan as it arrives from the server with its reason code: the reason in the reader's words.
    TrackingEvent scan{u"e9"_s,
                       kWaybill,
                       kNow,
                       ParcelStatus::Exception,
                       u"杭州转运中心"_s,
                       kHangzhou,
                       u"Exception · 外箱压扁"_s,
                       u"damaged"_s};
    QCOMPARE(PaneText::trackingDetails(scan), damaged);
    scan.text = u"Exception · 杭州转运中心"_s;
    QCOMPARE(PaneText::trackingDetails(scan), damaged.section(u" · "_s, 0, 0));
    scan.reason = u"customs_hold"_s;
    QVERIFY(PaneText::trackingDetails(scan).endsWith(u"customs_hold"_s));
    scan.reason.clear();
    scan.text = u"In transition to a new hub"_s; // words that merely start like a status stay whole
    QCOMPARE(PaneText::trackingDetails(scan), scan.text);
}

void TestTrackingPane::languageSwitchRetranslatesTheRows()
{
    QVERIFY(Language::apply(u"en"_s));
    PaneCache c;
    fill(c);
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-1"_s);
    QTreeWidget *tracking = pane.customerCard()->trackingView();
    QCOMPARE(tracking->topLevelItem(1)->text(1), u"In transit"_s);
    QVERIFY(Language::apply(u"zh_CN"_s));
    QTRY_COMPARE(tracking->topLevelItem(1)->text(1), u"运输中"_s);
    QCOMPARE(tracking->topLevelItem(0)->text(1), u"异常"_s);
    QVERIFY(pane.customerCard()->parcelText().contains(u"纯数字运单号，承运商未知"_s));
    QVERIFY(Language::apply(u"en"_s));
    QTRY_COMPARE(tracking->topLevelItem(1)->text(1), u"In transit"_s);
}

void TestTrackingPane::slaSymbolsRender()
{
    QVERIFY(Language::apply(u"zh_CN"_s));
    PaneCache c;
    // Waiting for the customer since two minutes ago, as the server records it: the resolution clock pauses.
    c.put(c.ticket(2, TicketStatus::Pending, c.agent1.id));
    TicketEvent pending;
    pending.id = u"ev-pending"_s;
    pending.ticketId = u"t-2"_s;
    pending.kind = EventKind::StatusChange;
    pending.at = kNow - 2 * kMinute;
    pending.authorId = c.agent1.id;
    pending.data = {{u"from"_s, u"open"_s}, {u"to"_s, u"pending"_s}};
    pending.version = 1;
    QString error;
    QVERIFY2(TicketRepository(*c.db).upsertEvents({pending}, &error), qPrintable(error));
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-2"_s);
    QCOMPARE(pane.slaPanel()->state(SlaClock::Resolution), SlaState::Paused);
    const QString paused = slaLook(SlaState::Paused).symbol;
    QVERIFY2(pane.slaPanel()->summary().contains(paused), qPrintable(pane.slaPanel()->summary()));
    // Every state's symbol, and the pane's texts made of them, have a glyph in the installed fonts.
    const QFont font = pane.slaPanel()->font();
    for (SlaState s :
         {SlaState::OnTrack, SlaState::AtRisk, SlaState::Breached, SlaState::Met, SlaState::Paused})
        QVERIFY2(missingGlyphs(slaLook(s).symbol, font) == 0,
                 qPrintable(
                     u"U+%1 has no glyph"_s.arg(slaLook(s).symbol.at(0).unicode(), 4, 16, QLatin1Char('0'))));
    QCOMPARE(missingGlyphs(pane.slaPanel()->summary(), font), 0);
    for (QLabel *label : pane.slaPanel()->findChildren<QLabel *>())
        QVERIFY2(missingGlyphs(label->text(), label->font()) == 0, qPrintable(label->text()));
    QVERIFY(Language::apply(u"en"_s));
}

void TestTrackingPane::miniMapFollowsTheNewestScan()
{
    PaneCache c;
    fill(c);
    ParcelMiniMap mini(*c.db, m_zone);
    mini.resize(320, 220);
    mini.show();
    QVERIFY(QTest::qWaitForWindowExposed(&mini));
    QVERIFY(mini.showParcel(kWaybill));
    // The newest row says 杭州 (the record still says 广州): the marker is in Hangzhou.
    const std::optional<GeoPoint> at = mini.parcelPosition();
    QVERIFY(at);
    QCOMPARE(at->lat, kHangzhou.lat);
    QCOMPARE(at->lon, kHangzhou.lon);
    const QPointF hangzhou = mini.mapView()->screenPos(kHangzhou);
    QVERIFY(mini.mapView()->rect().contains(hangzhou.toPoint()));

    // A newer scan without a position leaves it at the last known one; a newer one with a position moves it.
    QString error;
    QVERIFY(ParcelRepository(*c.db).upsertTracking(
        {{u"e5"_s, kWaybill, kNow - 50 * kMinute, ParcelStatus::InTransit, u"杭州"_s, {}, {}}}, &error));
    QVERIFY(mini.showParcel(kWaybill));
    QCOMPARE(mini.parcelPosition()->lat, kHangzhou.lat);
    QVERIFY(ParcelRepository(*c.db).upsertTracking(
        {{u"e6"_s, kWaybill, kNow - 10 * kMinute, ParcelStatus::InTransit, u"苏州转运中心"_s, kSuzhou, {}}},
        &error));
    QVERIFY(mini.showParcel(kWaybill));
    QCOMPARE(mini.parcelPosition()->lat, kSuzhou.lat);

    // A position the record got after the newest scan (a courier's device) is newer still: it stays.
    Parcel p = *ParcelRepository(*c.db).byWaybill(kWaybill);
    p.position = kGuangzhou;
    p.positionAt = kNow - 5 * kMinute;
    p.version = 2;
    QVERIFY(ParcelRepository(*c.db).upsert({p}, &error));
    QVERIFY(mini.showParcel(kWaybill));
    QCOMPARE(mini.parcelPosition()->lat, kGuangzhou.lat);

    // No position on the record: it was drawn at its destination; the newest scan places it.
    p.position.reset();
    p.positionAt.reset();
    p.version = 3;
    QVERIFY(ParcelRepository(*c.db).upsert({p}, &error));
    QVERIFY(mini.showParcel(kWaybill));
    QCOMPARE(mini.parcelPosition()->lat, kSuzhou.lat);
}

void TestTrackingPane::mapCardSaysDeliveredNotEta()
{
    // Issue 24, item 12: the map's parcel card showed "ETA  Delivered 2026-11-23 09:00".
    QVERIFY(Language::apply(u"zh_CN"_s));
    map::ParcelCard card(m_zone);
    geo::MapParcel parcel;
    parcel.waybillNo = kWaybill;
    parcel.status = ParcelStatus::Delivered;
    parcel.point = kGuangzhou;
    parcel.promisedAt = kNow;
    parcel.deliveredAt = kNow - 60 * kMinute; // 09:00 in Shanghai
    card.show(parcel, false, std::nullopt, {}, {});
    QCOMPARE(card.etaLabel(), u"签收时间"_s);
    QVERIFY2(card.fieldText(u"eta"_s).endsWith(u"09:00"_s), qPrintable(card.fieldText(u"eta"_s)));
    QVERIFY(!card.fieldText(u"eta"_s).contains(u"签收"_s));
    // On the way: the estimate, under its own label; after a language switch the label follows.
    parcel.status = ParcelStatus::OutForDelivery;
    parcel.deliveredAt.reset();
    card.show(parcel, false, kNow + 30 * kMinute, {}, {});
    QCOMPARE(card.etaLabel(), u"预计送达"_s);
    QVERIFY(card.fieldText(u"eta"_s).endsWith(u"10:30"_s));
    parcel.status = ParcelStatus::Delivered;
    parcel.deliveredAt = kNow - 60 * kMinute;
    card.show(parcel, false, std::nullopt, {}, {});
    QVERIFY(Language::apply(u"en"_s));
    QTRY_COMPARE(card.etaLabel(), u"Delivered"_s);
}

void TestTrackingPane::mapLegendNamesEveryGlyph()
{
    // Issue 24, item 12: delivered parcels (shown while they have an open complaint) were not in the legend.
    for (const QString &language : {u"en"_s, u"zh_CN"_s}) {
        QVERIFY(Language::apply(language));
        map::MapLegend legend;
        const QStringList entries = legend.entries();
        QCOMPARE(entries.size(), 11); // the incidents ring included
        QVERIFY2(entries.contains(language == u"en"_s ? u"Delivered"_s : u"已签收"_s),
                 qPrintable(entries.join(u", "_s)));
        for (const QString &e : entries) // every line fits the width the legend asks for
            QVERIFY2(32 + legend.fontMetrics().horizontalAdvance(e) <= legend.sizeHint().width(),
                     qPrintable(e));
    }
    QVERIFY(Language::apply(u"en"_s));
}

QTEST_MAIN(TestTrackingPane)
#include "tst_tracking_pane.moc"
