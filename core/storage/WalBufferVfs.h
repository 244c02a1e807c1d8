#pragma once

#include "meterdesk_core_export.h"

#include <QString>

namespace meterdesk::WalBufferVfs {

// An SQLite VFS in front of the default one that gathers the frames a
// transaction appends to the WAL into writes of up to 64 KiB.
//
// SQLite writes each frame of a commit as two writes, its 24-byte header
// and its page: a batch of 1,000 calls was about 900 system calls at its
// commit, a seventh of its time on this machine's virtual CPUs (perf).
// What the VFS holds back never changes what another connection may see:
// - the frames reach the file before SQLite publishes them in the
//   wal-index (the write of a commit frame's page writes out everything
//   held, and so does every lock, barrier and mapping of the wal-index,
//   every read, size, sync, truncate and close of the WAL), so a
//   failure there fails the commit with SQLite's own error;
// - it holds only bytes that overwrite bytes the file already has: the
//   WAL grows ahead in zeros, written through, so a later write of held
//   bytes cannot fail for want of space. Zeros go only past the file's
//   end, as read when the WAL's write lock is taken and before growing:
//   other connections' frames are never written over.
// Everything else passes through unchanged.

// Registers the VFS with SQLite on first use; its name for a "vfs=" URI.
METERDESK_CORE_EXPORT const char *name();

// The "file:" URI that opens `path` through the VFS (SQLITE_OPEN_URI).
METERDESK_CORE_EXPORT QString uriFor(const QString &path);

} // namespace meterdesk::WalBufferVfs
