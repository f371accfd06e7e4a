extension EncoderSettings {
    /// ``container`` as a ``ContainerFormat``, nil for a name WriterBench does not know (which is then handed to
    /// the muxer as it is).
    public var containerFormat: ContainerFormat? { ContainerFormat(rawValue: container) }

    /// The output file's extension for ``container``: `mp4` for fragmented mp4 too, `mkv` for Matroska.
    public var fileExtension: String { containerFormat?.fileExtension ?? container }

    /// Whether ``container`` can be written here (see ``ContainerFormat/availability()``). A name WriterBench does
    /// not know (`mpegts`, say, from a program using the library) is handed to the muxer as it is, which accepts it
    /// or fails the writer's opening with libav's own words; the CLI only offers ``ContainerFormat/selectable``.
    public var containerAvailability: Availability {
        containerFormat?.availability() ?? .available
    }
}
