import Fluent
import Foundation
import JobcoachCore

/// One uploaded import file: checked (the dry run), then run or not. The file itself is kept only
/// until it has been imported or the check has grown stale, since it holds client data.
final class ImportRun: Model, @unchecked Sendable {
    static let schema = "import_runs"

    enum Status: String, Sendable {
        /// Checked without problems; waiting for the user to import it.
        case ready
        /// Checked with problems; nothing can be imported from it.
        case refused
        case running
        case done
        /// Stopped before the end; the import's one transaction wrote nothing.
        case failed
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "file_name") var fileName: String
    @OptionalField(key: "content") var content: Data?
    @Field(key: "row_count") var rowCount: Int
    @Field(key: "problem_count") var problemCount: Int
    /// The first problems found, as JSON (`StoredProblem`): where and what, never a value of the file.
    @Field(key: "problems") var problemsJSON: String
    @Field(key: "status") var statusName: String
    @Field(key: "created_count") var createdCount: Int
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?

    init() {}

    var status: Status {
        get { Status(rawValue: statusName) ?? .failed }
        set { statusName = newValue.rawValue }
    }
}

extension ImportRun {
    /// At most this many problems are kept with a run.
    static let keptProblems = 1_000

    struct StoredProblem: Codable {
        var line: Int
        var column: Int?
        var header: String?
        var nl: String
        var en: String
    }

    var problems: [ImportProblem] {
        get {
            let stored = (try? JSONDecoder().decode([StoredProblem].self, from: Data(problemsJSON.utf8))) ?? []
            return stored.map { ImportProblem(line: $0.line, column: $0.column, header: $0.header, message: LocalizedText(nl: $0.nl, en: $0.en)) }
        }
        set {
            problemCount = newValue.count
            let stored = newValue.prefix(Self.keptProblems).map {
                StoredProblem(line: $0.line, column: $0.column, header: $0.header, nl: $0.message.nl, en: $0.message.en)
            }
            problemsJSON = (try? JSONEncoder().encode(Array(stored))).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        }
    }
}
