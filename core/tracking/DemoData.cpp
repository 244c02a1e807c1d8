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
    double weight;
    double meanInput;   // median input tokens
    double meanOutput;  // median output tokens
    double cachedShare; // chance that part of the input is a cache read
};

// Unpriced on purpose: a fine-tune, an experimental model and two models the
// built-in book does not carry, so the dashboard has gaps to show.
const DemoModel Models[] = {
    {"openai", "gpt-4o-mini", 30, 900, 220, 0.2},
    {"openai", "gpt-4o-2024-08-06", 9, 1400, 380, 0.2},
    {"openai", "gpt-4.1-mini", 6, 1100, 300, 0.3},
    {"openai", "gpt-5-mini", 5, 1500, 700, 0.3},
    {"openai", "o4-mini", 2, 2000, 1500, 0.1},
    {"openai", "text-embedding-3-small", 6, 600, 0, 0},
    {"openai", "ft:gpt-4o-mini:acme:support:9xk2", 1.2, 800, 200, 0},
    {"anthropic", "claude-sonnet-4-20250514", 12, 2500, 600, 0.5},
    {"anthropic", "claude-3-5-haiku-20241022", 8, 1200, 300, 0.4},
    {"anthropic", "claude-haiku-4-5", 4, 1200, 350, 0.4},
    {"anthropic", "claude-opus-4-1-20250805", 1.5, 3000, 900, 0.5},
    {"google", "gemini-2.0-flash-001", 6, 1500, 300, 0.1},
    {"google", "gemini-2.5-flash", 4, 1800, 500, 0.1},
    {"google", "models/gemini-2.5-pro", 1.5, 4000, 900, 0.2},
    {"google", "gemini-exp-1206", 0.6, 2000, 500, 0},
    {"other", "mistral-large-latest", 1.5, 1000, 300, 0},
    {"other", "llama-3.1-70b-instruct", 1.2, 1000, 300, 0},
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

QString demoUserId(int index)
{
    return QStringLiteral("user-%1").arg(index + 1, 5, 10, QLatin1Char('0'));
}

// Users: names and emails, in one transaction.
bool insertUsers(Database &database, int users, std::mt19937_64 &random, QString *error)
{
    if (!database.begin(error))
        return false;
    QSqlQuery insert(database.sql());
    insert.prepare(QStringLiteral("INSERT INTO users (id, email, first_name, last_name) VALUES (?, ?, ?, ?) "
                                  "ON CONFLICT (id) DO NOTHING"));
    for (int i = 0; i < users; ++i) {
        const QString first = QString::fromUtf8(FirstNames[random() % std::size(FirstNames)]);
        const QString last = QString::fromUtf8(LastNames[random() % std::size(LastNames)]);
        insert.addBindValue(demoUserId(i));
        insert.addBindValue(QStringLiteral("%1.%2%3@example.com")
                                .arg(first.toLower(), last.toLower().remove(u'\''))
                                .arg(i + 1));
        insert.addBindValue(first);
        insert.addBindValue(last);
        if (!insert.exec()) {
            *error = describe(insert.lastError());
            database.rollback();
            return false;
        }
    }
    return database.commit(error);
}

// The shape of the traffic: a heavy-tailed share per user, models by
// weight, quieter weekends, growth towards the last day, office hours.
class DemoTraffic
{
public:
    DemoTraffic(const DemoOptions &options, QDate firstDay, std::mt19937_64 &random)
        : m_options(options), m_random(random)
    {
        std::vector<double> userWeights(options.users);
        for (int i = 0; i < options.users; ++i)
            userWeights[i] = 1.0 / std::pow(double(i + 1), 0.9) * (i < options.users / 100 + 2 ? 4.0 : 1.0);
        m_pickUser = std::discrete_distribution<int>(userWeights.begin(), userWeights.end());
        std::vector<double> modelWeights;
        for (const DemoModel &model : Models)
            modelWeights.push_back(model.weight);
        m_pickModel = std::discrete_distribution<int>(modelWeights.begin(), modelWeights.end());
        std::vector<double> dayWeights(options.days);
        for (int d = 0; d < options.days; ++d) {
            const int weekday = firstDay.addDays(d).dayOfWeek();
            dayWeights[d] = (weekday >= 6 ? 0.45 : 1.0) * (0.6 + 0.8 * d / double(options.days));
        }
        m_pickDay = std::discrete_distribution<int>(dayWeights.begin(), dayWeights.end());
        const double hourWeights[24] = {1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 4, 6, 7, 7, 6, 7, 7, 6, 5, 4, 3, 2.5, 2, 1.8, 1.5, 1.2};
        m_pickHour = std::discrete_distribution<int>(std::begin(hourWeights), std::end(hourWeights));
        // The features in Features' order, then "no endpoint given".
        const double featureWeights[] = {34, 28, 14, 10, 6, 8};
        static_assert(std::size(featureWeights) == std::size(Features) + 1);
        m_pickFeature = std::discrete_distribution<int>(std::begin(featureWeights), std::end(featureWeights));
    }

    // How many events each day gets.
    std::vector<qint64> eventsPerDay()
    {
        std::vector<qint64> perDay(m_options.days, 0);
        for (qint64 n = 0; n < m_options.events; ++n)
            ++perDay[m_pickDay(m_random)];
        return perDay;
    }

    // `count` times of day, in milliseconds, in order.
    std::vector<int> timesOfDay(qint64 count)
    {
        std::vector<int> times(count);
        for (int &ms : times)
            ms = m_pickHour(m_random) * 3'600'000 + int(m_random() % 3'600'000);
        std::sort(times.begin(), times.end());
        return times;
    }

    UsageEvent event(qint64 number, const QDateTime &at, const QDateTime &now)
    {
        const DemoModel &model = Models[m_pickModel(m_random)];
        UsageEvent event;
        event.eventId = QStringLiteral("demo-%1-%2").arg(m_options.seed).arg(number);
        event.userId = demoUserId(m_pickUser(m_random));
        event.service = QString::fromLatin1(model.service);
        event.model = QString::fromLatin1(model.model);
        // The endpoint is the feature that made the call, as the original
        // app's runTask() passes it; one call in twelve names none (the
        // original writer then stores the model there).
        const int feature = m_pickFeature(m_random);
        if (feature < int(std::size(Features)))
            event.endpoint = QString::fromLatin1(Features[feature]);
        qint64 input = qMax<qint64>(1, qint64(model.meanInput * m_spread(m_random)));
        if (unit() < 0.002) // the odd long-context request
            input += 150'000 + qint64(unit() * 150'000);
        if (unit() < model.cachedShare) {
            event.tokens.cachedInput = qint64(input * (0.3 + 0.6 * unit()));
            input -= event.tokens.cachedInput;
            if (event.service == u"anthropic" && unit() < 0.2)
                event.tokens.cacheWrite = qint64(input * 0.5);
        }
        event.tokens.input = input;
        event.tokens.output = model.meanOutput > 0 ? qMax<qint64>(1, qint64(model.meanOutput * m_spread(m_random))) : 0;
        event.timestamp = at;
        if (event.timestamp > now) // today's events happened before now
            event.timestamp = now.addSecs(-qint64(unit() * QTime(0, 0).secsTo(now.time())));
        if (!event.endpoint.isEmpty())
            event.metadata.insert(QStringLiteral("feature"), event.endpoint);
        event.metadata.insert(QStringLiteral("durationMs"), qint64(200 + event.tokens.output * 12 * unit()));
        return event;
    }

    double unit() { return m_unit(m_random); }

private:
    const DemoOptions &m_options;
    std::mt19937_64 &m_random;
    std::discrete_distribution<int> m_pickUser, m_pickModel, m_pickDay, m_pickHour, m_pickFeature;
    std::lognormal_distribution<double> m_spread{0.0, 0.8};
    std::uniform_real_distribution<double> m_unit{0.0, 1.0};
};

// Events are made day by day, in time order, as a real log grows: the
// timestamp index and the rollups are then written near their ends instead
// of all over, which keeps a ten-million-event build fast.
bool recordEvents(Database &database, const PriceBook &prices, const DemoOptions &options, QDate firstDay,
                  DemoTraffic &traffic, const std::function<bool(qint64)> &progress, DemoResult &result)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Tracker tracker(database, prices);
    QList<UsageEvent> batch;
    batch.reserve(options.batchSize);
    const std::vector<qint64> perDay = traffic.eventsPerDay();
    qint64 number = 0;
    for (int d = 0; d < options.days; ++d) {
        const QDate day = firstDay.addDays(d);
        for (int msOfDay : traffic.timesOfDay(perDay[d])) {
            batch.append(traffic.event(number, QDateTime(day, QTime::fromMSecsSinceStartOfDay(msOfDay), QTimeZone::utc()), now));
            ++number;
            if (batch.size() < options.batchSize && number != options.events)
                continue;
            const BatchOutcome outcome = tracker.trackBatch(batch);
            if (!outcome.ok) {
                result.error = outcome.error;
                return false;
            }
            result.events += outcome.recorded;
            batch.clear();
            if (progress && !progress(number)) {
                result.error = QStringLiteral("stopped after %1 of %2 events").arg(number).arg(options.events);
                result.cancelled = true;
                return false;
            }
        }
    }
    return true;
}

// Risk scores: most users low, a few flagged.
bool scoreRisk(Database &database, int users, DemoTraffic &traffic, QString *error)
{
    if (!database.begin(error))
        return false;
    QSqlQuery risk(database.sql());
    risk.prepare(QStringLiteral("UPDATE api_usage_stats SET risk_score = ? WHERE user_id = ?"));
    for (int i = 0; i < users; ++i) {
        const double roll = traffic.unit();
        const int score = roll < 0.6 ? 0 : roll < 0.9 ? int(5 + 25 * traffic.unit()) : int(40 + 55 * traffic.unit());
        if (score == 0)
            continue;
        risk.addBindValue(score);
        risk.addBindValue(demoUserId(i));
        if (!risk.exec()) {
            *error = describe(risk.lastError());
            database.rollback();
            return false;
        }
    }
    return database.commit(error);
}

// Some of the heaviest users and some from the tail are blocked, through
// the admin actions, so the audit log has them too.
bool blockSome(Database &database, int users, std::mt19937_64 &random, DemoResult &result)
{
    AdminActions admin(database);
    const int blockCount = qMax(1, users / 60);
    for (int b = 0; b < blockCount; ++b) {
        const int index = b % 2 == 0 ? b : int(random() % users);
        const ActionResult blocked = admin.block(demoUserId(index), QString::fromUtf8(BlockReasons[b % std::size(BlockReasons)]));
        if (!blocked.ok) {
            result.error = blocked.error;
            return false;
        }
        ++result.blocked;
    }
    return true;
}

} // namespace

DemoResult generateDemoData(Database &database, const PriceBook &prices, const DemoOptions &options,
                            const std::function<bool(qint64)> &progress)
{
    DemoResult result;
    QElapsedTimer timer;
    timer.start();
    if (options.users < 1 || options.events < 0 || options.days < 1) {
        result.error = QStringLiteral("demo needs at least one user and one day");
        return result;
    }
    std::mt19937_64 random(options.seed);
    const QDate lastDay = options.lastDay.isValid() ? options.lastDay : QDateTime::currentDateTimeUtc().date();
    const QDate firstDay = lastDay.addDays(-(options.days - 1));
    if (!insertUsers(database, options.users, random, &result.error))
        return result;
    DemoTraffic traffic(options, firstDay, random);
    if (!recordEvents(database, prices, options, firstDay, traffic, progress, result)
        || !scoreRisk(database, options.users, traffic, &result.error)
        || !blockSome(database, options.users, random, result))
        return result;
    result.users = options.users;
    result.ok = true;
    result.seconds = timer.elapsed() / 1000.0;
    return result;
}

} // namespace meterdesk
