#include "Commands.h"

#include <QString>

namespace {

using namespace commands;

const Command Table[] = {
    {"init", "create or upgrade the usage schema [--roles: PostgreSQL writer and admin roles]",
     "roles writer-role admin-role", &init},
    {"demo", "fill a database with realistic demo usage [--users N --events N --days N --seed N --end DATE]",
     "users events days seed end", &demo},
    {"track", "record one call and print its cost (--user --service --model --input --output ...)",
     "user service model input output cached cache-write endpoint meta event-id timestamp unattributed", &track},
    {"import", "record many calls from FILE.jsonl (- for standard input), one JSON object a line",
     "batch unattributed", &import, 1},
    {"cost", "price a call without a database (--model --input --output [--cached --cache-write])",
     "model input output cached cache-write", &cost},
    {"stats", "totals and per-service breakdown [--from --to]", "from to", &stats},
    {"users", "per-user rows [--from --to]", "from to", &users},
    {"costs", "total cost per service and model [--from --to]", "from to", &costs},
    {"series", "cost per service per day, week or month [--bucket --from --to]", "bucket from to", &series},
    {"events", "the latest requests of one user (--user [--limit --offset --from --to])",
     "user limit offset from to", &events},
    {"block", "block a user (--user --reason)", "user reason", &block},
    {"unblock", "unblock a user (--user)", "user reason", &unblock},
    {"risk", "set a user's risk score, 0..100 (--user --score); `--suggest [--user ID]` prints suggested scores "
             "with their reasons (a score past the alert level raises an alert), `--suggest --user ID --accept` sets "
             "the suggestion; `--alert-level N` sets that level (default 70, 0: none)",
     "user score reason suggest accept alert-level", &risk},
    {"check", "exit 0 when the user may call, 3 with the blocked message when not (--user)", "user", &check},
    {"export", "write a CSV report (--kind users|events|daily --out FILE.csv [--from --to])",
     "kind out from to", &exportReport},
    {"audit", "the admin audit log [--user --action --limit]; --verify checks its hash chain",
     "user action limit verify", &audit},
    {"prices", "the admin's own prices; `prices set MODEL --input --output [--cached --cache-write --from DATE]`; "
               "`prices import FILE` (a LiteLLM map or Meterdesk's format) [--from DATE]; "
               "`prices reprice [--model M --from --to --dry-run]` prices recorded calls again",
     "input output cached cache-write from to service model dry-run", &prices, 2},
    {"budget", "budgets that block by themselves; `budget set (--user ID | --all) [--service S] (--usd N | "
               "--requests N) --period day|week|month [--soft PCT]` (the same scope again replaces it); "
               "`budget list`; `budget remove ID`",
     "user all service usd requests period soft", &budget, 2},
    {"alerts", "soft budget thresholds, budget blocks and risk rising [--since DATE --limit N]; "
               "`--follow --exec CMD` gives each new alert to CMD as JSON on standard input [--name --interval --once]",
     "since limit follow exec name interval once", &alerts},
    {"verify", "check that stats (service_breakdown, total_cost, unpriced counts) and rollups equal the log", "",
     &verify},
};

} // namespace

std::span<const Command> commandTable()
{
    return Table;
}

const Command *findCommand(QStringView name)
{
    for (const Command &command : Table)
        if (name == QLatin1String(command.name))
            return &command;
    return nullptr;
}
