#include "reports/csvwriter.h"

#include <QBuffer>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;

class TestCsvWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void escape_data();
    void escape();
    void fileHasBomAndCrlf();
};

void TestCsvWriter::escape_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("plain") << u"延迟"_s << u"延迟"_s;
    QTest::newRow("comma") << u"a,b"_s << u"\"a,b\""_s;
    QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("newline") << u"line1\nline2"_s << u"\"line1\nline2\""_s;
    QTest::newRow("formula") << u"=HYPERLINK(\"x\")"_s << u"\"'=HYPERLINK(\"\"x\"\")\""_s;
    QTest::newRow("at formula") << u"@SUM(A1)"_s << u"'@SUM(A1)"_s;
    QTest::newRow("negative number stays a number") << u"-12.5"_s << u"-12.5"_s;
    QTest::newRow("percent") << u"+3.2%"_s << u"+3.2%"_s;
    QTest::newRow("minus text") << u"-customer"_s << u"'-customer"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestCsvWriter::escape()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(CsvWriter::escape(in), out);
}

void TestCsvWriter::fileHasBomAndCrlf()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter csv(&buffer);
    QVERIFY(csv.writeRow({u"类别"_s, u"数量"_s}));
    QVERIFY(csv.writeRow({u"配送延迟"_s, u"45"_s}));
    QVERIFY(csv.ok());
    QCOMPARE(buffer.data(), QByteArray("\xEF\xBB\xBF") + u"类别,数量\r\n配送延迟,45\r\n"_s.toUtf8());
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
