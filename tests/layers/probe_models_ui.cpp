// Built only by the include_path_rule test, which expects this file NOT to compile: a target that links only
// parceldesk_models has no ui/ folder on its include path (cmake/PdIncludeRoots.cmake).
#include "ui/workbench/workbenchpage.h"
