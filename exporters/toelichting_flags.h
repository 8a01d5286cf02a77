/* toelichting_flags.h — "toelichting ontbreekt" (SPEC §10): a budget post
 * more than 10% off its pro-rata begroting (pm_post_year.buiten_marge) while
 * the toelichting has no `## B` text. The PDF's B page and the workbook's
 * Toelichting sheet show the same lines. */
#ifndef PM_TOELICHTING_FLAGS_H
#define PM_TOELICHTING_FLAGS_H

#include <stddef.h>

#include "posts.h"
#include "toelichting.h"

/* One Dutch line per flagged post, in the posts' order: "Post website: 23%
 * boven de begroting tot de peildatum — toelichting ontbreekt". posts may be
 * NULL (no posts: no lines) and t may be NULL (no toelichting: every post
 * outside the margin is flagged). Returns a malloc'ed array of malloc'ed
 * lines and their number in *n; NULL with *n 0 when there are none; NULL
 * with *n SIZE_MAX when memory runs out. Free with pm_tl_flags_free. */
char **pm_tl_flags(const struct pm_posts *posts, const pm_toelichting *t, size_t *n);

void pm_tl_flags_free(char **lines, size_t n); /* NULL-safe */

#endif
