#include "pdfpages.h"

namespace pd {

const ReportTable &tableOf(const QList<ReportTable> &tables, QStringView key)
{
    for (const ReportTable &t : tables)
        if (t.key == key)
            return t;
    static const ReportTable empty;
    return empty;
}

} // namespace pd
