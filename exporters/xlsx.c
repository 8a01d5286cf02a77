/* xlsx.c — placeholder until the exporter is written. */
#include "xlsx.h"

#include <stdio.h>

pm_error pm_xlsx_write(const pm_xlsx_input *in, const char *path, char *msg, size_t msgsize)
{
    (void)in;
    snprintf(msg, msgsize, "%s: dit uitvoerformaat is nog niet beschikbaar", path);
    return PM_ERR_USAGE;
}
