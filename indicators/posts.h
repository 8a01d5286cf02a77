/* posts.h — the budget per post for the peildatum's year (SPEC §10): what
 * the management section's "Budget per post" table shows and what the
 * toelichting check reads ("toelichting ontbreekt" for a post more than
 * 10% off its pro-rata begroting without a `## B` text). Plain data, both
 * audiences (budget posts name no person); computed from the store by the
 * top layer through pm_posts_compute, read by the exporters. */
#ifndef PM_POSTS_H
#define PM_POSTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "period.h"

/* How far a post may be from its pro-rata begroting before the report asks
 * for a `## B` text: 10% of that begroting, either way. */
#define PM_POST_MARGE 0.10

typedef struct pm_post_year {
    const char *post;           /* "inhuur", "kennisproducten", ... (static) */
    int64_t begroting_cent;     /* the whole year's begroting of the post */
    int64_t pro_rata_cent;      /* the begroting up to the peildatum: each
                                   quarter's amount by the days of it passed */
    int64_t realisatie_cent;    /* spent from 1 January (or the programme
                                   start) up to the peildatum */
    int64_t prognose_cent;      /* realisatie extrapolated to 31 December */
    int64_t afwijking_cent;     /* realisatie - pro_rata */
    bool has_afwijking;         /* pro_rata > 0 */
    double afwijking;           /* afwijking_cent / pro_rata_cent */
    bool buiten_marge;          /* has_afwijking and |afwijking| > PM_POST_MARGE,
                                   or nothing budgeted but something spent */
} pm_post_year;

typedef struct pm_posts {
    int jaar;                   /* the peildatum's year */
    pm_day van, tot;            /* the year's range up to the peildatum */
    pm_post_year *posten;       /* in B's post order */
    size_t nposten;
    pm_post_year totaal;        /* the sums (post "totaal") */
} pm_posts;

/* Frees posten and zeroes p; NULL-safe. */
void pm_posts_free(pm_posts *p);

#endif
