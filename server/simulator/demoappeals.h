#pragma once

#include "server/storage/documentstore.h"

namespace pd::server {

/**
 * @brief Adds the regulator appeals of the demo (docs/appeals.md, "Demo data") to the complaints seeded
 * already in @p tx.
 *
 * About one complaint in fifty escalates: the customer appeals to the regulator, which forwards the appeal
 * a week or two later. Each appeal is a ticket of source regulator_appeal (priority p1, the earlier
 * complaint linked) with its row in the appeals table, its answer, fault finding (about a third at fault),
 * the sla_breach events of the answers given late, and one appeal rejected and redone. The draws come from
 * their own fixed-seed generator, so the rest of the demo does not change. @p ticketNumber is the ticket
 * number counter, advanced for each appeal. Returns how many appeals were written.
 */
int seedDemoAppeals(WriteTx &tx, DocumentStore &docs, qint64 now, int &ticketNumber);

} // namespace pd::server
