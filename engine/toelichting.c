/* toelichting.c — reads the coordinator's toelichting (toelichting.h): checks
 * the bytes (UTF-8, no control characters), parses CommonMark with libcmark
 * and keeps what the report can show, refusing the rest with its line.
 *
 * What is refused and why: everything the report would not show as written
 * (raw HTML, images, code blocks, quotes, rules, headings other than the
 * sections), so a coordinator never believes the ministry reads a text that
 * silently fell out. Links only to http(s) and mailto: a PDF link to
 * anything else (file:, javascript:) is no place for a reader to go. */
#include "toelichting.h"

#include <cmark.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "outfile.h"
#include "value.h"

/* The deepest list nesting kept: a list in a list in a list. */
#define MAX_DEPTH 3

static const char *const headings[PM_TL_NSECTIONS] = {
    [PM_TL_ALGEMEEN] = "Algemeen",
    [PM_TL_R1] = "R1",
    [PM_TL_R2] = "R2",
    [PM_TL_R3] = "R3",
    [PM_TL_R4] = "R4",
    [PM_TL_R5] = "R5",
    [PM_TL_R6] = "R6",
    [PM_TL_B] = "B",
    [PM_TL_RISICOS] = "Risico's",
    [PM_TL_MAATREGELEN] = "Maatregelen",
};

/* One line each, in italics in the sjabloon; the parser drops a section that
 * holds nothing but its hint. */
static const char *const hints[PM_TL_NSECTIONS] = {
    [PM_TL_ALGEMEEN] =
        "Algemeen beeld van de periode: wat ging goed, wat niet en waarom.",
    [PM_TL_R1] = "Toelichting op R1 (reactie op hulpvragen binnen 5 werkdagen).",
    [PM_TL_R2] = "Toelichting op R2 (tevredenheid van de organisaties).",
    [PM_TL_R3] = "Toelichting op R3 (inzet en beoordeling van de specialisten).",
    [PM_TL_R4] = "Toelichting op R4 (mijlpalen en oordeel van de opdrachtgevers).",
    [PM_TL_R5] = "Toelichting op R5 (mijlpalen van de website).",
    [PM_TL_R6] = "Toelichting op R6 (kennisproducten).",
    [PM_TL_B] = "Toelichting op het budget; verklaar elke post die meer dan 10% afwijkt.",
    [PM_TL_RISICOS] = "De belangrijkste risico's voor het programma.",
    [PM_TL_MAATREGELEN] = "De maatregelen die u neemt of voorstelt.",
};

const char *pm_tl_heading(pm_tl_id id)
{
    return id < PM_TL_NSECTIONS ? headings[id] : "";
}

const char *pm_tl_hint(pm_tl_id id)
{
    return id < PM_TL_NSECTIONS ? hints[id] : "";
}

const pm_tl_section *pm_tl_for_indicator(const pm_toelichting *t, const char *id)
{
    if (!t || !id)
        return NULL;
    for (int k = PM_TL_R1; k <= PM_TL_B; k++)
        if (strcmp(headings[k], id) == 0)
            return t->sections[k].present ? &t->sections[k] : NULL;
    return NULL;
}

bool pm_tl_any(const pm_toelichting *t)
{
    for (int k = 0; t && k < PM_TL_NSECTIONS; k++)
        if (t->sections[k].present)
            return true;
    return false;
}

char *pm_tl_template(void)
{
    /* A title line, then every section with its hint. The title is what
     * the parser lets stand before the first section. */
    static const char title[] = "# Toelichting\n\n";
    size_t size = sizeof title;
    for (int k = 0; k < PM_TL_NSECTIONS; k++)
        size += strlen(headings[k]) + strlen(hints[k]) + 16;
    char *out = malloc(size);
    if (!out)
        return NULL;
    size_t n = (size_t)snprintf(out, size, "%s", title);
    for (int k = 0; k < PM_TL_NSECTIONS; k++)
        n += (size_t)snprintf(out + n, size - n, "%s## %s\n\n*%s*\n", k ? "\n" : "",
                              headings[k], hints[k]);
    return out;
}

/* ---- freeing ------------------------------------------------------------ */

static void block_free(pm_tl_block *b)
{
    for (size_t i = 0; i < b->nruns; i++) {
        free(b->runs[i].text);
        free(b->runs[i].url);
    }
    free(b->runs);
}

static void section_clear(pm_tl_section *s)
{
    for (size_t i = 0; i < s->nblocks; i++)
        block_free(&s->blocks[i]);
    free(s->blocks);
    memset(s, 0, sizeof *s);
}

void pm_toelichting_free(pm_toelichting *t)
{
    if (!t)
        return;
    for (int k = 0; k < PM_TL_NSECTIONS; k++)
        section_clear(&t->sections[k]);
    free(t->name);
    free(t);
}

/* ---- the walk ------------------------------------------------------------ */

typedef struct parser {
    pm_toelichting *t;
    const char *name;
    pm_tl_section *sec; /* the section being filled; NULL before the first */
    pm_error err;
    char *msg;
    size_t msgsize;
} parser;

static void fail(parser *p, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Records the first problem as "NAME:LINE: reden". */
static void fail(parser *p, long line, const char *fmt, ...)
{
    if (p->err)
        return;
    p->err = PM_ERR_DATA;
    int n = line > 0 ? snprintf(p->msg, p->msgsize, "%s:%ld: ", p->name, line)
                     : snprintf(p->msg, p->msgsize, "%s: ", p->name);
    if (n < 0 || (size_t)n >= p->msgsize)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->msg + n, p->msgsize - (size_t)n, fmt, ap);
    va_end(ap);
}

static void nomem(parser *p)
{
    if (p->err)
        return;
    p->err = PM_ERR_NOMEM;
    snprintf(p->msg, p->msgsize, "%s", pm_strerror(PM_ERR_NOMEM));
}

/* The line of node, or of the nearest ancestor that knows it (cmark
 * gives every block a line; inlines inherit their paragraph's). */
static long line_of(cmark_node *n)
{
    for (; n; n = cmark_node_parent(n)) {
        int l = cmark_node_get_start_line(n);
        if (l > 0)
            return l;
    }
    return 0;
}

static pm_tl_block *new_block(parser *p, int depth, long line)
{
    pm_tl_section *s = p->sec;
    pm_tl_block *b = realloc(s->blocks, (s->nblocks + 1) * sizeof *b);
    if (!b) {
        nomem(p);
        return NULL;
    }
    s->blocks = b;
    b = &s->blocks[s->nblocks++];
    memset(b, 0, sizeof *b);
    b->depth = depth;
    b->line = line;
    return b;
}

/* Appends a run; text is copied. Adjacent runs of the same style and link
 * are joined, so "a\nb" is one run "a b". */
static void add_run(parser *p, pm_tl_block *b, const char *text, unsigned style,
                    const char *url, bool brk)
{
    if (p->err)
        return;
    if (!brk && b->nruns) {
        pm_tl_run *last = &b->runs[b->nruns - 1];
        bool same_url =
            (!last->url && !url) || (last->url && url && !strcmp(last->url, url));
        if (!last->brk && last->style == style && same_url) {
            size_t a = strlen(last->text), c = strlen(text);
            char *t = realloc(last->text, a + c + 1);
            if (!t) {
                nomem(p);
                return;
            }
            memcpy(t + a, text, c + 1);
            last->text = t;
            return;
        }
    }
    pm_tl_run *r = realloc(b->runs, (b->nruns + 1) * sizeof *r);
    if (!r) {
        nomem(p);
        return;
    }
    b->runs = r;
    r = &b->runs[b->nruns];
    r->text = strdup(text);
    r->url = url ? strdup(url) : NULL;
    r->style = style;
    r->brk = brk;
    if (!r->text || (url && !r->url)) {
        free(r->text);
        free(r->url);
        nomem(p);
        return;
    }
    b->nruns++;
}

static bool url_allowed(const char *url)
{
    return strncasecmp(url, "https://", 8) == 0 || strncasecmp(url, "http://", 7) == 0 ||
           strncasecmp(url, "mailto:", 7) == 0;
}

/* The inlines under parent, into b, with the styles and link around them. */
static void inlines(parser *p, pm_tl_block *b, cmark_node *parent, unsigned style,
                    const char *url)
{
    for (cmark_node *n = cmark_node_first_child(parent); n && !p->err;
         n = cmark_node_next(n)) {
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
            add_run(p, b, cmark_node_get_literal(n), style, url, false);
            break;
        case CMARK_NODE_SOFTBREAK: add_run(p, b, " ", style, url, false); break;
        case CMARK_NODE_LINEBREAK: add_run(p, b, "", style, url, true); break;
        case CMARK_NODE_CODE:
            add_run(p, b, cmark_node_get_literal(n), style | PM_TL_CODE, url, false);
            break;
        case CMARK_NODE_EMPH: inlines(p, b, n, style | PM_TL_EMPH, url); break;
        case CMARK_NODE_STRONG: inlines(p, b, n, style | PM_TL_STRONG, url); break;
        case CMARK_NODE_LINK: {
            const char *u = cmark_node_get_url(n);
            if (!u || !*u)
                fail(p, line_of(n),
                     "een link zonder adres; schrijf [tekst](https://...)");
            else if (!url_allowed(u))
                fail(p, line_of(n),
                     "de link naar '%.200s' kan niet: alleen adressen met https://, "
                     "http:// of mailto: komen in de rapportage",
                     u);
            else if (!cmark_node_first_child(n))
                add_run(p, b, u, style, u, false);
            else
                inlines(p, b, n, style, u);
            break;
        }
        case CMARK_NODE_HTML_INLINE:
            fail(p, line_of(n),
                 "HTML ('%.60s') is niet toegestaan; gebruik *cursief*, **vet** of een "
                 "link",
                 cmark_node_get_literal(n));
            break;
        case CMARK_NODE_IMAGE:
            fail(p, line_of(n), "afbeeldingen kunnen niet in de toelichting");
            break;
        default: fail(p, line_of(n), "deze opmaak wordt niet ondersteund"); break;
        }
    }
}

/* Why a block other than a paragraph, list or section heading is refused. */
static void refuse_block(parser *p, cmark_node *n)
{
    long line = line_of(n);
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_HTML_BLOCK:
        fail(p, line, "HTML is niet toegestaan; schrijf gewone tekst");
        break;
    case CMARK_NODE_CODE_BLOCK:
        fail(p, line,
             "een codeblok (ingesprongen of tussen ```) kan niet in de toelichting; "
             "laat de inspringing weg of gebruik `code` in de tekst");
        break;
    case CMARK_NODE_BLOCK_QUOTE:
        fail(p, line, "een citaat (regel met >) kan niet in de toelichting");
        break;
    case CMARK_NODE_THEMATIC_BREAK:
        fail(p, line, "een scheidingslijn (---, ***) kan niet in de toelichting");
        break;
    case CMARK_NODE_HEADING:
        fail(p, line,
             "een kop van niveau %d kan niet; alleen de secties met ## (zoals '## R1') "
             "zijn koppen, gebruik **vet** voor een tussenkop",
             cmark_node_get_heading_level(n));
        break;
    default: fail(p, line, "dit onderdeel kan niet in de toelichting"); break;
    }
}

static void list(parser *p, cmark_node *l, int depth);

static void paragraph(parser *p, cmark_node *n, int depth, bool marker, int number)
{
    pm_tl_block *b = new_block(p, depth, line_of(n));
    if (!b)
        return;
    b->marker = marker;
    b->number = number;
    inlines(p, b, n, 0, NULL);
}

static void item(parser *p, cmark_node *it, int depth, int number)
{
    bool first = true;
    for (cmark_node *n = cmark_node_first_child(it); n && !p->err;
         n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH) {
            paragraph(p, n, depth, first, number);
            first = false;
        } else if (cmark_node_get_type(n) == CMARK_NODE_LIST) {
            /* An item that starts with a list ("- - x") has no text of its
             * own: its marker goes with nothing, so give it an empty line. */
            if (first) {
                pm_tl_block *b = new_block(p, depth, line_of(n));
                if (b) {
                    b->marker = true;
                    b->number = number;
                }
                first = false;
            }
            list(p, n, depth + 1);
        } else {
            refuse_block(p, n);
        }
    }
}

static void list(parser *p, cmark_node *l, int depth)
{
    if (depth > MAX_DEPTH) {
        fail(p, line_of(l), "een opsomming kan hoogstens %d niveaus diep", MAX_DEPTH);
        return;
    }
    bool ordered = cmark_node_get_list_type(l) == CMARK_ORDERED_LIST;
    int number = ordered ? cmark_node_get_list_start(l) : 0;
    for (cmark_node *it = cmark_node_first_child(l); it && !p->err;
         it = cmark_node_next(it)) {
        item(p, it, depth, ordered ? number : 0);
        number++;
    }
}

/* The plain text of a heading's inlines, trimmed; malloc'ed. */
static char *heading_text(cmark_node *h)
{
    size_t size = 1;
    for (cmark_node *n = cmark_node_first_child(h); n; n = cmark_node_next(n)) {
        const char *lit = cmark_node_get_literal(n);
        size += lit ? strlen(lit) : 1;
    }
    char *out = malloc(size);
    if (!out)
        return NULL;
    size_t o = 0;
    for (cmark_node *n = cmark_node_first_child(h); n; n = cmark_node_next(n)) {
        cmark_node_type ty = cmark_node_get_type(n);
        const char *lit = cmark_node_get_literal(n);
        if ((ty == CMARK_NODE_TEXT || ty == CMARK_NODE_CODE) && lit) {
            memcpy(out + o, lit, strlen(lit));
            o += strlen(lit);
        } else {
            out[o++] = '\x01'; /* other inlines: the heading matches nothing */
        }
    }
    while (o && (out[o - 1] == ' ' || out[o - 1] == '\t'))
        o--;
    out[o] = '\0';
    size_t lead = strspn(out, " \t");
    memmove(out, out + lead, o - lead + 1);
    return out;
}

/* The section a heading names. "Risico’s" with the typographic apostrophe
 * Word types counts as "Risico's". */
static int section_of(const char *text)
{
    for (int k = 0; k < PM_TL_NSECTIONS; k++)
        if (strcmp(text, headings[k]) == 0)
            return k;
    if (strcmp(text, "Risico\xE2\x80\x99s") == 0)
        return PM_TL_RISICOS;
    return -1;
}

static void heading(parser *p, cmark_node *h)
{
    long line = line_of(h);
    if (cmark_node_get_heading_level(h) != 2) {
        refuse_block(p, h);
        return;
    }
    char *text = heading_text(h);
    if (!text) {
        nomem(p);
        return;
    }
    int k = section_of(text);
    if (k < 0) {
        bool printable = !strchr(text, '\x01');
        fail(p, line,
             "onbekende sectie '## %.80s'; kies uit ## Algemeen, ## R1 … ## R6, ## B, "
             "## Risico's en ## Maatregelen",
             printable ? text : "…");
    } else if (p->t->sections[k].line) {
        fail(p, line, "de sectie '## %s' staat er al (regel %ld); schrijf haar één keer",
             headings[k], p->t->sections[k].line);
    } else {
        p->sec = &p->t->sections[k];
        p->sec->line = line;
    }
    free(text);
}

/* A section that holds only its sjabloon hint (in italics, as the
 * sjabloon writes it, or plain) is left out: the template reports clean. */
static void drop_hint(pm_tl_section *s, int k)
{
    if (s->nblocks == 1 && s->blocks[0].depth == 0 && s->blocks[0].nruns == 1 &&
        !s->blocks[0].runs[0].url && (s->blocks[0].runs[0].style & ~PM_TL_EMPH) == 0 &&
        strcmp(s->blocks[0].runs[0].text, hints[k]) == 0) {
        block_free(&s->blocks[0]);
        free(s->blocks);
        s->blocks = NULL;
        s->nblocks = 0;
    }
    s->present = s->nblocks > 0;
}

static void document(parser *p, cmark_node *doc)
{
    for (cmark_node *n = cmark_node_first_child(doc); n && !p->err;
         n = cmark_node_next(n)) {
        cmark_node_type ty = cmark_node_get_type(n);
        if (ty == CMARK_NODE_HEADING && cmark_node_get_heading_level(n) == 2) {
            heading(p, n);
        } else if (!p->sec) {
            /* The sjabloon opens with "# Toelichting" and a line of
             * explanation; other text before the first section belongs to
             * no indicator. */
            if (ty == CMARK_NODE_HEADING && cmark_node_get_heading_level(n) == 1)
                continue;
            fail(p, line_of(n),
                 "tekst vóór de eerste sectie; zet hem onder een kop als '## Algemeen'");
        } else if (ty == CMARK_NODE_PARAGRAPH) {
            paragraph(p, n, 0, false, 0);
        } else if (ty == CMARK_NODE_LIST) {
            list(p, n, 1);
        } else {
            refuse_block(p, n);
        }
    }
    for (int k = 0; k < PM_TL_NSECTIONS && !p->err; k++)
        drop_hint(&p->t->sections[k], k);
}

/* ---- the bytes ----------------------------------------------------------- */

/* Checks every line for valid UTF-8 and for characters no output can hold
 * (SPEC §2), before cmark, which would replace bad bytes silently. Lines
 * end as cmark ends them (LF, CR or CRLF), so both count the same lines. */
static void check_bytes(parser *p, const char *data, size_t len)
{
    long line = 1;
    for (size_t start = 0; start <= len && !p->err; line++) {
        size_t end = start;
        while (end < len && data[end] != '\n' && data[end] != '\r')
            end++;
        const char *s = data + start;
        size_t n = end - start;
        if (!pm_utf8_valid(s, n)) {
            fail(p, line,
                 "geen geldige UTF-8; sla het bestand op als UTF-8 (in Word: Opslaan "
                 "als, Tekst zonder opmaak, Unicode (UTF-8))");
            return;
        }
        if (memchr(s, '\0', n)) {
            fail(p, line, "de regel bevat een NUL-teken; is dit wel een tekstbestand?");
            return;
        }
        uint32_t cp = 0;
        size_t pos = 0;
        if (pm_text_check(s, n, false, &cp, &pos) != PM_TEXT_OK) {
            fail(p, line, "teken %zu is een %s (U+%04X), dat niet in een rapportage kan",
                 pos, pm_char_name(cp), (unsigned)cp);
            return;
        }
        if (end >= len)
            break;
        start = end + 1 + (data[end] == '\r' && end + 1 < len && data[end + 1] == '\n');
    }
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

pm_error pm_toelichting_parse(const char *name, const char *data, size_t len,
                              pm_toelichting **out, char *msg, size_t msgsize)
{
    *out = NULL;
    pm_toelichting *t = calloc(1, sizeof *t);
    if (t)
        t->name = strdup(base_name(name));
    if (!t || !t->name) {
        pm_toelichting_free(t);
        snprintf(msg, msgsize, "%s", pm_strerror(PM_ERR_NOMEM));
        return PM_ERR_NOMEM;
    }
    parser p = {.t = t, .name = t->name, .msg = msg, .msgsize = msgsize};
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    check_bytes(&p, data, len);
    if (!p.err) {
        cmark_node *doc = cmark_parse_document(data, len, CMARK_OPT_DEFAULT);
        if (!doc)
            nomem(&p);
        else
            document(&p, doc);
        cmark_node_free(doc);
    }
    if (p.err) {
        pm_toelichting_free(t);
        return p.err;
    }
    *out = t;
    return PM_OK;
}

pm_error pm_toelichting_read(const char *path, pm_toelichting **out, char *msg,
                             size_t msgsize)
{
    *out = NULL;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        snprintf(msg, msgsize, "%s kan niet worden gelezen: %s", path,
                 pm_errno_text(errno));
        return PM_ERR_IO;
    }
    /* One byte past the limit tells a file that is too big without
     * trusting its size on disk (a pipe has none). */
    char *buf = malloc(PM_TL_MAX_BYTES + 1);
    if (!buf) {
        fclose(fp);
        snprintf(msg, msgsize, "%s", pm_strerror(PM_ERR_NOMEM));
        return PM_ERR_NOMEM;
    }
    size_t len = fread(buf, 1, PM_TL_MAX_BYTES + 1, fp);
    int rerr = ferror(fp) ? (errno ? errno : EIO) : 0;
    fclose(fp);
    pm_error err = PM_OK;
    if (rerr) {
        snprintf(msg, msgsize, "%s kan niet worden gelezen: %s", path,
                 pm_errno_text(rerr));
        err = PM_ERR_IO;
    } else if (len > PM_TL_MAX_BYTES) {
        snprintf(msg, msgsize,
                 "%s: de toelichting is groter dan %d MB; is dit het goede bestand?",
                 base_name(path), PM_TL_MAX_BYTES / (1024 * 1024));
        err = PM_ERR_DATA;
    } else {
        err = pm_toelichting_parse(path, buf, len, out, msg, msgsize);
    }
    free(buf);
    return err;
}
