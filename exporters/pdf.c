/* pdf.c — placeholder until the exporter is written. */
#include "pdf.h"

#include <stdio.h>

pm_error pm_pdf_write(const pm_pdf_input *in, const char *path, char *msg, size_t msgsize)
{
    (void)in;
    snprintf(msg, msgsize, "%s: dit uitvoerformaat is nog niet beschikbaar", path);
    return PM_ERR_USAGE;
}
