#pragma once

#include "money/Money.h"
#include "storage/Database.h"
#include "meterdesk_core_export.h"

#include <QByteArray>
#include <QDate>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace meterdesk::Reconcile {

// A provider's bill, as its cost and usage reports say it, per UTC day:
// the cost billed that day, and per model the tokens billed (and the cost,
// where the report has models).
struct BilledModel
{
    qint64 inputTokens = 0; // uncached input
    qint64 outputTokens = 0;
    qint64 cachedTokens = 0;     // cache reads
    qint64 cacheWriteTokens = 0; // Anthropic's cache creation
    qint64 requests = 0;
    Money cost;
    bool hasCost = false;
    qint64 tokens() const { return inputTokens + outputTokens + cachedTokens + cacheWriteTokens; }
};

struct BilledDay
{
    Money cost;
    bool hasCost = false;   // a cost report covered the day
    bool hasTokens = false; // a usage report covered the day
    QMap<QString, BilledModel> models;
};

struct Bill
{
    QString provider; // "openai" or "anthropic": the service its calls are tracked under
    QMap<QDate, BilledDay> days;
    // One line per page or bucket that could not be read, or was read before.
    QStringList problems;
};

// Reads any number of report pages: one file each, or several JSON
// documents one after another in one file. OpenAI: the organization costs
// API (buckets of `results[].amount.value`) and usage API for completions
// (`input_tokens`, `input_cached_tokens`, `output_tokens`,
// `num_model_requests`, `model`); Anthropic: the cost report (amounts in
// cents, as decimal strings) and the usage report. A page in another
// currency, or of another shape, is reported and skipped; a bucket already
// read (overlapping or duplicate pages) is counted once.
METERDESK_CORE_EXPORT std::optional<Bill> readReports(const QString &provider, const QList<QByteArray> &files,
                                                      QString *error);

// One model's share of a day, where the bill has models. Names are matched
// without a trailing date ("gpt-4o-mini-2024-07-18" is "gpt-4o-mini"), as a
// bill and a tracked response may name the same model either way.
struct ModelRow
{
    QString model;
    Money tracked;
    Money billed;
    bool billedKnown = false;
    qint64 trackedTokens = 0;
    qint64 billedTokens = -1;
    bool gap = false;
};

// One day of the comparison, and why the two sides differ where they do.
struct DayRow
{
    QDate day;
    Money tracked;
    Money billed;
    bool billedKnown = false;
    qint64 trackedTokens = 0;
    qint64 billedTokens = -1; // -1: no usage report for the day
    qint64 trackedCalls = 0;
    bool gap = false;
    QStringList causes;
    QList<ModelRow> models; // empty when the bill has no models
};

struct Options
{
    // A gap counts past both: a share of the larger side, in hundredths of a
    // percent (100: 1%), and an amount.
    int toleranceBasisPoints = 100;
    Money toleranceUsd = Money::fromNanos(10'000'000); // $0.01
};

// Compares the bill with what was tracked under the provider's service,
// day by day (and model by model where the bill has models).
METERDESK_CORE_EXPORT std::optional<QList<DayRow>> compare(Database &database, const Bill &bill, const Options &options,
                                                           QString *error);

// The comparison as CSV (RFC 4180, causes neutralised as text cells).
METERDESK_CORE_EXPORT QByteArray csv(const QList<DayRow> &rows);

} // namespace meterdesk::Reconcile
