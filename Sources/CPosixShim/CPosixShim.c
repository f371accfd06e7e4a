#define _GNU_SOURCE
#include "CPosixShim.h"
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <sched.h>
#include <spawn.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

int cposix_set_pipe_size(int fd, int bytes) {
#ifdef F_SETPIPE_SZ
    return fcntl(fd, F_SETPIPE_SZ, bytes);
#else
    (void)fd; (void)bytes; errno = ENOSYS; return -1;
#endif
}

int cposix_get_pipe_size(int fd) {
#ifdef F_GETPIPE_SZ
    return fcntl(fd, F_GETPIPE_SZ);
#else
    (void)fd; errno = ENOSYS; return -1;
#endif
}

int cposix_name_current_thread(const char *name) {
    char truncated[16];
    strncpy(truncated, name, sizeof truncated - 1);
    truncated[sizeof truncated - 1] = '\0';
    return pthread_setname_np(pthread_self(), truncated);
}

int cposix_make_current_thread_batch(void) {
    struct sched_param param = { .sched_priority = 0 };
    return pthread_setschedparam(pthread_self(), SCHED_BATCH, &param);
}

int cposix_spawnattr_set_batch(void *attributes) {
    posix_spawnattr_t *attr = attributes;
    struct sched_param param = { .sched_priority = 0 };
    int result = posix_spawnattr_setschedpolicy(attr, SCHED_BATCH);
    if (result == 0) result = posix_spawnattr_setschedparam(attr, &param);
    return result;
}

int cposix_spawn_file_actions_addclosefrom(void *actions, int from) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    return posix_spawn_file_actions_addclosefrom_np((posix_spawn_file_actions_t *)actions, from);
#else
    (void)actions;
    (void)from;
    return ENOSYS;
#endif
}

int cposix_heap_usage_now(cposix_heap_usage *usage) {
    memset(usage, 0, sizeof *usage);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    struct mallinfo2 info = mallinfo2();
    usage->arena_bytes = info.arena;
    usage->mmapped_bytes = info.hblkhd;
    usage->in_use_bytes = info.uordblks;
    usage->free_bytes = info.fordblks;
    return 0;
#else
    return ENOSYS;
#endif
}

int cposix_nice_current_thread(int increment) {
    pid_t tid = (pid_t)syscall(SYS_gettid);
    errno = 0;
    int current = getpriority(PRIO_PROCESS, (id_t)tid);
    if (current == -1 && errno != 0) return -1;
    if (setpriority(PRIO_PROCESS, (id_t)tid, current + increment) != 0) return -1;
    return 0;
}
