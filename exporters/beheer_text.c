/* beheer_text.c — the Dutch words of the management section
 * (beheer_text.h). */
#include "beheer_text.h"

#include <stdio.h>

#include "format.h"

char *pm_beheer_workdays(int n, char *buf, size_t size)
{
    snprintf(buf, size, "%d %s", n, n == 1 ? "werkdag" : "werkdagen");
    return buf;
}

char *pm_beheer_contact_text(const pm_open_request *r, char *buf, size_t size)
{
    char d[16];
    if (r->eerste_contact)
        snprintf(buf, size, "%s", pm_format_date(r->eerste_contact, d, sizeof d));
    else if (r->termijn_verstreken)
        snprintf(buf, size, "geen contact, termijn verstreken op %s",
                 pm_format_date(r->termijn, d, sizeof d));
    else
        snprintf(buf, size, "nog binnen termijn (t/m %s)",
                 pm_format_date(r->termijn, d, sizeof d));
    return buf;
}

char *pm_beheer_milestone_text(const pm_milestone_row *r, char *buf, size_t size)
{
    char n[32];
    pm_beheer_workdays(r->werkdagen_te_laat, n, sizeof n);
    if (r->gereed && !r->te_laat)
        snprintf(buf, size, "op tijd gereed");
    else if (r->gereed)
        snprintf(buf, size, "%s te laat gereed", n);
    else if (r->te_laat)
        snprintf(buf, size, "nog niet gereed, %s over de geplande datum", n);
    else
        snprintf(buf, size, "nog niet gereed, nog op tijd");
    return buf;
}

char *pm_beheer_rate_flag(const pm_team_member *m, int64_t max_cent, char *buf,
                          size_t size)
{
    char e[32];
    if (m->boven_max)
        snprintf(buf, size, "boven het maximum van %s",
                 pm_format_euro(max_cent, e, sizeof e));
    else if (size)
        buf[0] = '\0';
    return buf;
}

const char *pm_beheer_post_flag(const pm_post_year *p)
{
    return p->buiten_marge ? "buiten marge" : "";
}
