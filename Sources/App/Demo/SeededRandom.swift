/// A small generator that gives the same numbers for the same seed: synthetic data that is the same
/// in every run, so benchmarks compare like with like.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed &* 6_364_136_223_846_793_005 &+ 1
    }

    /// A number from 0 up to (not including) `bound`.
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(max(1, bound)))
    }

    mutating func pick<T>(_ values: [T]) -> T { values[next(values.count)] }

    /// `count` different elements, in the order of `values`.
    mutating func sample<T>(_ values: [T], count: Int) -> [T] {
        var chosen = Set<Int>()
        while chosen.count < min(count, values.count) { chosen.insert(next(values.count)) }
        return chosen.sorted().map { values[$0] }
    }

    /// A fraction from 0 to 1.
    mutating func unit() -> Double { Double(next(1_000_000)) / 1_000_000 }
}
