#include "validation.h"

#include "ticketrules.h"

#include <QLocale>
#include <QRegularExpression>

#include <array>

namespace pd {

namespace {

bool allDigits(QStringView s)
{
    for (QChar c : s) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return !s.isEmpty();
}

const QRegularExpression &re(const char *pattern)
{
    // Callers pass string literals; one compiled expression per literal, built on first use.
    static thread_local QHash<const char *, QRegularExpression> cache;
    auto it = cache.find(pattern);
    if (it == cache.end())
        it = cache.insert(pattern, QRegularExpression(QString::fromLatin1(pattern)));
    return it.value();
}

bool matches(const char *pattern, const QString &s)
{
    return re(pattern).match(s).hasMatch();
}

} // namespace

QString Validation::normalizeIdentifier(QStringView input)
{
    QString s = input.toString().normalized(QString::NormalizationForm_KC);
    s.remove(QLatin1Char(' '));
    s.remove(QLatin1Char('-'));
    s.remove(QChar(0x3000)); // ideographic space survives NFKC as a space only in some inputs
    return s.trimmed().toUpper();
}

int Validation::s10CheckDigit(QStringView eightDigits)
{
    if (eightDigits.size() != 8 || !allDigits(eightDigits))
        return -1;
    static constexpr std::array<int, 8> weights{8, 6, 4, 2, 3, 5, 9, 7};
    int sum = 0;
    for (int i = 0; i < 8; ++i)
        sum += (eightDigits[i].unicode() - '0') * weights[std::size_t(i)];
    const int check = 11 - sum % 11;
    if (check == 10)
        return 0;
    if (check == 11)
        return 5;
    return check;
}

QString Validation::carrierName(Carrier c)
{
    switch (c) {
    case Carrier::SfExpress:
        return tr("SF Express");
    case Carrier::JdLogistics:
        return tr("JD Logistics");
    case Carrier::Yto:
        return tr("YTO Express");
    case Carrier::Numeric:
        // Several carriers use digits only: the number alone does not say which (never name one as a guess).
        return tr("Numeric waybill, carrier unknown");
    case Carrier::UpuS10:
        return tr("China Post / EMS (UPU S10)");
    case Carrier::Unknown:
        break;
    }
    return tr("Unknown carrier");
}

WaybillCheck Validation::checkWaybill(QStringView input)
{
    WaybillCheck r;
    r.normalized = normalizeIdentifier(input);
    const QString &s = r.normalized;
    if (s.isEmpty()) {
        r.message = tr("Enter a waybill number.");
        return r;
    }
    if (s.size() > 40) {
        r.message = tr("A waybill number has at most 40 characters.");
        return r;
    }

    if (s.startsWith(QLatin1StringView("SF")) && !matches("^[A-Z]{2}\\d{9}[A-Z]{2}$", s)) {
        r.carrier = Carrier::SfExpress;
        r.valid = matches("^SF\\d{12,15}$", s);
        if (!r.valid)
            r.message = tr("An SF Express waybill is SF followed by 12 to 15 digits, e.g. SF1234567890123.");
        return r;
    }
    if (s.startsWith(QLatin1StringView("JD")) && !matches("^[A-Z]{2}\\d{9}[A-Z]{2}$", s)) {
        r.carrier = Carrier::JdLogistics;
        r.valid = matches("^JD[A-Z0-9]{10,18}$", s);
        if (!r.valid)
            r.message = tr(
                "A JD Logistics waybill is JD followed by 10 to 18 letters or digits, e.g. JDVA01234567890.");
        return r;
    }
    if (s.startsWith(QLatin1StringView("YT")) && !matches("^[A-Z]{2}\\d{9}[A-Z]{2}$", s)) {
        r.carrier = Carrier::Yto;
        r.valid = matches("^YT\\d{13}$", s);
        if (!r.valid)
            r.message = tr("A YTO Express waybill is YT followed by 13 digits, e.g. YT1234567890123.");
        return r;
    }
    if (matches("^[A-Z]{2}\\d{9}[A-Z]{2}$", s)) {
        r.carrier = Carrier::UpuS10;
        const int expected = s10CheckDigit(QStringView(s).mid(2, 8));
        const int given = s.at(10).unicode() - '0';
        r.valid = expected == given;
        if (!r.valid)
            r.message =
                tr("The check digit of %1 is %2 but should be %3: please check the number for a typo.")
                    .arg(s)
                    .arg(given)
                    .arg(expected);
        return r;
    }
    if (allDigits(s)) {
        r.carrier = Carrier::Numeric;
        r.valid = s.size() >= 12 && s.size() <= 15;
        if (!r.valid)
            r.message = tr("A numeric waybill (ZTO, STO, Yunda, Best) has 12 to 15 digits; this one has %n.",
                           nullptr, int(s.size()));
        return r;
    }
    r.message = tr("This is not a known waybill format. Expected SF…, JD…, YT…, 12 to 15 digits, "
                   "or a postal number such as EE123456785CN.");
    return r;
}

PhoneCheck Validation::checkPhone(QStringView input)
{
    PhoneCheck r;
    QString s = input.toString().normalized(QString::NormalizationForm_KC).trimmed();
    if (s.isEmpty()) {
        r.message = tr("Enter a phone number.");
        return r;
    }

    // An extension after 转, #, ext or x.
    QString extension;
    static const QRegularExpression extRe(QStringLiteral("(?:转|#|ext\\.?|x)\\s*(\\d{1,6})$"),
                                          QRegularExpression::CaseInsensitiveOption);
    if (const auto m = extRe.match(s); m.hasMatch()) {
        extension = m.captured(1);
        s.truncate(m.capturedStart());
    }

    bool international = false;
    if (s.startsWith(QLatin1StringView("+86"))) {
        s.remove(0, 3);
        international = true;
    } else if (s.startsWith(QLatin1StringView("0086"))) {
        s.remove(0, 4);
        international = true;
    }
    static const QRegularExpression separators(QStringLiteral("[\\s\\-().]"));
    s.remove(separators);
    if (!allDigits(s)) {
        r.message = tr("A phone number may contain only digits, spaces, dashes and brackets.");
        return r;
    }
    if (international && s.size() == 13 && s.startsWith(QLatin1StringView("86")))
        s.remove(0, 2);

    // "+86 10 12345678" is Beijing's landline without its trunk 0; "+86 138…" is a mobile.
    const bool looksMobile = s.startsWith(QLatin1Char('1')) && (!international || s.size() == 11);
    if (looksMobile) {
        if (matches("^1[3-9]\\d{9}$", s) && extension.isEmpty()) {
            r.valid = true;
            r.kind = PhoneKind::Mobile;
            r.normalized = s;
            return r;
        }
        r.kind = PhoneKind::Mobile;
        r.message = tr("A mainland mobile number has 11 digits and starts with 13 to 19, e.g. 13812345678.");
        return r;
    }

    if (international && !s.startsWith(QLatin1Char('0')))
        s.prepend(QLatin1Char('0'));
    if (s.startsWith(QLatin1Char('0'))) {
        r.kind = PhoneKind::Landline;
        const bool shortArea = s.size() > 1 && (s.at(1) == QLatin1Char('1') || s.at(1) == QLatin1Char('2'));
        const int areaLength = shortArea ? 3 : 4;
        const QString area = s.left(areaLength);
        const QString local = s.mid(areaLength);
        const bool localOk = (local.size() == 7 || local.size() == 8) && local.at(0) != QLatin1Char('0') &&
                             local.at(0) != QLatin1Char('1');
        const bool areaOk = area.size() == areaLength && (!shortArea || area == QLatin1StringView("010") ||
                                                          area.at(1) == QLatin1Char('2'));
        if (areaOk && localOk) {
            r.valid = true;
            r.normalized = area + QLatin1Char('-') + local;
            if (!extension.isEmpty())
                r.normalized += QLatin1Char('#') + extension;
            return r;
        }
        r.message =
            tr("A landline is an area code and a 7 or 8 digit number, e.g. 010-12345678 or 0755-1234567.");
        return r;
    }

    r.message = tr("Not a phone number: expect a mobile (13812345678) or a landline with its area code "
                   "(010-12345678).");
    return r;
}

QString Validation::phoneTail(QStringView phone)
{
    // Fast path for what the cache holds most: a normalised mobile number.
    if (phone.size() == 11 && allDigits(phone))
        return phone.right(4).toString();
    const PhoneCheck check = checkPhone(phone);
    if (check.valid && check.kind == PhoneKind::Landline)
        return check.normalized.section(QLatin1Char('#'), 0, 0).right(4); // the extension is not the tail
    QString digits;
    for (QChar c : phone) {
        if (c.isDigit())
            digits.append(QChar(QLatin1Char(char('0' + c.digitValue()))));
    }
    return digits.size() >= 4 ? digits.right(4) : QString();
}

QString Validation::maskPhone(QStringView phone)
{
    const PhoneCheck check = checkPhone(phone);
    if (check.valid && check.kind == PhoneKind::Mobile)
        return check.normalized.left(3) + QLatin1StringView("****") + check.normalized.right(4);
    if (check.valid && check.kind == PhoneKind::Landline) {
        const QString number = check.normalized.section(QLatin1Char('#'), 0, 0); // the extension is dropped
        const auto parts = number.split(QLatin1Char('-'));
        const QString &local = parts.at(1);
        return parts.at(0) + QLatin1Char('-') + QString(local.size() - 4, QLatin1Char('*')) + local.right(4);
    }
    // Unknown shape: never show more than the last four digits.
    const QString tail = phoneTail(phone);
    return tail.isEmpty() ? QStringLiteral("****") : QStringLiteral("****") + tail;
}

bool Validation::isPhoneTail(QStringView text)
{
    return text.size() == 4 && allDigits(text);
}

bool Validation::isTicketNumber(QStringView text)
{
    return matches("^C\\d{4}-\\d{6,}$", text.toString().toUpper());
}

QString Validation::unsafeCharacters(QStringView text)
{
    const auto hex = [](char16_t c) { return QString::number(int(c), 16).toUpper().rightJustified(4, u'0'); };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() &&
            QChar::isLowSurrogate(text.at(i + 1).unicode())) {
            ++i;
            continue;
        }
        if (QChar::isSurrogate(c))
            return tr("The text contains a broken character (an unpaired UTF-16 surrogate, U+%1, at position "
                      "%2).")
                .arg(hex(c))
                .arg(i + 1);
        if ((c < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') || (c >= 0x7f && c <= 0x9f))
            return tr("The text contains a control character (U+%1 at position %2); only tabs and line "
                      "breaks "
                      "are allowed.")
                .arg(hex(c))
                .arg(i + 1);
        if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
            return tr("The text contains a character that changes the writing direction (U+%1 at position "
                      "%2): it can make text read differently from what is stored.")
                .arg(hex(c))
                .arg(i + 1);
    }
    return {};
}

TextCheck Validation::checkText(QStringView input, int maxLength, bool required)
{
    TextCheck r;
    r.normalized = input.trimmed().toString();
    if (required && r.normalized.isEmpty()) {
        r.message = tr("This field is required.");
        return r;
    }
    if (r.normalized.size() > maxLength) {
        r.message = tr("At most %n character(s), please.", nullptr, maxLength);
        return r;
    }
    r.message = unsafeCharacters(r.normalized);
    r.valid = r.message.isEmpty();
    return r;
}

TextCheck Validation::checkCompensation(qint64 fen)
{
    TextCheck r;
    if (fen <= 0)
        r.message = tr("The compensation must be more than zero.");
    else if (fen > TicketRules::kMaxCompensationFen)
        r.message = tr("The compensation cannot be more than ¥%1.")
                        .arg(QLocale::c().toString(TicketRules::kMaxCompensationFen / 100));
    r.valid = r.message.isEmpty();
    return r;
}

} // namespace pd
