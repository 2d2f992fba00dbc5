#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

namespace pd::server {

/**
 * @brief The regulator's export of forwarded appeals as CSV (docs/appeals.md, "CSV import").
 *
 * Columns by their Chinese headers (申诉编号, 转办时间, 转办单位, 运单号, 申诉人, 联系电话, 申诉内容,
 * 申诉类别) or the API's names (appeal_no, forwarded_at, office, waybill_no, customer_name, customer_phone,
 * description, category); other columns are ignored. 转办时间 without a zone ("2026-10-09 10:00:00",
 * "2026/10/9 10:00") is Beijing time. 申诉类别 maps by keywords (延误 → delay, 损毁/破损 → damage,
 * 丢失/短少 → loss, 错投/内件 → wrong_item, 服务/态度 → service, else other) or takes a category code.
 */
class AppealCsv final
{
    Q_DECLARE_TR_FUNCTIONS(pd::server::AppealCsv)
public:
    struct Row
    {
        int line = 0;       ///< 1-based line where the record starts
        QJsonObject appeal; ///< the API's fields, for AppealService::parse()
    };
    /// @brief Reads the file; false with a message when it is not CSV or lacks a required column.
    [[nodiscard]] static bool read(const QByteArray &data, QList<Row> *rows, QString *error);
    /// @brief 转办时间 as an ISO instant (Beijing time when it has no zone); the text itself when unreadable.
    [[nodiscard]] static QString forwardedAt(const QString &text);
    /// @brief A category code from the regulator's 申诉类别 (or a code).
    [[nodiscard]] static QString category(const QString &text);
};

} // namespace pd::server
