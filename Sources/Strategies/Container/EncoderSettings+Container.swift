extension EncoderSettings {
    /// ``container`` as a ``ContainerFormat``, nil for a name WriterBench does not know (which is then handed to
    /// the muxer as it is).
    public var containerFormat: ContainerFormat? { ContainerFormat(rawValue: container) }

    /// The output file's extension for ``container``: `mp4` for fragmented mp4 too, `mkv` for Matroska.
    public var fileExtension: String { containerFormat?.fileExtension ?? container }

    /// Whether ``container`` can be written here (see ``ContainerFormat/availability()``); an unknown name is
    /// unavailable with the names WriterBench knows.
    public var containerAvailability: Availability {
        guard let format = containerFormat else {
            return .unavailable(reason: "unknown container '\(container)'; use one of \(ContainerFormat.selectable.map(\.rawValue).joined(separator: ", "))")
        }
        return format.availability()
    }
}
