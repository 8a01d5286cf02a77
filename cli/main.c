/* main.c — the pijlermonitor program: everything happens in cli.c. */
#include "cli.h"

int main(int argc, char **argv)
{
    return pm_cli_main(argc, argv);
}
