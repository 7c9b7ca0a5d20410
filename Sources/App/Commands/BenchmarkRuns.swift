import Dispatch

/// Times a piece of work over several runs, for the benchmark commands: the milliseconds of each run,
/// fastest first.
enum BenchmarkRuns {
    static func milliseconds(_ runs: Int, _ work: () throws -> Void) rethrows -> [Double] {
        var timings: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now()
            try work()
            timings.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
        }
        return timings.sorted()
    }
}
