#include "sync/credentialstore.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;

// Run twice by CTest: inside a private D-Bus session with gnome-keyring (PD_KEYCHAIN=available), and with no
// D-Bus at all (PD_KEYCHAIN=unavailable). Each run asserts the behaviour of its own environment.
class TestCredentialStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void entryKeyHasNoSecret();
    void roundTrip();
    void noKeychainIsExplainedAndNothingStored();

private:
    QString m_mode;
};

static const QString kServer = u"https://pd.example:8470/"_s;
static const QString kSecret = u"rt_5f2c9a0e1b7d4c3a8e6f0b1c2d3e4f5a"_s;

void TestCredentialStore::initTestCase()
{
    m_mode = qEnvironmentVariable("PD_KEYCHAIN");
    QVERIFY2(m_mode == u"available"_s || m_mode == u"unavailable"_s,
             "run through CTest: PD_KEYCHAIN must say which keychain environment this is");
}

void TestCredentialStore::entryKeyHasNoSecret()
{
    QCOMPARE(CredentialStore::entryKey(kServer, u"agent1"_s),
             u"refresh-token|https://pd.example:8470|agent1"_s);
    QCOMPARE(CredentialStore::entryKey(u"https://pd.example:8470"_s, u" agent1 "_s),
             CredentialStore::entryKey(kServer, u"agent1"_s));
}

void TestCredentialStore::roundTrip()
{
    if (m_mode != u"available"_s)
        QSKIP("this run has no D-Bus session: the keychain round trip runs in the with-keyring run");
    {
        CredentialStore store;
        QSignalSpy stored(&store, &CredentialStore::stored);
        store.store(kServer, u"agent1"_s, kSecret);
        QVERIFY(stored.wait(10000));
        QCOMPARE(stored.at(0).at(0).toBool(), true);
        QCOMPARE(store.availability(), CredentialStore::Availability::Available);
    }
    // A new store object (as after a restart) reads it back from the keychain, not from memory.
    CredentialStore store;
    QSignalSpy loaded(&store, &CredentialStore::loaded);
    store.load(kServer, u"agent1"_s);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.at(0).at(0).toString(), kSecret);
    QCOMPARE(loaded.at(0).at(1).toBool(), true);
    // Another user of the same server has no entry, and that is not an error.
    store.load(kServer, u"agent2"_s);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.at(1).at(1).toBool(), false);
    QCOMPARE(loaded.at(1).at(2).toString(), QString());
    // Logout deletes it.
    QSignalSpy removed(&store, &CredentialStore::removed);
    store.remove(kServer, u"agent1"_s);
    QVERIFY(removed.wait(10000));
    QCOMPARE(removed.at(0).at(0).toBool(), true);
    store.load(kServer, u"agent1"_s);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.at(2).at(1).toBool(), false);
}

void TestCredentialStore::noKeychainIsExplainedAndNothingStored()
{
    if (m_mode != u"unavailable"_s)
        QSKIP("this run has a keychain: the no-keychain path runs in the without-dbus run");
    CredentialStore store;
    QSignalSpy changed(&store, &CredentialStore::availabilityChanged);
    QSignalSpy loaded(&store, &CredentialStore::loaded);
    store.load(kServer, u"agent1"_s);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.at(0).at(1).toBool(), false);
    QVERIFY(!loaded.at(0).at(2).toString().isEmpty());
    QCOMPARE(store.availability(), CredentialStore::Availability::Unavailable);
    QCOMPARE(changed.count(), 1);
    QVERIFY2(store.unavailableReason().contains(u"password at every start"_s),
             qPrintable(store.unavailableReason()));

    // Storing is refused at once (session-only sign-in), and no file anywhere in HOME holds the secret.
    QSignalSpy stored(&store, &CredentialStore::stored);
    store.store(kServer, u"agent1"_s, kSecret);
    QCOMPARE(stored.count(), 1);
    QCOMPARE(stored.at(0).at(0).toBool(), false);
    const QString home = qEnvironmentVariable("PD_TEST_HOME");
    QVERIFY(!home.isEmpty());
    QDirIterator it(home, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains(kSecret.toUtf8()), qPrintable(f.fileName()));
    }
}

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
