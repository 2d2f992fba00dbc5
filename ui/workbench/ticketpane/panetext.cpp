#include "panetext.h"

#include "ui/common/language.h"

#include <QDateTime>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
// Full-width digits and dot (１２．５) are common with Chinese input methods.
QString halfWidthNumber(const QString &text)
{
    QString t = text.trimmed();
    for (QChar &c : t) {
        if (c.unicode() >= 0xFF10 && c.unicode() <= 0xFF19)
            c = QChar(u'0' + (c.unicode() - 0xFF10));
        else if (c == QChar(0xFF0E) || c == QChar(0x3002))
            c = u'.';
    }
    return t;
}
} // namespace

QString PaneText::instant(OptInstant at, const QTimeZone &zone)
{
    if (!at)
        return {};
    return Language::dateTime(*at, zone);
}

QString PaneText::span(qint64 ms)
{
    const qint64 s = std::abs(ms) / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    const qint64 minutes = s / 60;
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return tr("%1 h %2 min").arg(hours).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

QString PaneText::callLength(qint64 seconds)
{
    return u"%1:%2"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString PaneText::yuan(qint64 fen)
{
    return Language::yuan(fen);
}

QString PaneText::resolution(Resolution resolution, std::optional<qint64> compensationFen)
{
    if (resolution != Resolution::Compensation || !compensationFen)
        return displayName(resolution);
    return tr("%1 %2", "resolution, then the amount").arg(displayName(resolution), yuan(*compensationFen));
}

std::optional<qint64> PaneText::parseYuan(const QString &text, qint64 maxFen, QString *error)
{
    QString t = halfWidthNumber(text);
    if (t.startsWith(u'¥') || t.startsWith(QChar(0xFFE5)))
        t = t.mid(1).trimmed();
    // Thousands as shown ("1,500.00", full-width "1，500"): the commas go, the digits stay.
    static const QRegularExpression grouping(u"(?<=\\d)[,，](?=\\d{3}(?:\\D|$))"_s);
    t.remove(grouping);
    static const QRegularExpression amount(u"^(\\d{1,9})(?:\\.(\\d{1,2}))?$"_s);
    const auto m = amount.match(t);
    if (!m.hasMatch()) {
        if (error)
            *error = tr("Enter the amount in yuan, for example 50 or 12.50.");
        return std::nullopt;
    }
    const qint64 fen = m.captured(1).toLongLong() * 100 + m.captured(2).leftJustified(2, u'0').toLongLong();
    if (fen <= 0) {
        if (error)
            *error = tr("The amount must be more than zero.");
        return std::nullopt;
    }
    if (fen > maxFen) {
        if (error)
            *error = tr("The amount cannot be more than %1.").arg(yuan(maxFen));
        return std::nullopt;
    }
    return fen;
}

std::optional<int> PaneText::parseScore(const QString &text, int lo, int hi, const QString &what,
                                        QString *error)
{
    const QString t = halfWidthNumber(text);
    static const QRegularExpression digits(u"^\\d{1,3}$"_s);
    bool ok = digits.match(t).hasMatch();
    const int v = ok ? t.toInt() : 0;
    if (!ok || v < lo || v > hi) {
        if (error)
            *error = tr("%1 must be a whole number from %2 to %3.").arg(what).arg(lo).arg(hi);
        return std::nullopt;
    }
    return v;
}

QString PaneText::trackingDetails(const TrackingEvent &event)
{
    QString text = event.text.trimmed();
    const QString place = event.place.trimmed();
    // "<status>", "<status> · <place>", "<status>: <words>": the status is in its own column already.
    for (const QString &name : {sourceName(event.status), displayName(event.status)}) {
        if (name.isEmpty() || !text.startsWith(name, Qt::CaseInsensitive))
            continue;
        QStringView rest = QStringView(text).mid(name.size());
        while (!rest.isEmpty() &&
               (rest.front().isSpace() || QStringView(u"·-–—,:;，：；、").contains(rest.front())))
            rest = rest.mid(1);
        if (rest.size() < QStringView(text).mid(name.size()).size() || rest.isEmpty()) {
            text = rest.toString();
            break;
        }
    }
    if (text.compare(place, Qt::CaseInsensitive) == 0)
        text.clear();
    QString reason;
    if (event.reason == u"damaged")
        reason = tr("Damaged");
    else if (event.reason == u"lost")
        reason = tr("Lost");
    else if (!event.reason.isEmpty())
        reason =
            tr("Reason: %1", "an exception scan's reason code from the operations system").arg(event.reason);
    if (reason.isEmpty() || text.isEmpty())
        return reason + text;
    return tr("%1 · %2", "exception reason, then the operator's words").arg(reason, text);
}

} // namespace pd
