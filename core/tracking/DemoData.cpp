#include "tracking/DemoData.h"

#include "admin/AdminActions.h"
#include "money/PriceBook.h"
#include "tracking/Tracker.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTimeZone>

#include <cmath>
#include <random>

namespace meterdesk {

namespace {

struct DemoModel
{
    const char *service;
    const char *model;
    const char *endpoint;
    double weight;
    double meanInput;   // median input tokens
    double meanOutput;  // median output tokens
    double cachedShare; // chance that part of the input is a cache read
};

// Unpriced on purpose: a fine-tune, an experimental model and two models the
// built-in book does not carry, so the dashboard has gaps to show.
const DemoModel Models[] = {
    {"openai", "gpt-4o-mini", "chat.completions", 30, 900, 220, 0.2},
    {"openai", "gpt-4o-2024-08-06", "chat.completions", 9, 1400, 380, 0.2},
    {"openai", "gpt-4.1-mini", "chat.completions", 6, 1100, 300, 0.3},
    {"openai", "gpt-5-mini", "responses", 5, 1500, 700, 0.3},
    {"openai", "o4-mini", "responses", 2, 2000, 1500, 0.1},
    {"openai", "text-embedding-3-small", "embeddings", 6, 600, 0, 0},
    {"openai", "ft:gpt-4o-mini:acme:support:9xk2", "chat.completions", 1.2, 800, 200, 0},
    {"anthropic", "claude-sonnet-4-20250514", "messages", 12, 2500, 600, 0.5},
    {"anthropic", "claude-3-5-haiku-20241022", "messages", 8, 1200, 300, 0.4},
    {"anthropic", "claude-haiku-4-5", "messages", 4, 1200, 350, 0.4},
    {"anthropic", "claude-opus-4-1-20250805", "messages", 1.5, 3000, 900, 0.5},
    {"google", "gemini-2.0-flash-001", "generateContent", 6, 1500, 300, 0.1},
    {"google", "gemini-2.5-flash", "generateContent", 4, 1800, 500, 0.1},
    {"google", "models/gemini-2.5-pro", "generateContent", 1.5, 4000, 900, 0.2},
    {"google", "gemini-exp-1206", "generateContent", 0.6, 2000, 500, 0},
    {"other", "mistral-large-latest", "chat", 1.5, 1000, 300, 0},
    {"other", "llama-3.1-70b-instruct", "chat", 1.2, 1000, 300, 0},
};

const char *const FirstNames[] = {"Ada", "Ben", "Chloé", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines",
                                  "Jonas", "Kemi", "Liam", "Maya", "Nikolai", "Olga", "Pedro", "Quinn",
                                  "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoë"};
const char *const LastNames[] = {"Adams", "Becker", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Haddad",
                                 "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "O'Brien",
                                 "Petrov", "Quist", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga", "Weber",
                                 "Xu", "Yilmaz", "Zimmermann"};
const char *const Features[] = {"ai-response-generation", "support-chat", "event-matching",
                                "confirmation-parsing", "booking-message-parser"};
const char *const BlockReasons[] = {
    "Excessive usage: 40x the median daily cost",
    "Automated scraping through the support chat",
    "Chargeback on the account; paused until resolved",
    "Prompt-injection attempts against the booking parser",
    "Shared API key across several accounts",
};

} // namespace

DemoResult generateDemoData(Database &database, const PriceBook &prices, const DemoOptions &options,
                            const std::function<void(qint64)> &progress)
{
    DemoResult result;
    QElapsedTimer timer;
    timer.start();
    if (options.users < 1 || options.events < 0 || options.days < 1) {
        result.error = QStringLiteral("demo needs at least one user and one day");
        return result;
    }
    std::mt19937_64 random(options.seed);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDate lastDay = options.lastDay.isValid() ? options.lastDay : now.date();
    const QDate firstDay = lastDay.addDays(-(options.days - 1));

    // Users: names, emails, and a heavy-tailed share of the traffic.
    if (!database.begin(&result.error))
        return result;
    {
        QSqlQuery insert(database.sql());
        insert.prepare(QStringLiteral("INSERT INTO users (id, email, first_name, last_name) VALUES (?, ?, ?, ?) "
                                      "ON CONFLICT (id) DO NOTHING"));
        for (int i = 0; i < options.users; ++i) {
            const QString first = QString::fromUtf8(FirstNames[random() % std::size(FirstNames)]);
            const QString last = QString::fromUtf8(LastNames[random() % std::size(LastNames)]);
            const QString id = QStringLiteral("user-%1").arg(i + 1, 5, 10, QLatin1Char('0'));
            insert.addBindValue(id);
            insert.addBindValue(QStringLiteral("%1.%2%3@example.com")
                                    .arg(first.toLower(), last.toLower().remove(u'\''))
                                    .arg(i + 1));
            insert.addBindValue(first);
            insert.addBindValue(last);
            if (!insert.exec()) {
                result.error = describe(insert.lastError());
                database.rollback();
                return result;
            }
        }
    }
    if (!database.commit(&result.error))
        return result;

    std::vector<double> userWeights(options.users);
    for (int i = 0; i < options.users; ++i)
        userWeights[i] = 1.0 / std::pow(double(i + 1), 0.9) * (i < options.users / 100 + 2 ? 4.0 : 1.0);
    std::discrete_distribution<int> pickUser(userWeights.begin(), userWeights.end());

    std::vector<double> modelWeights;
    for (const DemoModel &model : Models)
        modelWeights.push_back(model.weight);
    std::discrete_distribution<int> pickModel(modelWeights.begin(), modelWeights.end());

    // Days: weekends quieter, steady growth towards the last day.
    std::vector<double> dayWeights(options.days);
    for (int d = 0; d < options.days; ++d) {
        const int weekday = firstDay.addDays(d).dayOfWeek();
        dayWeights[d] = (weekday >= 6 ? 0.45 : 1.0) * (0.6 + 0.8 * d / double(options.days));
    }
    std::discrete_distribution<int> pickDay(dayWeights.begin(), dayWeights.end());
    const double hourWeights[24] = {1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 4, 6, 7, 7, 6, 7, 7, 6, 5, 4, 3, 2.5, 2, 1.8, 1.5, 1.2};
    std::discrete_distribution<int> pickHour(std::begin(hourWeights), std::end(hourWeights));
    std::lognormal_distribution<double> spread(0.0, 0.8);
    std::uniform_real_distribution<double> unit(0.0, 1.0);

    Tracker tracker(database, prices);
    QList<UsageEvent> batch;
    batch.reserve(options.batchSize);
    // Events are made day by day, in time order, as a real log grows: the
    // timestamp index and the rollups are then written near their ends
    // instead of all over, which keeps a ten-million-event build fast.
    std::vector<qint64> perDay(options.days, 0);
    for (qint64 n = 0; n < options.events; ++n)
        ++perDay[pickDay(random)];
    qint64 i = 0;
    for (int d = 0; d < options.days; ++d) {
    const QDate day = firstDay.addDays(d);
    std::vector<int> times(perDay[d]);
    for (int &ms : times)
        ms = pickHour(random) * 3'600'000 + int(random() % 3'600'000);
    std::sort(times.begin(), times.end());
    for (int msOfDay : times) {
        const DemoModel &model = Models[pickModel(random)];
        UsageEvent event;
        event.eventId = QStringLiteral("demo-%1-%2").arg(options.seed).arg(i);
        event.userId = QStringLiteral("user-%1").arg(pickUser(random) + 1, 5, 10, QLatin1Char('0'));
        event.service = QString::fromLatin1(model.service);
        event.model = QString::fromLatin1(model.model);
        event.endpoint = QString::fromLatin1(model.endpoint);
        qint64 input = qMax<qint64>(1, qint64(model.meanInput * spread(random)));
        if (unit(random) < 0.002) // the odd long-context request
            input += 150'000 + qint64(unit(random) * 150'000);
        if (unit(random) < model.cachedShare) {
            event.tokens.cachedInput = qint64(input * (0.3 + 0.6 * unit(random)));
            input -= event.tokens.cachedInput;
            if (event.service == u"anthropic" && unit(random) < 0.2)
                event.tokens.cacheWrite = qint64(input * 0.5);
        }
        event.tokens.input = input;
        event.tokens.output = model.meanOutput > 0 ? qMax<qint64>(1, qint64(model.meanOutput * spread(random))) : 0;
        event.timestamp = QDateTime(day, QTime::fromMSecsSinceStartOfDay(msOfDay), QTimeZone::utc());
        if (event.timestamp > now) // today's events happened before now
            event.timestamp = now.addSecs(-qint64(unit(random) * QTime(0, 0).secsTo(now.time())));
        event.metadata.insert(QStringLiteral("feature"), QString::fromLatin1(Features[random() % std::size(Features)]));
        event.metadata.insert(QStringLiteral("durationMs"), qint64(200 + event.tokens.output * 12 * unit(random)));
        batch.append(event);
        ++i;
        if (batch.size() >= options.batchSize || i == options.events) {
            const BatchOutcome outcome = tracker.trackBatch(batch);
            if (!outcome.ok) {
                result.error = outcome.error;
                return result;
            }
            result.events += outcome.recorded;
            batch.clear();
            if (progress)
                progress(i);
        }
    }
    }

    // Risk scores: most users low, a few flagged; the heaviest blocked.
    if (!database.begin(&result.error))
        return result;
    {
        QSqlQuery risk(database.sql());
        risk.prepare(QStringLiteral("UPDATE api_usage_stats SET risk_score = ? WHERE user_id = ?"));
        for (int i = 0; i < options.users; ++i) {
            const double roll = unit(random);
            const int score = roll < 0.6 ? 0 : roll < 0.9 ? int(5 + 25 * unit(random)) : int(40 + 55 * unit(random));
            if (score == 0)
                continue;
            risk.addBindValue(score);
            risk.addBindValue(QStringLiteral("user-%1").arg(i + 1, 5, 10, QLatin1Char('0')));
            if (!risk.exec()) {
                result.error = describe(risk.lastError());
                database.rollback();
                return result;
            }
        }
    }
    if (!database.commit(&result.error))
        return result;
    AdminActions admin(database);
    const int blockCount = qMax(1, options.users / 60);
    for (int b = 0; b < blockCount; ++b) {
        // Some of the heaviest users and some from the tail.
        const int index = b % 2 == 0 ? b : int(random() % options.users);
        const QString user = QStringLiteral("user-%1").arg(index + 1, 5, 10, QLatin1Char('0'));
        const ActionResult blocked = admin.block(user, QString::fromUtf8(BlockReasons[b % std::size(BlockReasons)]));
        if (!blocked.ok) {
            result.error = blocked.error;
            return result;
        }
        ++result.blocked;
    }
    result.users = options.users;
    result.ok = true;
    result.seconds = timer.elapsed() / 1000.0;
    return result;
}

} // namespace meterdesk
