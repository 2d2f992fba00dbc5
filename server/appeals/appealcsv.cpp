#include "appealcsv.h"

#include "server/importer/csvreader.h"

#include "models/domain/entities.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {

const QHash<QString, QString> &headerNames()
{
    static const QHash<QString, QString> names{
        {u"申诉编号"_s, u"appeal_no"_s},   {u"转办时间"_s, u"forwarded_at"_s},
        {u"转办单位"_s, u"office"_s},      {u"运单号"_s, u"waybill_no"_s},
        {u"申诉人"_s, u"customer_name"_s}, {u"联系电话"_s, u"customer_phone"_s},
        {u"申诉内容"_s, u"description"_s}, {u"申诉类别"_s, u"category"_s},
    };
    return names;
}

} // namespace

QString AppealCsv::forwardedAt(const QString &text)
{
    const QString t = text.trimmed();
    if (const OptInstant iso = instantFromIso(t))
        return instantToIso(*iso);
    static const QTimeZone beijing("Asia/Shanghai");
    for (const QString &format : {u"yyyy-MM-dd HH:mm:ss"_s, u"yyyy-MM-dd HH:mm"_s, u"yyyy/M/d H:mm:ss"_s,
                                  u"yyyy/M/d H:mm"_s, u"yyyy-MM-ddTHH:mm:ss"_s}) {
        QDateTime dt = QDateTime::fromString(t, format);
        if (dt.isValid()) {
            dt = QDateTime(dt.date(), dt.time(), beijing);
            return instantToIso(dt.toMSecsSinceEpoch());
        }
    }
    return t;
}

QString AppealCsv::category(const QString &text)
{
    const QString t = text.trimmed();
    if (fromCode<Category>(t))
        return t;
    const std::pair<const char16_t *, Category> keywords[] = {
        {u"延误", Category::Delay},     {u"延迟", Category::Delay},     {u"损毁", Category::Damage},
        {u"破损", Category::Damage},    {u"丢失", Category::Loss},      {u"短少", Category::Loss},
        {u"错投", Category::WrongItem}, {u"内件", Category::WrongItem}, {u"服务", Category::Service},
        {u"态度", Category::Service},
    };
    for (const auto &[word, category] : keywords) {
        if (t.contains(QStringView(word)))
            return toCode(category);
    }
    return toCode(Category::Other);
}

bool AppealCsv::read(const QByteArray &data, QList<Row> *rows, QString *error)
{
    QList<CsvReader::Row> records;
    if (!CsvReader::parse(data, &records, error))
        return false;
    if (records.isEmpty()) {
        *error = tr("The file is empty: the first line must name the columns.");
        return false;
    }
    QStringList header;
    for (const QString &h : records.first().fields)
        header.append(headerNames().value(h.trimmed(), h.trimmed()));
    for (const char *required : {"appeal_no", "forwarded_at", "description"}) {
        if (!header.contains(QLatin1StringView(required))) {
            *error = tr("Line 1: the column %1 is missing (申诉编号, 转办时间 and 申诉内容 are required).")
                         .arg(QLatin1StringView(required));
            return false;
        }
    }
    for (qsizetype i = 1; i < records.size(); ++i) {
        QJsonObject o = CsvReader::object(header, records.at(i).fields);
        if (o.isEmpty())
            continue; // a blank line
        if (o.contains("forwarded_at"_L1))
            o.insert(u"forwarded_at"_s, forwardedAt(o.value("forwarded_at"_L1).toString()));
        if (o.contains("category"_L1))
            o.insert(u"category"_s, category(o.value("category"_L1).toString()));
        rows->append({records.at(i).line, o});
    }
    return true;
}

} // namespace pd::server
