/* html_index.c — the index page of `dashboard --per … --html MAP`: one
 * link per page, in the order written, with the same head, landmarks and
 * CSS discipline as the pages themselves (no script, nothing fetched). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "html_internal.h"

static const char INDEX_CSS[] =
    "body{margin:0;font-family:'DejaVu Sans',Verdana,sans-serif;color:#1a1a1a;"
    "background:#fff;line-height:1.5}"
    "header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}"
    "h1{overflow-wrap:anywhere;line-height:1.25}li{margin:.25rem 0}"
    ".meta,footer{color:#4a4a4a}a{color:#005a9c}";

pm_error pm_html_write_index(const char *path, const char *shown, const char *title,
                             const char *meta, const char *const *hrefs,
                             const char *const *labels, size_t n, char *msg,
                             size_t msgsize)
{
    pm_html_buf b = {0};
    pm_html_buf_put(
        &b, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, "
            "initial-scale=1\">\n<title>");
    pm_html_buf_esc(&b, title);
    pm_html_buf_printf(&b, "</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n<h1>",
                       INDEX_CSS);
    pm_html_buf_esc(&b, title);
    pm_html_buf_put(&b, "</h1>\n<p class=\"meta\">");
    pm_html_buf_esc(&b, meta);
    pm_html_buf_put(&b,
                    "</p>\n</header>\n<main>\n<nav aria-label=\"Dashboards\">\n<ul>\n");
    for (size_t i = 0; i < n; i++) {
        pm_html_buf_put(&b, "<li><a href=\"");
        pm_html_buf_esc(&b, hrefs[i]);
        pm_html_buf_put(&b, "\">");
        pm_html_buf_esc(&b, labels[i]);
        pm_html_buf_put(&b, "</a></li>\n");
    }
    pm_html_buf_put(&b, "</ul>\n</nav>\n</main>\n<footer>\n<p>Gemaakt met pijlermonitor; "
                        "elke pagina is een dashboard onder het filter van haar regio of "
                        "type.</p>\n</footer>\n</body>\n</html>\n");
    if (b.nomem) {
        free(b.data);
        snprintf(msg, msgsize, "%s", pm_strerror(PM_ERR_NOMEM));
        return PM_ERR_NOMEM;
    }
    FILE *fp = fopen(path, "w");
    int e = 0;
    if (!fp)
        e = errno;
    else {
        if (fwrite(b.data, 1, b.len, fp) != b.len)
            e = errno ? errno : EIO;
        if (fclose(fp) != 0 && !e)
            e = errno ? errno : EIO;
    }
    free(b.data);
    if (e) {
        snprintf(msg, msgsize, "kan %s niet schrijven: %s", shown, strerror(e));
        return PM_ERR_IO;
    }
    return PM_OK;
}
