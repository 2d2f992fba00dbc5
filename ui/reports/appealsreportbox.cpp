#include "appealsreportbox.h"

#include "models/domain/clock.h"
#include "models/store/database.h"
#include "reports/appealsexporter.h"
#include "ui/common/language.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

constexpr int kMonthsOffered = 24;

} // namespace

AppealsReportBox::AppealsReportBox(const Database &db, const QTimeZone &companyZone, const Clock &clock,
                                   QWidget *parent)
    : QGroupBox(parent)
    , m_db(db)
    , m_zone(companyZone)
    , m_clock(clock)
{
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    m_monthLabel = new QLabel(this);
    m_month = new QComboBox(this);
    // This month (partial) first, then the last full month, selected, and the ones before.
    QDate m = MonthlyAppealsBuilder::lastFullMonth(clock.nowMs(), companyZone).addMonths(1);
    for (int i = 0; i <= kMonthsOffered; ++i, m = m.addMonths(-1))
        m_month->addItem(QString(), m);
    m_month->setCurrentIndex(1);
    m_monthLabel->setBuddy(m_month);
    m_pdf = new QPushButton(this);
    m_xlsx = new QPushButton(this);
    row->addWidget(m_monthLabel);
    row->addWidget(m_month);
    row->addWidget(m_pdf);
    row->addWidget(m_xlsx);
    row->addStretch();
    layout->addLayout(row);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    setTabOrder(m_month, m_pdf);
    setTabOrder(m_pdf, m_xlsx);
    connect(m_pdf, &QPushButton::clicked, this, [this] { startExport(int(ReportFormat::Pdf)); });
    connect(m_xlsx, &QPushButton::clicked, this, [this] { startExport(int(ReportFormat::Xlsx)); });
    Language::follow(this, [this] { setTexts(); });
}

AppealsReportBox::~AppealsReportBox()
{
    if (m_thread)
        m_thread->wait();
}

void AppealsReportBox::setTexts()
{
    setTitle(tr("Monthly appeals report"));
    m_monthLabel->setText(tr("Appeals &month:"));
    for (int i = 0; i < m_month->count(); ++i)
        m_month->setItemText(i, QLocale().toString(m_month->itemData(i).toDate(), u"yyyy-MM (MMMM)"_s));
    m_month->setAccessibleName(tr("Month of the appeals report"));
    m_pdf->setText(tr("Export appeals &PDF"));
    m_xlsx->setText(tr("Export appeals &XLSX"));
    const QString hint = tr("Appeals forwarded by the postal regulator in the month, in the structure of the "
                            "State Post Bureau's monthly bulletin; written into the folder above.");
    m_pdf->setToolTip(hint);
    m_xlsx->setToolTip(hint);
    if (m_statusText)
        m_status->setText(m_statusText());
}

QDate AppealsReportBox::month() const
{
    return m_month->currentData().toDate();
}

void AppealsReportBox::setMonth(QDate month)
{
    const QDate first(month.year(), month.month(), 1);
    int i = m_month->findData(first);
    if (i < 0) {
        m_month->addItem(QLocale().toString(first, u"yyyy-MM (MMMM)"_s), first);
        i = m_month->count() - 1;
    }
    m_month->setCurrentIndex(i);
}

void AppealsReportBox::startExport(int formats)
{
    if (m_thread && m_thread->isRunning())
        return; // one export at a time
    const QString path = m_db.path();
    const QString folder = m_folder;
    const QString team = m_team;
    const QString company = m_company;
    const QDate month = this->month();
    const QTimeZone zone = m_zone;
    const qint64 now = m_clock.nowMs();
    QPointer<AppealsReportBox> self(this);
    m_pdf->setEnabled(false);
    m_xlsx->setEnabled(false);
    m_statusText = [month] {
        return tr("Writing the appeals report of %1…").arg(month.toString(u"yyyy-MM"_s));
    };
    m_status->setText(m_statusText());
    QThread *thread = QThread::create([=] {
        ExportResult result;
        QString error;
        if (auto db = Database::open(path, &error); !db) {
            result.ok = false;
            result.error = error;
        } else {
            const MonthlyAppealsBuilder builder(*db, zone);
            const auto report = builder.build(month, team, company, now);
            if (report)
                result = AppealsExporter(*report).run(formats, folder);
            else
                result = {false, false, {}, builder.lastError(), 0, 0};
        }
        QMetaObject::invokeMethod(
            qApp,
            [self, result] {
                if (!self)
                    return;
                self->m_pdf->setEnabled(true);
                self->m_xlsx->setEnabled(true);
                self->m_statusText = [result] {
                    return result.ok ? tr("Written: %1").arg(result.files.join(u", "_s))
                                     : tr("Export failed: %1").arg(result.error);
                };
                self->m_status->setText(self->m_statusText());
                Q_EMIT self->exportFinished(result.ok, result.files, result.error);
            },
            Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_thread = thread;
    thread->start();
}

} // namespace pd
