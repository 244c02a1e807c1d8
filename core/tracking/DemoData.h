#pragma once

#include "storage/Database.h"
#include "meterdesk_core_export.h"

#include <QDate>
#include <QString>

#include <functional>

namespace meterdesk {

class PriceBook;

struct DemoOptions
{
    int users = 500;
    qint64 events = 200'000;
    int days = 120;
    quint64 seed = 42;
    QDate lastDay;   // default: today (UTC)
    int batchSize = 5000;
};

struct DemoResult
{
    bool ok = false;
    QString error;
    bool cancelled = false; // the progress callback asked to stop
    int users = 0;
    qint64 events = 0;
    int blocked = 0;
    double seconds = 0;
};

// Fills a database with believable usage: a few heavy users and a long
// tail, weekday and working-hour rhythms, all four services and many models
// (a few of them unpriced), some users blocked with reasons, risk scores
// spread. The same options and seed give the same data; event ids are
// derived from the seed, so running it twice does not count anything twice.
// `progress` hears the events recorded after each batch; returning false
// stops after that batch (the result's error says so, and what was recorded
// stays, each batch whole).
METERDESK_CORE_EXPORT DemoResult generateDemoData(Database &database, const PriceBook &prices,
                                                  const DemoOptions &options,
                                                  const std::function<bool(qint64 done)> &progress = {});

} // namespace meterdesk
