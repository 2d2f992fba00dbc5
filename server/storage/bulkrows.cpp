#include "bulkrows.h"

#include <QMetaType>

namespace pd::server {

namespace {

void appendQuoted(QString &out, QStringView value)
{
    out += QLatin1Char('"');
    qsizetype from = 0; // runs without a quote or backslash are appended whole
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value[i];
        if (c == QLatin1Char('"') || c == QLatin1Char('\\')) {
            out += value.sliced(from, i - from);
            out += QLatin1Char('\\');
            from = i;
        }
    }
    out += value.sliced(from);
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
    case QMetaType::QString:
        appendQuoted(out, *static_cast<const QString *>(v.constData()));
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
    for (qsizetype i = 0; i < columns(); ++i)
        casts.append(QStringLiteral("CAST($%1 AS %2[])").arg(i + 1).arg(types.at(i)));
    return into + QStringLiteral(" SELECT *") + constants + QStringLiteral(" FROM unnest(") +
           casts.join(QStringLiteral(", ")) + QLatin1Char(')') + tail;
}

QByteArrayList BulkRows::arrays(const QVariantList &binds, qsizetype first, qsizetype count) const
{
    QByteArrayList out;
    out.reserve(columns());
    QString array; // one conversion to UTF-8 per column: far cheaper than one per value
    for (qsizetype c = 0; c < columns(); ++c) {
        array.clear();
        array += QLatin1Char('{');
        for (qsizetype r = first; r < first + count; ++r) {
            if (r > first)
                array += QLatin1Char(',');
            appendElement(array, binds.at(r * columns() + c));
        }
        array += QLatin1Char('}');
        out.append(array.toUtf8());
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
