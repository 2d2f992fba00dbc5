// Customer data at rest in the cache (docs/architecture.md, "Customer data at rest"): sealed values, keyed
// search tokens, what the files hold, binding a key to an older, a plain or a foreign cache, a locked cache.
#include "../../common/fixtures.h"
#include "models/store/cachecipher.h"
#include "models/store/cachecrypto.h"
#include "models/store/cachekeys.h"
#include "models/store/database.h"
#include "models/store/localedits.h"
#include "models/store/orphanevents.h"
#include "models/store/outboxrepository.h"
#include "models/store/parcelrepository.h"
#include "models/store/syncstaterepository.h"
#include "models/store/ticketrepository.h"
#include "models/store/ticketsearch.h"

#include <QDirIterator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using pd::test::makeTicket;

class TestCacheCrypto : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void sealAndOpen();
    void tokensAreKeyed();
    void filesHoldNoCustomerDataInClear();
    void plainModeWritesClearText();
    void encryptedSearch_data();
    void encryptedSearch();
    void lockedCacheShowsAndWritesNothing();
    void clearCacheIsSealedInPlace();
    void rekeyKeepsEverything();
    void foreignKeyForgetsOrStaysLocked();

private:
    /// Writes a ticket, its parcel and tracking, a queued new ticket, a waiting event and a conflict, each
    /// naming its customer; returns the strings that must never be in the files in clear.
    QByteArrayList fill(const Database &db);
    /// Every file under the cache's folder, checkpointed first, as bytes.
    QByteArray allFiles(const Database &db) const;
    [[nodiscard]] QString path(const QString &name = u"cache.sqlite"_s) const
    {
        return m_dir->filePath(name);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCacheCrypto::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    CacheKeys::setEncryptionDisabled(false);
}

void TestCacheCrypto::cleanup()
{
    CacheKeys::setEncryptionDisabled(false);
}

void TestCacheCrypto::sealAndOpen()
{
    const auto key = CacheCipher::fromKey(CacheCipher::randomKey());
    const auto other = CacheCipher::fromKey(CacheCipher::randomKey());
    QVERIFY(key && other);
    QVERIFY(key->check() != other->check());
    QCOMPARE(key->check().size(), 32);

    const QVariant sealed = key->seal(u"王芳"_s, SealedField::CustomerName);
    QCOMPARE(sealed.typeId(), QMetaType::QByteArray);
    QVERIFY(!sealed.toByteArray().contains(QByteArrayView("王芳")));
    // A fresh nonce every time: equal names do not give equal values.
    QVERIFY(key->seal(u"王芳"_s, SealedField::CustomerName) != sealed);

    bool ok = false;
    QCOMPARE(key->open(sealed, SealedField::CustomerName, &ok), u"王芳"_s);
    QVERIFY(ok);
    // Another key, another kind of field, a changed byte: nothing opens.
    QCOMPARE(other->open(sealed, SealedField::CustomerName, &ok), QString());
    QVERIFY(!ok);
    QCOMPARE(key->open(sealed, SealedField::CustomerPhone, &ok), QString());
    QVERIFY(!ok);
    QByteArray tampered = sealed.toByteArray();
    tampered[tampered.size() - 3] = char(tampered.at(tampered.size() - 3) ^ 1);
    QCOMPARE(key->open(QVariant(tampered), SealedField::CustomerName, &ok), QString());
    QVERIFY(!ok);
    // Text in clear (an older cache) reads as it is; the empty string stays ''.
    QCOMPARE(key->open(QVariant(u"李娜"_s), SealedField::CustomerName, &ok), u"李娜"_s);
    QVERIFY(ok);
    QCOMPARE(key->seal(QString(), SealedField::CustomerName).typeId(), QMetaType::QString);
    // Plain (encryption off) writes text and cannot open sealed values.
    QCOMPARE(CacheCipher::plain()->seal(u"王芳"_s, SealedField::CustomerName), QVariant(u"王芳"_s));
    QCOMPARE(CacheCipher::plain()->open(sealed, SealedField::CustomerName, &ok), QString());
    QVERIFY(!ok);
    QVERIFY(!CacheCipher::fromKey(QByteArray(16, 'x')));
}

void TestCacheCrypto::tokensAreKeyed()
{
    const auto key = CacheCipher::fromKey(CacheCipher::randomKey());
    const auto other = CacheCipher::fromKey(CacheCipher::randomKey());
    const QByteArray t = key->token("t5678");
    QCOMPARE(t.size(), 12);
    QCOMPARE(key->token("t5678"), t);    // deterministic under one key: searchable
    QVERIFY(other->token("t5678") != t); // meaningless without it
    for (char c : t)
        QVERIFY((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7')); // a plain FTS5 ascii word, no '1'
}

QByteArrayList TestCacheCrypto::fill(const Database &db)
{
    QString error;
    Ticket t = makeTicket(1, u"包裹延迟三天"_s);
    t.customerName = u"欧阳娜娜"_s;
    t.customerPhone = u"13912345678"_s;
    TicketRepository tickets(db);
    if (!tickets.upsert({t}, &error))
        qFatal("upsert: %s", qPrintable(error));
    Parcel p;
    p.waybillNo = t.waybillNo;
    p.originAddress = u"上海市发货仓七号库"_s;
    p.destinationAddress = u"杭州市文三路478号1102室"_s;
    TrackingEvent e;
    e.id = u"tr-1"_s;
    e.waybillNo = t.waybillNo;
    e.at = t.createdAt;
    e.status = ParcelStatus::Delivered;
    e.place = p.destinationAddress;
    e.text = u"已签收 · 杭州市文三路478号1102室"_s;
    ParcelRepository parcels(db);
    if (!parcels.upsert({p}, &error) || !parcels.upsertTracking({e}, &error))
        qFatal("parcels: %s", qPrintable(error));

    ManualClock clock(1795000000000LL);
    LocalEdits edits(db, clock);
    Ticket draft = makeTicket(2);
    draft.customerName = u"司马光明"_s;
    draft.customerPhone = u"13787654321"_s;
    if (!edits.createTicket(draft, &error))
        qFatal("create: %s", qPrintable(error));
    // A customer's phone changed here and refused by the server: a parked edit with a reason.
    if (!edits.updateTicket(t.id, {{u"customer_phone"_s, u"15811112222"_s}}, &error))
        qFatal("update: %s", qPrintable(error));
    const auto queued = OutboxRepository(db).forTicket(t.id);
    if (queued.isEmpty() || !edits.reject(queued.last().seq, u"号码 15811112222 无效"_s, &error))
        qFatal("reject: %s", qPrintable(error));

    TicketEvent waiting;
    waiting.id = u"ev-w"_s;
    waiting.ticketId = u"t-unknown"_s;
    waiting.kind = EventKind::Reply;
    waiting.text = u"诸葛亮亮您好，请拨打 13600001111"_s;
    if (!OrphanEvents(db).keep({waiting}, &error))
        qFatal("orphan: %s", qPrintable(error));

    Ticket server = makeTicket(3);
    server.customerName = u"慕容复兴"_s;
    server.customerPhone = u"18900002222"_s;
    if (!tickets.upsert({server}, &error) ||
        !edits.updateTicket(server.id, {{u"customer_name"_s, u"慕容复兴二"_s}}, &error))
        qFatal("conflict setup: %s", qPrintable(error));
    const auto patch = OutboxRepository(db).forTicket(server.id);
    server.version = 2;
    if (!edits.conflict(patch.last().seq, server, &error))
        qFatal("conflict: %s", qPrintable(error));
    if (edits.conflicts().size() != 1)
        qFatal("no conflict");

    return {"欧阳娜娜",    "13912345678", "上海市发货仓七号库", "杭州市文三路478号",
            "司马光明",    "13787654321", "15811112222",        "诸葛亮亮",
            "13600001111", "慕容复兴",    "18900002222",        "5678"};
}

QByteArray TestCacheCrypto::allFiles(const Database &db) const
{
    execSql(db.handle(), "PRAGMA wal_checkpoint(PASSIVE)", nullptr);
    QByteArray all;
    QDirIterator it(m_dir->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

void TestCacheCrypto::filesHoldNoCustomerDataInClear()
{
    QString error;
    auto db = Database::open(path(), &error);
    QVERIFY2(db, qPrintable(error));
    QVERIFY(db->cipher() && db->cipher()->encrypts()); // tests get a key of this process
    const QByteArrayList secrets = fill(*db);
    const QByteArray files = allFiles(*db);
    QVERIFY(files.size() > 100000);
    for (const QByteArray &s : secrets) {
        if (s == "5678")
            continue; // four digits occur in any file; the tail is checked below
        QVERIFY2(!files.contains(s), s.constData());
    }
    QSqlQuery q(db->connection());
    QVERIFY(q.exec(u"SELECT count(*) FROM tickets WHERE phone_tail <> ''"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    // Everything still reads back through the repositories.
    const auto row = TicketRepository(*db).byId(makeTicket(1).id);
    QCOMPARE(row->ticket.customerName, u"欧阳娜娜"_s);
    QCOMPARE(ParcelRepository(*db).byWaybill(row->ticket.waybillNo)->destinationAddress,
             u"杭州市文三路478号1102室"_s);
    QCOMPARE(ParcelRepository(*db).tracking(row->ticket.waybillNo).value(0).place,
             u"杭州市文三路478号1102室"_s);
    const auto refused = LocalEdits(*db, ManualClock(0)).refused(row->ticket.id);
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused[0].payload.value(u"customer_phone"_s).toString(), u"15811112222"_s);
    QCOMPARE(refused[0].lastError, u"号码 15811112222 无效"_s);
    QCOMPARE(LocalEdits(*db, ManualClock(0)).conflicts().value(0).serverCopy.customerName, u"慕容复兴"_s);
    QStringList adopted;
    Ticket waitingFor = makeTicket(4);
    waitingFor.id = u"t-unknown"_s;
    waitingFor.number = u"C2611-999999"_s;
    QVERIFY(TicketRepository(*db).upsert({waitingFor}, &error));
    QVERIFY(OrphanEvents(*db).adopt({waitingFor.id}, &adopted, &error));
    QCOMPARE(TicketRepository(*db).events(waitingFor.id).value(0).text,
             u"诸葛亮亮您好，请拨打 13600001111"_s);
    // Free text is sealed as well, and its index holds keyed tokens: a reply that names the customer, or a
    // complaint with a phone number in it, is not readable either.
    const QByteArray after = allFiles(*db);
    for (const char *s : {"诸葛亮亮", "13600001111", "包裹延迟三天", "延迟"})
        QVERIFY2(!after.contains(s), s);
    QCOMPARE(TicketSearch(*db).search(u"包裹延迟"_s).size(), 1);
    QCOMPARE(TicketSearch(*db).search(u"诸葛"_s).value(0).field, SearchHit::Field::Conversation);
}

void TestCacheCrypto::plainModeWritesClearText()
{
    // The diagnostic switch: the same writes, in clear. Proves the check above can see clear text.
    CacheKeys::setEncryptionDisabled(true);
    QString error;
    auto db = Database::open(path(), &error);
    QVERIFY2(db, qPrintable(error));
    QVERIFY(!db->cipher()->encrypts());
    QCOMPARE(CacheCrypto::storedCheck(*db), u"plain"_s);
    fill(*db);
    const QByteArray files = allFiles(*db);
    for (const char *s : {"欧阳娜娜", "13912345678", "杭州市文三路478号", "司马光明", "13787654321",
                          "15811112222", "慕容复兴"})
        QVERIFY2(files.contains(s), s);
    // Searching works the same way.
    QCOMPARE(TicketSearch(*db).search(u"欧阳"_s).size(), 1);
}

void TestCacheCrypto::encryptedSearch_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QList<int>>("tickets"); // makeTicket numbers, newest first
    QTest::addColumn<int>("field");
    QTest::newRow("two-character name") << u"王芳"_s << QList<int>{3, 1} << int(SearchHit::Field::Text);
    QTest::newRow("part of a three-character name")
        << u"晓明"_s << QList<int>{2} << int(SearchHit::Field::Text);
    QTest::newRow("whole three-character name")
        << u"张晓明"_s << QList<int>{2} << int(SearchHit::Field::Text);
    QTest::newRow("not a neighbour pair") << u"张明"_s << QList<int>{} << 0;
    QTest::newRow("one character") << u"芳"_s << QList<int>{3, 1} << int(SearchHit::Field::Text);
    QTest::newRow("latin prefix") << u"smi"_s << QList<int>{4} << int(SearchHit::Field::Text);
    QTest::newRow("latin words") << u"john smith"_s << QList<int>{4} << int(SearchHit::Field::Text);
    QTest::newRow("latin inside a word") << u"mith"_s << QList<int>{} << 0;
    QTest::newRow("phone tail") << u"5678"_s << QList<int>{3, 1} << int(SearchHit::Field::PhoneTail);
    QTest::newRow("landline tail") << u"4321"_s << QList<int>{4} << int(SearchHit::Field::PhoneTail);
    QTest::newRow("full phone") << u"13812345678"_s << QList<int>{1} << int(SearchHit::Field::Phone);
    QTest::newRow("formatted phone") << u"+86 138 1234 5678"_s << QList<int>{1}
                                     << int(SearchHit::Field::Phone);
    QTest::newRow("name and complaint merge newest first")
        << u"破损"_s << QList<int>{4, 2} << int(SearchHit::Field::Text);
    QTest::newRow("waybill") << makeTicket(2).waybillNo << QList<int>{2} << int(SearchHit::Field::Waybill);
}

void TestCacheCrypto::encryptedSearch()
{
    QFETCH(QString, query);
    QFETCH(QList<int>, tickets);
    QFETCH(int, field);
    QString error;
    auto db = Database::open(path(), &error);
    QVERIFY2(db, qPrintable(error));
    QList<Ticket> rows;
    const auto add = [&](int n, const char *name, const char *phone, const char *text) {
        Ticket t = makeTicket(n, QString::fromUtf8(text));
        t.customerName = QString::fromUtf8(name);
        t.customerPhone = QString::fromUtf8(phone);
        rows.append(t);
    };
    add(1, "王芳", "13812345678", "包裹延迟");
    add(2, "张晓明", "13900000000", "外箱破损");
    add(3, "王芳", "15000005678", "没有派送");
    add(4, "John Smith", "010-87654321", "破损严重");
    QVERIFY2(TicketRepository(*db).upsert(rows, &error), qPrintable(error));
    const auto hits = TicketSearch(*db).search(query);
    QList<int> found;
    for (const SearchHit &h : hits)
        found.append(TicketRepository(*db).byPk(h.pk)->ticket.number.right(6).toInt());
    QCOMPARE(found, tickets);
    if (!hits.isEmpty())
        QCOMPARE(int(hits.first().field), field);
}

void TestCacheCrypto::lockedCacheShowsAndWritesNothing()
{
    QString error;
    {
        auto db = Database::open(path(), &error);
        fill(*db);
        // Sealed under a key another process held (a console's, from its keychain).
        QVERIFY(CacheCrypto::bind(*db, CacheCipher::fromKey(CacheCipher::randomKey()),
                                  CacheCrypto::Foreign::Forget) == CacheCrypto::Outcome::Sealed);
        db->keySlot().set(nullptr); // that process ended
    }
    auto db = Database::open(path(), &error);
    QVERIFY2(db, qPrintable(error));
    QVERIFY(!db->cipher()); // a tool never binds its own key over someone's data
    const auto row = TicketRepository(*db).byId(makeTicket(1).id);
    QVERIFY(row);
    QCOMPARE(row->ticket.customerName, QString());
    QCOMPARE(row->ticket.description, QString()); // free text is sealed too
    QCOMPARE(row->ticket.waybillNo, makeTicket(1).waybillNo);
    QVERIFY(TicketSearch(*db).search(u"欧阳娜娜"_s).isEmpty());
    QVERIFY(!TicketRepository(*db).upsert({makeTicket(9)}, &error));
    QVERIFY2(error.contains(u"locked"_s), qPrintable(error));
    QCOMPARE(TicketRepository(*db).totalCount(), 3); // nothing was written, in clear or otherwise
}

void TestCacheCrypto::clearCacheIsSealedInPlace()
{
    // A cache written in clear (encryption off, or schema 7) gets a key: sealed in place, vacuumed.
    QString error;
    CacheKeys::setEncryptionDisabled(true);
    auto db = Database::open(path(), &error);
    fill(*db);
    QVERIFY(allFiles(*db).contains("欧阳娜娜"));
    CacheKeys::setEncryptionDisabled(false);
    const auto key = CacheCipher::fromKey(CacheCipher::randomKey());
    QString message;
    QCOMPARE(CacheCrypto::bind(*db, key, CacheCrypto::Foreign::Forget, &message),
             CacheCrypto::Outcome::Sealed);
    QVERIFY(!message.isEmpty());
    QCOMPARE(CacheCrypto::storedCheck(*db), key->check());
    const QByteArray files = allFiles(*db);
    for (const char *s : {"欧阳娜娜", "13912345678", "杭州市文三路478号", "司马光明", "13787654321",
                          "15811112222", "诸葛亮亮", "慕容复兴"})
        QVERIFY2(!files.contains(s), s);
    const auto made = TicketSearch(*db).search(u"司马"_s); // the ticket made here (a client id)
    QCOMPARE(made.size(), 1);
    QCOMPARE(TicketRepository(*db).byPk(made[0].pk)->ticket.customerName, u"司马光明"_s);
    QCOMPARE(OutboxRepository(*db).count(), 2); // the create, and the refused edit parked: both readable
    for (const OutboxItem &item : OutboxRepository(*db).all())
        QVERIFY(!item.unreadable && !item.payload.isEmpty());
    // Binding the same key again does nothing.
    QCOMPARE(CacheCrypto::bind(*db, key, CacheCrypto::Foreign::Forget), CacheCrypto::Outcome::Ready);
}

void TestCacheCrypto::rekeyKeepsEverything()
{
    // A test's (or a session's) key, then the user's: re-sealed, nothing lost, nothing pulled again.
    QString error;
    auto db = Database::open(path(), &error);
    fill(*db);
    QVERIFY(SyncStateRepository(*db).setCursor(u"c1.99"_s));
    const auto user = CacheCipher::fromKey(CacheCipher::randomKey());
    QCOMPARE(CacheCrypto::bind(*db, user, CacheCrypto::Foreign::Forget), CacheCrypto::Outcome::Sealed);
    QCOMPARE(db->cipher(), user);
    QCOMPARE(TicketRepository(*db).totalCount(), 3);
    // (its phone as edited here, the edit refused and waiting for the server's copy)
    QCOMPARE(TicketRepository(*db).byId(makeTicket(1).id)->ticket.customerPhone, u"15811112222"_s);
    QCOMPARE(TicketSearch(*db).search(u"15811112222"_s).size(), 1);
    QCOMPARE(TicketSearch(*db).search(u"欧阳娜娜"_s).size(), 1);
    QCOMPARE(SyncStateRepository(*db).cursor(), u"c1.99"_s);
    QCOMPARE(LocalEdits(*db, ManualClock(0)).conflicts().size(), 1);
}

void TestCacheCrypto::foreignKeyForgetsOrStaysLocked()
{
    QString error;
    auto db = Database::open(path(), &error);
    fill(*db);
    QVERIFY(SyncStateRepository(*db).setCursor(u"c1.99"_s));
    const auto mine = db->cipher();
    db->keySlot().set(nullptr); // this process no longer holds the key (a restart without a keychain)
    const auto next = CacheCipher::fromKey(CacheCipher::randomKey());

    QCOMPARE(CacheCrypto::bind(*db, next, CacheCrypto::Foreign::Keep), CacheCrypto::Outcome::Locked);
    QCOMPARE(TicketRepository(*db).totalCount(), 3);
    QCOMPARE(db->cipher(), nullptr);

    QString message;
    QCOMPARE(CacheCrypto::bind(*db, next, CacheCrypto::Foreign::Forget, &message),
             CacheCrypto::Outcome::Forgotten);
    QVERIFY(message.contains(u"downloaded again"_s));
    QCOMPARE(TicketRepository(*db).totalCount(), 0);
    QCOMPARE(ParcelRepository(*db).count(), 0);
    QCOMPARE(OrphanEvents(*db).size(), 0);
    QCOMPARE(SyncStateRepository(*db).cursor(), QString()); // a full pull brings it back
    // The queued edits stay, unreadable: the engine parks them with the reason instead of sending them.
    const auto items = OutboxRepository(*db).all();
    QCOMPARE(items.size(), 2);
    for (const OutboxItem &item : items)
        QVERIFY(item.unreadable && item.payload.isEmpty());
    // The cache works with the new key.
    QVERIFY(TicketRepository(*db).upsert({makeTicket(8)}, &error));
    QCOMPARE(TicketSearch(*db).search(u"李娜"_s).size(), 1);
    Q_UNUSED(mine)
}

QTEST_GUILESS_MAIN(TestCacheCrypto)
#include "tst_cachecrypto.moc"
