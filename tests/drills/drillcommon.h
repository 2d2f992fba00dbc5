#pragma once

// Everything the drills share, in three parts: the server (drillserver.h), blocking HTTP calls and set-up
// (drillhttp.h), and the clients that make the load (drillclients.h).

#include "drillclients.h"
#include "drillhttp.h"
#include "drillserver.h"
