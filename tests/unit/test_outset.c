/* test_outset.c — the output set (outset.c): nothing takes its final name
 * before the commit, a failed set leaves nothing, collisions are refused
 * before anything is written. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outset.h"
#include "tap.h"

static char dir[] = "/tmp/pm-outset-XXXXXX";

static char *in_dir(const char *name)
{
    static char buf[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
    return buf[k];
}

static void write_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    if (fp) {
        fputs(text, fp);
        fclose(fp);
    }
}

static void outset_renames_only_on_commit(void)
{
    char msg[512];
    size_t id;
    const char *path = in_dir("rapport.txt");
    pm_outset *s = pm_outset_new();
    CHECK(pm_outset_add_file(s, "--pdf", path, 0, &id, msg, sizeof msg) == PM_OK &&
              pm_outset_prepare(s, msg, sizeof msg) == PM_OK,
          "outset_prepares_a_temporary");
    CHECK(pm_outset_fill(s, id, "half", 4, msg, sizeof msg) == PM_OK, "fill_writes");
    struct stat sb;
    CHECK(stat(path, &sb) != 0, "final_name_absent_while_writing");
    char tmp[512];
    snprintf(tmp, sizeof tmp, "%s", pm_outset_tmp(s, id));
    CHECK(strstr(tmp, "/.pm-") != NULL, "temporary_has_a_short_name_beside_the_target");
    pm_outset_free(s);
    CHECK(stat(path, &sb) != 0 && stat(tmp, &sb) != 0,
          "free_without_commit_leaves_neither_final_nor_temporary_file");

    s = pm_outset_new();
    pm_outset_add_file(s, "--pdf", path, 0, &id, msg, sizeof msg);
    pm_outset_prepare(s, msg, sizeof msg);
    snprintf(tmp, sizeof tmp, "%s", pm_outset_tmp(s, id));
    pm_outset_fill(s, id, "heel", 4, msg, sizeof msg);
    CHECK(pm_outset_commit(s, msg, sizeof msg) == PM_OK, "commit_succeeds");
    pm_outset_free(s);
    CHECK(stat(path, &sb) == 0 && sb.st_size == 4, "commit_puts_whole_file_in_place");
    CHECK(stat(tmp, &sb) != 0, "commit_leaves_no_temporary_file");
    unlink(path);
}

static void outset_refuses_collisions_before_writing(void)
{
    char msg[512];
    size_t a, b;
    write_file(in_dir("pm.db"), "db");
    pm_outset *s = pm_outset_new();
    pm_outset_protect(s, "de database", in_dir("pm.db"), msg, sizeof msg);
    pm_outset_add_file(s, "--xlsx", in_dir("./sub/../pm.db"), 0, &a, msg, sizeof msg);
    CHECK(pm_outset_prepare(s, msg, sizeof msg) == PM_ERR_USAGE &&
              strstr(msg, "hetzelfde bestand als de database") != NULL,
          "output_over_the_database_by_another_spelling_is_a_usage_error");
    pm_outset_free(s);

    s = pm_outset_new();
    pm_outset_add_file(s, "--xlsx", in_dir("r.out"), 0, &a, msg, sizeof msg);
    pm_outset_add_file(s, "--pdf", in_dir("./r.out"), 0, &b, msg, sizeof msg);
    CHECK(pm_outset_prepare(s, msg, sizeof msg) == PM_ERR_USAGE &&
              strstr(msg, "--xlsx") && strstr(msg, "--pdf"),
          "two_outputs_on_one_new_file_name_both");
    pm_outset_free(s);
    struct stat sb;
    CHECK(stat(in_dir("r.out"), &sb) != 0, "a_refused_set_writes_nothing");
    unlink(in_dir("pm.db"));
}

static void outset_noreplace_never_replaces(void)
{
    char msg[512];
    size_t id;
    const char *path = in_dir("sjabloon.csv");
    pm_outset *s = pm_outset_new();
    pm_outset_add_file(s, "sjabloon", path, PM_OUTSET_NOREPLACE, &id, msg, sizeof msg);
    pm_outset_prepare(s, msg, sizeof msg);
    pm_outset_fill(s, id, "nieuw", 5, msg, sizeof msg);
    /* The race: the name is taken after the set was prepared. */
    write_file(path, "van de gebruiker");
    char tmp[512];
    snprintf(tmp, sizeof tmp, "%s", pm_outset_tmp(s, id));
    CHECK(pm_outset_commit(s, msg, sizeof msg) == PM_ERR_IO &&
              strstr(msg, "bestaat al") != NULL,
          "noreplace_commit_refuses_a_file_that_appeared_meanwhile");
    pm_outset_free(s);
    FILE *fp = fopen(path, "r");
    char got[32] = "";
    if (fp) {
        if (!fgets(got, sizeof got, fp))
            got[0] = '\0';
        fclose(fp);
    }
    struct stat sb;
    CHECK_STR(got, "van de gebruiker", "the_file_that_appeared_is_untouched");
    CHECK(stat(tmp, &sb) != 0, "the_refused_temporary_is_removed");
    unlink(path);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    outset_renames_only_on_commit();
    outset_refuses_collisions_before_writing();
    outset_noreplace_never_replaces();
    rmdir(dir);
    return tap_done();
}
