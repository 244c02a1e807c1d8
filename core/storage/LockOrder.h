#pragma once

#include <QtGlobal>

#include <array>

namespace meterdesk {

// The aggregate tables that every writer keeps in step with the log.
enum class Aggregate {
    UserService,  // api_usage_user_service: per user and service, all time
    Stats,        // api_usage_stats: the seed's per-user row
    Daily,        // api_usage_daily: per day, user, service and model
    Weekly,       // api_usage_weekly: per week (from Monday), user and service
    DailyService, // api_usage_daily_service: per day, service and model
};

// The one order in which every writer takes rows of the aggregates: the
// Tracker, the PostgreSQL trigger that counts the original writer's rows
// (Schema builds it from this list), admin actions (the stats row alone)
// and any later writer. Within a table, rows are taken in ascending key
// order. Two writers that followed different orders deadlocked, and the
// original writer, which swallows its errors, lost those calls.
//
// Admin actions take the audit chain's advisory lock before any stats row:
// a batch never waits for that lock, so an admin holding it and waiting for
// a stats row cannot close a cycle.
//
// Why this order: the log row comes before all of them (nobody else holds
// it); the per-service totals come before the stats row, whose
// service_breakdown is derived from them once that row is locked; the rows
// that every user shares (daily_service) come last, so that they are held
// for the shortest time.
// The PostgreSQL advisory lock that serialises rows of the audit chain
// (admin/AuditChain.h): taken before any stats row, by admin actions and by
// a batch that blocks a user for a budget (budgets/BudgetEnforcer.h).
inline constexpr qint64 AuditChainLock = 0x6d65746572; // "meter"

inline constexpr std::array<Aggregate, 5> AggregateLockOrder{Aggregate::UserService, Aggregate::Stats,
                                                             Aggregate::Daily, Aggregate::Weekly,
                                                             Aggregate::DailyService};

} // namespace meterdesk
