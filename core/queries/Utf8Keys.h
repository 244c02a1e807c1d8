#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <QHash>
#include <QHashFunctions>

#include <algorithm>
#include <bit>
#include <utility>
#include <vector>

namespace meterdesk {

// FNV-1a from a seed, then a murmur finaliser: ids are short, and
// qHashBits cost more than the rest of a lookup.
inline size_t hashUtf8Key(QByteArrayView key, size_t seed)
{
    quint64 hash = 0xcbf29ce484222325ULL ^ seed;
    for (const char c : key)
        hash = (hash ^ quint8(c)) * 0x100000001b3ULL;
    hash ^= hash >> 33;
    hash *= 0xff51afd7ed558ccdULL;
    hash ^= hash >> 33;
    return size_t(hash);
}

// Puts `items` in the order of their buckets (bucketOf: 0 to buckets - 1),
// each bucket's items in the order they had: a counting sort, whose reads
// and writes go in order where looking each item up would miss the cache.
// Returns where each bucket starts, and the end (buckets + 1 offsets).
template <typename T, typename BucketOf>
std::vector<size_t> sortIntoBuckets(std::vector<T> &items, size_t buckets, BucketOf bucketOf)
{
    std::vector<size_t> starts(buckets + 1, 0);
    for (const T &item : items)
        ++starts[bucketOf(item) + 1];
    for (size_t i = 1; i < starts.size(); ++i)
        starts[i] += starts[i - 1];
    std::vector<T> sorted(items.size());
    std::vector<size_t> next(starts.begin(), starts.end() - 1);
    for (const T &item : items)
        sorted[next[bucketOf(item)]++] = item;
    items.swap(sorted);
    return starts;
}

// Positions keyed by a text column's raw UTF-8 bytes. Reading 100,000 users
// spent a third of its time decoding and hashing a QString per rollup row to
// find its user. This decodes nothing, and keeps keys and slots in two flat
// arrays (open addressing), so a lookup costs about two cache misses rather
// than the four of a node-based hash. Runs of one key are answered from the
// last lookup.
class Utf8KeyIndex
{
public:
    Utf8KeyIndex() { m_slots.resize(1024); }
    // A copy remembers no last lookup: that pointed into the other's slots.
    Utf8KeyIndex(const Utf8KeyIndex &other)
        : m_slots(other.m_slots), m_pending(other.m_pending), m_keys(other.m_keys), m_count(other.m_count),
          m_seed(other.m_seed)
    {
    }
    Utf8KeyIndex &operator=(const Utf8KeyIndex &other)
    {
        m_slots = other.m_slots;
        m_pending = other.m_pending;
        m_keys = other.m_keys;
        m_count = other.m_count;
        m_seed = other.m_seed;
        m_last = nullptr;
        return *this;
    }

    void reserve(qsizetype count)
    {
        m_keys.reserve(count * 16);
        if (count * 2 > qsizetype(m_slots.size()))
            rehash(count * 2);
    }

    // Adds `key` at `position`; a key already present keeps its first position.
    void insert(QByteArrayView key, qsizetype position)
    {
        if ((m_count + 1) * 2 > qsizetype(m_slots.size()))
            rehash(qsizetype(m_slots.size()) * 2);
        const size_t hash = hashOf(key);
        Slot *slot = probe(key, hash);
        if (slot->position >= 0)
            return;
        *slot = {hash, m_keys.size(), key.size(), position};
        m_keys.append(key.data(), key.size());
        ++m_count;
    }

    // insert() for many keys at once: each is kept now and placed by
    // place(), in the order of their slots. One at a time, each key's slot
    // was a cache miss (40 ms of the 100,000 users' stats rows). Until
    // place() runs the keys are not found.
    void append(QByteArrayView key, qsizetype position)
    {
        m_pending.push_back({hashOf(key), m_keys.size(), key.size(), position});
        m_keys.append(key.data(), key.size());
    }
    void place()
    {
        if (m_pending.empty())
            return;
        if ((m_count + qsizetype(m_pending.size())) * 2 > qsizetype(m_slots.size()))
            rehash((m_count + qsizetype(m_pending.size())) * 2);
        const size_t mask = m_slots.size() - 1;
        // By home slot, each key's order kept (a repeated key keeps its
        // first position), on the slot's high bits: the slots are then
        // written nearly in order.
        const int shift = std::max(0, std::countr_zero(m_slots.size()) - 12);
        sortIntoBuckets(m_pending, (mask >> shift) + 1,
                        [mask, shift](const Slot &key) { return (key.hash & mask) >> shift; });
        for (const Slot &key : m_pending) {
            Slot *slot = probe(keyOf(key), key.hash);
            if (slot->position >= 0)
                continue; // appended twice, or inserted before
            *slot = key;
            ++m_count;
        }
        m_pending.clear();
        m_pending.shrink_to_fit();
        m_last = nullptr;
    }

    // The position stored for `key`, or -1.
    qsizetype find(QByteArrayView key)
    {
        Q_ASSERT(m_pending.empty());
        if (m_last && keyOf(*m_last) == key)
            return m_last->position;
        Slot *slot = probe(key, hashOf(key));
        if (slot->position < 0)
            return -1;
        m_last = slot;
        return slot->position;
    }

    // find() without remembering the lookup, so threads may share the index
    // while none of them inserts.
    qsizetype lookup(QByteArrayView key) const
    {
        Q_ASSERT(m_pending.empty());
        return probe(key, hashOf(key))->position;
    }

private:
    struct Slot
    {
        size_t hash = 0;
        qsizetype offset = 0; // of the key's bytes in m_keys
        qsizetype length = 0;
        qsizetype position = -1; // -1: empty
    };

    size_t hashOf(QByteArrayView key) const { return hashUtf8Key(key, m_seed); }
    QByteArrayView keyOf(const Slot &slot) const { return QByteArrayView(m_keys.constData() + slot.offset, slot.length); }

    // The slot holding `key`, or the empty slot where it would go.
    const Slot *probe(QByteArrayView key, size_t hash) const
    {
        const size_t mask = m_slots.size() - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot &slot = m_slots[i];
            if (slot.position < 0 || (slot.hash == hash && keyOf(slot) == key))
                return &slot;
        }
    }
    Slot *probe(QByteArrayView key, size_t hash)
    {
        return const_cast<Slot *>(std::as_const(*this).probe(key, hash));
    }

    void rehash(qsizetype atLeast)
    {
        size_t size = 1024;
        while (qsizetype(size) < atLeast)
            size *= 2;
        std::vector<Slot> old(size);
        old.swap(m_slots);
        const size_t mask = size - 1;
        for (const Slot &slot : old) {
            if (slot.position < 0)
                continue;
            size_t i = slot.hash & mask;
            while (m_slots[i].position >= 0)
                i = (i + 1) & mask;
            m_slots[i] = slot;
        }
        m_last = nullptr;
    }

    std::vector<Slot> m_slots; // a power of two, at most half full
    std::vector<Slot> m_pending; // appended, not placed yet
    QByteArray m_keys;
    qsizetype m_count = 0;
    Slot *m_last = nullptr;
    size_t m_seed = QHashSeed::globalSeed();
};

// One shared QString per distinct value of a column with few values (service
// names): each row gets a reference or a number, not a fresh decode and
// allocation.
class SharedStrings
{
public:
    // The number of `utf8` among the values seen, kept if new. Most often
    // it is one of the last few; past them a hash finds it, so that many
    // values (say a hostile import) cost a lookup each, not a scan.
    quint32 index(QByteArrayView utf8)
    {
        const qsizetype seen = m_bytes.size();
        for (qsizetype i = seen - 1; i >= 0 && i >= seen - Few; --i)
            if (m_bytes[i] == utf8)
                return quint32(i);
        const QByteArray bytes = utf8.toByteArray();
        if (seen > Few)
            if (const auto it = m_at.constFind(bytes); it != m_at.cend())
                return *it;
        m_bytes.append(bytes);
        m_texts.append(QString::fromUtf8(utf8));
        m_at.insert(bytes, quint32(seen));
        return quint32(seen);
    }
    // The value numbered `index`; good until the next new value.
    const QString &text(quint32 index) const { return m_texts[index]; }
    const QString &get(QByteArrayView utf8) { return text(index(utf8)); }

private:
    static constexpr qsizetype Few = 16;
    QList<QByteArray> m_bytes;
    QList<QString> m_texts;
    QHash<QByteArray, quint32> m_at; // past the first few, where each is
};

} // namespace meterdesk
