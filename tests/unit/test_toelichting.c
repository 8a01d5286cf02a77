/* test_toelichting.c — unit tests for engine/toelichting.c: the sections,
 * blocks and runs of a CommonMark toelichting, and every refusal with its
 * line. Prints TAP. */
#include "toelichting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"

static pm_error parse(const char *text, pm_toelichting **t, char *msg, size_t size)
{
    msg[0] = '\0';
    return pm_toelichting_parse("map/toel.md", text, strlen(text), t, msg, size);
}

static void every_construct_is_kept(void)
{
    const char *md = "# Toelichting Q4\n"
                     "\n"
                     "## R1\n"
                     "\n"
                     "Een *nadruk*, **vet**, `code` en [de site](https://example.nl/a).\n"
                     "Zachte regel.  \n"
                     "Harde regel.\n"
                     "\n"
                     "- een\n"
                     "  - genest\n"
                     "- twee\n"
                     "\n"
                     "3. drie\n"
                     "4. vier\n"
                     "\n"
                     "## Risico’s\n"
                     "\n"
                     "Tekst.\n";
    pm_toelichting *t = NULL;
    char msg[512];
    pm_error err = parse(md, &t, msg, sizeof msg);
    CHECK(err == PM_OK && t, "a_file_with_every_allowed_construct_parses");
    if (!t) {
        printf("# %s\n", msg);
        return;
    }
    CHECK_STR(t->name, "toel.md", "the_name_is_the_file_name_without_folders");
    const pm_tl_section *s = pm_tl_for_indicator(t, "R1");
    CHECK(s && s->nblocks == 6, "r1_has_a_paragraph_and_five_list_items");
    CHECK(s && s->line == 3, "a_section_knows_its_heading_line");
    if (!s || s->nblocks != 6)
        goto out;
    const pm_tl_block *b = &s->blocks[0];
    CHECK(b->depth == 0 && !b->marker, "a_paragraph_has_depth_0");
    CHECK(b->nruns >= 8, "the_paragraph_has_its_runs");
    CHECK_STR(b->runs[0].text, "Een ", "plain_text_is_a_run");
    CHECK(b->runs[1].style == PM_TL_EMPH, "emphasis_is_marked");
    CHECK(b->runs[3].style == PM_TL_STRONG, "strong_is_marked");
    CHECK(b->runs[5].style == PM_TL_CODE, "code_is_marked");
    CHECK_STR(b->runs[7].url, "https://example.nl/a", "a_link_keeps_its_url");
    CHECK_STR(b->runs[7].text, "de site", "a_link_keeps_its_text");
    bool brk = false;
    for (size_t i = 0; i < b->nruns; i++)
        brk = brk || b->runs[i].brk;
    CHECK(brk, "a_hard_line_break_is_a_break_run");
    CHECK(s->blocks[1].depth == 1 && s->blocks[1].marker && s->blocks[1].number == 0,
          "a_bullet_item_has_depth_1_and_no_number");
    CHECK(s->blocks[2].depth == 2, "a_nested_item_has_depth_2");
    CHECK(s->blocks[4].number == 3 && s->blocks[5].number == 4,
          "an_ordered_list_keeps_its_start_number");
    CHECK(t->sections[PM_TL_RISICOS].present,
          "risicos_with_a_typographic_apostrophe_is_the_risks_section");
    CHECK(!t->sections[PM_TL_R2].present, "a_missing_section_is_absent");
out:
    pm_toelichting_free(t);
}

/* Each bad file: the message names the file and this line. */
static const struct bad_case {
    const char *name;
    const char *text;
    long line;
    const char *word; /* in the reason */
} bad_cases[] = {
    {"text_before_the_first_section_is_refused", "Hallo\n\n## R1\n\nx\n", 1, "vóór"},
    {"an_unknown_section_is_refused", "## R1\n\nx\n\n## R7\n\ny\n", 5,
     "onbekende sectie"},
    {"a_repeated_section_is_refused", "## R1\n\nx\n\n## R1\n\ny\n", 5, "staat er al"},
    {"an_html_block_is_refused", "## R1\n\n<div>x</div>\n", 3, "HTML"},
    {"inline_html_is_refused", "## R1\n\nen <b>vet</b>\n", 3, "HTML"},
    {"an_image_is_refused", "## B\n\nzie ![grafiek](https://x.nl/a.png)\n", 3,
     "afbeelding"},
    {"a_level_3_heading_is_refused", "## R1\n\nx\n\n### Sub\n", 5, "niveau 3"},
    {"a_code_block_is_refused", "## R1\n\n    code\n", 3, "codeblok"},
    {"a_quote_is_refused", "## R1\n\n> citaat\n", 3, "citaat"},
    {"a_javascript_link_is_refused", "## R1\n\n[x](javascript:alert(1))\n", 3,
     "https://"},
    {"a_control_character_is_refused", "## R1\n\nx\x07y\n", 3, "U+0007"},
    {"invalid_utf8_names_line_7", "## R1\n\na\nb\nc\nd\n\xC3(\n", 7, "UTF-8"},
    /* Found by fuzz_toelichting: "# B" CR "\"" named a line the file had not. */
    {"a_lone_cr_ends_a_line_as_in_cmark", "## R1\r\rx\r\r## Onbekend\r", 5, "onbekende"},
    {"crlf_lines_count_once", "## R1\r\n\r\nx\r\n\r\n## Onbekend\r\n", 5, "onbekende"},
    {"a_deep_list_is_refused", "## R1\n\n- a\n  - b\n    - c\n      - d\n", 6, "niveaus"},
};

static void bad_files_are_refused_with_their_line(void)
{
    for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
        const struct bad_case *c = &bad_cases[i];
        pm_toelichting *t = NULL;
        char msg[512], want[64];
        pm_error err = parse(c->text, &t, msg, sizeof msg);
        snprintf(want, sizeof want, "toel.md:%ld: ", c->line);
        bool ok = err == PM_ERR_DATA && !t && strncmp(msg, want, strlen(want)) == 0 &&
                  strstr(msg, c->word);
        CHECK(ok, c->name);
        if (!ok)
            printf("#   got '%s'\n", msg);
        pm_toelichting_free(t);
    }
}

static void the_template_round_trips_empty(void)
{
    char *tpl = pm_tl_template();
    pm_toelichting *t = NULL;
    char msg[512];
    pm_error err = parse(tpl, &t, msg, sizeof msg);
    CHECK(err == PM_OK, "the_template_parses");
    CHECK(t && !pm_tl_any(t), "the_template_holds_no_section_of_text");
    bool all = tpl != NULL;
    for (int k = 0; tpl && k < PM_TL_NSECTIONS; k++) {
        char h[64];
        snprintf(h, sizeof h, "## %s\n", pm_tl_heading((pm_tl_id)k));
        all = all && strstr(tpl, h) && strstr(tpl, pm_tl_hint((pm_tl_id)k));
    }
    CHECK(all, "the_template_has_every_section_and_its_hint");
    pm_toelichting_free(t);
    /* The hint with a word of the coordinator's own is text. */
    t = NULL;
    char buf[512];
    snprintf(buf, sizeof buf, "## R1\n\n*%s* Ja.\n", pm_tl_hint(PM_TL_R1));
    err = parse(buf, &t, msg, sizeof msg);
    CHECK(err == PM_OK && t && t->sections[PM_TL_R1].present,
          "a_hint_with_more_text_is_kept");
    pm_toelichting_free(t);
    free(tpl);
}

static void an_empty_section_is_left_out(void)
{
    pm_toelichting *t = NULL;
    char msg[512];
    pm_error err = parse("## R1\n\n## R2\n\nTekst.\n", &t, msg, sizeof msg);
    CHECK(err == PM_OK && t && !t->sections[PM_TL_R1].present &&
              t->sections[PM_TL_R2].present,
          "an_empty_section_is_absent_and_the_next_present");
    pm_toelichting_free(t);
}

static void a_bom_is_skipped(void)
{
    pm_toelichting *t = NULL;
    char msg[512];
    pm_error err = parse("\xEF\xBB\xBF## B\n\nx\n", &t, msg, sizeof msg);
    CHECK(err == PM_OK && t && t->sections[PM_TL_B].present, "a_leading_bom_is_skipped");
    pm_toelichting_free(t);
}

int main(void)
{
    every_construct_is_kept();
    bad_files_are_refused_with_their_line();
    the_template_round_trips_empty();
    an_empty_section_is_left_out();
    a_bom_is_skipped();
    return tap_done();
}
