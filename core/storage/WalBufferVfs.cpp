#include "storage/WalBufferVfs.h"

#include <QFileInfo>
#include <QHash>
#include <QUrl>

#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace meterdesk::WalBufferVfs {

namespace {

// SQLite's unix VFS masks a write's length to 17 bits (os_unix.c,
// seekAndWriteFd): a write of 128 KiB or more would lose bytes.
constexpr int BufferBytes = 64 * 1024;
// How far ahead of its frames the WAL is grown, in zeros: by about its own
// size, between these. A small database's WAL stays small (a test suite
// makes hundreds), a large one grows in few steps.
constexpr sqlite3_int64 LeastGrowth = BufferBytes;
constexpr sqlite3_int64 MostGrowth = 4 * 1024 * 1024;
constexpr int FrameHeaderBytes = 24;
constexpr const char *VfsName = "meterdesk-wal";

struct File
{
    sqlite3_file base;  // what SQLite sees; first, as SQLite casts it
    sqlite3_file *real; // the default VFS's file, just after this struct
    bool wal;
    File *linked;       // a database file's WAL, or a WAL's database file
    const char *dbName; // a database file's key among the open ones
    char *buffer;       // a WAL's held bytes, [start, start + length)
    sqlite3_int64 start;
    int length;
    sqlite3_int64 room; // a WAL's size, as last seen or written: held bytes lie below it
    bool commitPage;    // the next write is the page of a commit frame
};

sqlite3_vfs *g_base = nullptr;
sqlite3_vfs g_vfs;
std::mutex g_openMutex;
QHash<const char *, File *> &openDatabases()
{
    static QHash<const char *, File *> files; // by the pager's file name pointer
    return files;
}

File *self(sqlite3_file *file)
{
    return reinterpret_cast<File *>(file);
}

int writeThrough(File *f, const void *data, int bytes, sqlite3_int64 offset)
{
    const int rc = f->real->pMethods->xWrite(f->real, data, bytes, offset);
    if (rc == SQLITE_OK)
        f->room = std::max(f->room, offset + bytes);
    return rc;
}

int flush(File *f)
{
    if (!f || f->length == 0)
        return SQLITE_OK;
    const int length = f->length;
    f->length = 0; // failed or not: SQLite, told, rolls their transaction back
    return writeThrough(f, f->buffer, length, f->start);
}

// Where SQLite cannot hear of a failure (a barrier, an unlock), held bytes
// that cannot be written stop the process: SQLite would go on to commit
// frames that are not in the file. The next open recovers the WAL to its
// last whole commit.
void flushOrStop(File *f)
{
    if (flush(f) != SQLITE_OK) {
        sqlite3_log(SQLITE_IOERR, "meterdesk-wal: WAL frames could not be written");
        std::abort();
    }
}

// Reads the WAL's size again: another connection may have written frames,
// grown or truncated it since this one last wrote.
int measure(File *f)
{
    sqlite3_int64 size = 0;
    const int rc = f->real->pMethods->xFileSize(f->real, &size);
    f->room = rc == SQLITE_OK ? size : 0;
    return rc;
}

// Makes the WAL at least `end` bytes long, in zeros past its end, and then
// some (LeastGrowth to MostGrowth). Zeros never go over bytes the file
// has: they may be another connection's frames.
int grow(File *f, sqlite3_int64 end)
{
    static const char zeros[BufferBytes] = {};
    if (const int rc = measure(f); rc != SQLITE_OK)
        return rc;
    const sqlite3_int64 step = std::clamp(f->room, LeastGrowth, MostGrowth);
    const sqlite3_int64 target = (end + step - 1) / step * step;
    for (sqlite3_int64 at = f->room; at < target;) {
        const int bytes = int(std::min<sqlite3_int64>(BufferBytes, target - at));
        if (const int rc = writeThrough(f, zeros, bytes, at); rc != SQLITE_OK)
            return rc;
        at += bytes;
    }
    return SQLITE_OK;
}

bool isCommitFrameHeader(const void *data, int bytes)
{
    // A frame header's second word is the database's size in pages after
    // a commit, and zero in every other frame (SQLite's WAL format).
    if (bytes != FrameHeaderBytes)
        return false;
    const auto *header = static_cast<const unsigned char *>(data);
    return header[4] | header[5] | header[6] | header[7];
}

int walWrite(File *f, const void *data, int bytes, sqlite3_int64 offset)
{
    const bool commitHeader = isCommitFrameHeader(data, bytes);
    const bool commitPage = f->commitPage;
    f->commitPage = false;
    if (!f->buffer || bytes > BufferBytes) {
        if (const int rc = flush(f); rc != SQLITE_OK)
            return rc;
        return writeThrough(f, data, bytes, offset);
    }
    if (offset + bytes > f->room) // zeros go beyond every held byte: no flush needed
        if (const int rc = grow(f, offset + bytes); rc != SQLITE_OK)
            return rc;
    const bool follows =
        f->length > 0 && offset == f->start + f->length && f->length + bytes <= BufferBytes;
    if (!follows) {
        if (const int rc = flush(f); rc != SQLITE_OK)
            return rc;
        // A commit frame out of a run (SQLite rewriting checksums): as is.
        if (commitHeader || commitPage)
            return writeThrough(f, data, bytes, offset);
        f->start = offset;
    }
    std::memcpy(f->buffer + f->length, data, size_t(bytes));
    f->length += bytes;
    f->commitPage = commitHeader;
    // The commit's last bytes: everything goes out now, and a failure fails the commit.
    return commitPage ? flush(f) : SQLITE_OK;
}

// The io methods: a WAL's hold what they must, all others pass through.

int xClose(sqlite3_file *file)
{
    File *f = self(file);
    const int flushed = f->wal ? flush(f) : SQLITE_OK;
    {
        const std::lock_guard lock(g_openMutex);
        if (f->linked)
            f->linked->linked = nullptr;
        if (f->dbName)
            openDatabases().remove(f->dbName);
    }
    const int rc = f->real->pMethods->xClose(f->real);
    sqlite3_free(f->buffer);
    f->buffer = nullptr;
    return flushed != SQLITE_OK ? flushed : rc;
}

// The WAL whose held bytes must be out before `file`'s operation.
File *walOf(sqlite3_file *file)
{
    File *f = self(file);
    return f->wal ? f : f->linked;
}

int xRead(sqlite3_file *file, void *data, int bytes, sqlite3_int64 offset)
{
    if (const int rc = flush(walOf(file)); rc != SQLITE_OK)
        return rc;
    return self(file)->real->pMethods->xRead(self(file)->real, data, bytes, offset);
}

int xWrite(sqlite3_file *file, const void *data, int bytes, sqlite3_int64 offset)
{
    File *f = self(file);
    return f->wal ? walWrite(f, data, bytes, offset)
                  : f->real->pMethods->xWrite(f->real, data, bytes, offset);
}

int xTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    File *f = self(file);
    if (const int rc = flush(walOf(file)); rc != SQLITE_OK)
        return rc;
    const int rc = f->real->pMethods->xTruncate(f->real, size);
    if (f->wal)
        measure(f);
    return rc;
}

int xSync(sqlite3_file *file, int flags)
{
    if (const int rc = flush(walOf(file)); rc != SQLITE_OK)
        return rc;
    return self(file)->real->pMethods->xSync(self(file)->real, flags);
}

int xFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    if (const int rc = flush(walOf(file)); rc != SQLITE_OK)
        return rc;
    return self(file)->real->pMethods->xFileSize(self(file)->real, size);
}

int xLock(sqlite3_file *file, int level)
{
    if (const int rc = flush(walOf(file)); rc != SQLITE_OK)
        return rc;
    return self(file)->real->pMethods->xLock(self(file)->real, level);
}

int xUnlock(sqlite3_file *file, int level)
{
    flushOrStop(walOf(file));
    return self(file)->real->pMethods->xUnlock(self(file)->real, level);
}

int xCheckReservedLock(sqlite3_file *file, int *out)
{
    return self(file)->real->pMethods->xCheckReservedLock(self(file)->real, out);
}

int xFileControl(sqlite3_file *file, int op, void *arg)
{
    if (op == SQLITE_FCNTL_VFSNAME) { // say what we are, then what lies under
        File *f = self(file);
        char *below = nullptr;
        f->real->pMethods->xFileControl(f->real, op, &below);
        *static_cast<char **>(arg) =
            below ? sqlite3_mprintf("%s/%z", VfsName, below) : sqlite3_mprintf("%s", VfsName);
        return SQLITE_OK;
    }
    return self(file)->real->pMethods->xFileControl(self(file)->real, op, arg);
}

int xSectorSize(sqlite3_file *file)
{
    return self(file)->real->pMethods->xSectorSize(self(file)->real);
}

int xDeviceCharacteristics(sqlite3_file *file)
{
    return self(file)->real->pMethods->xDeviceCharacteristics(self(file)->real);
}

// The wal-index lives with the database file: before any of its locks,
// barriers and mappings, the connection's WAL frames are in the file.
int xShmMap(sqlite3_file *file, int region, int size, int extend, void volatile **memory)
{
    if (const int rc = flush(walOf(file)); rc != SQLITE_OK)
        return rc;
    return self(file)->real->pMethods->xShmMap(self(file)->real, region, size, extend, memory);
}

int xShmLock(sqlite3_file *file, int offset, int count, int flags)
{
    File *wal = walOf(file);
    if (!(flags & SQLITE_SHM_LOCK)) {
        flushOrStop(wal);
        return self(file)->real->pMethods->xShmLock(self(file)->real, offset, count, flags);
    }
    if (const int rc = flush(wal); rc != SQLITE_OK)
        return rc;
    const int rc = self(file)->real->pMethods->xShmLock(self(file)->real, offset, count, flags);
    // The write lock (the wal-index's first lock) taken: no other connection
    // changes the WAL until it is given back, and what it did before is
    // seen now.
    // (A size that cannot be read leaves no room: the next write grows
    // the file, and says so.)
    if (rc == SQLITE_OK && wal && offset == 0 && (flags & SQLITE_SHM_EXCLUSIVE))
        measure(wal);
    return rc;
}

void xShmBarrier(sqlite3_file *file)
{
    // SQLite publishes frames right after a barrier (between the two
    // copies of the wal-index header). A commit's own write has written
    // everything out already (walWrite): this is for what is left.
    flushOrStop(walOf(file));
    self(file)->real->pMethods->xShmBarrier(self(file)->real);
}

int xShmUnmap(sqlite3_file *file, int deleteFlag)
{
    flushOrStop(walOf(file));
    return self(file)->real->pMethods->xShmUnmap(self(file)->real, deleteFlag);
}

int xFetch(sqlite3_file *file, sqlite3_int64 offset, int bytes, void **out)
{
    return self(file)->real->pMethods->xFetch(self(file)->real, offset, bytes, out);
}

int xUnfetch(sqlite3_file *file, sqlite3_int64 offset, void *pointer)
{
    return self(file)->real->pMethods->xUnfetch(self(file)->real, offset, pointer);
}

const sqlite3_io_methods Methods = {3,
                                    xClose,
                                    xRead,
                                    xWrite,
                                    xTruncate,
                                    xSync,
                                    xFileSize,
                                    xLock,
                                    xUnlock,
                                    xCheckReservedLock,
                                    xFileControl,
                                    xSectorSize,
                                    xDeviceCharacteristics,
                                    xShmMap,
                                    xShmLock,
                                    xShmBarrier,
                                    xShmUnmap,
                                    xFetch,
                                    xUnfetch};

int xOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    File *f = self(file);
    std::memset(f, 0, sizeof(File));
    f->real = reinterpret_cast<sqlite3_file *>(reinterpret_cast<char *>(f) + sizeof(File));
    const int rc = g_base->xOpen(g_base, name, f->real, flags, outFlags);
    if (rc != SQLITE_OK || !f->real->pMethods) {
        f->base.pMethods = nullptr;
        return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
    }
    f->base.pMethods = &Methods;
    if (f->real->pMethods->iVersion < 3) // no wal-index of its own: nothing is held
        return rc;
    const std::lock_guard lock(g_openMutex);
    if ((flags & SQLITE_OPEN_MAIN_DB) && name) {
        f->dbName = name;
        openDatabases().insert(name, f);
    } else if ((flags & SQLITE_OPEN_WAL) && name) {
        // The pager keeps the database's and the WAL's names in one block:
        // the database's is the very pointer its file was opened with.
        File *db = openDatabases().value(sqlite3_filename_database(name));
        sqlite3_int64 size = 0;
        f->wal = true;
        if (db && !db->linked && f->real->pMethods->xFileSize(f->real, &size) == SQLITE_OK) {
            f->buffer = static_cast<char *>(sqlite3_malloc(BufferBytes));
            if (f->buffer) {
                f->room = size;
                f->linked = db;
                db->linked = f;
            }
        }
    }
    return rc;
}

// The rest is the default VFS's own.
int xDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    return g_base->xDelete(g_base, name, syncDir);
}
int xAccess(sqlite3_vfs *, const char *name, int flags, int *out)
{
    return g_base->xAccess(g_base, name, flags, out);
}
int xFullPathname(sqlite3_vfs *, const char *name, int size, char *out)
{
    return g_base->xFullPathname(g_base, name, size, out);
}
void *xDlOpen(sqlite3_vfs *, const char *name)
{
    return g_base->xDlOpen(g_base, name);
}
void xDlError(sqlite3_vfs *, int size, char *out)
{
    g_base->xDlError(g_base, size, out);
}
void (*xDlSym(sqlite3_vfs *, void *handle, const char *symbol))(void)
{
    return g_base->xDlSym(g_base, handle, symbol);
}
void xDlClose(sqlite3_vfs *, void *handle)
{
    g_base->xDlClose(g_base, handle);
}
int xRandomness(sqlite3_vfs *, int size, char *out)
{
    return g_base->xRandomness(g_base, size, out);
}
int xSleep(sqlite3_vfs *, int micros)
{
    return g_base->xSleep(g_base, micros);
}
int xCurrentTime(sqlite3_vfs *, double *now)
{
    return g_base->xCurrentTime(g_base, now);
}
int xGetLastError(sqlite3_vfs *, int size, char *out)
{
    return g_base->xGetLastError(g_base, size, out);
}
int xCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *now)
{
    return g_base->xCurrentTimeInt64(g_base, now);
}

void install()
{
    g_base = sqlite3_vfs_find(nullptr);
    if (!g_base || g_base->iVersion < 2)
        return;
    g_vfs = sqlite3_vfs{};
    g_vfs.iVersion = 2;
    g_vfs.szOsFile = int(sizeof(File)) + g_base->szOsFile;
    g_vfs.mxPathname = g_base->mxPathname;
    g_vfs.zName = VfsName;
    g_vfs.xOpen = xOpen;
    g_vfs.xDelete = xDelete;
    g_vfs.xAccess = xAccess;
    g_vfs.xFullPathname = xFullPathname;
    g_vfs.xDlOpen = xDlOpen;
    g_vfs.xDlError = xDlError;
    g_vfs.xDlSym = xDlSym;
    g_vfs.xDlClose = xDlClose;
    g_vfs.xRandomness = xRandomness;
    g_vfs.xSleep = xSleep;
    g_vfs.xCurrentTime = xCurrentTime;
    g_vfs.xGetLastError = xGetLastError;
    g_vfs.xCurrentTimeInt64 = xCurrentTimeInt64;
    sqlite3_vfs_register(&g_vfs, 0);
}

} // namespace

const char *name()
{
    static std::once_flag once;
    std::call_once(once, install);
    return sqlite3_vfs_find(VfsName) ? VfsName : nullptr;
}

QString uriFor(const QString &path)
{
    QString uri =
        QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded);
    if (const char *vfs = name())
        uri += QStringLiteral("?vfs=") + QString::fromLatin1(vfs);
    return uri;
}

} // namespace meterdesk::WalBufferVfs
