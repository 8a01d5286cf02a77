/* posts.c — the budget per post for the peildatum's year (posts.h). */
#include "posts.h"

#include <stdlib.h>
#include <string.h>

void pm_posts_free(pm_posts *p)
{
    if (!p)
        return;
    free(p->posten);
    memset(p, 0, sizeof *p);
}
