#include "credentialstore.h"

#include <QLoggingCategory>
#include <QUrl>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcCredentials, "pd.sync.credentials", QtInfoMsg)

namespace pd {

CredentialStore::CredentialStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{}

QString CredentialStore::entryKey(const QString &serverUrl, const QString &user)
{
    // One spelling per server: scheme and host lower case, no trailing slash.
    QUrl url(serverUrl.trimmed());
    url.setPath(url.path().endsWith(QLatin1Char('/')) ? url.path().chopped(1) : url.path());
    return QStringLiteral("refresh-token|%1|%2")
        .arg(url.toString(QUrl::NormalizePathSegments), user.trimmed());
}

bool CredentialStore::noteResult(int error, const QString &message)
{
    using namespace QKeychain;
    const bool backendWorked = error == NoError || error == EntryNotFound || error == AccessDeniedByUser;
    if (backendWorked) {
        if (m_availability != Availability::Available) {
            m_availability = Availability::Available;
            m_reason.clear();
            Q_EMIT availabilityChanged(m_availability);
        }
        return true;
    }
    // Once the keychain has worked in this session, a later failure is that job's problem, not a missing
    // backend.
    if (m_availability != Availability::Available &&
        (error == NoBackendAvailable || error == NotImplemented || error == OtherError)) {
        m_availability = Availability::Unavailable;
        m_reason =
            tr("No keychain is available on this computer (%1). You can sign in, but ParcelDesk cannot "
               "remember you: you will be asked for your password at every start.")
                .arg(message);
        qCWarning(lcCredentials).noquote() << "keychain unavailable:" << message;
        Q_EMIT availabilityChanged(m_availability);
    }
    return false;
}

void CredentialStore::store(const QString &serverUrl, const QString &user, const QString &secret)
{
    if (m_availability == Availability::Unavailable) {
        Q_EMIT stored(false, m_reason);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryKey(serverUrl, user));
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError;
        noteResult(j->error(), j->errorString());
        Q_EMIT stored(ok, ok ? QString() : (m_reason.isEmpty() ? j->errorString() : m_reason));
    });
    job->start();
}

void CredentialStore::load(const QString &serverUrl, const QString &user)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryKey(serverUrl, user));
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        const bool worked = noteResult(j->error(), j->errorString());
        const bool found = j->error() == QKeychain::NoError;
        Q_EMIT loaded(found ? read->textData() : QString(), found,
                      worked ? QString() : (m_reason.isEmpty() ? j->errorString() : m_reason));
    });
    job->start();
}

void CredentialStore::remove(const QString &serverUrl, const QString &user)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryKey(serverUrl, user));
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *j) {
        // Deleting what is not there leaves the wanted state: no entry.
        const bool ok = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        const bool worked = noteResult(j->error(), j->errorString());
        Q_EMIT removed(ok, worked ? QString() : (m_reason.isEmpty() ? j->errorString() : m_reason));
    });
    job->start();
}

} // namespace pd
