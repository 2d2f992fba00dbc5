#include "democity.h"

#include "models/domain/validation.h"

#include <QHashFunctions>

#include <cmath>

namespace pd::server {

const QList<DemoCity::Place> &DemoCity::stations()
{
    static const QList<Place> list{
        {QStringLiteral("西湖文三路网点"), {30.2790, 120.1290}},
        {QStringLiteral("拱墅大关网点"), {30.3130, 120.1500}},
        {QStringLiteral("上城湖滨网点"), {30.2560, 120.1680}},
        {QStringLiteral("滨江长河网点"), {30.1900, 120.2110}},
        {QStringLiteral("萧山城厢网点"), {30.1620, 120.2640}},
        {QStringLiteral("余杭未来科技城网点"), {30.2890, 120.0050}},
        {QStringLiteral("临平南苑网点"), {30.4200, 120.3000}},
        {QStringLiteral("钱塘下沙网点"), {30.3080, 120.3560}},
        {QStringLiteral("西湖转塘网点"), {30.1560, 120.0900}},
        {QStringLiteral("拱墅半山网点"), {30.3600, 120.1700}},
        {QStringLiteral("上城九堡网点"), {30.2960, 120.2520}},
        {QStringLiteral("滨江西兴网点"), {30.2070, 120.1640}},
    };
    return list;
}

const QList<DemoCity::Place> &DemoCity::originCities()
{
    static const QList<Place> list{
        {QStringLiteral("上海"), {31.2304, 121.4737}}, {QStringLiteral("北京"), {39.9042, 116.4074}},
        {QStringLiteral("广州"), {23.1291, 113.2644}}, {QStringLiteral("深圳"), {22.5431, 114.0579}},
        {QStringLiteral("义乌"), {29.3069, 120.0752}}, {QStringLiteral("苏州"), {31.2990, 120.5853}},
        {QStringLiteral("成都"), {30.5728, 104.0668}}, {QStringLiteral("武汉"), {30.5928, 114.3055}},
        {QStringLiteral("南京"), {32.0603, 118.7969}}, {QStringLiteral("宁波"), {29.8683, 121.5440}},
    };
    return list;
}

QString DemoCity::personName()
{
    static const QStringList surnames{QStringLiteral("王"), QStringLiteral("李"), QStringLiteral("张"),
                                      QStringLiteral("刘"), QStringLiteral("陈"), QStringLiteral("杨"),
                                      QStringLiteral("黄"), QStringLiteral("赵"), QStringLiteral("吴"),
                                      QStringLiteral("周"), QStringLiteral("徐"), QStringLiteral("孙"),
                                      QStringLiteral("朱"), QStringLiteral("胡"), QStringLiteral("沈")};
    static const QStringList given{QStringLiteral("芳"),   QStringLiteral("娜"),   QStringLiteral("伟"),
                                   QStringLiteral("敏"),   QStringLiteral("静"),   QStringLiteral("强"),
                                   QStringLiteral("磊"),   QStringLiteral("洋"),   QStringLiteral("艳"),
                                   QStringLiteral("杰"),   QStringLiteral("晓明"), QStringLiteral("丽华"),
                                   QStringLiteral("建国"), QStringLiteral("婷婷"), QStringLiteral("浩然"),
                                   QStringLiteral("雨欣"), QStringLiteral("志强"), QStringLiteral("秀英")};
    return surnames.at(uniformInt(0, int(surnames.size()) - 1)) +
           given.at(uniformInt(0, int(given.size()) - 1));
}

QString DemoCity::mobile()
{
    return QStringLiteral("1%1%2")
        .arg(uniformInt(3, 9))
        .arg(uniformInt(0, 999999999), 9, 10, QLatin1Char('0'));
}

QString DemoCity::recipientMobile(const QString &waybillNo)
{
    const quint32 h = qHash(waybillNo, 20261207u);
    return QStringLiteral("13%1%2").arg(h % 10).arg(h / 10 % 100000000u, 8, 10, QLatin1Char('0'));
}

QString DemoCity::waybill(int n)
{
    const int kind = n % 10;
    if (kind < 3)
        return QStringLiteral("SF%1").arg(1400000000000LL + n * 7919LL);
    if (kind < 5)
        return QStringLiteral("YT%1").arg(4600000000000LL + n * 104729LL);
    if (kind < 8)
        return QStringLiteral("%1").arg(73100000000000LL + n * 3571LL); // ZTO / STO / Yunda style: 14 digits
    if (kind < 9)
        return QStringLiteral("JDX%1").arg(n + 1000000000LL);
    const QString serial = QStringLiteral("%1").arg(10000000 + n, 8, 10, QLatin1Char('0'));
    return QStringLiteral("EA%1%2CN").arg(serial).arg(Validation::s10CheckDigit(serial));
}

GeoPoint DemoCity::near(const GeoPoint &centre, double radiusKm)
{
    const double r = radiusKm * std::sqrt(uniform());
    const double a = uniform(0, 2 * M_PI);
    const double dLat = r * std::cos(a) / 111.0;
    const double dLon = r * std::sin(a) / (111.0 * std::cos(centre.lat * M_PI / 180.0));
    return {centre.lat + dLat, centre.lon + dLon};
}

QString DemoCity::street()
{
    static const QStringList roads{
        QStringLiteral("文三路"),   QStringLiteral("莫干山路"), QStringLiteral("延安路"),
        QStringLiteral("江南大道"), QStringLiteral("文一西路"), QStringLiteral("天目山路"),
        QStringLiteral("解放路"),   QStringLiteral("秋涛路"),   QStringLiteral("学院路"),
        QStringLiteral("建国北路"), QStringLiteral("滨盛路"),   QStringLiteral("金城路")};
    return cityName() + QStringLiteral("市") + roads.at(uniformInt(0, int(roads.size()) - 1)) +
           QStringLiteral("%1号%2室").arg(uniformInt(1, 999)).arg(uniformInt(101, 2802));
}

QString DemoCity::complaintText(Category c)
{
    static const QStringList delay{QStringLiteral("包裹一直显示运输中，已经延迟三天了，什么时候能送到？"),
                                   QStringLiteral("承诺昨天送达，到现在还没收到，物流信息也不更新。"),
                                   QStringLiteral("快递在网点放了两天没有派送，急用，请尽快处理。")};
    static const QStringList damage{QStringLiteral("收到的包裹外箱破损，里面的杯子碎了。"),
                                    QStringLiteral("快递员放在门口，箱子被压坏，商品有明显破损。")};
    static const QStringList loss{QStringLiteral("显示已签收但我没有收到，包裹丢失了吗？"),
                                  QStringLiteral("物流停在转运中心一周没有更新，疑似丢件。")};
    static const QStringList wrong{QStringLiteral("收到的不是我的包裹，错发了。"),
                                   QStringLiteral("少了一件商品，漏发了。")};
    static const QStringList service{QStringLiteral("快递员态度很差，电话里不耐烦，没有送货上门。"),
                                     QStringLiteral("客服电话一直打不通，投诉没人处理。")};
    static const QStringList other{QStringLiteral("想修改收货地址，请协助。"),
                                   QStringLiteral("发票信息有误，请帮忙更正。")};
    const QStringList *list = &other;
    switch (c) {
    case Category::Delay:
        list = &delay;
        break;
    case Category::Damage:
        list = &damage;
        break;
    case Category::Loss:
        list = &loss;
        break;
    case Category::WrongItem:
        list = &wrong;
        break;
    case Category::Service:
        list = &service;
        break;
    case Category::Other:
        break;
    }
    return list->at(uniformInt(0, int(list->size()) - 1));
}

QString DemoCity::replyText(Category c)
{
    switch (c) {
    case Category::Delay:
        return QStringLiteral("您好，已联系网点加急派送，预计今天内送达，给您带来不便非常抱歉。");
    case Category::Damage:
    case Category::Loss:
        return QStringLiteral("您好，已登记理赔，请保留包装和照片，我们会在24小时内联系您。");
    default:
        return QStringLiteral("您好，已收到您的反馈，我们正在核实处理，稍后回复您。");
    }
}

} // namespace pd::server
