/* test_field_help.c — engine/field_help.c: one help row per field of
 * dataset.c, in the same order; the field tables of docs/invoer.md §3 are
 * exactly what field_help.c generates (so the docs, the template's Uitleg
 * sheet and its input messages say the same); plain text for cells.
 *
 * Usage: test_field_help DOCS/invoer.md   (TAP)
 *        test_field_help --markdown KIND  (prints the table to paste into
 *                                          invoer.md after changing the help) */
#include "field_help.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *text = NULL;
    size_t len = 0, cap = 0, got;
    char chunk[4096];
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + got + 1 > cap) {
            cap = (len + got + 1) * 2;
            char *more = realloc(text, cap);
            if (!more) {
                free(text);
                fclose(f);
                return NULL;
            }
            text = more;
        }
        memcpy(text + len, chunk, got);
        len += got;
    }
    fclose(f);
    if (text)
        text[len] = '\0';
    return text;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--markdown") == 0) {
        const pm_dataset *ds = pm_dataset_by_name(argv[2]);
        char *md = ds ? pm_field_help_markdown(ds) : NULL;
        if (!md)
            return 1;
        fputs(md, stdout);
        free(md);
        return 0;
    }
    char *doc = argc > 1 ? read_all(argv[1]) : NULL;
    CHECK(doc != NULL, "docs/invoer.md is readable");

    for (int k = 0; k < PM_NKINDS; k++) {
        const pm_dataset *ds = pm_dataset_get((pm_kind)k);
        size_t n;
        const pm_field_help *h = pm_field_help_get(ds->kind, &n);
        char name[160];
        bool same = n == ds->nfields;
        for (size_t i = 0; same && i < n; i++)
            same = strcmp(h[i].name, ds->fields[i].name) == 0;
        snprintf(name, sizeof name, "%s: one help row per field, in dataset.c's order",
                 ds->name);
        CHECK(same, name);

        bool lists_generated = true;
        for (size_t i = 0; i < n && i < ds->nfields; i++)
            if (ds->fields[i].type != PM_F_ENUM && !h[i].waarden)
                lists_generated = false;
        snprintf(name, sizeof name,
                 "%s: only a fixed list may take its values from dataset.c", ds->name);
        CHECK(lists_generated, name);

        char *md = pm_field_help_markdown(ds);
        snprintf(name, sizeof name,
                 "%s: docs/invoer.md holds the table field_help.c generates "
                 "(regenerate with test_field_help --markdown %s)",
                 ds->name, ds->name);
        CHECK(md && doc && strstr(doc, md) != NULL, name);
        if (md && doc && !strstr(doc, md))
            printf("# generated:\n%s", md);
        free(md);
    }

    /* The values of a fixed list come from dataset.c, so adding a value there
     * changes the docs (and this test fails until they are regenerated). */
    const pm_dataset *org = pm_dataset_by_name("organisaties");
    char *types = pm_field_help_values(org, 2);
    CHECK_STR(types, "`gemeente`, `sob`, `opdrachtgever`",
              "organisaties.type: the allowed values are dataset.c's list");
    free(types);

    char *plain =
        pm_field_help_plain("lijst, gescheiden door `\\|` en **niet** `inhuur`");
    CHECK_STR(plain, "lijst, gescheiden door | en niet inhuur",
              "plain text drops code and bold marks and the table's '|' escape");
    free(plain);

    /* uitgaven.post: the template does not offer what the row rule refuses. */
    size_t n;
    const pm_field_help *ug = pm_field_help_get(PM_UITGAVEN, &n);
    CHECK_STR(ug[2].refused, "inhuur", "uitgaven.post refuses 'inhuur'");
    CHECK(ug[2].waarden && !strstr(ug[2].waarden, "inhuur"),
          "uitgaven.post's values in words leave 'inhuur' out");
    free(doc);
    return tap_done();
}
