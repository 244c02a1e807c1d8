#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

#include <condition_variable>
#include <mutex>
#include <thread>

// A progress bar for long commands (demo, import, init, prices reprice),
// with the rate and the time left, drawn on standard error and only when it
// is a terminal: a script that reads standard error sees the results alone.
//
//   demo [##########----------]  50%  100,000 of 200,000 events  41,000/s  2s left
class TerminalProgress
{
public:
    // Steps: of unequal length (a schema's statements), so no rate and no
    // time left, only the time so far, which a second thread redraws each
    // second while a step runs (one statement can take minutes).
    enum class Unit { Items, Bytes, Steps };

    // `what` starts the line; `noun` names the items ("events", "calls").
    TerminalProgress(QTextStream &err, const QString &what, const QString &noun, qint64 total, Unit unit = Unit::Items);
    ~TerminalProgress();
    TerminalProgress(const TerminalProgress &) = delete;
    TerminalProgress &operator=(const TerminalProgress &) = delete;

    // Draws at most ten times a second, and always at the end.
    void update(qint64 done);
    // Clears the bar's line, so another message starts clean; the next
    // update draws it again.
    void clearLine();
    // Clears the line for good.
    void finish();

    bool drawing() const { return m_enabled; }
    // The line for `done` of `total` after `seconds` (no terminal codes).
    static QString render(const QString &what, const QString &noun, qint64 done, qint64 total, double seconds, Unit unit);

private:
    void draw(qint64 done); // with m_lock held
    void tick();

    QTextStream &m_err;
    QString m_what;
    QString m_noun;
    qint64 m_total;
    Unit m_unit;
    bool m_enabled;
    bool m_shown = false;
    QElapsedTimer m_clock;
    qint64 m_lastDrawMs = -1000;
    qint64 m_done = 0;
    std::mutex m_lock; // the stream and the state, between update() and the ticker
    std::condition_variable m_stop;
    bool m_stopping = false;
    std::thread m_ticker;
};
