import Foundation
import Vapor

/// Progress of long work in stages, as lines: each stage's start, then at most two lines a second,
/// and its end. Works the same on a terminal and in a log.
final class ProgressLine: @unchecked Sendable {
    private let console: any Console
    private let lock = NSLock()
    private var lastPrinted = Date.distantPast
    private var stage = ""

    init(console: any Console) {
        self.console = console
    }

    func update(stage: String, done: Int, total: Int) {
        lock.withLock {
            let now = Date()
            let newStage = stage != self.stage
            guard newStage || done == total || now.timeIntervalSince(lastPrinted) >= 0.5 else { return }
            self.stage = stage
            lastPrinted = now
            let percent = total == 0 ? 100 : done * 100 / total
            console.print("  \(stage): \(done) of \(total) (\(percent)%)")
        }
    }
}
