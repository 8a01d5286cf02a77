/* beheer_text.h — the Dutch words of the management section (SPEC §10),
 * shared by its PDF pages (pdf_beheer.c) and workbook sheets
 * (xlsx_beheer.c), so both say the same thing. In beheer_text.c. */
#ifndef PM_BEHEER_TEXT_H
#define PM_BEHEER_TEXT_H

#include <stddef.h>

#include "beheer.h"
#include "posts.h"

/* Page and sheet titles. */
#define PM_BEHEER_TEAM "Team"
#define PM_BEHEER_OPEN "Openstaande hulpvragen"
#define PM_BEHEER_OPEN_SHEET "Openstaand"
#define PM_BEHEER_POSTS "Budget per post"
#define PM_BEHEER_MILESTONES "Mijlpalen"

/* "12-03-2026" (the first contact), "geen contact, termijn verstreken op
 * 24-10-2024", or "nog binnen termijn (t/m 27-03-2026)". Returns buf. */
char *pm_beheer_contact_text(const pm_open_request *r, char *buf, size_t size);

/* "op tijd gereed", "3 werkdagen te laat gereed", "nog niet gereed, 12
 * werkdagen over de geplande datum", "nog niet gereed, nog op tijd". */
char *pm_beheer_milestone_text(const pm_milestone_row *r, char *buf, size_t size);

/* "boven het maximum van € 120,00" for a rate above the cap, else "". */
char *pm_beheer_rate_flag(const pm_team_member *m, int64_t max_cent, char *buf,
                          size_t size);

/* "buiten marge" for a post more than 10% off its pro-rata begroting (or
 * spent without one), else "". */
const char *pm_beheer_post_flag(const pm_post_year *p);

/* "1 werkdag", "2 werkdagen". Returns buf. */
char *pm_beheer_workdays(int n, char *buf, size_t size);

#endif
