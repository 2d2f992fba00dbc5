#pragma once

#include "kpitypes.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

/**
 * @file
 * @brief The regulator's figures of appeals forwarded through 12305 (邮政业用户申诉, docs/kpi.md "Regulator
 * figures"): appeals and at-fault appeals (有效申诉) per million parcels, answered on time, by problem type,
 * category, station and month.
 */

namespace pd {

class Database;

/// @brief The problem types of the State Post Bureau's monthly bulletin, mapped from the ticket categories.
enum class AppealProblem
{
    Delay,        ///< 延误: delay
    LossShortage, ///< 丢失短少: loss, wrong or missing item
    Damage,       ///< 损毁: damage
    Service,      ///< 服务 (投递/收寄服务): service attitude
    Other         ///< 其他
};
inline constexpr int kAppealProblemCount = 5;

/// @brief The answer clocks of an appeal, in days (configurable; docs/kpi.md).
struct AppealTerms
{
    int answerDays = 15; ///< from forwarding to the company's answer
    int redoDays = 5;    ///< from the regulator's rejection to the new answer
};

/// @brief Appeal counts of one group (a period, a problem type, a station, a month).
struct AppealCounts
{
    qint64 appeals = 0;        ///< forwarded in the period
    qint64 atFault = 0;        ///< of them, the company was at fault (有效申诉)
    qint64 answeredOnTime = 0; ///< answered by the deadline
    qint64 answeredLate = 0;   ///< answered after the deadline
    qint64 overdue = 0;        ///< not answered, deadline passed
    qint64 open = 0;           ///< not answered, deadline still ahead
    qint64 parcels = 0;        ///< parcels picked up (the volume aggregates); 0: unknown

    [[nodiscard]] qint64 late() const { return answeredLate + overdue; }
    /// @brief Answered on time ÷ decided (on time, late, or unanswered past the deadline).
    [[nodiscard]] KpiRatio onTime() const { return {answeredOnTime, answeredOnTime + late()}; }
    /// @brief appeals ÷ parcels × 1,000,000; undefined without parcels.
    [[nodiscard]] std::optional<double> perMillion() const;
    [[nodiscard]] std::optional<double> atFaultPerMillion() const;
    void add(const AppealCounts &o);
};

/// @brief One appeal of the period with its deadline and outcome.
struct AppealRow
{
    QString ticketId;
    QString ticketNumber;
    QString appealNumber;
    QString office;
    Category category = Category::Other;
    QString stationId;
    QString stationName;
    qint64 forwardedAt = 0;
    std::optional<qint64> answeredAt; ///< the answer the deadline judges; unset while a new one is awaited
    qint64 deadline = 0;
    int rejections = 0;
    std::optional<bool> atFault;
    QString faultReason;
    /// @brief Answered after the deadline, or unanswered past it at "now".
    bool late = false;
    /// @brief How far past the deadline the answer came (or "now" is, when unanswered); 0 when on time.
    qint64 lateMs = 0;
};

/// @brief A group of appeals with its counts: a problem type, a category, a station or a month.
struct AppealGroup
{
    QString key;  ///< problem / category code, station id, or "2026-11"
    QString name; ///< for people (translated type, station name, the month)
    AppealCounts counts;
};

/// @brief Everything the regulator figures say about one period.
struct RegulatorFigures
{
    qint64 from = 0;
    qint64 to = 0;
    qint64 now = 0;
    AppealCounts total;
    QList<AppealGroup> byProblem;  ///< the five bulletin types, in the enum's order
    QList<AppealGroup> byCategory; ///< every ticket category
    QList<AppealGroup> byStation;  ///< the parcel's station; most at-fault appeals per million first
    QList<AppealRow> appeals;      ///< every appeal of the period, forwarded first first
    /// @brief The appeals answered late or unanswered past their deadline.
    [[nodiscard]] QList<AppealRow> lateAppeals() const;
};

/**
 * @brief Reads the regulator figures from the cache: the appeal tickets (source regulator_appeal, their
 * appeal JSON) and the parcel volume aggregates. Belongs to the thread of its Database.
 */
class RegulatorQueries final
{
    Q_DECLARE_TR_FUNCTIONS(pd::RegulatorQueries)
public:
    RegulatorQueries(const Database &db, const QTimeZone &companyZone, const AppealTerms &terms = {});

    /// @brief The figures of appeals forwarded in [from, to) (a team's tickets only when @p teamId is set).
    [[nodiscard]] std::optional<RegulatorFigures> figures(qint64 from, qint64 to, qint64 now,
                                                          const QString &teamId = {}) const;
    /// @brief Totals per company-time month, @p months months ending with the month of @p lastMonth.
    [[nodiscard]] std::optional<QList<AppealGroup>> byMonth(QDate lastMonth, int months, qint64 now,
                                                            const QString &teamId = {}) const;
    [[nodiscard]] const QString &lastError() const { return m_error; }

    /// @brief The bulletin's problem type of a ticket category.
    [[nodiscard]] static AppealProblem problemOf(Category category);
    /// @brief "延误", "Delay", … (translated).
    [[nodiscard]] static QString displayName(AppealProblem problem);
    [[nodiscard]] static QString code(AppealProblem problem);
    /**
     * @brief The answer deadline of @p appeal: forwarded + answerDays, or, once the regulator rejected an
     * answer, rejected + redoDays: 24:00 of the last of those natural days in @p zone (day 1 is the day
     * after the start).
     */
    [[nodiscard]] static qint64 answerDeadline(const Appeal &appeal, const AppealTerms &terms,
                                               const QTimeZone &zone);
    /// @brief [from, to) of the company-time month holding @p day.
    [[nodiscard]] static std::pair<qint64, qint64> monthPeriod(QDate day, const QTimeZone &zone);

private:
    [[nodiscard]] std::optional<QList<AppealRow>> readAppeals(qint64 from, qint64 to, qint64 now,
                                                              const QString &teamId) const;
    /// Parcels picked up per station in [from, to) from the volume aggregates; "" holds the total.
    [[nodiscard]] std::optional<QHash<QString, qint64>> readParcels(qint64 from, qint64 to) const;

    const Database &m_db;
    QTimeZone m_zone;
    AppealTerms m_terms;
    mutable QString m_error;
};

} // namespace pd
