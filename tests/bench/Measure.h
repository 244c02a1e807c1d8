#pragma once

#include <QElapsedTimer>
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
};

// Median wall time in milliseconds of `runs` calls.
inline double medianMs(int runs, const std::function<void()> &work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
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
