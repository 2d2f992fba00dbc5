// Built only by the include_path_rule test: a target that links parceldesk_models finds models/ headers.
#include "models/domain/enums.h"

int pdIncludeProbeOk()
{
    return int(pd::Priority::P1);
}
