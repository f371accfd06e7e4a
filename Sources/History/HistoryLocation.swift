/// Where the history store is: `--db`, else `WRITERBENCH_DB`, else ``defaultPath``.
public enum HistoryLocation {
    /// The store `run`, `pipeline` and `history` use when neither `--db` nor `WRITERBENCH_DB` names one.
    public static let defaultPath = "results/history.sqlite"
    /// The environment variable that names the store.
    public static let environmentVariable = "WRITERBENCH_DB"

    /// The store's path from the `--db` option and the environment.
    public static func resolve(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let named = environment[environmentVariable], !named.isEmpty { return named }
        return defaultPath
    }
}
