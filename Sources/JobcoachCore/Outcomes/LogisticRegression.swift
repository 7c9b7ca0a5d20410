import Foundation

/// A logistic regression fitted by maximum likelihood with iteratively reweighted least squares
/// (Newton-Raphson on the log-likelihood). The design is row-major, one row per client, with the
/// intercept as a column of ones where wanted; columns must be linearly independent.
public struct LogisticRegression: Sendable {
    public var coefficients: [Double]
    public var fitted: [Double]
    public var iterations: Int
    public var converged: Bool

    public static let maximumIterations = 100
    static let probabilityFloor = 1e-12

    public static func fit(design: [Double], columns: Int, outcomes: [Bool]) -> LogisticRegression {
        let rows = outcomes.count
        precondition(design.count == rows * columns, "design must hold rows × columns values")
        var beta = [Double](repeating: 0, count: columns)
        var eta = [Double](repeating: 0, count: rows)
        var probability = [Double](repeating: 0.5, count: rows)
        var deviance = Self.deviance(probability, outcomes)
        var iterations = 0
        var converged = false
        while iterations < maximumIterations {
            iterations += 1
            // Information matrix XᵀWX and score Xᵀ(y − p).
            var information = [Double](repeating: 0, count: columns * columns)
            var score = [Double](repeating: 0, count: columns)
            for row in 0..<rows {
                let p = probability[row]
                let weight = max(p * (1 - p), probabilityFloor)
                let residual = (outcomes[row] ? 1 : 0) - p
                let base = row * columns
                for i in 0..<columns {
                    let xi = design[base + i]
                    if xi == 0 { continue }
                    score[i] += xi * residual
                    let weighted = weight * xi
                    for j in 0...i { information[i * columns + j] += weighted * design[base + j] }
                }
            }
            for i in 0..<columns { for j in 0..<i { information[j * columns + i] = information[i * columns + j] } }
            guard let step = solveSymmetric(information, score, size: columns) else { break }
            // Halve the step until the deviance does not grow: keeps separated data from overshooting.
            var scale = 1.0
            var accepted = false
            var candidateEta = eta
            var candidateProbability = probability
            var candidateDeviance = deviance
            var candidateBeta = beta
            for _ in 0..<30 {
                candidateBeta = zip(beta, step).map { $0 + scale * $1 }
                for row in 0..<rows {
                    var sum = 0.0
                    let base = row * columns
                    for i in 0..<columns { sum += design[base + i] * candidateBeta[i] }
                    candidateEta[row] = sum
                    candidateProbability[row] = logistic(sum)
                }
                candidateDeviance = Self.deviance(candidateProbability, outcomes)
                if candidateDeviance <= deviance + 1e-12 { accepted = true; break }
                scale /= 2
            }
            guard accepted else { converged = true; break }
            let change = abs(deviance - candidateDeviance)
            let largestStep = zip(beta, candidateBeta).map { abs($0 - $1) }.max() ?? 0
            beta = candidateBeta
            eta = candidateEta
            probability = candidateProbability
            deviance = candidateDeviance
            if change < 1e-10 * (abs(deviance) + 0.1) || largestStep < 1e-10 { converged = true; break }
        }
        return LogisticRegression(coefficients: beta, fitted: probability, iterations: iterations, converged: converged)
    }

    static func logistic(_ value: Double) -> Double {
        let p = 1 / (1 + exp(-value))
        return min(max(p, probabilityFloor), 1 - probabilityFloor)
    }

    static func deviance(_ probability: [Double], _ outcomes: [Bool]) -> Double {
        var sum = 0.0
        for (p, y) in zip(probability, outcomes) { sum -= 2 * log(y ? p : 1 - p) }
        return sum
    }

    /// Solves A x = b for a symmetric positive definite A by Cholesky; nil when A is singular.
    static func solveSymmetric(_ matrix: [Double], _ vector: [Double], size: Int) -> [Double]? {
        var lower = [Double](repeating: 0, count: size * size)
        for i in 0..<size {
            for j in 0...i {
                var sum = matrix[i * size + j]
                for k in 0..<j { sum -= lower[i * size + k] * lower[j * size + k] }
                if i == j {
                    guard sum > 1e-14 else { return nil }
                    lower[i * size + i] = sum.squareRoot()
                } else {
                    lower[i * size + j] = sum / lower[j * size + j]
                }
            }
        }
        var y = [Double](repeating: 0, count: size)
        for i in 0..<size {
            var sum = vector[i]
            for k in 0..<i { sum -= lower[i * size + k] * y[k] }
            y[i] = sum / lower[i * size + i]
        }
        var x = [Double](repeating: 0, count: size)
        for i in stride(from: size - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in (i + 1)..<size { sum -= lower[k * size + i] * x[k] }
            x[i] = sum / lower[i * size + i]
        }
        return x
    }
}
