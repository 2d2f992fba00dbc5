#include "accesslogpage.h"

#include "accesslogmodel.h"
#include "models/domain/clock.h"
#include "models/domain/validation.h"
#include "ui/common/language.h"
#include "ui/common/serverlink.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
constexpr auto kEditFormat = "yyyy-MM-dd HH:mm";
constexpr int kDefaultDays = 7;
} // namespace

AccessLogPage::AccessLogPage(ServerLink *link, const QTimeZone &companyZone, const Clock &clock,
                             QWidget *parent)
    : QWidget(parent)
    , m_link(link)
    , m_zone(companyZone)
    , m_clock(clock)
    , m_model(new AccessLogModel(companyZone, this))
{
    buildUi();
}

AccessLogPage::~AccessLogPage() = default;

void AccessLogPage::buildUi()
{
    const auto label = [this](QWidget *buddy) {
        auto *l = new QLabel(this);
        l->setBuddy(buddy);
        m_labels.append(l);
        return l;
    };
    m_user = new QLineEdit(this);
    m_user->setClearButtonEnabled(true);
    m_phone = new QLineEdit(this);
    m_phone->setClearButtonEnabled(true);
    m_kind = new QComboBox(this);
    m_kind->addItem(QString(), QString());
    for (const QString &code : AccessLogModel::kindCodes())
        m_kind->addItem(QString(), code);
    // The range in the company's calendar: the last seven days until the end of today by default.
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), m_zone).date();
    m_fromOn = new QCheckBox(this);
    m_fromOn->setChecked(true);
    m_from = new QDateTimeEdit(QDateTime(today.addDays(-kDefaultDays), QTime(0, 0)), this);
    m_toOn = new QCheckBox(this);
    m_to = new QDateTimeEdit(QDateTime(today.addDays(1), QTime(0, 0)), this);
    for (QDateTimeEdit *e : {m_from, m_to}) {
        e->setDisplayFormat(QString::fromLatin1(kEditFormat));
        e->setCalendarPopup(true);
    }
    m_to->setEnabled(false);
    connect(m_fromOn, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toOn, &QCheckBox::toggled, m_to, &QWidget::setEnabled);

    m_search = new QPushButton(this);
    m_search->setDefault(true);
    m_more = new QPushButton(this);
    m_more->setEnabled(false);
    m_export = new QPushButton(this);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    auto *grid = new QGridLayout;
    grid->addWidget(label(m_user), 0, 0);
    grid->addWidget(m_user, 0, 1);
    grid->addWidget(label(m_phone), 0, 2);
    grid->addWidget(m_phone, 0, 3);
    grid->addWidget(label(m_kind), 0, 4);
    grid->addWidget(m_kind, 0, 5);
    grid->addWidget(m_fromOn, 1, 0);
    grid->addWidget(m_from, 1, 1);
    grid->addWidget(m_toOn, 1, 2);
    grid->addWidget(m_to, 1, 3);
    grid->addWidget(m_search, 1, 5);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_more);
    actions->addWidget(m_export);
    actions->addWidget(m_status, 1);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addLayout(actions);
    layout->addWidget(m_table, 1);

    connect(m_search, &QPushButton::clicked, this, &AccessLogPage::search);
    connect(m_user, &QLineEdit::returnPressed, this, &AccessLogPage::search);
    connect(m_phone, &QLineEdit::returnPressed, this, &AccessLogPage::search);
    connect(m_more, &QPushButton::clicked, this, &AccessLogPage::loadMore);
    connect(m_export, &QPushButton::clicked, this, &AccessLogPage::exportCsv);
    Language::follow(this, [this] { retranslate(); });
}

void AccessLogPage::retranslate()
{
    const QStringList names{tr("&User:"), tr("Customer &phone:"), tr("&Kind:")};
    for (int i = 0; i < names.size(); ++i)
        m_labels[i]->setText(names[i]);
    m_user->setPlaceholderText(tr("login or user id"));
    m_phone->setPlaceholderText(tr("e.g. 138 1234 5678"));
    m_kind->setItemText(0, tr("Any kind"));
    for (int i = 1; i < m_kind->count(); ++i)
        m_kind->setItemText(i, AccessLogModel::kindName(m_kind->itemData(i).toString()));
    m_fromOn->setText(tr("&From:"));
    m_toOn->setText(tr("&To:"));
    m_search->setText(tr("&Search"));
    m_more->setText(tr("Load &more"));
    m_export->setText(tr("&Export CSV…"));
    m_table->setAccessibleName(tr("Access log entries"));
    m_model->retranslate();
    showStatus();
}

std::optional<AccessLogQuery> AccessLogPage::queryFromFields()
{
    AccessLogQuery q;
    q.user = m_user->text().trimmed();
    const QString phone = m_phone->text().trimmed();
    if (!phone.isEmpty()) {
        const PhoneCheck check = Validation::checkPhone(phone);
        if (!check.valid) {
            m_error = check.message;
            showStatus();
            return std::nullopt;
        }
        q.phone = check.normalized;
    }
    q.kind = m_kind->currentData().toString();
    // Wall time in the company's zone, whatever this PC's zone is.
    const auto instant = [this](const QDateTimeEdit *e) {
        return QDateTime(e->date(), e->time(), m_zone).toMSecsSinceEpoch();
    };
    if (m_fromOn->isChecked())
        q.fromMs = instant(m_from);
    if (m_toOn->isChecked())
        q.toMs = instant(m_to);
    if (q.fromMs > 0 && q.toMs > 0 && q.toMs <= q.fromMs) {
        m_error = tr("The end of the time range must be after its start.");
        showStatus();
        return std::nullopt;
    }
    return q;
}

void AccessLogPage::search()
{
    const auto q = queryFromFields();
    if (!q)
        return;
    m_query = *q;
    m_query.limit = m_pageSize;
    fetch(m_query, false);
}

void AccessLogPage::loadMore()
{
    if (!m_searched || !m_hasMore || m_busy)
        return;
    AccessLogQuery q = m_query;
    q.beforeId = m_nextBefore;
    fetch(q, true);
}

void AccessLogPage::clear()
{
    ++m_generation;
    m_model->reset({});
    m_searched = false;
    m_hasMore = false;
    m_nextBefore = 0;
    m_error.clear();
    setBusy(false);
}

void AccessLogPage::fetch(const AccessLogQuery &query, bool append)
{
    if (!m_link)
        return;
    const int generation = ++m_generation;
    m_error.clear();
    setBusy(true);
    m_link->call([query](ApiClient *client) { return AuditApi(client).search(query); }, this,
                 [this, generation, append](const ApiResult &result) {
                     if (generation != m_generation)
                         return; // a newer search was started
                     setBusy(false);
                     const auto page = AuditApi::pageFrom(result);
                     if (!page) {
                         m_error = failure(result);
                         showStatus();
                         Q_EMIT loaded(false);
                         return;
                     }
                     if (append)
                         m_model->append(page->items);
                     else
                         m_model->reset(page->items);
                     m_searched = true;
                     m_hasMore = page->hasMore;
                     m_nextBefore = page->nextBefore;
                     showStatus();
                     Q_EMIT loaded(true);
                 });
}

void AccessLogPage::exportCsv()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the access log"),
                                                      QDir(dir).filePath(u"parceldesk-access-log.csv"_s),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsvTo(path);
}

void AccessLogPage::exportCsvTo(const QString &path)
{
    const auto query = queryFromFields();
    if (!query || !m_link)
        return;
    const int generation = ++m_generation;
    m_error.clear();
    setBusy(true);
    m_status->setText(tr("Exporting…"));
    m_link->call(
        [q = *query](ApiClient *client) { return AuditApi(client).searchCsv(q); }, this,
        [this, generation, path](const ApiResult &result) {
            if (generation == m_generation)
                setBusy(false);
            if (!result.ok() || result.raw.isEmpty()) {
                m_error = result.ok() ? tr("The server sent no CSV.") : failure(result);
                showStatus();
                Q_EMIT exported(false, path);
                return;
            }
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(result.raw) != result.raw.size() ||
                !file.commit()) {
                m_error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
                showStatus();
                Q_EMIT exported(false, path);
                return;
            }
            const int rows = int(qMax<qsizetype>(0, result.raw.count("\r\n") - 1));
            m_error.clear();
            m_status->setText(
                tr("%n entry(ies) saved to %1.", nullptr, rows).arg(QDir::toNativeSeparators(path)));
            Q_EMIT exported(true, path);
        });
}

void AccessLogPage::setBusy(bool busy)
{
    m_busy = busy;
    m_search->setEnabled(!busy);
    m_export->setEnabled(!busy);
    m_more->setEnabled(!busy && m_searched && m_hasMore);
    if (busy)
        m_status->setText(tr("Asking the server…"));
}

void AccessLogPage::showStatus()
{
    if (m_busy)
        return;
    m_more->setEnabled(m_searched && m_hasMore);
    if (!m_error.isEmpty()) {
        m_status->setText(m_error);
        return;
    }
    if (!m_searched) {
        m_status->setText(tr("Search the log of who revealed or exported customer data."));
        return;
    }
    const int shown = m_model->rowCount();
    m_status->setText(m_hasMore ? tr("%n entry(ies) shown; older ones: Load more.", nullptr, shown)
                                : tr("%n entry(ies) found.", nullptr, shown));
}

QString AccessLogPage::failure(const ApiResult &r)
{
    switch (r.status) {
    case 0:
        return tr("The server cannot be reached; the access log is kept on the server only.");
    case 401:
        return tr("Your session has ended: sign in again.");
    case 403:
        return tr("Only managers and administrators can read the access log.");
    case 400:
    case 422:
        return tr("The server did not accept the search: %1").arg(r.errorMessage);
    default:
        return tr("The access log could not be read (HTTP %1). %2").arg(r.status).arg(r.errorMessage);
    }
}

} // namespace pd
