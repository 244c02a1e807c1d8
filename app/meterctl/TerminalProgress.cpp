#include "TerminalProgress.h"

#include <QLocale>

#include <unistd.h>

namespace {

constexpr int BarWidth = 20;
// Erase the line the cursor is on and go to its start (ECMA-48 EL).
constexpr const char *ClearLine = "\r\033[K";

QString duration(double seconds)
{
    const qint64 s = qint64(seconds + 0.5);
    if (s < 60)
        return QStringLiteral("%1s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1m %2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1h %2m").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString amount(qint64 value, TerminalProgress::Unit unit)
{
    if (unit == TerminalProgress::Unit::Bytes)
        return QStringLiteral("%1 MB").arg(QString::number(value / 1e6, 'f', 1));
    return QLocale(QLocale::English).toString(value);
}

} // namespace

TerminalProgress::TerminalProgress(QTextStream &err, const QString &what, const QString &noun, qint64 total, Unit unit)
    : m_err(err), m_what(what), m_noun(noun), m_total(total), m_unit(unit),
      m_enabled(isatty(STDERR_FILENO) && qgetenv("TERM") != "dumb")
{
    m_clock.start();
    if (m_enabled && m_unit == Unit::Steps)
        m_ticker = std::thread([this] { tick(); });
}

TerminalProgress::~TerminalProgress()
{
    finish();
}

void TerminalProgress::tick()
{
    std::unique_lock lock(m_lock);
    while (!m_stop.wait_for(lock, std::chrono::seconds(1), [this] { return m_stopping; }))
        if (m_enabled)
            draw(m_done);
}

void TerminalProgress::draw(qint64 done)
{
    const qint64 now = m_clock.elapsed();
    m_lastDrawMs = now;
    m_err << ClearLine << render(m_what, m_noun, done, m_total, now / 1000.0, m_unit) << Qt::flush;
    m_shown = true;
}

QString TerminalProgress::render(const QString &what, const QString &noun, qint64 done, qint64 total, double seconds,
                                 Unit unit)
{
    const double fraction = total > 0 ? qBound(0.0, double(done) / double(total), 1.0) : 0.0;
    const int filled = int(fraction * BarWidth);
    QString line = QStringLiteral("%1 [%2%3] %4%")
                       .arg(what, QString(filled, u'#'), QString(BarWidth - filled, u'-'))
                       .arg(int(fraction * 100), 3);
    line += QStringLiteral("  %1 of %2").arg(amount(done, unit), amount(total, unit));
    if (unit != Unit::Bytes)
        line += u' ' + noun;
    if (unit == Unit::Steps) {
        line += QStringLiteral("  %1").arg(duration(seconds));
        return line;
    }
    // The rate and time left once there is something to go by.
    if (seconds >= 0.5 && done > 0) {
        const double rate = done / seconds;
        line += unit == Unit::Bytes ? QStringLiteral("  %1 MB/s").arg(QString::number(rate / 1e6, 'f', 1))
                                    : QStringLiteral("  %1/s").arg(QLocale(QLocale::English).toString(qint64(rate)));
        if (done < total)
            line += QStringLiteral("  %1 left").arg(duration((total - done) / rate));
    }
    return line;
}

void TerminalProgress::update(qint64 done)
{
    if (!m_enabled)
        return;
    const std::lock_guard lock(m_lock);
    m_done = done;
    if (m_clock.elapsed() - m_lastDrawMs < 100 && done < m_total)
        return;
    draw(done);
}

void TerminalProgress::clearLine()
{
    const std::lock_guard lock(m_lock);
    if (m_enabled && m_shown) {
        m_err << ClearLine << Qt::flush;
        m_shown = false;
        m_lastDrawMs = -1000;
    }
}

void TerminalProgress::finish()
{
    {
        const std::lock_guard lock(m_lock);
        m_stopping = true;
    }
    m_stop.notify_all();
    if (m_ticker.joinable())
        m_ticker.join();
    clearLine();
    m_enabled = false;
}
