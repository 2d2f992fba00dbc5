#include "models/domain/validation.h"

#include <QTest>

using namespace pd;

class TestValidation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void waybill_data();
    void waybill();
    void s10CheckDigit_data();
    void s10CheckDigit();
    void phone_data();
    void phone();
    void mask_data();
    void mask();
    void phoneTail();
    void ticketNumber();
    void text();
};

void TestValidation::waybill_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("carrier");
    QTest::addColumn<QString>("normalized");

    const auto add = [](const char *name, const char *in, bool ok, Carrier c, const char *norm) {
        QTest::newRow(name) << QString::fromUtf8(in) << ok << int(c) << QString::fromUtf8(norm);
    };
    // SF Express: SF + 12–15 digits
    add("sf 12 digits", "SF123456789012", true, Carrier::SfExpress, "SF123456789012");
    add("sf 15 digits", "SF123456789012345", true, Carrier::SfExpress, "SF123456789012345");
    add("sf lower case spaced", " sf 1234 5678 9012 ", true, Carrier::SfExpress, "SF123456789012");
    add("sf full-width", "ＳＦ１２３４５６７８９０１２", true, Carrier::SfExpress, "SF123456789012");
    add("sf 11 digits", "SF12345678901", false, Carrier::SfExpress, "SF12345678901");
    add("sf 16 digits", "SF1234567890123456", false, Carrier::SfExpress, "SF1234567890123456");
    add("sf letter inside", "SF12345678901A", false, Carrier::SfExpress, "SF12345678901A");
    // JD: JD + letters/digits
    add("jd", "JDVA01234567890", true, Carrier::JdLogistics, "JDVA01234567890");
    add("jd digits", "JD0012345678901", true, Carrier::JdLogistics, "JD0012345678901");
    add("jd too short", "JD12345", false, Carrier::JdLogistics, "JD12345");
    add("jd punctuation", "JD12345678_901", false, Carrier::JdLogistics, "JD12345678_901");
    // YTO: YT + 13 digits
    add("yto", "YT1234567890123", true, Carrier::Yto, "YT1234567890123");
    add("yto dashed", "YT-1234-5678-90123", true, Carrier::Yto, "YT1234567890123");
    add("yto 12 digits", "YT123456789012", false, Carrier::Yto, "YT123456789012");
    add("yto 14 digits", "YT12345678901234", false, Carrier::Yto, "YT12345678901234");
    // ZTO, STO, Yunda, Best: 12–15 digits
    add("numeric 12", "731234567890", true, Carrier::Numeric, "731234567890");
    add("numeric 15", "432109876543210", true, Carrier::Numeric, "432109876543210");
    add("numeric 11", "73123456789", false, Carrier::Numeric, "73123456789");
    add("numeric 16", "7312345678901234", false, Carrier::Numeric, "7312345678901234");
    // UPU S10 (China Post / EMS / international)
    add("s10 check 5", "EE123456785CN", true, Carrier::UpuS10, "EE123456785CN");
    add("s10 check 9", "RR473124829CN", true, Carrier::UpuS10, "RR473124829CN");
    add("s10 remainder 0 gives 5", "EA000000005CN", true, Carrier::UpuS10, "EA000000005CN");
    add("s10 remainder 1 gives 0", "EE000000080CN", true, Carrier::UpuS10, "EE000000080CN");
    add("s10 lower case", "ee123456785cn", true, Carrier::UpuS10, "EE123456785CN");
    add("s10 wrong check", "EE123456784CN", false, Carrier::UpuS10, "EE123456784CN");
    add("s10 swapped digits", "EE213456785CN", false, Carrier::UpuS10, "EE213456785CN");
    add("s10 starting SF", "SF123456785CN", true, Carrier::UpuS10, "SF123456785CN");
    // nothing known
    add("empty", "", false, Carrier::Unknown, "");
    add("spaces only", "   ", false, Carrier::Unknown, "");
    add("letters", "HELLO", false, Carrier::Unknown, "HELLO");
    add("chinese", "顺丰快递", false, Carrier::Unknown, "顺丰快递");
    add("sql", "1'; DROP TABLE tickets;--", false, Carrier::Unknown, "1';DROPTABLETICKETS;");
}

void TestValidation::waybill()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(int, carrier);
    QFETCH(QString, normalized);
    const WaybillCheck r = Validation::checkWaybill(input);
    QCOMPARE(r.valid, valid);
    QCOMPARE(int(r.carrier), carrier);
    QCOMPARE(r.normalized, normalized);
    QCOMPARE(r.message.isEmpty(), valid); // every refusal says why
}

void TestValidation::s10CheckDigit_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<int>("check");
    QTest::newRow("12345678") << QStringLiteral("12345678") << 5;
    QTest::newRow("47312482") << QStringLiteral("47312482") << 9;
    QTest::newRow("sum 0 -> 5") << QStringLiteral("00000000") << 5;
    QTest::newRow("sum mod 11 = 1 -> 0") << QStringLiteral("00000008") << 0;
    QTest::newRow("00000001") << QStringLiteral("00000001") << 4;
    QTest::newRow("too short") << QStringLiteral("1234567") << -1;
    QTest::newRow("letters") << QStringLiteral("1234567A") << -1;
}

void TestValidation::s10CheckDigit()
{
    QFETCH(QString, digits);
    QFETCH(int, check);
    QCOMPARE(Validation::s10CheckDigit(digits), check);
}

void TestValidation::phone_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("normalized");
    const auto add = [](const char *name, const char *in, bool ok, PhoneKind k, const char *norm) {
        QTest::newRow(name) << QString::fromUtf8(in) << ok << int(k) << QString::fromUtf8(norm);
    };
    add("mobile", "13812345678", true, PhoneKind::Mobile, "13812345678");
    add("mobile 19x", "19912345678", true, PhoneKind::Mobile, "19912345678");
    add("mobile spaced", "138 1234 5678", true, PhoneKind::Mobile, "13812345678");
    add("mobile dashed", "138-1234-5678", true, PhoneKind::Mobile, "13812345678");
    add("mobile +86", "+86 138 1234 5678", true, PhoneKind::Mobile, "13812345678");
    add("mobile 0086", "008613812345678", true, PhoneKind::Mobile, "13812345678");
    add("mobile full-width", "１３８１２３４５６７８", true, PhoneKind::Mobile, "13812345678");
    add("mobile 12x", "12812345678", false, PhoneKind::Mobile, "");
    add("mobile 10 digits", "1381234567", false, PhoneKind::Mobile, "");
    add("mobile 12 digits", "138123456789", false, PhoneKind::Mobile, "");
    add("beijing", "010-62345678", true, PhoneKind::Landline, "010-62345678");
    add("shanghai brackets", "(021)87654321", true, PhoneKind::Landline, "021-87654321");
    add("shenzhen 7 digit local", "0755 2345678", true, PhoneKind::Landline, "0755-2345678");
    add("guangzhou ext", "020-88889999转123", true, PhoneKind::Landline, "020-88889999#123");
    add("beijing +86", "+86 10 62345678", true, PhoneKind::Landline, "010-62345678");
    add("landline local starts 0", "010-02345678", false, PhoneKind::Landline, "");
    add("landline too short", "0755-12345", false, PhoneKind::Landline, "");
    add("landline bad 3-digit area", "019-62345678", false, PhoneKind::Landline, "");
    add("empty", "", false, PhoneKind::Unknown, "");
    add("letters", "138abc45678", false, PhoneKind::Unknown, "");
    add("short", "5678", false, PhoneKind::Unknown, "");
}

void TestValidation::phone()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(int, kind);
    QFETCH(QString, normalized);
    const PhoneCheck r = Validation::checkPhone(input);
    QCOMPARE(r.valid, valid);
    QCOMPARE(int(r.kind), kind);
    if (valid)
        QCOMPARE(r.normalized, normalized);
    QCOMPARE(r.message.isEmpty(), valid);
}

void TestValidation::mask_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("masked");
    QTest::newRow("mobile") << QStringLiteral("13812345678") << QStringLiteral("138****5678");
    QTest::newRow("mobile formatted") << QStringLiteral("+86 138-1234-5678") << QStringLiteral("138****5678");
    QTest::newRow("landline 8") << QStringLiteral("010-62345678") << QStringLiteral("010-****5678");
    QTest::newRow("landline 7") << QStringLiteral("0755-2345678") << QStringLiteral("0755-***5678");
    QTest::newRow("unknown keeps tail only")
        << QStringLiteral("+1 212 555 0199") << QStringLiteral("****0199");
    QTest::newRow("too short") << QStringLiteral("12") << QStringLiteral("****");
    QTest::newRow("empty") << QString() << QStringLiteral("****");
}

void TestValidation::mask()
{
    QFETCH(QString, input);
    QFETCH(QString, masked);
    QCOMPARE(Validation::maskPhone(input), masked);
    // the middle digits never survive masking
    if (input.size() >= 11)
        QVERIFY(!Validation::maskPhone(input).contains(QStringLiteral("1234")));
}

void TestValidation::phoneTail()
{
    QCOMPARE(Validation::phoneTail(u"13812345678"), QStringLiteral("5678"));
    QCOMPARE(Validation::phoneTail(u"0755-2345678"), QStringLiteral("5678"));
    QCOMPARE(Validation::phoneTail(u"020-88889999#123"), QStringLiteral("9999"));
    QCOMPARE(Validation::phoneTail(u"12"), QString());
    QVERIFY(Validation::isPhoneTail(u"5678"));
    QVERIFY(!Validation::isPhoneTail(u"567"));
    QVERIFY(!Validation::isPhoneTail(u"56a8"));
    QVERIFY(!Validation::isPhoneTail(u"56789"));
}

void TestValidation::ticketNumber()
{
    QVERIFY(Validation::isTicketNumber(u"C2611-000123"));
    QVERIFY(Validation::isTicketNumber(u"c2611-000123"));
    QVERIFY(!Validation::isTicketNumber(u"C2611000123"));
    QVERIFY(!Validation::isTicketNumber(u"X2611-000123"));
}

void TestValidation::text()
{
    QVERIFY(!Validation::checkText(u"   ", 10, true).valid);
    QVERIFY(Validation::checkText(u"   ", 10, false).valid);
    QCOMPARE(Validation::checkText(u"  包裹破损  ", 10, true).normalized, QStringLiteral("包裹破损"));
    const TextCheck tooLong = Validation::checkText(QString(11, QLatin1Char('x')), 10, true);
    QVERIFY(!tooLong.valid);
    QVERIFY(!tooLong.message.isEmpty());
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
