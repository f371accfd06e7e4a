import CFFmpeg
import Dispatch
import Foundation

/// Demuxes and decodes one file's video stream on a thread of its own, up to ``depth`` pictures ahead of the thread
/// that scores them, so that the decoder keeps working while a picture is scored.
///
/// Two things follow. The wait for the decoder has a bound: a decoder stuck inside libav (a damaged file, a codec
/// bug) turns into `.stalled` from ``next(within:)`` instead of a verification that never returns. And the decoder
/// gets its next packet without waiting for the scan (when one thread did both, no packet was sent while a picture
/// was scored), which on the 2-core CI machine raised the CPU use of verifying a 61 Mbit/s 1080p H.264 stream from
/// 1.86–1.90 to 1.94–1.96 cores; the wall time stayed within the machine's noise
/// (results/reports/2026-12-03-verification-decode-ahead/).
///
/// Events arrive in the order the decoder loop met them (see ``DecodingEvent``), ending with `.end`. The decoding
/// thread waits for room only while the consumer holds ``depth`` pictures, and gives up as soon as the consumer
/// stops it or lets go of this object. Used from one consumer thread; the decoder, input and packet are touched only by
/// the decoding thread once it starts.
final class DecodingThread {
    /// Pictures decoded ahead of the consumer at most (queued or being scored).
    let depth: Int
    private let handoff: Handoff
    private var stopped = false

    /// Starts decoding `input`'s video stream with `decoder` on a new thread; both belong to that thread from now on.
    ///
    /// - Parameter depth: pictures in flight at most, ≥ 1 (each holds a reference to one of the decoder's buffers).
    /// - Throws: ``LibAVError`` when the pictures cannot be allocated.
    init(input: DecodingInput, decoder: VideoDecoder, depth: Int = 3) throws {
        precondition(depth >= 1, "at least one picture in flight")
        self.depth = depth
        let handoff = Handoff(pictures: try (0..<depth).map { _ in try DecodedPicture() })
        let loop = DecoderLoop(input: input, decoder: decoder, scratch: try DecodedPicture(),
                               packet: try DemuxedPacket())
        self.handoff = handoff
        let thread = Thread { loop.run(handoff) }
        thread.name = "writerbench.verify-decoder"
        thread.start()
    }

    deinit {
        stop()
    }

    /// How long ``stop()`` waits for the decoding thread.
    static let stopBound: Duration = .seconds(5)

    /// Tells the decoding thread to stop at its next step and waits up to ``stopBound`` for it; a thread still inside a
    /// libav call after that ends on its own and frees what it holds. Once it has returned true, returns at once.
    ///
    /// - Returns: whether the thread has stopped.
    @discardableResult
    func stop() -> Bool {
        if stopped { return true }
        handoff.cancel()
        stopped = handoff.stopped.wait(timeout: .now() + Self.stopBound.timeInterval) == .success
        return stopped
    }

    /// The next event; `.stalled` when nothing came within `bound`.
    func next(within bound: Duration) -> DecodingEvent {
        guard handoff.ready.wait(timeout: .now() + bound.timeInterval) == .success else { return .stalled }
        return handoff.pop()
    }

    /// Gives a scored picture back to the decoding thread (its pixels are released to the decoder's pool).
    func recycle(_ picture: DecodedPicture) {
        av_frame_unref(picture.pointer)
        handoff.giveBack(picture)
    }
}

private extension Duration {
    /// Seconds as `DispatchTime` arithmetic takes them.
    var timeInterval: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

/// The queue between the two threads: events in order, free pictures, and a stop flag.
///
/// `@unchecked Sendable`: `events`, `free` and `cancelled` are only touched while holding `lock`; a picture belongs to
/// one side at a time (free list → decoding thread → events → consumer → free list), handed over under the lock.
private final class Handoff: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [DecodingEvent] = []
    private var head = 0
    private var free: [DecodedPicture]
    private var cancelled = false
    /// Signalled once per event posted.
    let ready = DispatchSemaphore(value: 0)
    /// Signalled once per free picture, and by ``cancel()``.
    let room = DispatchSemaphore(value: 0)
    /// Signalled when the decoding thread has left its loop.
    let stopped = DispatchSemaphore(value: 0)

    init(pictures: [DecodedPicture]) {
        free = pictures
        // Counted up from 0: libdispatch traps when a semaphore is freed below the value it was created with.
        for _ in pictures { room.signal() }
    }

    var isCancelled: Bool { lock.withLock { cancelled } }

    func cancel() {
        lock.withLock { cancelled = true }
        room.signal()
    }

    func post(_ event: DecodingEvent) {
        lock.withLock {
            if head > 64 { events.removeFirst(head); head = 0 }
            events.append(event)
        }
        ready.signal()
    }

    /// The oldest event; called once per successful wait on ``ready``.
    func pop() -> DecodingEvent {
        lock.withLock {
            defer { head += 1 }
            return events[head]
        }
    }

    /// A free picture for the decoding thread, waiting while the consumer holds all of them; nil once cancelled.
    ///
    /// The wait is bounded by the consumer's scoring of one picture, or by its cancelling; it wakes every second to
    /// look at the flag, so no wake-up can be lost.
    func takeFree() -> DecodedPicture? {
        while true {
            if room.wait(timeout: .now() + 1) == .success {
                return lock.withLock { cancelled ? nil : free.popLast() }
            }
            if isCancelled { return nil }
        }
    }

    func giveBack(_ picture: DecodedPicture) {
        lock.withLock { free.append(picture) }
        room.signal()
    }
}

/// The demux-and-decode loop and everything it owns; runs on the decoding thread only.
///
/// `@unchecked Sendable`: created on the consumer's thread and handed, untouched, to the decoding thread, which is the
/// only one to use it from then on.
private final class DecoderLoop: @unchecked Sendable {
    private let input: DecodingInput
    private let decoder: VideoDecoder
    private let scratch: DecodedPicture
    private let packet: DemuxedPacket

    init(input: DecodingInput, decoder: VideoDecoder, scratch: DecodedPicture, packet: DemuxedPacket) {
        self.input = input
        self.decoder = decoder
        self.scratch = scratch
        self.packet = packet
    }

    /// Reads every packet and drains the decoder, posting pictures and errors in order, then `.end`.
    func run(_ handoff: Handoff) {
        defer { handoff.stopped.signal() }
        var flushed = false
        while !flushed {
            if handoff.isCancelled { return }
            var haveInput = false
            do {
                haveInput = try input.readVideoPacket(into: packet)
            } catch {
                handoff.post(.readError("\(error)"))
            }
            do {
                // A nil packet starts draining the decoder's delayed pictures (B-frames, frame threads).
                try decoder.send(haveInput ? packet : nil)
            } catch {
                handoff.post(.decodeError("\(error)"))
            }
            flushed = !haveInput
            do {
                while try decoder.receive(into: scratch) {
                    guard let picture = handoff.takeFree() else { return }
                    av_frame_move_ref(picture.pointer, scratch.pointer)
                    handoff.post(.picture(picture))
                }
            } catch {
                // libavcodec reports a damaged picture once and then continues with the next packet.
                handoff.post(.decodeError("\(error)"))
            }
        }
        handoff.post(.end)
    }
}
