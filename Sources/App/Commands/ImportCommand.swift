import Fluent
import Foundation
import JobcoachCore
import Vapor

/// `jobcoach import clients|employers|workplaces FILE --as EMAIL [--execute]`: checks a CSV file as
/// the import page does and lists every problem by line and column; with `--execute` and no problems
/// it imports the file in one transaction, with progress. `--as` names the coach or team lead whose
/// reach the rows are checked against and who appears in the audit trail: a command has no login.
/// `jobcoach import template KIND [--language nl|en]` writes a template file to standard output.
struct ImportCommand: AnyAsyncCommand {
    static let usage = "Usage: jobcoach import clients|employers|workplaces FILE --as EMAIL [--execute]\n"
        + "       jobcoach import template clients|employers|workplaces [--language nl|en]"

    var help: String { "Import: 'import clients FILE --as EMAIL [--execute]' checks (and imports) a spreadsheet's CSV; 'import template KIND' writes a template." }

    func run(using context: inout CommandContext) async throws {
        var arguments = context.input.arguments
        guard let first = arguments.first else {
            context.fail(Self.usage, code: 2)
            return
        }
        arguments.removeFirst()
        if first == "template" {
            template(arguments, context: context)
            return
        }
        guard let kind = ImportKind(rawValue: first) else {
            context.fail("Unknown kind '\(first)': choose clients, employers or workplaces.\n" + Self.usage, code: 2)
            return
        }
        let execute = arguments.contains("--execute")
        arguments.removeAll { $0 == "--execute" }
        let options = CommandOptions(arguments, known: ["as"])
        guard options.unknown.count == 1, let path = options.unknown.first, !path.hasPrefix("--") else {
            context.fail("Name one file to import.\n" + Self.usage, code: 2)
            return
        }
        guard let email = options["as"], !email.isEmpty else {
            context.fail("--as is missing: the e-mail address of the coach or team lead who imports.\n" + Self.usage, code: 2)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            context.fail("Cannot read the file \(path).", code: 2)
            return
        }
        guard data.count <= ImportRunner.maxBytes else {
            context.fail("The file \(path) is larger than 10 MB; split it into smaller files.", code: 2)
            return
        }
        let app = context.application
        try await app.autoMigrate()
        guard let user = try await User.query(on: app.db).filter(\.$email == email.lowercased()).first(), user.isActive else {
            context.fail("--as: no active user has the e-mail address \(email).", code: 2)
            return
        }
        guard user.role.may(.workWithClients), let actor = try await PracticeActor.of(user, on: app.db) else {
            context.fail("--as: \(email) is not a coach or team lead of an agency.", code: 2)
            return
        }
        let console = context.console
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        console.print("Checking \(fileName) as \(kind.rawValue) for \(user.displayName) (\(user.email))…")
        let started = Date()
        let (run, check) = try await app.imports.check(data, kind: kind, fileName: fileName, actor: actor, keep: false)
        let encoding = check.encoding.map { $0 == .utf8 ? "UTF-8" : "Windows-1252" } ?? "?"
        let separator = check.separator.map { $0 == "\t" ? "tab" : String($0) } ?? "?"
        console.print("  read \(check.rowCount) rows (\(encoding), separated by \(separator)) in \(Self.seconds(since: started))")
        guard check.problems.isEmpty else {
            for problem in check.problems { console.print("  " + problem.text(in: .en)) }
            context.fail("\(check.problems.count) problem(s): nothing was imported. Mend the file and run the command again.", code: 1)
            return
        }
        guard execute else {
            console.print("No problems: \(check.plannedCount) \(kind.rawValue) can be imported.")
            console.print("Dry run: nothing was written. Add --execute to import.")
            return
        }
        let progress = ProgressLine(console: console)
        let writing = Date()
        switch try await app.imports.execute(run, data: data, actor: actor, progress: { done, total in
            progress.update(stage: kind.rawValue, done: done, total: total)
        }) {
        case .created(let count):
            console.print("Imported \(count) \(kind.rawValue) in \(Self.seconds(since: writing)), in one transaction, each with its audit entry.")
        case .refused(let again):
            for problem in again.problems { console.print("  " + problem.text(in: .en)) }
            context.fail("The data changed while checking: \(again.problems.count) problem(s); nothing was imported.", code: 1)
        }
    }

    private func template(_ arguments: [String], context: CommandContext) {
        let options = CommandOptions(arguments, known: ["language"])
        guard options.unknown.count == 1, let kind = ImportKind(rawValue: options.unknown[0]) else {
            context.fail(Self.usage, code: 2)
            return
        }
        guard let language = Language(rawValue: options["language"] ?? "nl") else {
            context.fail("--language must be nl or en.", code: 2)
            return
        }
        FileHandle.standardOutput.write(Data(ImportController.templateText(kind, in: language).utf8))
    }

    static func seconds(since start: Date) -> String {
        String(format: "%.1f s", Date().timeIntervalSince(start))
    }
}
