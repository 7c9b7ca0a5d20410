/// Gathers every problem in a file instead of stopping at the first, so one validation run shows
/// an editor all there is to fix.
final class IssueCollector {
    let file: String
    private(set) var issues: [FrameworkDataIssue] = []

    init(file: String) {
        self.file = file
    }

    func add(_ message: String, item: String?, line: Int?) {
        issues.append(FrameworkDataIssue(file: file, line: line, item: item, message: message))
    }
}
