/* labels.h — the Dutch words of the reports: indicator names, targets,
 * definitions, breakdown titles and category labels. Indicators use keys;
 * this table turns them into what a reader sees. */
#ifndef PM_LABELS_H
#define PM_LABELS_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "export.h" /* pm_filter, through the allowed header */
#include "value.h"
#include "warning.h"

struct pm_figures; /* indicator.h: the figures a reason quotes */

typedef struct pm_indicator_text {
    const char *id;
    const char *naam;      /* "Reactie binnen 5 werkdagen" */
    const char *resultaat; /* the seed's end-2025 result, one sentence */
    const char *definitie; /* how it is computed, plain Dutch */
} pm_indicator_text;

/* The texts for indicator id ("R1" .. "B"); never NULL (unknown ids get a
 * neutral text). */
const pm_indicator_text *pm_label_indicator(const char *id);

/* The target in words with the configured value: "≥ 90%", "≥ 10 actief en
 * ≥ 80%", "≥ 5", "prognose ≤ jaarbegroting". Writes into buf; returns buf. */
char *pm_label_target(const char *id, const pm_config *cfg, char *buf, size_t size);

/* Title of a breakdown ("Per regio") and label of a category key ("> 5
 * werkdagen", "geen regio"); unknown keys come back as they are. */
const char *pm_label_breakdown(const char *key);
const char *pm_label_category(const char *breakdown, const char *key);

/* "groen", "oranje", "rood", "grijs (te weinig gegevens)" for readers. */
const char *pm_label_status_long(int status);

/* A category label short enough for a chart axis ("> 5", "loopt nog");
 * otherwise the same as pm_label_category. */
const char *pm_label_category_short(const char *breakdown, const char *key);

/* What a status asks of a reader, beside its colour word: "op koers",
 * "aandacht nodig", "actie nodig", "te weinig gegevens". */
const char *pm_label_status_meaning(int status);
/* What a status means in the legend of the tiles ("Zo leest u een tegel"):
 * only what holds for every indicator, the PDF's and the web page's. */
const char *pm_label_status_legend(int status);

/* The reason of a filtered figure hidden for extern (SPEC §9): too few
 * observations, or hidden so that a small group cannot be worked out. */
#define PM_LABEL_HIDDEN_PRIMAIR "onderdrukt: te weinig waarnemingen"
#define PM_LABEL_HIDDEN_SECUNDAIR                                                        \
    "onderdrukt: anders is een kleine groep uit de andere cijfers af te leiden"
/* Why a comparison hidden by secondary suppression is not made. */
#define PM_LABEL_VERGELIJKING_SECUNDAIR                                                  \
    "niet getoond, zodat een kleine groep niet uit de andere cijfers is af te leiden"

/* The one-line reason of a status (SPEC §5 "reden") for figures f of
 * indicator id, fitted to the indicator and quoting its figures: "89,6% op
 * tijd; het doel van 90% ligt binnen het betrouwbaarheidsinterval", "alle 6
 * mijlpalen gereed, 1 te laat", "geen doel na 31-12-2025". It quotes only
 * what f still holds, so a mean hidden for extern is never named, and a
 * hidden filtered figure gets PM_LABEL_HIDDEN_*. cfg gives
 * min_n, R3's actief target, R4's mean and B's marge. Returns buf. */
char *pm_label_reden(const char *id, const struct pm_figures *f, const pm_config *cfg,
                     char *buf, size_t size);

/* The verdict in words: "gehaald", "niet gehaald", "geen gegevens". */
const char *pm_label_oordeel(int oordeel); /* a pm_oordeel */

/* What a chart without data says instead of drawing empty axes. */
extern const char pm_label_no_data[];

/* The mark on every page, sheet and chart of an intern output (SPEC §6):
 * "Intern — niet verspreiden". Extern outputs never carry it. */
extern const char pm_label_intern_mark[];

/* Column words for an indicator's teller, noemer and waarde in tables:
 * R1 "Op tijd", "Op tijd of te laat", "Waarde"; B "Realisatie",
 * "Begroting", "Uitputting". Never NULL. */
const char *pm_label_teller(const char *id);
const char *pm_label_noemer(const char *id);
const char *pm_label_waarde(const char *id);

/* The sentence of one warning of `check` (warning.h), without file and
 * line: "hulpvraag HV-1 (status open) heeft geen specialist". A sentence
 * longer than 511 bytes is cut there (at a character boundary), as check
 * always cut it. malloc'ed (the caller frees); NULL without memory. */
char *pm_label_warning(const pm_warning *w);

/* The warnings as check lists them, one line each and without its
 * "waarschuwing: ": per kind the listed ones as "bestand.csv:12: <the
 * sentence>", then "... en nog 5 van deze soort" when more were found.
 * Returns a malloc'ed array of *n malloc'ed lines (pm_label_lines_free), or
 * NULL without memory (*n then 0). */
char **pm_label_warning_lines(const pm_warnings *w, size_t *n);
void pm_label_lines_free(char **lines, size_t n);
/* How far the data reach (SPEC §5). The reach of the datasets is given in
 * pm_kind order (dataset.h): has_tot[k] and tot[k], as pm_report keeps them.
 * Writes each warning that applies, one Dutch sentence per row of out, and
 * returns how many (at most max):
 *  - the peildatum lies after the last hulpvraag, inzet or evaluatie
 *    ("De hulpvragen lopen tot 31-03-2026; na die datum ontbreken
 *    registraties"), or there are none at all;
 *  - the period starts after every dated row. */
#define PM_REACH_WARNING_SIZE 192
#define PM_REACH_WARNINGS_MAX 4
size_t pm_label_reach_warnings(const bool *has_tot, const pm_day *tot, pm_day peildatum,
                               pm_day period_start, char (*out)[PM_REACH_WARNING_SIZE],
                               size_t max);

/* The data sets whose reach every report states, in the order shown, with
 * their reader's name: {PM_HULPVRAGEN, "hulpvragen"}, ... (JSON uses the
 * dataset name as key). n gets the count. */
typedef struct pm_reach_item {
    int kind; /* pm_kind */
    const char *name;
} pm_reach_item;
const pm_reach_item *pm_label_reach_items(size_t *n);

/* The filter in words (SPEC §9), the parts joined by " · ": "Regio Oost",
 * "Regio's Noord en Oost", "gemeenten", "sociaal ontwikkelbedrijven",
 * "organisatie GM0363", "3 organisaties". "" without a filter. Truncated
 * to size like snprintf; returns buf. */
char *pm_label_filter(const pm_filter *f, char *buf, size_t size);

/* The plural Dutch name of an organisation type: "gemeenten", "sociaal
 * ontwikkelbedrijven", "opdrachtgevers"; the type itself when unknown. */
const char *pm_label_type_plural(const char *type);

/* The comparison of r's periode with the comparison period (SPEC §9) in
 * words, fitted to the indicator, for every exporter. Proportions with an
 * interval (R1, R2, R3's share) follow the test: "steeg duidelijk van
 * 82,0% naar 91,5% (+9,5 procentpunt)" or "daalde duidelijk ..." only when
 * significant, otherwise "+1,2 procentpunt ten opzichte van 3e kwartaal
 * 2025, binnen de marge van toeval"; milestones and B say the plain
 * difference ("steeg van 75,0% naar 100,0% (+25,0 procentpunt ten opzichte
 * van ...)"), R6 the count ("3 meer dan in 3e kwartaal 2025 (5 tegen 2)"),
 * R3 adds its actief ("; actief: 2 meer (12 tegen 10)"). Without a
 * comparison it says why: "geen vergelijking: in 1e kwartaal 2025 geen
 * hulpvragen met een beslissing". A hidden comparison (extern) quotes no
 * figure. "" when r has no comparison. Truncated to size; returns buf. */
char *pm_label_vergelijking(const pm_result *r, const pm_scope *scope, char *buf,
                            size_t size);

/* The same words where the page names the comparison period once (a
 * tile): without "ten opzichte van <periode>" and "dan in <periode>":
 * "+1,2 procentpunt, binnen de marge van toeval", "3 meer (5 tegen 2)".
 * Words that say why there is no comparison keep the period. */
char *pm_label_vergelijking_kort(const pm_result *r, const pm_scope *scope, char *buf,
                                 size_t size);

/* The comparison period as a reader names it ("3e kwartaal 2025"), "" when
 * the report has no comparison. Returns buf (48 bytes are enough). */
char *pm_label_vergelijking_periode(const pm_scope *scope, char *buf, size_t size);

/* The difference of r's comparison as a short figure for a table column:
 * "+9,5 pp", "-1", "0", or "" when there is none (or it is hidden).
 * Percentages as their displayed values' difference (see
 * pm_label_vergelijking). Returns buf. */
char *pm_label_verschil(const pm_result *r, char *buf, size_t size);

#endif
