#include "masking.h"

#include "validation.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace pd {

namespace {
constexpr QChar kMask(u'*');
constexpr int kAddressPrefixMax = 12;

bool isAdminMarker(QChar c)
{
    return c == u'省' || c == u'市' || c == u'区' || c == u'县';
}

QString digitsOf(QStringView text)
{
    QString out;
    for (QChar c : text) {
        if (c >= u'0' && c <= u'9')
            out.append(c);
    }
    return out;
}
} // namespace

QString Masking::maskPhone(QStringView phone)
{
    return phone.trimmed().isEmpty() ? QString() : Validation::maskPhone(phone);
}

QString Masking::maskName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return {};
    // The first character as a whole code point (a surname outside the BMP keeps both halves).
    const qsizetype first = trimmed.at(0).isHighSurrogate() && trimmed.size() > 1 ? 2 : 1;
    const qsizetype restChars = trimmed.mid(first).toUcs4().size();
    return trimmed.left(first).toString() + QString(std::max<qsizetype>(1, restChars), kMask);
}

QString Masking::maskAddress(QStringView address)
{
    const QStringView trimmed = address.trimmed();
    if (trimmed.isEmpty())
        return {};
    qsizetype keep = 0;
    for (qsizetype i = 0; i < trimmed.size() && i < kAddressPrefixMax; ++i) {
        const QChar c = trimmed.at(i);
        if (c.isDigit())
            break;
        if (isAdminMarker(c))
            keep = i + 1;
    }
    return trimmed.left(keep).toString() + QString(4, kMask);
}

QString Masking::maskPhonesIn(const QString &text)
{
    // Mobiles as people write them (13812345678, 138 1234 5678, 138-1234-5678) and landlines with an area
    // code (0755-2345678); never inside a longer run of digits (a waybill number).
    static const QRegularExpression phones(QStringLiteral(
        "(?<![0-9])(?:1[3-9][0-9](?:[ -]?[0-9]){8}|0[1-9][0-9]{1,2}-[2-9][0-9]{6,7})(?![0-9])"));
    if (text.isEmpty())
        return text;
    QString out;
    qsizetype from = 0;
    auto it = phones.globalMatch(text);
    if (!it.hasNext())
        return text;
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(from, m.capturedStart() - from);
        const QString found = m.captured();
        out += found.startsWith(u'0') ? Validation::maskPhone(found) : Validation::maskPhone(digitsOf(found));
        from = m.capturedEnd();
    }
    out += QStringView(text).mid(from);
    return out;
}

bool Masking::looksMasked(QStringView value)
{
    return value.contains(kMask);
}

double Masking::coarse(double degrees)
{
    return std::round(degrees * 100.0) / 100.0;
}

bool CustomerDataRule::seesInFull(Role role, const QString &userId, const QString &userTeamId,
                                  const QString &ticketTeamId, const QString &assigneeId, TicketStatus status)
{
    // Mirrored in SQL by server/storage/customeraccess.cpp (what the server serves from its records).
    if (userTeamId.isEmpty() || userTeamId != ticketTeamId)
        return false;
    switch (role) {
    case Role::Supervisor:
        return true;
    case Role::Agent:
        return !userId.isEmpty() && assigneeId == userId && status != TicketStatus::Closed;
    case Role::Manager:
    case Role::Admin:
        return false;
    }
    return false;
}

} // namespace pd
