#include "cannedreplies.h"

#include "panetext.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace pd {

QList<CannedReply> CannedReplies::defaults()
{
    return {
        {tr("Greeting"),
         tr("Hello {customer_name}, this is {agent_name} from customer service. We are looking "
            "into your parcel {waybill} now.")},
        {tr("Delay: new ETA"),
         tr("Hello {customer_name}, sorry for the wait. Parcel {waybill} is {parcel_status}; the expected "
            "delivery is {eta}. We have asked the station to speed it up.")},
        {tr("Damage: claim started"),
         tr("Hello {customer_name}, we are sorry that parcel {waybill} arrived damaged. We have opened a "
            "claim "
            "under ticket {ticket_number} and will call you back within 24 hours.")},
        {tr("Courier contacted"),
         tr("Hello {customer_name}, we have contacted the courier for parcel {waybill}; "
            "they will get in touch with you shortly.")},
    };
}

QList<CannedReply> CannedReplies::load(QSettings &settings)
{
    QList<CannedReply> out;
    const int n = settings.beginReadArray(QLatin1StringView(kSettingsKey));
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        CannedReply r{settings.value(u"title"_s).toString(), settings.value(u"body"_s).toString()};
        if (!r.title.trimmed().isEmpty() && !r.body.trimmed().isEmpty())
            out.append(r);
    }
    settings.endArray();
    return out.isEmpty() ? defaults() : out;
}

void CannedReplies::save(QSettings &settings, const QList<CannedReply> &replies)
{
    settings.remove(QLatin1StringView(kSettingsKey));
    settings.beginWriteArray(QLatin1StringView(kSettingsKey), int(replies.size()));
    for (int i = 0; i < replies.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(u"title"_s, replies[i].title);
        settings.setValue(u"body"_s, replies[i].body);
    }
    settings.endArray();
}

QHash<QString, QString> CannedReplies::valuesFor(const Ticket &ticket, const std::optional<Parcel> &parcel,
                                                 const QTimeZone &zone, const QString &agentName)
{
    QHash<QString, QString> v;
    v.insert(u"customer_name"_s, ticket.customerName);
    v.insert(u"waybill"_s, ticket.waybillNo);
    v.insert(u"ticket_number"_s, ticket.number.isEmpty() ? tr("(number pending)") : ticket.number);
    v.insert(u"agent_name"_s, agentName);
    if (parcel) {
        v.insert(u"parcel_status"_s, displayName(parcel->status));
        v.insert(u"eta"_s, parcel->deliveredAt
                               ? tr("delivered at %1").arg(PaneText::instant(parcel->deliveredAt, zone))
                           : parcel->promisedAt ? PaneText::instant(parcel->promisedAt, zone)
                                                : tr("not known yet"));
    } else {
        v.insert(u"parcel_status"_s, tr("being checked"));
        v.insert(u"eta"_s, tr("not known yet"));
    }
    return v;
}

QString CannedReplies::expand(const QString &text, const QHash<QString, QString> &values)
{
    QString out;
    out.reserve(text.size() + 64);
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype open = text.indexOf(u'{', i);
        if (open < 0) {
            out.append(QStringView(text).mid(i));
            break;
        }
        out.append(QStringView(text).mid(i, open - i));
        const qsizetype close = text.indexOf(u'}', open + 1);
        if (close < 0) {
            out.append(QStringView(text).mid(open));
            break;
        }
        const QString name = text.mid(open + 1, close - open - 1);
        const auto it = values.constFind(name);
        if (it != values.constEnd()) {
            out.append(*it);
            i = close + 1;
        } else {
            out.append(u'{');
            i = open + 1;
        }
    }
    return out;
}

} // namespace pd
