// keepFreedMemory: a block of tens of megabytes (a load's rows) comes from
// the heap rather than a mapping of its own, and stays there once freed;
// small blocks are merged as they are freed.

#include <queries/KeepFreedMemory.h>

#include <QTest>

#include <cstdlib>
#include <cstring>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace meterdesk;

class TestKeepFreedMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aLoadsMemoryStaysForTheNext()
    {
#if !defined(__GLIBC__)
        QSKIP("glibc's allocator only");
#else
        // 40 MB: more than glibc ever maps on its own by default (32 MB is
        // as high as its threshold adapts), less than the 64 MB kept.
        constexpr size_t Block = 40u << 20;
        const auto mapped = [] { return mallinfo2().hblkhd; };
        const size_t mappedBefore = mapped();
        void *first = std::malloc(Block);
        QVERIFY(first);
        std::memset(first, 1, Block);
        QVERIFY(mapped() >= mappedBefore + Block); // by default, a mapping of its own
        std::free(first);

        // Small blocks freed past the thread's cache wait in fast bins,
        // unmerged, by default; not once the memory is kept.
        const auto freeSmallBlocks = [] {
            std::vector<void *> blocks(2000);
            for (void *&block : blocks)
                block = std::malloc(40);
            for (void *block : blocks)
                std::free(block);
            return mallinfo2().fsmblks;
        };
        QVERIFY(freeSmallBlocks() > 0);

        QVERIFY(keepFreedMemory());
        QCOMPARE(freeSmallBlocks(), size_t(0));
        void *second = std::malloc(Block);
        QVERIFY(second);
        std::memset(second, 2, Block);
        QCOMPARE(mapped(), mappedBefore); // now from the heap
        const size_t heap = mallinfo2().arena;
        std::free(second);
        QCOMPARE(mallinfo2().arena, heap); // and kept there, not trimmed
        QVERIFY(mallinfo2().fordblks >= Block);
#endif
    }
};

QTEST_GUILESS_MAIN(TestKeepFreedMemory)
#include "tst_keepfreedmemory.moc"
