#include "Measure.h"

#include <QElapsedTimer>
#include <QFile>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

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
