#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>

/**
 * @file
 * @brief Validation of what people type: waybill numbers, phone numbers, free text.
 *
 * Every check returns the normalised value on success and a translated message that tells the person what a
 * valid value looks like on failure. Nothing here touches storage.
 */

namespace pd {

enum class Carrier
{
    Unknown,
    SfExpress,   ///< SF + 12–15 digits
    JdLogistics, ///< JD + 10–18 letters or digits
    Yto,         ///< YT + 13 digits
    Numeric,     ///< 12–15 digits: ZTO, STO, Yunda or Best (the number alone does not tell which)
    UpuS10,      ///< two letters, 8 digits, a check digit, a two-letter country code (China Post / EMS)
};

struct WaybillCheck
{
    bool valid = false;
    Carrier carrier = Carrier::Unknown;
    QString normalized; ///< upper case, no spaces or dashes, half-width
    QString message;    ///< empty when valid
};

enum class PhoneKind
{
    Unknown,
    Mobile,
    Landline
};

struct PhoneCheck
{
    bool valid = false;
    PhoneKind kind = PhoneKind::Unknown;
    QString normalized; ///< mobile: 11 digits; landline: "0755-12345678" (an extension as "#123")
    QString message;
};

struct TextCheck
{
    bool valid = false;
    QString normalized; ///< trimmed
    QString message;
};

class Validation final
{
    Q_DECLARE_TR_FUNCTIONS(pd::Validation)
public:
    [[nodiscard]] static WaybillCheck checkWaybill(QStringView input);
    /// @brief The UPU S10 check digit of 8 serial digits, or -1 when the input is not 8 digits.
    [[nodiscard]] static int s10CheckDigit(QStringView eightDigits);
    [[nodiscard]] static QString carrierName(Carrier c);

    [[nodiscard]] static PhoneCheck checkPhone(QStringView input);
    /// @brief 138****5678 for mobiles, 0755-****5678 for landlines; keeps only the last four digits
    /// otherwise.
    [[nodiscard]] static QString maskPhone(QStringView phone);
    /// @brief The last four digits of a phone number (手机尾号), or empty when it has fewer than four.
    [[nodiscard]] static QString phoneTail(QStringView phone);
    /// @brief Exactly four digits: what agents type to search by a phone's last four digits.
    [[nodiscard]] static bool isPhoneTail(QStringView text);

    /// @brief Ticket numbers such as C2611-000123.
    [[nodiscard]] static bool isTicketNumber(QStringView text);

    /**
     * @brief Free text: trimmed, at most maxLength characters; required means not empty. Refused: control
     * characters (C0 but tab, line feed and carriage return; DEL; C1), characters that override, embed or
     * isolate the writing direction (U+202A–U+202E, U+2066–U+2069) and broken UTF-16 (unpaired surrogates).
     */
    [[nodiscard]] static TextCheck checkText(QStringView input, int maxLength, bool required);
    /// @brief Why @p text may not be stored (the characters checkText refuses), or empty when it may.
    [[nodiscard]] static QString unsafeCharacters(QStringView text);

    /// @brief A compensation amount in fen: more than zero and at most TicketRules::kMaxCompensationFen.
    [[nodiscard]] static TextCheck checkCompensation(qint64 fen);

    /// @brief Full-width to half-width, strip spaces and dashes, upper case: how identifiers are compared.
    [[nodiscard]] static QString normalizeIdentifier(QStringView input);
};

} // namespace pd
