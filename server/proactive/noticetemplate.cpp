#include "noticetemplate.h"

#include <QDateTime>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {
const QStringList kPlaceholders{u"waybill"_s, u"cause"_s, u"eta"_s, u"station"_s, u"compensation"_s};

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression re(u"\\{([^{}]*)\\}"_s);
    return re;
}

/// The cause phrases of each language: customer-facing text, picked by the notice's language.
struct CausePhrases
{
    QString stationDelay, routeDelay, damage, loss, delivery, stalled, late, returned, failed;
};

const CausePhrases &phrases(const QString &language)
{
    static const CausePhrases zhCN{u"%1网点派送积压"_s,   u"%1转运中心延误"_s, u"运输途中包装受损"_s,
                                   u"快件在%1查找中"_s,   u"%1派送异常"_s,     u"运输延误"_s,
                                   u"预计无法按时送达"_s, u"快件退回"_s,       u"派送未成功"_s};
    static const CausePhrases zhTW{u"%1網點派送積壓"_s,   u"%1轉運中心延誤"_s, u"運輸途中包裝受損"_s,
                                   u"快件在%1查找中"_s,   u"%1派送異常"_s,     u"運輸延誤"_s,
                                   u"預計無法按時送達"_s, u"快件退回"_s,       u"派送未成功"_s};
    static const CausePhrases en{u"a backlog at the %1 station"_s,        u"a delay at the %1 hub"_s,
                                 u"damage to its packaging in transit"_s, u"a search for it at %1"_s,
                                 u"a delivery problem at %1"_s,           u"a delay in transit"_s,
                                 u"it will not arrive on time"_s,         u"it is being returned"_s,
                                 u"a failed delivery attempt"_s};
    if (language == u"zh_TW"_s)
        return zhTW;
    if (language == u"en"_s)
        return en;
    return zhCN;
}
} // namespace

QStringList NoticeTemplate::languages()
{
    return {u"zh_CN"_s, u"zh_TW"_s, u"en"_s};
}

bool NoticeTemplate::knownLanguage(const QString &language)
{
    return languages().contains(language);
}

QString NoticeTemplate::defaultTemplate(const QString &language)
{
    if (language == u"zh_TW"_s)
        return u"【快遞通知】您的快件{waybill}因{cause}可能延誤，預計{eta}送達。{compensation}造成不便，敬請見諒。"_s;
    if (language == u"en"_s)
        return u"Your parcel {waybill} is affected by {cause}. Expected delivery: {eta}. {compensation}"
               "We are sorry for the inconvenience."_s;
    return u"【快递通知】您的快件{waybill}因{cause}可能延误，预计{eta}送达。{compensation}给您带来不便，敬请谅解。"_s;
}

QString NoticeTemplate::check(const QString &text)
{
    if (text.trimmed().isEmpty())
        return tr("The message text is empty.");
    if (text.size() > kMaxLength)
        return tr("The message text is %1 characters long; at most %2 are sent.")
            .arg(text.size())
            .arg(kMaxLength);
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!kPlaceholders.contains(name))
            return tr("{%1} is not a placeholder; use {waybill}, {cause}, {eta}, {station} or "
                      "{compensation}.")
                .arg(name);
    }
    return {};
}

QString NoticeTemplate::causeText(const QString &language, const QString &cause, const QString &place)
{
    const CausePhrases &p = phrases(language);
    const QString network =
        language == u"en"_s ? u"the network"_s : (language == u"zh_TW"_s ? u"網點"_s : u"网点"_s);
    const QString where = place.isEmpty() ? network : place;
    if (cause == u"station_delay"_s)
        return p.stationDelay.arg(where);
    if (cause == u"route_delay"_s)
        return p.routeDelay.arg(where);
    if (cause.endsWith(u"_damage"_s) || cause == u"damage_scan"_s)
        return p.damage;
    if (cause.endsWith(u"_loss"_s) || cause == u"loss_scan"_s)
        return p.loss.arg(where);
    if (cause.endsWith(u"_delivery"_s) || cause == u"exception_scan"_s)
        return p.delivery.arg(where);
    if (cause == u"will_miss_promise"_s)
        return p.late;
    if (cause == u"returned"_s)
        return p.returned;
    if (cause == u"failed_delivery"_s)
        return p.failed;
    return p.stalled;
}

QString NoticeTemplate::etaText(const QString &language, const OptInstant &eta, const QTimeZone &zone)
{
    if (!eta)
        return language == u"en"_s ? u"to be confirmed"_s
                                   : (language == u"zh_TW"_s ? u"稍後通知"_s : u"稍后通知"_s);
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(*eta, zone);
    return local.toString(u"yyyy-MM-dd HH:mm"_s);
}

QString NoticeTemplate::render(const QString &text, const QHash<QString, QString> &values)
{
    QString out;
    qsizetype from = 0;
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(from, m.capturedStart() - from);
        out += values.value(m.captured(1));
        from = m.capturedEnd();
    }
    out += text.mid(from);
    return out;
}

} // namespace pd::server
