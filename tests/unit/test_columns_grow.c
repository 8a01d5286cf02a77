/* test_columns_grow.c — unit tests for engine/columns_grow.c: the growing
 * arrays and id arenas that columns.c, columns_activity.c and
 * columns_collect.c share. Prints TAP. */
#include "columns_grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"

static void test_reserve(void)
{
    int32_t *rows = NULL;
    size_t cap = 0;
    CHECK(pm_columns_reserve((void **)&rows, &cap, 0, sizeof *rows) == PM_OK && rows &&
              cap == 4096,
          "reserve_starts_an_empty_array_at_4096_rows");
    for (size_t i = 0; i < cap; i++)
        rows[i] = (int32_t)i;
    int32_t *before = rows;
    CHECK(pm_columns_reserve((void **)&rows, &cap, 4095, sizeof *rows) == PM_OK &&
              rows == before && cap == 4096,
          "reserve_leaves_an_array_with_room_as_it_is");
    CHECK(pm_columns_reserve((void **)&rows, &cap, 4096, sizeof *rows) == PM_OK &&
              cap == 8192,
          "reserve_doubles_a_full_array");
    int kept = 1;
    for (size_t i = 0; i < 4096; i++)
        kept &= rows[i] == (int32_t)i;
    rows[8191] = 7; /* the grown room is writable */
    CHECK(kept && rows[8191] == 7, "reserve_keeps_the_rows_when_it_grows");
    free(rows);
}

static void test_arena(void)
{
    char *arena = NULL;
    size_t used = 0, cap = 0, at = 99;
    CHECK(pm_columns_arena_add(&arena, &used, &cap, 16, "abcXYZ", 3, &at) == PM_OK &&
              at == 0 && used == 4 && cap == 16,
          "arena_add_starts_at_first_bytes_and_takes_len_bytes_and_a_nul");
    CHECK(arena && strcmp(arena, "abc") == 0, "arena_add_ends_the_id_with_a_nul");
    char long_id[41];
    memset(long_id, 'x', 40);
    long_id[40] = '\0';
    CHECK(pm_columns_arena_add(&arena, &used, &cap, 16, long_id, 40, &at) == PM_OK &&
              at == 4 && used == 45 && cap == 64,
          "arena_add_doubles_until_a_long_id_fits");
    CHECK(strcmp(arena, "abc") == 0 && strcmp(arena + 4, long_id) == 0,
          "arena_add_keeps_earlier_ids_when_it_grows");
    CHECK(pm_columns_arena_add(&arena, &used, &cap, 16, "", 0, &at) == PM_OK &&
              at == 45 && used == 46 && arena[45] == '\0',
          "arena_add_takes_an_empty_id");
    free(arena);
}

int main(void)
{
    test_reserve();
    test_arena();
    return tap_done();
}
