#pragma once

#include "models/domain/entities.h"
#include "models/domain/validation.h"
#include "stats.h"

#include <QList>
#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace pd::bench {

/**
 * @brief Deterministic, believable tickets for benchmarks: the category mix of docs/domain.md (delay 45%,
 * damage and loss 30%, service and other the rest), Chinese names and complaint texts, valid phones and
 * waybills.
 */
class TicketGenerator final
{
public:
    explicit TicketGenerator(quint32 seed = 20261123)
        : m_rng(seed)
    {}

    Ticket next(int n)
    {
        static const QStringList surnames =
            QString::fromUtf8(
                "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 "
                "彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 欧阳 司马")
                .split(QLatin1Char(' '));
        static const QStringList given =
            QString::fromUtf8("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 霞 平 刚 桂英 华 建国 "
                              "志强 晓东 海燕 雪梅 子涵 浩然 思远 佳怡 一鸣 雨萱 梓轩")
                .split(QLatin1Char(' '));
        static const QStringList delay =
            QString::fromUtf8("快递显示运输中已经三天没有更新，承诺时效早就过了|"
                              "包裹一直延迟派送，客户明天要出差|物流停在中转站不动了，催了好几次|"
                              "说好的次日达现在还没到，客户很着急|派送延误，快递员说网点爆仓")
                .split(QLatin1Char('|'));
        static const QStringList damage =
            QString::fromUtf8("外包装破损严重，里面的陶瓷杯碎了|收到时箱子被压坏，电视屏幕有裂痕|"
                              "包裹受潮，衣服发霉|易碎品没有按要求包装，玻璃破损")
                .split(QLatin1Char('|'));
        static const QStringList loss =
            QString::fromUtf8("显示已签收但本人没有收到，怀疑丢件|包裹在运输途中丢失，物流信息中断|"
                              "快递柜里找不到包裹，疑似被冒领")
                .split(QLatin1Char('|'));
        static const QStringList service =
            QString::fromUtf8(
                "快递员态度很差，电话里骂人|没有打电话就直接放在门口|客服电话一直打不通，投诉无人处理")
                .split(QLatin1Char('|'));
        static const QStringList other =
            QString::fromUtf8("错发了别人的包裹，收到的是一双鞋子|少发了一件商品，订单是三件|"
                              "要求修改收货地址|询问保价赔偿标准")
                .split(QLatin1Char('|'));

        Ticket t;
        t.id = QStringLiteral("bench-%1").arg(n, 8, 10, QLatin1Char('0'));
        t.number = QStringLiteral("C26%1-%2").arg(10 + n % 3).arg(n, 6, 10, QLatin1Char('0'));
        t.waybillNo = waybill(n);
        const int c = int(m_rng.bounded(100));
        const QStringList *texts = &other;
        if (c < 45) {
            t.category = Category::Delay;
            texts = &delay;
        } else if (c < 60) {
            t.category = Category::Damage;
            texts = &damage;
        } else if (c < 75) {
            t.category = Category::Loss;
            texts = &loss;
        } else if (c < 88) {
            t.category = Category::Service;
            texts = &service;
        } else {
            t.category = c < 94 ? Category::WrongItem : Category::Other;
        }
        t.description =
            texts->at(int(m_rng.bounded(texts->size()))) + QStringLiteral("，运单 %1").arg(t.waybillNo);
        t.customerName =
            surnames.at(int(m_rng.bounded(surnames.size()))) + given.at(int(m_rng.bounded(given.size())));
        t.customerPhone = QStringLiteral("1%1%2")
                              .arg(3 + m_rng.bounded(7))
                              .arg(m_rng.bounded(1000000000u), 9, 10, QLatin1Char('0'));
        t.channel = Channel(m_rng.bounded(6));
        t.priority = Priority(m_rng.bounded(4));
        t.status = TicketStatus(m_rng.bounded(6));
        t.teamId = QStringLiteral("team-%1").arg(m_rng.bounded(4));
        t.assigneeId = QStringLiteral("u-agent%1").arg(m_rng.bounded(40));
        t.createdAt = 1790000000000LL + qint64(n) * 6000;
        t.firstResponseAt = t.createdAt + qint64(m_rng.bounded(3600)) * 1000;
        t.version = 1;
        t.updatedAt = *t.firstResponseAt;
        return t;
    }

    QList<Ticket> batch(int first, int count)
    {
        QList<Ticket> out;
        out.reserve(count);
        for (int i = first; i < first + count; ++i)
            out.append(next(i));
        return out;
    }

    static QString waybill(int n)
    {
        switch (n % 4) {
        case 0:
            return QStringLiteral("SF%1").arg(1400000000000LL + n);
        case 1:
            return QStringLiteral("YT%1").arg(7300000000000LL + n);
        case 2:
            return QString::number(431000000000LL + n);
        default: {
            const QString serial = QStringLiteral("%1").arg(n % 100000000, 8, 10, QLatin1Char('0'));
            return QStringLiteral("EE") + serial + QString::number(Validation::s10CheckDigit(serial)) +
                   QStringLiteral("CN");
        }
        }
    }

private:
    QRandomGenerator m_rng;
};

} // namespace pd::bench
