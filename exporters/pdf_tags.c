/* pdf_tags.c — the tagged PDF (SPEC §11): the tagging state the drawing code
 * reaches through its cairo context, and the post-processing with qpdf that
 * adds what cairo 1.16 drops or refuses (it writes the structure tree, the
 * ParentTree and /MarkInfo, but no attribute of a tag, no /Lang, no
 * DisplayDocTitle). */
#include "pdf_tags.h"

#include <errno.h>
#include <glib.h>
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart_table.h"
#include "outfile.h"

struct pm_tags {
    GPtrArray *alts;    /* the alt text of every Figure, in drawing order */
    const char *role;   /* the next text's role, or NULL for "P" */
    const char *open;   /* the role of the text being drawn (texts never nest) */
    int quiet;          /* open figures and furniture: text is not tagged */
    GPtrArray *tables;  /* every chart's numbers (pm_chart_table), in order */
    GArray *table_page; /* the page (int) of each table's chart */
    int pages_done;     /* pages finished so far */
};

/* The reference an alt text ends with when its table is in the appendix. */
#define APPENDIX_REF                                                                     \
    "De cijfers staan in de bijlage 'Cijfers bij de grafieken', tabel %u."

static const cairo_user_data_key_t tags_key;

pm_tags *pm_tags_new(void)
{
    pm_tags *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->alts = g_ptr_array_new_with_free_func(g_free);
    t->tables = g_ptr_array_new_with_free_func((GDestroyNotify)pm_chart_table_free);
    t->table_page = g_array_new(FALSE, FALSE, sizeof(int));
    return t;
}

void pm_tags_free(pm_tags *t)
{
    if (!t)
        return;
    g_ptr_array_free(t->alts, TRUE);
    g_ptr_array_free(t->tables, TRUE);
    g_array_free(t->table_page, TRUE);
    free(t);
}

void pm_tags_attach(cairo_t *cr, pm_tags *t)
{
    cairo_set_user_data(cr, &tags_key, t, NULL);
}

pm_tags *pm_tags_of(cairo_t *cr)
{
    return cr ? cairo_get_user_data(cr, &tags_key) : NULL;
}

void pm_tags_role(cairo_t *cr, const char *role)
{
    pm_tags *t = pm_tags_of(cr);
    if (t)
        t->role = role;
}

void pm_tags_furniture(cairo_t *cr, bool on)
{
    pm_tags *t = pm_tags_of(cr);
    if (t)
        t->quiet += on ? 1 : -1;
}

bool pm_tags_text_begin(cairo_t *cr)
{
    pm_tags *t = pm_tags_of(cr);
    if (!t || t->quiet > 0)
        return false;
    const char *role = t->role ? t->role : "P";
    t->role = NULL;
    cairo_tag_begin(cr, role, NULL);
    t->open = role; /* cairo_tag_end needs the name again */
    return true;
}

void pm_tags_text_end(cairo_t *cr, bool opened)
{
    pm_tags *t = pm_tags_of(cr);
    if (!t || !opened)
        return;
    cairo_tag_end(cr, t->open);
    t->open = NULL;
}

bool pm_tags_figure_begin(cairo_t *cr, const char *alt)
{
    pm_tags *t = pm_tags_of(cr);
    if (!t)
        return false;
    if (t->quiet > 0) {
        t->quiet++;
        return false;
    }
    g_ptr_array_add(t->alts, g_strdup(alt && *alt ? alt : "Grafiek"));
    cairo_tag_begin(cr, "Figure", NULL);
    t->quiet++;
    return true;
}

bool pm_tags_figure_table_begin(cairo_t *cr, const char *alt, pm_chart_table *table)
{
    pm_tags *t = pm_tags_of(cr);
    if (!t || t->quiet > 0 || !table) {
        pm_chart_table_free(table);
        return pm_tags_figure_begin(cr, alt);
    }
    g_ptr_array_add(t->tables, table);
    int page = t->pages_done + 1;
    g_array_append_val(t->table_page, page);
    gchar *full = g_strdup_printf("%s " APPENDIX_REF, alt && *alt ? alt : "Grafiek.",
                                  t->tables->len);
    bool opened = pm_tags_figure_begin(cr, full);
    g_free(full);
    return opened;
}

void pm_tags_page_done(cairo_t *cr)
{
    pm_tags *t = pm_tags_of(cr);
    if (t)
        t->pages_done++;
}

size_t pm_tags_ntables(const pm_tags *t)
{
    return t ? t->tables->len : 0;
}

const pm_chart_table *pm_tags_table(const pm_tags *t, size_t i, int *page)
{
    if (!t || i >= t->tables->len)
        return NULL;
    if (page)
        *page = g_array_index(t->table_page, int, i);
    return g_ptr_array_index(t->tables, i);
}

void pm_tags_figure_end(cairo_t *cr, bool opened)
{
    pm_tags *t = pm_tags_of(cr);
    if (!t)
        return;
    t->quiet--;
    if (opened)
        cairo_tag_end(cr, "Figure");
}

bool pm_tags_begin(cairo_t *cr, const char *role)
{
    pm_tags *t = pm_tags_of(cr);
    if (!t || t->quiet > 0)
        return false;
    cairo_tag_begin(cr, role, NULL);
    return true;
}

void pm_tags_end(cairo_t *cr, const char *role, bool opened)
{
    if (opened)
        cairo_tag_end(cr, role);
}

/* ---- post-processing with qpdf --------------------------------------- */

typedef struct walk {
    qpdf_data q;
    const pm_tags *t;
    size_t figure; /* the next alt text */
    bool head_row; /* the TR being visited holds only TH: column headers */
    int depth;
} walk;

/* Whether every kid of structure element tr is a TH. */
static bool only_th(qpdf_data q, qpdf_oh tr)
{
    if (!qpdf_oh_has_key(q, tr, "/K"))
        return false;
    qpdf_oh k = qpdf_oh_get_key(q, tr, "/K");
    if (qpdf_oh_is_dictionary(q, k))
        return qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, k, "/S"), "/TH");
    if (!qpdf_oh_is_array(q, k))
        return false;
    int n = qpdf_oh_get_array_n_items(q, k);
    for (int i = 0; i < n; i++) {
        qpdf_oh e = qpdf_oh_get_array_item(q, k, i);
        if (!qpdf_oh_is_dictionary(q, e) ||
            !qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, e, "/S"), "/TH"))
            return false;
    }
    return n > 0;
}

/* Visits the structure elements under k (a dictionary, an array of kids, or
 * a marked-content number) in document order, which is the order cairo
 * wrote them and so the order they were drawn. */
static void visit(walk *w, qpdf_oh k)
{
    /* A damaged tree cannot recurse without end: cairo's is a few deep. */
    if (w->depth > 64)
        return;
    w->depth++;
    if (qpdf_oh_is_array(w->q, k)) {
        int n = qpdf_oh_get_array_n_items(w->q, k);
        for (int i = 0; i < n; i++)
            visit(w, qpdf_oh_get_array_item(w->q, k, i));
    } else if (qpdf_oh_is_dictionary(w->q, k) && qpdf_oh_has_key(w->q, k, "/S")) {
        qpdf_oh s = qpdf_oh_get_key(w->q, k, "/S");
        if (qpdf_oh_is_name_and_equals(w->q, s, "/Figure") &&
            w->figure < w->t->alts->len) {
            const char *alt = g_ptr_array_index(w->t->alts, w->figure);
            w->figure++;
            qpdf_oh_replace_key(w->q, k, "/Alt", qpdf_oh_new_unicode_string(w->q, alt));
        } else if (qpdf_oh_is_name_and_equals(w->q, s, "/TR")) {
            w->head_row = only_th(w->q, k);
        } else if (qpdf_oh_is_name_and_equals(w->q, s, "/TH")) {
            /* A row of TH heads the columns; a TH beside data cells heads
             * its row (the region). */
            qpdf_oh a = qpdf_oh_new_dictionary(w->q);
            qpdf_oh_replace_key(w->q, a, "/O", qpdf_oh_new_name(w->q, "/Table"));
            qpdf_oh_replace_key(w->q, a, "/Scope",
                                qpdf_oh_new_name(w->q, w->head_row ? "/Column" : "/Row"));
            qpdf_oh_replace_key(w->q, k, "/A", a);
        }
        if (qpdf_oh_has_key(w->q, k, "/K"))
            visit(w, qpdf_oh_get_key(w->q, k, "/K"));
    }
    w->depth--;
}

static void add_catalog_items(qpdf_data q, const pm_tags *t)
{
    qpdf_oh root = qpdf_get_root(q);
    qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_unicode_string(q, "nl-NL"));
    qpdf_oh vp = qpdf_oh_new_dictionary(q);
    qpdf_oh_replace_key(q, vp, "/DisplayDocTitle", qpdf_oh_new_bool(q, QPDF_TRUE));
    qpdf_oh_replace_key(q, root, "/ViewerPreferences", vp);
    /* cairo writes /MarkInfo << /Marked true >> itself once a tag is used. */
    if (qpdf_oh_has_key(q, root, "/StructTreeRoot")) {
        walk w = {.q = q, .t = t};
        qpdf_oh str = qpdf_oh_get_key(q, root, "/StructTreeRoot");
        if (qpdf_oh_has_key(q, str, "/K"))
            visit(&w, qpdf_oh_get_key(q, str, "/K"));
    }
}

/* Replaces the contents of path with len bytes of data; every write, the
 * flush and the close checked. */
static pm_error write_all(const char *path, const char *shown, const unsigned char *data,
                          size_t len, char *msg, size_t msgsize)
{
    FILE *fp = fopen(path, "wb");
    int e = fp ? 0 : errno;
    if (fp) {
        errno = 0;
        if (fwrite(data, 1, len, fp) != len || fflush(fp) != 0 || ferror(fp))
            e = errno ? errno : EIO;
        if (fclose(fp) != 0 && !e)
            e = errno ? errno : EIO;
    }
    if (!e)
        return PM_OK;
    snprintf(msg, msgsize, "%s kan niet worden geschreven: %s", shown, pm_errno_text(e));
    return PM_ERR_IO;
}

pm_error pm_pdf_tags_apply(const pm_tags *t, const char *path, const char *shown,
                           char *msg, size_t msgsize)
{
    gchar *data = NULL;
    gsize len = 0;
    if (!g_file_get_contents(path, &data, &len, NULL)) {
        snprintf(
            msg, msgsize,
            "%s kan niet worden gelezen om de toegankelijkheidsgegevens toe te voegen",
            shown);
        return PM_ERR_IO;
    }
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    pm_error err = PM_OK;
    if (qpdf_read_memory(q, shown, data, (unsigned long long)len, NULL) & QPDF_ERRORS)
        err = PM_ERR_IO;
    if (!err) {
        add_catalog_items(q, t);
        if (qpdf_has_error(q))
            err = PM_ERR_IO;
    }
    /* The same input gives the same bytes: the /ID comes from the content,
     * not from the time or a random number. */
    /* qpdf writes into memory and this file writes the result: qpdf 11 does
     * not report a failed write to a file of its own (a full disk left a
     * truncated PDF and exit 0, tests/e2e/test_pdf_tags.py). */
    if (!err && (qpdf_init_write_memory(q) & QPDF_ERRORS))
        err = PM_ERR_IO;
    if (!err) {
        qpdf_set_deterministic_ID(q, QPDF_TRUE);
        if (qpdf_write(q) & QPDF_ERRORS)
            err = PM_ERR_IO;
    }
    if (err) {
        const char *why = "de PDF kan niet worden gelabeld";
        if (qpdf_has_error(q))
            why = qpdf_get_error_message_detail(q, qpdf_get_error(q));
        snprintf(msg, msgsize, "%s kan niet worden geschreven: %s", shown, why);
    } else {
        err = write_all(path, shown, qpdf_get_buffer(q), qpdf_get_buffer_length(q), msg,
                        msgsize);
    }
    qpdf_cleanup(&q);
    g_free(data);
    return err;
}
