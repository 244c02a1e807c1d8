#include "queries/SearchText.h"

namespace meterdesk {

namespace {

// Between a row's fields. A match across two fields has it in its pattern,
// which a search typed in hardly ever has; such a pattern is matched field
// by field.
constexpr char16_t Separator = u'\x1F';

} // namespace

SearchText::SearchText(const QList<UserRow> &rows)
{
    qsizetype characters = 0;
    for (const UserRow &row : rows)
        characters += row.name.size() + row.email.size() + row.userId.size() + 2;
    m_text.reserve(characters);
    m_spans.reserve(size_t(rows.size()));
    for (const UserRow &row : rows)
        append(row);
}

void SearchText::append(const UserRow &value)
{
    const qsizetype start = m_text.size();
    m_text += value.name;
    m_text += QChar(Separator);
    m_text += value.email;
    m_text += QChar(Separator);
    m_text += value.userId;
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

bool SearchText::contains(qsizetype row, const QStringMatcher &matcher) const
{
    const Span span = m_spans[size_t(row)];
    const QStringView text = QStringView(m_text).sliced(span.start, span.length);
    if (!matcher.pattern().contains(QChar(Separator)))
        return matcher.indexIn(text) >= 0;
    for (const QStringView field : text.tokenize(QChar(Separator)))
        if (matcher.indexIn(field) >= 0)
            return true;
    return false;
}

} // namespace meterdesk
