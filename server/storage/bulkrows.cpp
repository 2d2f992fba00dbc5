#include "bulkrows.h"

#include <QMetaType>

namespace pd::server {

namespace {

void appendQuoted(QString &out, const QString &value)
{
    out += QLatin1Char('"');
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    out += QLatin1Char('"');
}

void appendElement(QString &out, const QVariant &v)
{
    if (v.isNull()) {
        out += QLatin1StringView("NULL");
        return;
    }
    switch (v.metaType().id()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Bool:
        out += QString::number(v.toLongLong());
        return;
    case QMetaType::Double:
    case QMetaType::Float:
        out += QString::number(v.toDouble(), 'g', 17);
        return;
    default:
        appendQuoted(out, v.toString());
    }
}

} // namespace

QString BulkRows::valuesSql(qsizetype rows) const
{
    QStringList marks(columns(), QStringLiteral("?"));
    const QString row = QLatin1Char('(') + marks.join(QStringLiteral(", ")) + constants + QLatin1Char(')');
    return into + QStringLiteral(" VALUES ") + QStringList(rows, row).join(QStringLiteral(", ")) + tail;
}

QString BulkRows::unnestSql() const
{
    QStringList casts;
    casts.reserve(columns());
    for (const QString &type : types)
        casts.append(QStringLiteral("CAST(? AS %1[])").arg(type));
    return into + QStringLiteral(" SELECT *") + constants + QStringLiteral(" FROM unnest(") +
           casts.join(QStringLiteral(", ")) + QLatin1Char(')') + tail;
}

QVariantList BulkRows::arrays(const QVariantList &binds, qsizetype first, qsizetype count) const
{
    QVariantList out;
    out.reserve(columns());
    for (qsizetype c = 0; c < columns(); ++c) {
        QString array;
        array.reserve(count * 8);
        array += QLatin1Char('{');
        for (qsizetype r = first; r < first + count; ++r) {
            if (r > first)
                array += QLatin1Char(',');
            appendElement(array, binds.at(r * columns() + c));
        }
        array += QLatin1Char('}');
        out.append(array);
    }
    return out;
}

QString pgTextArray(const QStringList &values)
{
    QString out;
    qsizetype size = 2;
    for (const QString &v : values)
        size += v.size() + 3;
    out.reserve(size + size / 16);
    out += QLatin1Char('{');
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        appendQuoted(out, values.at(i));
    }
    out += QLatin1Char('}');
    return out;
}

} // namespace pd::server
