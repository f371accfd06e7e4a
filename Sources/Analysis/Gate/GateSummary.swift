/// How many gate rules passed, failed, or had nothing to judge in the table given.
public struct GateSummary: Sendable, Equatable {
    /// Rules that held.
    public var passed: Int
    /// Rules that matched rows and did not hold.
    public var failed: Int
    /// Rules that matched no row (or whose CSV or reference strategy was missing): "not applicable".
    public var notApplicable: Int

    /// Creates a summary from counts.
    public init(passed: Int, failed: Int, notApplicable: Int) {
        self.passed = passed
        self.failed = failed
        self.notApplicable = notApplicable
    }

    /// Rules judged in all.
    public var total: Int { passed + failed + notApplicable }

    /// The verdict a report shows: FAIL when an applicable rule failed, NOT APPLICABLE when no rule matched anything,
    /// PASS otherwise. Unlike ``Gate/passed(_:)``, rules that matched nothing do not make it FAIL.
    public var reportVerdict: String {
        failed > 0 ? "FAIL" : passed == 0 ? "NOT APPLICABLE" : "PASS"
    }

    /// "1 of 3 applicable rule(s) failed; 4 not applicable (matched no row of this CSV)" and the like.
    public var counts: String {
        let applicable = passed + failed
        var text = failed > 0 ? "\(failed) of \(applicable) applicable rule(s) failed"
            : applicable > 0 ? "\(passed) rule(s) passed" : "no rule matched a row of this CSV"
        if notApplicable > 0 && applicable > 0 {
            text += "; \(notApplicable) not applicable (matched no row of this CSV)"
        } else if notApplicable > 0 {
            text += " (\(notApplicable) rule(s) not applicable: they judge other configurations)"
        }
        return text
    }
}
