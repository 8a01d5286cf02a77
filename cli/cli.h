/* cli.h — the command line of SPEC §8: parses arguments, runs a command,
 * and returns the process exit code (0 ok, 1 usage, 2 data, 3 file/db). */
#ifndef PM_CLI_H
#define PM_CLI_H

int pm_cli_main(int argc, char **argv);

#endif
