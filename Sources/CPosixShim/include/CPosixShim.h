#ifndef CPOSIXSHIM_H
#define CPOSIXSHIM_H
// Linux calls that neither Swift's Glibc module (they need _GNU_SOURCE) nor swift-system offers. pipe2 is not here:
// swift-system's FileDescriptor.pipe(options: .closeOnExec) makes it.

/// fcntl(fd, F_SETPIPE_SZ, bytes). Returns the new size, or -1 with errno set (or ENOSYS where unsupported).
int cposix_set_pipe_size(int fd, int bytes);
/// fcntl(fd, F_GETPIPE_SZ). Returns the size, or -1 with errno set.
int cposix_get_pipe_size(int fd);

/// Names the calling thread (pthread_setname_np; Linux keeps the first 15 bytes). Returns 0 or an errno value.
int cposix_name_current_thread(const char *name);

/// Moves the calling thread to SCHED_BATCH: same CPU share, but it never preempts a running thread when it wakes
/// up. Background encoding threads use it so the producing thread is not descheduled by the wake-up it sends.
/// Returns 0 or an errno value.
int cposix_make_current_thread_batch(void);
/// Sets SCHED_BATCH (see above) as the scheduling policy a posix_spawn'd child starts with.
/// Returns 0 or an errno value.
int cposix_spawnattr_set_batch(void *attributes);

/// Adds "close every descriptor from `from` up" to a posix_spawn file-actions object (glibc 2.34's
/// posix_spawn_file_actions_addclosefrom_np), so that a child keeps only the descriptors the actions before it set up.
/// Returns 0, an errno value, or ENOSYS where the C library lacks it.
int cposix_spawn_file_actions_addclosefrom(void *actions, int from);

/// glibc malloc's own accounting (mallinfo2, summed over every arena), in bytes.
typedef struct {
    /// Bytes of arena heaps obtained from the kernel (brk and thread-arena mappings), in use or free.
    unsigned long long arena_bytes;
    /// Bytes in chunks too large for an arena, each its own mapping (freed straight back to the kernel).
    unsigned long long mmapped_bytes;
    /// Bytes of arena chunks in use.
    unsigned long long in_use_bytes;
    /// Bytes of arena chunks free but kept (fragmentation, or reserve for the next allocation).
    unsigned long long free_bytes;
} cposix_heap_usage;
/// The heap's accounting now; returns 0, or ENOSYS where the C library has no mallinfo2 (all fields then 0).
int cposix_heap_usage_now(cposix_heap_usage *usage);

/// Adds `increment` to the calling thread's nice value (Linux: per thread), returns 0 or -1 with errno set.
/// Raising it needs no privilege; lowering it again does (RLIMIT_NICE), so a thread that raised it keeps it.
int cposix_nice_current_thread(int increment);

#endif
