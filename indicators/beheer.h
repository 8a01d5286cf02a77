/* beheer.h — the management section of the intern report (SPEC §10): the
 * team, the open requests and the milestones, as plain data the exporters
 * read (no sqlite3.h). Computed from the store by the top layer for intern
 * reports only (beheer_compute.h); an extern report never has one. Money in
 * whole cents, dates as pm_day, hours in hundredths. */
#ifndef PM_BEHEER_H
#define PM_BEHEER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "period.h"

/* Open longer than this many working days is counted apart (JSON
 * openstaand.langer_dan_20_werkdagen). */
#define PM_OPEN_LONG_WORKDAYS 20

/* One specialist of the team. The costs are hours × uurtarief, rounded to
 * cents so that the column adds up exactly to B's inhuur realisatie of the
 * same range (largest remainder, beheer.c). */
typedef struct pm_team_member {
    char *id, *naam, *rol, *expertise;
    int64_t uurtarief_cent;
    bool boven_max;       /* uurtarief above the configured cap */
    pm_day start, einde;  /* einde 0: none */
    int64_t uren_x100[2]; /* [0] periode, [1] cumulatief */
    int64_t kosten_cent[2];
    long hulpvragen[2];       /* requests assigned (hulpvragen.specialist) and
                                 received in the range */
    int64_t score_sum_x10[2]; /* specialist evaluations as R3 reads them */
    long score_n[2];
} pm_team_member;

typedef struct pm_team {
    pm_team_member *leden; /* by id */
    size_t n;
    int64_t uurtarief_max_cent;
    int64_t uren_x100[2]; /* the totals */
    int64_t kosten_cent[2];
    long hulpvragen[2];
    int64_t score_sum_x10[2];
    long score_n[2];
} pm_team;

/* One request received on or before the peildatum and not afgerond by then
 * (afgerond_op absent or after it). Dates after the peildatum count as not
 * there (eerste_contact 0). */
typedef struct pm_open_request {
    char *id;
    pm_day ontvangen;
    int werkdagen_open;      /* working days in (ontvangen, peildatum], as R1
                                counts days to a first contact */
    pm_day eerste_contact;   /* 0: none by the peildatum */
    pm_day termijn;          /* R1's deadline: the 5th working day after ontvangen */
    bool termijn_verstreken; /* no contact and peildatum > termijn */
    char *specialist_id, *specialist;   /* NULL: none; specialist is the name */
    char *onderwerp;                    /* NULL: none */
    char *organisatie_id, *organisatie; /* organisatie is the name */
} pm_open_request;

typedef struct pm_open {
    pm_open_request *rows; /* oldest first, then by id */
    size_t n;
    long zonder_contact_na_termijn;
    long langer_dan_20;
} pm_open;

/* One milestone of R4 or R5, as known on the peildatum. */
typedef struct pm_milestone_row {
    char *id, *resultaat, *omschrijving, *bewijs; /* bewijs NULL: none */
    pm_day gepland;
    pm_day gereed;         /* 0: not gereed by the peildatum */
    bool te_laat;          /* gereed after gepland, or not gereed while the
                              peildatum is past gepland */
    int werkdagen_te_laat; /* gereed: working days after gepland (0 on time);
                              not gereed: working days from gepland to the
                              peildatum (0 while gepland is not passed) */
} pm_milestone_row;

typedef struct pm_milestone_list {
    pm_milestone_row *rows; /* by resultaat, gepland, id */
    size_t n;
} pm_milestone_list;

typedef struct pm_beheer {
    pm_day per_from, per_to, cum_from, cum_to, peildatum;
    pm_team team;
    pm_open open;
    pm_milestone_list mijlpalen;
} pm_beheer;

/* Frees everything inside b and zeroes it; NULL-safe. */
void pm_beheer_free(pm_beheer *b);

#endif
