#include "reports/csvwriter.h"

#include <QBuffer>
#include <QTest>

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
    QTest::newRow("plain") << u"延迟"_qs << u"延迟"_qs;
    QTest::newRow("comma") << u"a,b"_qs << u"\"a,b\""_qs;
    QTest::newRow("quote") << u"say \"hi\""_qs << u"\"say \"\"hi\"\"\""_qs;
    QTest::newRow("newline") << u"line1\nline2"_qs << u"\"line1\nline2\""_qs;
    QTest::newRow("formula") << u"=HYPERLINK(\"x\")"_qs << u"\"'=HYPERLINK(\"\"x\"\")\""_qs;
    QTest::newRow("at formula") << u"@SUM(A1)"_qs << u"'@SUM(A1)"_qs;
    QTest::newRow("negative number stays a number") << u"-12.5"_qs << u"-12.5"_qs;
    QTest::newRow("percent") << u"+3.2%"_qs << u"+3.2%"_qs;
    QTest::newRow("minus text") << u"-customer"_qs << u"'-customer"_qs;
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
    QVERIFY(csv.writeRow({u"类别"_qs, u"数量"_qs}));
    QVERIFY(csv.writeRow({u"配送延迟"_qs, u"45"_qs}));
    QVERIFY(csv.ok());
    QCOMPARE(buffer.data(), QByteArray("\xEF\xBB\xBF") + u"类别,数量\r\n配送延迟,45\r\n"_qs.toUtf8());
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
