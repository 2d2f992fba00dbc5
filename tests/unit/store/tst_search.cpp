#include "../../common/fixtures.h"
#include "models/store/cjktokenizer.h"
#include "models/store/database.h"
#include "models/store/ticketrepository.h"
#include "models/store/ticketsearch.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using pd::test::makeTicket;

class TestSearch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tokenizer_data();
    void tokenizer();
    void search_data();
    void search();
    void hostileStrings_data();
    void hostileStrings();
    void ftsExpressionQuotesEverything();
    void newestFirstAndLimit();

private:
    QList<QString> idsOf(const QList<SearchHit> &hits) const;
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

void TestSearch::initTestCase()
{
    QString error;
    m_db = Database::open(m_dir.filePath(u"cache.sqlite"_s), &error);
    QVERIFY2(m_db, qPrintable(error));
    TicketRepository repo(*m_db);
    QList<Ticket> tickets;
    const auto add = [&](int n, const char *description, const char *name, const char *phone,
                         const char *waybill) {
        Ticket t = makeTicket(n, QString::fromUtf8(description));
        t.customerName = QString::fromUtf8(name);
        t.customerPhone = QString::fromUtf8(phone);
        t.waybillNo = QString::fromUtf8(waybill);
        tickets.append(t);
    };
    add(1, "快递一直显示运输中，已经延迟三天了，客户很着急", "王芳", "13812345678", "SF1234567890123");
    add(2, "外包装破损严重，里面的陶瓷杯碎了", "李娜", "13987655678", "YT1234567890123");
    add(3, "快递员态度很差，电话里骂人", "欧阳修远", "010-62345678", "731234567890");
    add(4, "Parcel marked delivered but never arrived (OR was it stolen?) -- customer says \"NEAR\" the door",
        "John Smith", "+86 139 0000 1111", "EE123456785CN");
    add(5, "错发了别人的包裹：收到的是一双鞋子", "张伟", "0755-2345678", "JDVA01234567890");
    add(6, "价格 100% 不合理 a*b ^start (unbalanced", "赵敏", "15011112222", "SF1234567890999");
    QString error2;
    QVERIFY2(repo.upsert(tickets, &error2), qPrintable(error2));
    TicketEvent reply;
    reply.id = u"ev-1"_s;
    reply.ticketId = tickets[4].id;
    reply.kind = EventKind::Reply;
    reply.at = tickets[4].createdAt + 1000;
    reply.text = u"已安排补发，预计明天送达，并赠送优惠券"_s;
    QVERIFY(repo.upsertEvents({reply}, &error2));
}

QList<QString> TestSearch::idsOf(const QList<SearchHit> &hits) const
{
    TicketRepository repo(*m_db);
    QList<QString> ids;
    for (const SearchHit &h : hits)
        ids.append(repo.byPk(h.pk)->ticket.id);
    return ids;
}

void TestSearch::tokenizer_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("query");
    QTest::addColumn<QStringList>("tokens");
    QTest::newRow("cjk run, document")
        << u"包裹破损"_s << false << QStringList{u"包裹"_s, u"裹破"_s, u"破损"_s, u"损"_s};
    QTest::newRow("cjk run, query end")
        << u"包裹破损"_s << true << QStringList{u"包裹"_s, u"裹破"_s, u"破损"_s};
    QTest::newRow("single cjk") << u"损"_s << true << QStringList{u"损"_s};
    QTest::newRow("mixed") << u"破损SF123号"_s << true
                           << QStringList{u"破损"_s, u"损"_s, u"sf123"_s, u"号"_s};
    QTest::newRow("punctuation separates")
        << u"延迟，破损。"_s << false << QStringList{u"延迟"_s, u"迟"_s, u"破损"_s, u"损"_s};
    QTest::newRow("ascii folded") << u"Hello WORLD"_s << false << QStringList{u"hello"_s, u"world"_s};
    QTest::newRow("full-width folded") << u"ＳＦ１２３"_s << false << QStringList{u"sf123"_s};
    QTest::newRow("operators are separators")
        << u"a OR b* ^c (d) \"e\" -f"_s << true
        << QStringList{u"a"_s, u"or"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s};
    QTest::newRow("only punctuation") << u"\"*^()-:"_s << true << QStringList{};
}

void TestSearch::tokenizer()
{
    QFETCH(QString, text);
    QFETCH(bool, query);
    QFETCH(QStringList, tokens);
    QCOMPARE(CjkTokenizer::tokens(text, query ? CjkTokenizer::Mode::Query : CjkTokenizer::Mode::Document),
             tokens);
}

void TestSearch::search_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("ids"); // in result order
    QTest::addColumn<int>("firstField");
    const auto id = [](int n) { return makeTicket(n).id; };
    QTest::newRow("two-char word inside text: 延迟")
        << u"延迟"_s << QStringList{id(1)} << int(SearchHit::Field::Text);
    QTest::newRow("two-char word inside text: 破损")
        << u"破损"_s << QStringList{id(2)} << int(SearchHit::Field::Text);
    QTest::newRow("two-char word: 态度") << u"态度"_s << QStringList{id(3)} << int(SearchHit::Field::Text);
    QTest::newRow("one char") << u"碎"_s << QStringList{id(2)} << int(SearchHit::Field::Text);
    QTest::newRow("one char at end of run") << u"骂"_s << QStringList{id(3)} << int(SearchHit::Field::Text);
    QTest::newRow("longer phrase") << u"陶瓷杯碎了"_s << QStringList{id(2)} << int(SearchHit::Field::Text);
    QTest::newRow("phrase not present") << u"杯陶瓷"_s << QStringList{} << 0;
    QTest::newRow("two words AND") << u"快递 延迟"_s << QStringList{id(1)} << int(SearchHit::Field::Text);
    QTest::newRow("two words AND, one missing") << u"快递 破损"_s << QStringList{} << 0;
    QTest::newRow("customer name") << u"王芳"_s << QStringList{id(1)} << int(SearchHit::Field::Text);
    QTest::newRow("four-char name, part") << u"欧阳"_s << QStringList{id(3)} << int(SearchHit::Field::Text);
    QTest::newRow("english word, any case")
        << u"DELIVERED"_s << QStringList{id(4)} << int(SearchHit::Field::Text);
    QTest::newRow("english prefix") << u"deliv"_s << QStringList{id(4)} << int(SearchHit::Field::Text);
    QTest::newRow("phone tail, mobiles and landlines")
        << u"5678"_s << QStringList{id(5), id(3), id(2), id(1)} << int(SearchHit::Field::PhoneTail);
    QTest::newRow("phone tail, landline")
        << u"2222"_s << QStringList{id(6)} << int(SearchHit::Field::PhoneTail);
    QTest::newRow("phone full") << u"13812345678"_s << QStringList{id(1)} << int(SearchHit::Field::Phone);
    QTest::newRow("phone formatted") << u"138 1234 5678"_s << QStringList{id(1)}
                                     << int(SearchHit::Field::Phone);
    QTest::newRow("waybill exact") << u"YT1234567890123"_s << QStringList{id(2)}
                                   << int(SearchHit::Field::Waybill);
    QTest::newRow("waybill lower case")
        << u"ee123456785cn"_s << QStringList{id(4)} << int(SearchHit::Field::Waybill);
    QTest::newRow("waybill prefix") << u"SF12345678901"_s << QStringList{id(1)}
                                    << int(SearchHit::Field::Waybill);
    QTest::newRow("waybill prefix, two")
        << u"SF1234567890"_s << QStringList{id(1), id(6)} << int(SearchHit::Field::Waybill);
    QTest::newRow("ticket number") << u"C2611-000005"_s << QStringList{id(5)}
                                   << int(SearchHit::Field::Number);
    QTest::newRow("conversation") << u"补发"_s << QStringList{id(5)} << int(SearchHit::Field::Conversation);
    QTest::newRow("empty") << u"   "_s << QStringList{} << 0;
    QTest::newRow("nothing") << u"不存在的词"_s << QStringList{} << 0;
}

void TestSearch::search()
{
    QFETCH(QString, query);
    QFETCH(QStringList, ids);
    QFETCH(int, firstField);
    const auto hits = TicketSearch(*m_db).search(query);
    QCOMPARE(idsOf(hits), ids);
    if (!hits.isEmpty())
        QCOMPARE(int(hits.first().field), firstField);
}

void TestSearch::hostileStrings_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("ids");
    const auto id = [](int n) { return makeTicket(n).id; };
    // FTS5 syntax typed by a person is searched as plain text, never interpreted and never an error.
    QTest::newRow("double quote") << u"\""_s << QStringList{};
    QTest::newRow("quoted word") << u"\"NEAR\""_s << QStringList{id(4)};
    QTest::newRow("OR between words") << u"stolen OR 破损"_s << QStringList{};
    QTest::newRow("OR as a word") << u"OR"_s << QStringList{id(4)};
    QTest::newRow("NEAR()") << u"NEAR(parcel door)"_s << QStringList{};
    QTest::newRow("star alone") << u"*"_s << QStringList{};
    QTest::newRow("star suffix") << u"a*b"_s << QStringList{id(6)};
    QTest::newRow("leading minus") << u"-customer"_s << QStringList{id(4)};
    QTest::newRow("caret") << u"^start"_s << QStringList{id(6)};
    QTest::newRow("unbalanced paren") << u"(unbalanced"_s << QStringList{id(6)};
    QTest::newRow("closing paren") << u"arrived)"_s << QStringList{id(4)};
    QTest::newRow("column filter syntax") << u"description:破损"_s << QStringList{};
    QTest::newRow("column filter chars") << u"customer_name:王芳"_s << QStringList{};
    QTest::newRow("sql injection") << u"'; DROP TABLE tickets; --"_s << QStringList{};
    QTest::newRow("percent") << u"100%"_s << QStringList{id(6)};
    QTest::newRow("backslash") << u"\\"_s << QStringList{};
    QTest::newRow("nul") << QString(QChar(0)) << QStringList{};
}

void TestSearch::hostileStrings()
{
    QFETCH(QString, query);
    QFETCH(QStringList, ids);
    QCOMPARE(idsOf(TicketSearch(*m_db).search(query)), ids);
    TicketRepository repo(*m_db);
    QCOMPARE(repo.totalCount(), 6); // nothing was changed by the query
}

void TestSearch::ftsExpressionQuotesEverything()
{
    QCOMPARE(TicketSearch::ftsExpression(u"a OR b"_s), u"\"a\" \"OR\" \"b\"*"_s);
    QCOMPARE(TicketSearch::ftsExpression(u"say \"hi\""_s), u"\"say\" \"\"\"hi\"\"\"*"_s);
    QCOMPARE(TicketSearch::ftsExpression(u"( ) *"_s), QString());
    QCOMPARE(TicketSearch::highlightTerms(u"破损  -- 延迟"_s), QStringList({u"破损"_s, u"延迟"_s}));
}

void TestSearch::newestFirstAndLimit()
{
    QString error;
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(u"big.sqlite"_s), &error);
    TicketRepository repo(*db);
    QList<Ticket> tickets;
    for (int i = 0; i < 500; ++i)
        tickets.append(makeTicket(i, u"第%1单：包裹延迟"_s.arg(i)));
    QVERIFY(repo.upsert(tickets, &error));
    const auto hits = TicketSearch(*db).search(u"延迟"_s, 20);
    QCOMPARE(hits.size(), 20);
    QCOMPARE(repo.byPk(hits.first().pk)->ticket.id, tickets.last().id);
    QVERIFY(hits[0].pk > hits[1].pk);
}

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
