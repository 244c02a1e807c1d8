#include "Measure.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <fcntl.h>

ProcessResult runMeasured(const QString &program, const QStringList &arguments, const QStringList &environment,
                          const QString &errorFile)
{
    const QByteArray errorPath = errorFile.toLocal8Bit();
    ProcessResult result;
    std::vector<QByteArray> storage;
    storage.push_back(program.toLocal8Bit());
    for (const QString &argument : arguments)
        storage.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &item : storage)
        argv.push_back(item.data());
    argv.push_back(nullptr);
    QElapsedTimer timer;
    timer.start();
    const pid_t pid = fork();
    if (pid == 0) {
        // Only the figures matter: the program's own output goes nowhere.
        const int devNull = open("/dev/null", O_WRONLY);
        dup2(devNull, STDOUT_FILENO);
        const int errors = open(errorPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(errors, STDERR_FILENO);
        for (const QString &assignment : environment) {
            const QByteArray text = assignment.toLocal8Bit();
            const int eq = text.indexOf('=');
            setenv(text.left(eq).constData(), text.mid(eq + 1).constData(), 1);
        }
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    if (pid > 0 && waitpid(pid, &status, 0) == pid) {
        result.wallMs = timer.nsecsElapsed() / 1e6;
        result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    QFile errors(errorFile);
    if (errors.open(QIODevice::ReadOnly))
        result.errorOutput = errors.readAll();
    return result;
}

bool sameDollars(double a, double b)
{
    return std::abs(a - b) < 0.01;
}

void BenchReport::add(BenchRow row, bool higherIsBetter, double goalRatio, double goalValue, const QString &failure)
{
    row.ratio = higherIsBetter ? (row.baseline > 0 ? row.value / row.baseline : 0)
                               : (row.value > 0 ? row.baseline / row.value : 0);
    const bool ratioOk = goalRatio <= 0 || row.ratio >= goalRatio;
    const bool valueOk = goalValue <= 0 || (higherIsBetter ? row.value >= goalValue : row.value <= goalValue);
    row.failure = failure;
    row.met = failure.isEmpty() && ratioOk && valueOk;
    if (!failure.isEmpty()) {
        m_out << QStringLiteral("  %1: FAILED: %2").arg(row.name, failure) << Qt::endl;
        m_failures << QStringLiteral("%1: %2").arg(row.name, failure);
    } else {
        m_out << QStringLiteral("  %1: %2 %3 (baseline %4, ratio %5x; both sides checked)")
                     .arg(row.name)
                     .arg(row.value, 0, 'f', 1)
                     .arg(row.unit)
                     .arg(row.baseline, 0, 'f', 1)
                     .arg(row.ratio, 0, 'f', 1)
              << Qt::endl;
    }
    m_rows.append(row);
}

void BenchReport::printSummary() const
{
    m_out << "\n"
          << QStringLiteral("%1 | %2 | %3 | %4 | %5 | %6")
                 .arg(QStringLiteral("figure"), -42)
                 .arg(QStringLiteral("Meterdesk"), 12)
                 .arg(QStringLiteral("baseline"), 12)
                 .arg(QStringLiteral("ratio"), 8)
                 .arg(QStringLiteral("goal"), -38)
                 .arg(QStringLiteral("met"))
          << Qt::endl;
    for (const BenchRow &row : m_rows) {
        if (!row.failure.isEmpty()) {
            m_out << QStringLiteral("%1 | FAILED: %2").arg(row.name, -42).arg(row.failure) << Qt::endl;
            continue;
        }
        m_out << QStringLiteral("%1 | %2 | %3 | %4 | %5 | %6")
                     .arg(row.name, -42)
                     .arg(QStringLiteral("%1 %2").arg(row.value, 0, 'f', 1).arg(row.unit), 12)
                     .arg(QStringLiteral("%1 %2").arg(row.baseline, 0, 'f', 1).arg(row.unit), 12)
                     .arg(QStringLiteral("%1x").arg(row.ratio, 0, 'f', 1), 8)
                     .arg(row.goal, -38)
                     .arg(row.met ? QStringLiteral("yes") : QStringLiteral("no"))
              << Qt::endl;
    }
    for (const QString &failure : m_failures)
        m_out << "meterdesk-bench: no figure: " << failure << Qt::endl;
}

QJsonArray BenchReport::json() const
{
    QJsonArray array;
    for (const BenchRow &row : m_rows)
        array.append(QJsonObject{{QStringLiteral("name"), row.name}, {QStringLiteral("unit"), row.unit},
                                 {QStringLiteral("value"), row.value}, {QStringLiteral("baseline"), row.baseline},
                                 {QStringLiteral("ratio"), row.ratio}, {QStringLiteral("goal"), row.goal},
                                 {QStringLiteral("met"), row.met}, {QStringLiteral("failure"), row.failure}});
    return array;
}
