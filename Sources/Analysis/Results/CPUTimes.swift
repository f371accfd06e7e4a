import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// CPU time of this process and of its reaped children, read with getrusage.
public struct CPUTimes: Sendable, Equatable {
    /// User CPU seconds of this process (all threads).
    public var selfUser: Double
    /// System CPU seconds of this process.
    public var selfSystem: Double
    /// User CPU seconds of children that have been waited for.
    public var childrenUser: Double
    /// System CPU seconds of children that have been waited for.
    public var childrenSystem: Double

    /// Reads the current totals.
    public static func now() -> CPUTimes {
        var me = rusage(), children = rusage()
        getrusage(RUSAGE_SELF.rawValue, &me)
        getrusage(RUSAGE_CHILDREN.rawValue, &children)
        return CPUTimes(selfUser: seconds(me.ru_utime), selfSystem: seconds(me.ru_stime),
                        childrenUser: seconds(children.ru_utime), childrenSystem: seconds(children.ru_stime))
    }

    /// The CPU time spent between `earlier` and `self`.
    public func since(_ earlier: CPUTimes) -> CPUTimes {
        CPUTimes(selfUser: selfUser - earlier.selfUser, selfSystem: selfSystem - earlier.selfSystem,
                 childrenUser: childrenUser - earlier.childrenUser, childrenSystem: childrenSystem - earlier.childrenSystem)
    }

    private static func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
}
