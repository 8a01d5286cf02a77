/* schema_v7.h — schema version 7: the fixed-value CHECKs without IN lists. */
#ifndef PM_SCHEMA_V7_H
#define PM_SCHEMA_V7_H

/* The migration from version 6 to 7 as one SQL script; run by store.c's
 * migrate() inside its transaction, with foreign-key enforcement off. */
extern const char pm_schema_v7[];

#endif
