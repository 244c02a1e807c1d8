#include "Commands.h"

#include <QString>

namespace {

using namespace commands;

const Command Table[] = {
    {"init", "create or upgrade the usage schema [--roles: PostgreSQL writer and admin roles]",
     "roles writer-role admin-role", &init, 0,
     "meterctl init --db usage.sqlite\n"
     "meterctl init --db postgresql://admin@db.internal/app --roles"},
    {"demo", "fill a database with realistic demo usage [--users N --events N --days N --seed N --end DATE]",
     "users events days seed end", &demo, 0,
     "meterctl demo --db demo.sqlite --users 500 --events 200000 --days 120"},
    {"track", "record one call and print its cost (--user --service --model --input --output ...)",
     "user service model input output cached cache-write endpoint tier meta event-id timestamp unattributed", &track, 0,
     "meterctl track --db usage.sqlite --user u-42 --service openai --model gpt-4o --input 1200 --output 350 --endpoint support-chat"},
    {"import", "record many calls from FILE.jsonl (- for standard input), one JSON object a line; "
               "`--format openai|anthropic|gemini` reads the providers' responses as returned, `--format litellm` "
               "LiteLLM's spend log (JSON lines or CSV)",
     "batch unattributed format", &import, 1,
     "meterctl import calls.jsonl --db usage.sqlite --batch 5000\n"
     "producer | meterctl import - --db usage.sqlite\n"
     "meterctl import responses.jsonl --format openai --db usage.sqlite"},
    {"cost", "price a call without a database (--model --input --output [--cached --cache-write])",
     "model input output cached cache-write", &cost, 0,
     "meterctl cost --model claude-sonnet-4-20250514 --input 12000 --output 800 --cached 4000"},
    {"stats", "totals and per-service breakdown [--from --to]", "from to csv", &stats, 0,
     "meterctl stats --db usage.sqlite --from 2026-11-01 --to 2026-11-30"},
    {"users", "per-user rows [--from --to]", "from to csv", &users, 0,
     "meterctl users --db usage.sqlite --from 2026-11-01 --csv > users.csv"},
    {"costs", "total cost per service and model [--from --to]; `--by endpoint|model|service` per one of those",
     "from to csv by", &costs, 0,
     "meterctl costs --db usage.sqlite --from 2026-11-01 --json\n"
     "meterctl costs --db usage.sqlite --by endpoint --csv > cost-by-feature.csv"},
    {"series", "cost per service per day, week or month [--bucket --from --to --by endpoint|model|service]",
     "bucket from to csv by", &series, 0,
     "meterctl series --db usage.sqlite --bucket week --from 2026-09-01\n"
     "meterctl series --db usage.sqlite --by endpoint --from 2026-11-01"},
    {"events", "the latest requests of one user (--user [--limit --offset --from --to])",
     "user limit offset from to csv", &events, 0,
     "meterctl events --db usage.sqlite --user u-42 --limit 20\n"
     "meterctl events --db usage.sqlite --user u-42 --csv > u-42.csv"},
    {"block", "block a user (--user --reason)", "user reason", &block, 0,
     "meterctl block --db usage.sqlite --user u-42 --reason \"40x the median daily cost\""},
    {"unblock", "unblock a user (--user)", "user reason", &unblock, 0,
     "meterctl unblock --db usage.sqlite --user u-42 --reason \"talked to them\""},
    {"risk", "set a user's risk score, 0..100 (--user --score); `--suggest [--user ID]` prints suggested scores "
             "with their reasons (a score past the alert level raises an alert), `--suggest --user ID --accept` sets "
             "the suggestion; `--alert-level N` sets that level (default 70, 0: none)",
     "user score reason suggest accept alert-level", &risk, 0,
     "meterctl risk --db usage.sqlite --user u-42 --score 80\n"
     "meterctl risk --db usage.sqlite --suggest"},
    {"check", "exit 0 when the user may call, 3 with the blocked message when not (--user)", "user", &check, 0,
     "meterctl check --db usage.sqlite --user u-42 || echo \"u-42 may not call\""},
    {"export", "write a CSV report (--kind users|events|daily|endpoints --out FILE.csv [--from --to])",
     "kind out from to", &exportReport, 0,
     "meterctl export --db usage.sqlite --kind daily --out daily.csv --from 2026-11-01"},
    {"audit", "the admin audit log [--user --action --limit]; --verify checks its hash chain",
     "user action limit verify csv", &audit, 0,
     "meterctl audit --db usage.sqlite --action block --csv > blocks.csv\n"
     "meterctl audit --db usage.sqlite --verify"},
    {"prices", "the admin's own prices; `prices set MODEL --input --output [--cached --cache-write --from DATE]`; "
               "`prices import FILE` (a LiteLLM map or Meterdesk's format) [--from DATE]; "
               "`prices reprice [--model M --from --to --dry-run]` prices recorded calls again",
     "input output cached cache-write from to service model dry-run", &prices, 2,
     "meterctl prices set my-finetune --input 3 --output 12 --db usage.sqlite\n"
     "meterctl prices reprice --model my-finetune --dry-run --db usage.sqlite"},
    {"budget", "budgets that block by themselves; `budget set (--user ID | --all) [--service S] (--usd N | "
               "--requests N) --period day|week|month [--soft PCT]` (the same scope again replaces it); "
               "`budget list`; `budget remove ID`",
     "user all service usd requests period soft", &budget, 2,
     "meterctl budget set --all --usd 20 --period month --soft 80 --db usage.sqlite\n"
     "meterctl budget list --db usage.sqlite"},
    {"alerts", "soft budget thresholds, budget blocks and risk rising [--since DATE --limit N]; "
               "`--follow --exec CMD` gives each new alert to CMD as JSON on standard input [--name --interval --once]",
     "since limit follow exec name interval once", &alerts, 0,
     "meterctl alerts --db usage.sqlite --since 2026-11-01\n"
     "meterctl alerts --db usage.sqlite --follow --exec ./notify.sh"},
    {"reconcile", "compare the provider's cost and usage reports (JSON pages) with what was tracked, day by day, "
                  "and say why days differ (`--provider openai|anthropic FILE…`)",
     "provider csv", &reconcile, 100,
     "meterctl reconcile --db usage.sqlite --provider openai costs.json usage.json\n"
     "meterctl reconcile --db usage.sqlite --provider anthropic cost_report.json --csv > bill.csv"},
    {"verify", "check that stats (service_breakdown, total_cost, unpriced counts) and rollups equal the log", "",
     &verify, 0,
     "meterctl verify --db usage.sqlite"},
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
