#pragma once

#include <QElapsedTimer>
#include <QJsonArray>
#include <QList>
#include <QTextStream>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <functional>
#include <vector>

// One row of the summary: a figure, the baseline measured in the same run,
// their ratio (how many times better Meterdesk is), and the goal.
struct BenchRow
{
    BenchRow(QString name_, QString unit_, double value_ = 0, double baseline_ = 0, double ratio_ = 0, QString goal_ = {})
        : name(std::move(name_)), unit(std::move(unit_)), value(value_), baseline(baseline_), ratio(ratio_), goal(std::move(goal_))
    {
    }

    QString name;
    QString unit;
    double value = 0;
    double baseline = 0;
    double ratio = 0;
    QString goal;
    bool met = false;
    QString failure; // why no figure could be given
};

// The figures of one run. A figure counts only when the bench has checked
// that both sides did the work and agree on the answer; one that fails is
// printed with its reason, and the bench exits 1.
class BenchReport
{
public:
    explicit BenchReport(QTextStream &out) : m_out(out) {}
    // `failure`: why the two sides cannot be compared (empty: they agree).
    void add(BenchRow row, bool higherIsBetter, double goalRatio, double goalValue, const QString &failure = {});
    void printSummary() const;
    QJsonArray json() const;
    const QStringList &failures() const { return m_failures; }

private:
    QTextStream &m_out;
    QList<BenchRow> m_rows;
    QStringList m_failures;
};

// Two totals agree to the cent (SQLite keeps dollars as doubles).
bool sameDollars(double a, double b);

// The first reason the bench was asked to fail on purpose (--fault), so
// that bench_smoke proves a failing side fails the bench.
enum class Fault { None, OriginalWriter, MeterdeskLoad, Sort };

// Median wall time in milliseconds of `runs` calls; `untimed`, if any, runs
// before each of them.
inline double medianMs(int runs, const std::function<void()> &work, const std::function<void()> &untimed = {})
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        if (untimed)
            untimed();
        QElapsedTimer timer;
        timer.start();
        work();
        times.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

struct ProcessResult
{
    int exitCode = -1;
    double wallMs = 0;
    QByteArray errorOutput; // what the program wrote to stderr
};

// Runs a program to its end and reports its wall time; its standard output
// is dropped, its standard error kept (in `errorFile`).
ProcessResult runMeasured(const QString &program, const QStringList &arguments, const QStringList &environment,
                          const QString &errorFile);
