#include "effecttables.h"

using namespace Qt::StringLiterals;

namespace pd {

namespace {

QString count(int n)
{
    return QString::number(n);
}

/// "6.0%" (a share in the XLSX) or "n/a".
QString percent(std::optional<double> v)
{
    return v ? QString::number(*v, 'f', 1) + u'%' : EffectTables::tr("n/a");
}

QString decimal(std::optional<double> v)
{
    return v ? QString::number(*v, 'f', 1) : EffectTables::tr("n/a");
}

/// The two groups side by side.
ReportTable groupsTable(const EffectFigures &f)
{
    ReportTable t;
    t.key = u"proactive"_s;
    t.title = EffectTables::tr("Proactive notices: parcels with an exception detected in the week");
    t.sheet = EffectTables::title();
    t.header = {EffectTables::tr("Measure"), EffectTables::tr("Notified before any complaint"),
                EffectTables::tr("Not notified first")};
    t.widths = {4, 3, 3};
    const EffectFigures::Group &told = f.notifiedFirst;
    const EffectFigures::Group &others = f.notNotifiedFirst;
    t.rows = {{EffectTables::tr("Parcels"), count(told.parcels), count(others.parcels)},
              {EffectTables::tr("Complained"), count(told.complained), count(others.complained)},
              {EffectTables::tr("Complaint rate"), percent(told.complaintRatePercent),
               percent(others.complaintRatePercent)},
              {EffectTables::tr("CSAT mean (1–5)"), decimal(told.csat), decimal(others.csat)},
              {EffectTables::tr("CSAT answers"), count(told.csatAnswers), count(others.csatAnswers)}};
    return t;
}

/// What the notices changed, over all the parcels with an exception.
ReportTable effectTable(const EffectFigures &f)
{
    ReportTable t;
    t.key = u"proactive_effect"_s;
    t.title = EffectTables::tr("Proactive notices: the effect");
    t.sheet = EffectTables::tr("Notice effect");
    t.header = {EffectTables::tr("Measure"), EffectTables::tr("This week")};
    t.widths = {6, 2};
    t.rows = {{EffectTables::tr("Parcels with an exception"), count(f.parcelsWithException)},
              {EffectTables::tr("Share notified before any complaint"), percent(f.shareNotifiedFirstPercent)},
              {EffectTables::tr("Median minutes from detection to notice"), decimal(f.medianMinutesToNotice)},
              //: how much lower the complaint rate of the customers told first is, in % of the others' rate
              {EffectTables::tr("Complaint rate reduction of the notified"),
               percent(f.complaintReductionPercent())}};
    return t;
}

} // namespace

QString EffectTables::title()
{
    return tr("Proactive notices");
}

QString EffectTables::missing(const ReportEffect &effect)
{
    if (effect.figures) {
        if (effect.figures->parcelsWithException > 0)
            return {};
        return tr("No parcel had an exception detected in this week, so there are no proactive notice "
                  "figures.");
    }
    switch (effect.gap) {
    case EffectGap::NotAllowed:
        return tr("No proactive notice figures: the server lets only supervisors and managers read them.");
    case EffectGap::Failed:
        return tr("No proactive notice figures: the server could not give them for this week.");
    case EffectGap::NotFetched:
        break;
    }
    return tr("No proactive notice figures: they come from the server, which could not be reached when this "
              "report was written.");
}

QList<ReportTable> EffectTables::of(const ReportEffect &effect)
{
    if (const QString why = missing(effect); !why.isEmpty()) {
        ReportTable t;
        t.key = u"proactive"_s;
        t.title = title();
        t.sheet = title();
        t.header = {title()};
        t.widths = {1};
        t.rows = {{why}};
        return {t};
    }
    return {groupsTable(*effect.figures), effectTable(*effect.figures)};
}

} // namespace pd
