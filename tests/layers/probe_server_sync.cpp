// Built only by the include_path_rule test, which expects this file NOT to compile: the server's core library
// has no sync/ folder on its include path (cmake/PdIncludeRoots.cmake).
#include "sync/syncengine.h"
