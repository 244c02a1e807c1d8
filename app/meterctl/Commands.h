#pragma once

#include <QStringView>

#include <span>

class Cli;

// One meterctl command. Adding a command is a function and a row in the
// table (Commands.cpp); help, dispatch and option checks read the row.
struct Command
{
    const char *name;
    const char *summary; // one line for --help
    const char *options; // the options it reads, space-separated (besides --db, --prices, --json)
    int (*run)(Cli &cli);
    int arguments = 0; // positional arguments after the name (import FILE; prices set MODEL)
    const char *example = ""; // lines for `meterctl COMMAND --help`
};

// Every command, in the order --help lists them.
std::span<const Command> commandTable();
const Command *findCommand(QStringView name);

// The commands, one function each (ReadCommands.cpp, WriteCommands.cpp).
namespace commands {
int init(Cli &cli);
int demo(Cli &cli);
int track(Cli &cli);
int import(Cli &cli);
int cost(Cli &cli);
int stats(Cli &cli);
int users(Cli &cli);
int costs(Cli &cli);
int series(Cli &cli);
int events(Cli &cli);
int block(Cli &cli);
int unblock(Cli &cli);
int risk(Cli &cli);
int check(Cli &cli);
int exportReport(Cli &cli);
int audit(Cli &cli);
int verify(Cli &cli);
int reconcile(Cli &cli); // ReconcileCommand.cpp
int prices(Cli &cli);
int budget(Cli &cli);
int alerts(Cli &cli);
int suggestRisk(Cli &cli); // risk --suggest
int riskAlertLevel(Cli &cli); // risk --alert-level
} // namespace commands
